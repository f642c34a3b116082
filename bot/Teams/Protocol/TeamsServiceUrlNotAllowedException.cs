namespace ChatEscalation.Bot.Teams.Protocol;

/// <summary>
/// A Connector call targeted a serviceUrl outside <see cref="TeamsOptions.AllowedServiceUrlPrefixes"/>;
/// nothing was sent (the bot's token never leaves for unknown hosts).
/// </summary>
public sealed class TeamsServiceUrlNotAllowedException(string serviceUrl)
    : Exception($"Service URL '{serviceUrl}' is not in Teams:AllowedServiceUrlPrefixes; the bot token is not sent there.")
{
    /// <summary>The refused service URL.</summary>
    public string ServiceUrl { get; } = serviceUrl;
}
