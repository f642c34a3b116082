using ChatEscalation.Core.Policy;

namespace ChatEscalation.Core.Views;

/// <summary>Who is on call now and next, per tier and layer.</summary>
/// <param name="NowPerson">E-mail key of who covers now; null for a gap.</param>
/// <param name="UntilText"><paramref name="Until"/> written for chat (<see cref="TimeText.At"/> in the reader's zone when known, else the staffed calendar's).</param>
public sealed record OnCallLine(int Tier, string TierName, string Rotation, string Layer, string? NowPerson, string? NowName, DateTimeOffset Until, string? NextPerson, string? NextName, DateTimeOffset NextFrom, string UntilText = "");

/// <summary>Builds the on-call board shown by <c>/oncall</c> and the dashboard: a pure function of policy and time.</summary>
public static class OnCallBoard
{
    /// <param name="readerZone">The zone of the person reading (Slack's <c>tz</c>, Teams' <c>localTimezone</c>); null: the staffed calendar's zone.</param>
    public static IReadOnlyList<OnCallLine> At(EscalationPolicy policy, DateTimeOffset now, TimeZoneInfo? readerZone = null)
    {
        var zone = readerZone ?? policy.Staffed.Zone;
        var lines = new List<OnCallLine>();
        foreach (var tier in policy.Tiers)
        {
            if (policy.RotationFor(tier.Level) is not { } rotation) continue;
            for (var layer = 0; layer < rotation.Layers.Count; layer++)
            {
                var current = rotation.ShiftAt(layer, now);
                var next = rotation.NextShift(layer, now);
                lines.Add(new OnCallLine(tier.Level, tier.Name, rotation.Name, rotation.Layers[layer].Name,
                    current.Person, current.Person is null ? null : policy.Person(current.Person).Name, current.To,
                    next.Person, next.Person is null ? null : policy.Person(next.Person).Name, next.From,
                    TimeText.At(current.To, zone, now)));
            }
        }
        return lines;
    }

    /// <summary>
    /// The lines of one tier or rotation: <paramref name="query"/> is a tier number (<c>2</c>, <c>tier 2</c>, <c>T2</c>) or a word of
    /// a tier's or rotation's name (<c>infrastructure</c>, <c>network</c>), case-insensitive; an empty query keeps every line. Null when
    /// nothing matches.
    /// </summary>
    public static IReadOnlyList<OnCallLine>? Matching(IReadOnlyList<OnCallLine> lines, string? query)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var q = (query ?? "").Trim();
        if (q.Length == 0) return lines;
        var digits = q.StartsWith("tier", StringComparison.OrdinalIgnoreCase) ? q[4..].Trim()
            : q.Length > 1 && (q[0] is 't' or 'T') && char.IsDigit(q[1]) ? q[1..] : q;
        var found = int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var level)
            ? lines.Where(l => l.Tier == level).ToList()
            : lines.Where(l => l.TierName.Contains(q, StringComparison.OrdinalIgnoreCase) || l.Rotation.Contains(q, StringComparison.OrdinalIgnoreCase)).ToList();
        return found.Count == 0 ? null : found;
    }

    /// <summary>Plain text for chat replies; with <paramref name="readerZone"/> the times are said to be in it.</summary>
    public static string Describe(IReadOnlyList<OnCallLine> lines, bool staffedNow, TimeZoneInfo? readerZone = null)
    {
        if (lines.Count == 0) return "No on-call rotations are configured.";
        var header = staffedNow ? "The desk is staffed now; after hours these people are paged:" : "Outside staffed hours: these people are paged now:";
        if (readerZone is not null) header = header.TrimEnd(':') + $" (times in {TimeText.ZoneName(readerZone)}):";
        return header + "\n" + string.Join("\n", lines.Select(l =>
            $"• {l.TierName} ({l.Layer}): {l.NowName ?? "nobody (gap)"} until {l.UntilText}, then {l.NextName ?? "nobody (gap)"}"));
    }
}
