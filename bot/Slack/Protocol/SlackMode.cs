namespace ChatEscalation.Bot.Slack.Protocol;

/// <summary>How Slack delivers events, commands and interactions to the bot.</summary>
public enum SlackMode
{
    /// <summary>Slack POSTs signed HTTP callbacks to <c>/slack/events</c>, <c>/slack/commands</c>, <c>/slack/interactions</c>.</summary>
    Http,

    /// <summary>The bot opens a WebSocket to Slack (app-level token); no public URL is needed.</summary>
    Socket,
}
