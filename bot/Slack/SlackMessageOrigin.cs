namespace ChatEscalation.Bot.Slack;

/// <summary>
/// The message a "Raise a ticket" shortcut was used on: its channel, its ts and its author, and the ts of the thread it is a reply in
/// (if it is one). Carried through the raise modal as its <c>private_metadata</c> (<c>message:{channel}:{ts}:{author}[:{thread}]</c>),
/// so the submission knows whom the ticket is for and where to answer.
/// </summary>
public sealed record SlackMessageOrigin(string Channel, string Ts, string Author, string? ThreadTs = null)
{
    private const string Prefix = "message:";

    /// <summary>The thread the ticket's lines go to: the one the message is in, else the one it starts (Slack threads hang off a top-level message).</summary>
    public string ThreadRoot => ThreadTs ?? Ts;

    /// <summary>The modal's <c>private_metadata</c>.</summary>
    public string Format() => $"{Prefix}{Channel}:{Ts}:{Author}" + (ThreadTs is { } thread && thread != Ts ? $":{thread}" : "");

    /// <summary>The origin a modal's <c>private_metadata</c> names, or null for any other modal (a ticket number, empty).</summary>
    public static SlackMessageOrigin? TryParse(string? metadata)
    {
        if (metadata is null || !metadata.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var parts = metadata[Prefix.Length..].Split(':');
        return parts switch
        {
            [{ Length: > 0 } channel, { Length: > 0 } ts, { Length: > 0 } author] => new SlackMessageOrigin(channel, ts, author),
            [{ Length: > 0 } channel, { Length: > 0 } ts, { Length: > 0 } author, { Length: > 0 } thread] => new SlackMessageOrigin(channel, ts, author, thread),
            _ => null,
        };
    }
}
