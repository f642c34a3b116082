namespace ChatEscalation.Bot.Slack;

/// <summary>
/// The message a "Raise a ticket" shortcut was used on: its channel, its ts and its author. Carried through the raise modal as its
/// <c>private_metadata</c> (<c>message:{channel}:{ts}:{author}</c>), so the submission knows whom the ticket is for and where to answer.
/// </summary>
public sealed record SlackMessageOrigin(string Channel, string Ts, string Author)
{
    private const string Prefix = "message:";

    /// <summary>The modal's <c>private_metadata</c>.</summary>
    public string Format() => $"{Prefix}{Channel}:{Ts}:{Author}";

    /// <summary>The origin a modal's <c>private_metadata</c> names, or null for any other modal (a ticket number, empty).</summary>
    public static SlackMessageOrigin? TryParse(string? metadata)
    {
        if (metadata is null || !metadata.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var parts = metadata[Prefix.Length..].Split(':');
        return parts is [{ Length: > 0 } channel, { Length: > 0 } ts, { Length: > 0 } author] ? new SlackMessageOrigin(channel, ts, author) : null;
    }
}
