using System.Text;

namespace ChatEscalation.Core.Knowledge;

/// <summary>The words of a report that carry meaning: for the full-text query, and (stemmed) for the engine's relevance rule.</summary>
/// <remarks>
/// Words are runs of letters and digits, lower-cased; common English words ("the", "my", "not", "every" …) and filler ("please",
/// "issue", "problem") are left out. <see cref="Stems"/> strips plural and verb endings ("drops", "dropping", "dropped" → "drop") so
/// two reports worded a little differently still share their words. Pure and culture-invariant.
/// </remarks>
public static class SearchTerms
{
    /// <summary>Most words a full-text query carries.</summary>
    public const int MaxQueryWords = 12;

    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal)
    {
        "a", "about", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "been", "before", "but", "by",
        "can", "cannot", "cant", "could", "did", "do", "does", "doesn", "doesnt", "don", "dont", "each", "every", "for", "from", "get",
        "gets", "got", "had", "has", "have", "having", "he", "hello", "help", "her", "hi", "his", "how", "i", "if", "in", "into", "is",
        "isn", "isnt", "issue", "it", "its", "just", "keeps", "me", "my", "no", "not", "now", "of", "on", "or", "our", "please",
        "problem", "s", "since", "so", "some", "still", "t", "that", "the", "their", "them", "then", "there", "they", "this", "to",
        "today", "too", "up", "us", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "why", "will", "with",
        "won", "wont", "working", "would", "you", "your",
    };

    /// <summary>The meaningful words of <paramref name="text"/> in order, once each (as typed, lower case), for a full-text query.</summary>
    public static IReadOnlyList<string> QueryWords(string? text, int max = MaxQueryWords)
    {
        var words = new List<string>();
        foreach (var word in Words(text))
        {
            if (!Ignored.Contains(word) && !words.Contains(word)) words.Add(word);
            if (words.Count == max) break;
        }

        return words;
    }

    /// <summary>The stems of the meaningful words of <paramref name="text"/>, once each.</summary>
    public static IReadOnlySet<string> Stems(string? text)
    {
        var stems = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in Words(text))
        {
            if (!Ignored.Contains(word)) stems.Add(Stem(word));
        }

        return stems;
    }

    /// <summary>A light English stem: plural and verb endings off (<c>minutes</c> → <c>minute</c>, <c>dropping</c> → <c>drop</c>).</summary>
    public static string Stem(string word)
    {
        var w = word;
        if (w.Length > 4 && w.EndsWith("ies", StringComparison.Ordinal)) return w[..^3] + "y";
        if (w.Length > 5 && w.EndsWith("ing", StringComparison.Ordinal)) w = Undouble(w[..^3]);
        else if (w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal)) w = Undouble(w[..^2]);
        else if (w.Length > 4 && (w.EndsWith("sses", StringComparison.Ordinal) || w.EndsWith("xes", StringComparison.Ordinal) || w.EndsWith("ches", StringComparison.Ordinal) || w.EndsWith("shes", StringComparison.Ordinal))) w = w[..^2];
        else if (w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal)) w = w[..^1];
        return w;
    }

    private static string Undouble(string w) =>
        w.Length > 2 && w[^1] == w[^2] && !"aeiouls".Contains(w[^1], StringComparison.Ordinal) ? w[..^1] : w;

    private static IEnumerable<string> Words(string? text)
    {
        if (string.IsNullOrEmpty(text)) yield break;
        var current = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
                continue;
            }

            if (c is '\'' or '’') continue; // "won't" → "wont"
            if (current.Length > 0) yield return current.ToString();
            current.Clear();
        }

        if (current.Length > 0) yield return current.ToString();
    }
}
