namespace ChatEscalation.Core.Knowledge;

/// <summary>The engine's rule for "about the same thing", applied to what the search found (the search ranks; this decides).</summary>
/// <remarks>
/// A candidate is relevant when it shares at least half of the report's meaningful words (stems), and at least two of them
/// when the report has two or more: "VPN drops every 10 minutes" matches "VPN dropping every few minutes" but not "VPN client will
/// not install". A report with one meaningful word needs that word.
/// </remarks>
public static class Relevance
{
    /// <summary>How many of the report's stems <paramref name="candidate"/> shares.</summary>
    public static int Shared(IReadOnlySet<string> report, string candidate)
    {
        var other = SearchTerms.Stems(candidate);
        return report.Count(other.Contains);
    }

    /// <summary>True when <paramref name="candidate"/> is about the same thing as a report with stems <paramref name="report"/>.</summary>
    public static bool Matches(IReadOnlySet<string> report, string candidate)
    {
        if (report.Count == 0) return false;
        var needed = report.Count == 1 ? 1 : Math.Max(2, (report.Count + 1) / 2);
        return Shared(report, candidate) >= needed;
    }
}
