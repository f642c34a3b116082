using ChatEscalation.Core.Policy;

namespace ChatEscalation.Core.Views;

/// <summary>Who is on call now and next, per tier and layer.</summary>
/// <param name="NowPerson">E-mail key of who covers now; null for a gap.</param>
/// <param name="UntilText"><paramref name="Until"/> written for chat (<see cref="TimeText.At"/> in the staffed calendar's zone).</param>
public sealed record OnCallLine(int Tier, string TierName, string Rotation, string Layer, string? NowPerson, string? NowName, DateTimeOffset Until, string? NextPerson, string? NextName, DateTimeOffset NextFrom, string UntilText = "");

/// <summary>Builds the on-call board shown by <c>/oncall</c> and the dashboard: a pure function of policy and time.</summary>
public static class OnCallBoard
{
    public static IReadOnlyList<OnCallLine> At(EscalationPolicy policy, DateTimeOffset now)
    {
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
                    TimeText.At(current.To, policy.Staffed.Zone, now)));
            }
        }
        return lines;
    }

    /// <summary>Plain text for chat replies.</summary>
    public static string Describe(IReadOnlyList<OnCallLine> lines, bool staffedNow)
    {
        if (lines.Count == 0) return "No on-call rotations are configured.";
        var header = staffedNow ? "The desk is staffed now; after hours these people are paged:" : "Outside staffed hours: these people are paged now:";
        return header + "\n" + string.Join("\n", lines.Select(l =>
            $"• {l.TierName} ({l.Layer}): {l.NowName ?? "nobody (gap)"} until {l.UntilText}, then {l.NextName ?? "nobody (gap)"}"));
    }
}
