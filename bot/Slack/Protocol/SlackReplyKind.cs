namespace ChatEscalation.Bot.Slack.Protocol;

/// <summary>What an acknowledgement to Slack carries.</summary>
public enum SlackReplyKind
{
    /// <summary>Nothing: an empty 200 (or a bare Socket Mode ack).</summary>
    Empty,

    /// <summary>A JSON object, e.g. <c>response_action</c> for a modal or a command's ephemeral message.</summary>
    Json,

    /// <summary>Plain text; slash commands show it to the user.</summary>
    Text,
}
