using System.Globalization;

namespace ChatEscalation.Core.Tickets;

/// <summary>Cuts text to a length without splitting a character: never half a surrogate pair, never half an emoji sequence.</summary>
public static class TextCut
{
    /// <summary>
    /// The longest prefix of <paramref name="text"/> that is at most <paramref name="max"/> UTF-16 code units and ends on a
    /// text-element (grapheme) boundary; the text itself when it fits.
    /// </summary>
    public static string Prefix(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= max) return text;
        if (max <= 0) return "";
        var end = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var next = elements.ElementIndex + ((string)elements.Current).Length;
            if (next > max) break;
            end = next;
        }

        return text[..end];
    }
}
