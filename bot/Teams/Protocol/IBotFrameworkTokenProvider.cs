namespace ChatEscalation.Bot.Teams.Protocol;

/// <summary>Supplies the bot's outbound bearer token for Connector calls.</summary>
public interface IBotFrameworkTokenProvider
{
    /// <summary>
    /// Returns a cached token, renewing it shortly before expiry. When <paramref name="rejectedToken"/> is the
    /// currently cached token (the Connector answered 401 to it), a new token is fetched instead.
    /// </summary>
    Task<string> GetTokenAsync(string? rejectedToken, CancellationToken ct);
}
