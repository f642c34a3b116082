using System.Text;

namespace ChatEscalation.Bot.Teams.Cards;

/// <summary>Makes user-typed text safe to show in an Adaptive Card TextBlock, and cuts long text.</summary>
/// <remarks>
/// Neutralises what the host would interpret in user text: <c>{{DATE(…)}}</c>-style functions (a zero-width space
/// splits the braces) and <c>&lt;at&gt;</c> mention tags (the angle brackets become look-alike characters). Markdown is left as typed.
/// </remarks>
public static class CardText
{
    /// <summary>Escapes <paramref name="text"/> for a TextBlock.</summary>
    public static string Safe(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((c == '{' || c == '}') && i + 1 < text.Length && text[i + 1] == c)
            {
                sb.Append(c).Append('\u200B');
                continue;
            }

            sb.Append(c switch { '<' => '\u2039', '>' => '\u203A', _ => c });
        }

        return sb.ToString();
    }

    /// <summary>
    /// Cuts <paramref name="text"/> to at most <paramref name="max"/> characters (not splitting a surrogate pair) and
    /// appends an ellipsis, plus a link to <paramref name="moreUrl"/> when given. Returns the safe text and whether it was cut.
    /// </summary>
    public static (string Text, bool Cut) Limit(string? text, int max, string? moreUrl)
    {
        var safe = Safe(text);
        if (safe.Length <= max) return (safe, false);
        var end = max;
        if (end > 0 && char.IsHighSurrogate(safe[end - 1])) end--;
        var cut = safe[..end].TrimEnd() + "…";
        return (moreUrl is null ? cut : $"{cut} [Read more]({moreUrl})", true);
    }
}
