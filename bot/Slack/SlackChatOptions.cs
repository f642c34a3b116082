namespace ChatEscalation.Bot.Slack;

/// <summary>Settings of the Slack chat behaviour (not the protocol), bound from the same <c>"Slack"</c> section as <see cref="SlackOptions"/>.</summary>
public sealed class SlackChatOptions
{
    /// <summary>
    /// Public base URL of the bot's web pages. Cut texts on Slack cards end with a link to <c>{PublicBaseUrl}/tickets/{number}</c>;
    /// null or empty: cut texts end with an ellipsis only.
    /// </summary>
    public string? PublicBaseUrl { get; set; }
}
