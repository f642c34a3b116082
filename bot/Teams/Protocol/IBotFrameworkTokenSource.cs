namespace ChatEscalation.Bot.Teams.Protocol;

/// <summary>Asks the identity provider for a fresh Connector token (never a cached one).</summary>
public interface IBotFrameworkTokenSource
{
    /// <summary>A new token and how long it is valid; throws <see cref="BotFrameworkTokenException"/> when the provider refuses or fails.</summary>
    Task<AcquiredToken> AcquireAsync(CancellationToken ct);
}
