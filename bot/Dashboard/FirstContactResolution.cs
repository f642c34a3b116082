namespace ChatEscalation.Bot.Dashboard;

/// <summary>Tickets resolved at Tier 1 without any escalation, against all resolved tickets; the desk aims at 50–70 %.</summary>
public sealed record FirstContactResolution(int ResolvedAtTier1WithoutEscalation, int Resolved)
{
    public const double TargetLow = 0.50;
    public const double TargetHigh = 0.70;

    /// <summary>0–1; null when nothing was resolved.</summary>
    public double? Rate => Resolved == 0 ? null : (double)ResolvedAtTier1WithoutEscalation / Resolved;

    /// <summary><c>below</c>, <c>within</c> or <c>above</c> the target band; <c>n/a</c> when nothing was resolved.</summary>
    public string Band => Rate switch
    {
        null => "n/a",
        < TargetLow => "below",
        > TargetHigh => "above",
        _ => "within",
    };
}
