namespace ChatEscalation.Core.Engine;

/// <summary>Names of the once-only warnings recorded on a ticket.</summary>
/// <remarks>
/// The lead's warning, the managers' 90 % ping and the breach ping each fire once per ticket and tier: a ticket that arrives at a
/// new tier already at risk or breached is reported again with its new tier and owner (once, as a breach when it is one).
/// <see cref="Breached"/> records that the resolution target was missed at all, for the SLA result.
/// </remarks>
public static class Marks
{
    public static string Warning(int tier) => $"warn:T{tier}";
    public static string Manager(int tier) => $"manager:T{tier}";
    public static string Breach(int tier) => $"breach:T{tier}";
    public const string Breached = "breach";
    public const string VendorRespond = "vendor-respond";
    public const string VendorResolve = "vendor-resolve";
    public static string Unaccepted(int tier) => $"unaccepted:T{tier}";
    /// <summary>The functional trigger ran out at the top internal tier and the managers were told (the clock moves it no higher).</summary>
    public static string TopTierTimeout(int tier) => $"top-tier:T{tier}";
}
