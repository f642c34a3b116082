using ChatEscalation.Core.Policy.Options;

namespace ChatEscalation.Core.Policy;

/// <summary>What the policy says where the configuration is silent.</summary>
public static class PolicyDefaults
{
    /// <summary>P1 24x7 with a 30 min trigger; P2 4 business hours; P3 2 business days; P4 5 business days.</summary>
    public static PriorityOptions For(string priority) => priority.ToUpperInvariant() switch
    {
        "P1" => new() { RespondWithin = "15m", ResolveWithin = "4h", EscalateAfter = "30m", Calendar = "24x7", PageAfterHours = true, AllowTierSkip = true },
        "P2" => new() { RespondWithin = "30m", ResolveWithin = "8h", EscalateAfter = "4h", Calendar = "business", PageAfterHours = true },
        "P3" => new() { RespondWithin = "4h", ResolveWithin = "5d", EscalateAfter = "2d", Calendar = "business" },
        _ => new() { RespondWithin = "1d", ResolveWithin = "10d", EscalateAfter = "5d", Calendar = "business" },
    };

    /// <summary>The usual ITIL matrix: High×High = P1 … Low×Low = P4.</summary>
    public static string Matrix(string impact, string urgency) => (impact, urgency) switch
    {
        ("High", "High") => "P1",
        ("High", "Medium") or ("Medium", "High") => "P2",
        ("High", "Low") or ("Medium", "Medium") or ("Low", "High") => "P3",
        _ => "P4",
    };

    /// <summary>Monday to Friday 08:00–18:00 UTC.</summary>
    public static CalendarOptions Business() => new()
    {
        TimeZone = "UTC",
        Hours = new(StringComparer.OrdinalIgnoreCase) { ["Mon-Fri"] = "08:00-18:00" },
    };
}
