namespace ChatEscalation.Bot.Slack.Protocol;

/// <summary>The original <c>message</c> of a <c>block_actions</c> payload (its blocks stay in the raw payload).</summary>
public sealed record SlackMessageRef
{
    /// <summary>The message's ts: with the channel id, the key for <c>chat.update</c>.</summary>
    public string? Ts { get; init; }

    /// <summary>Thread parent, when the message is in a thread.</summary>
    public string? ThreadTs { get; init; }

    /// <summary>Fallback text of the message.</summary>
    public string? Text { get; init; }
}
