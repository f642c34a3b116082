namespace ChatEscalation.Bot.Slack;

/// <summary>Text helpers for Block Kit: mrkdwn escaping and cutting to Slack's limits.</summary>
public static class SlackText
{
    /// <summary>Slack's three mrkdwn escapes (<c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c>), so user text can never form a mention, a channel link or a URL.</summary>
    public static string Escape(string? text) =>
        (text ?? "").Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>
    /// Undoes Slack's escaping of message and command text (<c>&amp;amp;</c>, <c>&amp;lt;</c>, <c>&amp;gt;</c>), once: what the person
    /// typed, so "printer &amp; scanner" is stored as typed and shown as typed. Mentions and links (<c>&lt;@U…&gt;</c>) are real markup
    /// and must be read before this.
    /// </summary>
    public static string Decode(string? text) =>
        (text ?? "").Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);

    /// <summary>
    /// <paramref name="text"/> cut to at most <paramref name="max"/> characters; a cut text ends with <paramref name="suffix"/> (e.g. a link to the
    /// ticket page) or an ellipsis. Never splits a surrogate pair, never cuts an escape such as <c>&amp;amp;</c> in half.
    /// </summary>
    public static string Cut(string text, int max, string? suffix = null)
    {
        if (text.Length <= max) return text;
        var tail = suffix ?? "…";
        if (tail.Length >= max) tail = "…";
        var keep = max - tail.Length;
        if (keep > 0 && char.IsHighSurrogate(text[keep - 1])) keep--;
        var amp = text.LastIndexOf('&', Math.Max(0, keep - 1), Math.Min(keep, 6));
        if (amp >= 0 && text.IndexOf(';', amp) is var semi && (semi < 0 || semi >= keep)) keep = amp;
        return text[..keep] + tail;
    }
}
