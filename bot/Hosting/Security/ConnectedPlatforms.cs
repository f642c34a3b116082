namespace ChatEscalation.Bot.Hosting.Security;

/// <summary>Whether the bot talks to real people on Slack or Teams: then its web pages hold real tickets and are locked down.</summary>
public static class ConnectedPlatforms
{
    /// <summary>
    /// True when any Slack or Teams credential is configured (<c>Slack:SigningSecret</c>, <c>Slack:AppToken</c>, <c>Slack:BotToken</c>
    /// or <c>Teams:AppId</c>), whatever <c>Outbox:Platforms</c> lists: listing platforms never loosens the web pages' protection.
    /// </summary>
    public static bool Any(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new[] { "Slack:SigningSecret", "Slack:AppToken", "Slack:BotToken", "Teams:AppId" }
            .Any(key => !string.IsNullOrWhiteSpace(configuration[key]));
    }
}
