namespace ChatEscalation.Bot.Slack.Protocol;

/// <summary>The original <c>message</c> of a <c>block_actions</c> or <c>message_action</c> payload (its blocks stay in the raw payload).</summary>
public sealed record SlackMessageRef
{
    /// <summary>The message's ts: with the channel id, the key for <c>chat.update</c>.</summary>
    public string? Ts { get; init; }

    /// <summary>Thread parent, when the message is in a thread.</summary>
    public string? ThreadTs { get; init; }

    /// <summary>Fallback text of the message.</summary>
    public string? Text { get; init; }

    /// <summary>The author's user id (absent for bot messages).</summary>
    public string? User { get; init; }

    /// <summary>Files shared with the message (<c>message_action</c>).</summary>
    public IReadOnlyList<SlackFileRef> Files { get; init; } = [];
}
