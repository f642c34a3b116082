namespace ChatEscalation.Core.Policy.Options;

/// <summary>A business calendar: IANA time zone, weekly hours, holidays.</summary>
public sealed class CalendarOptions
{
    public string TimeZone { get; set; } = "UTC";
    /// <summary>Day (or range such as <c>Mon-Fri</c>) → hours such as <c>08:00-12:00, 13:00-17:00</c>.</summary>
    public Dictionary<string, string> Hours { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Local dates, <c>2026-12-25</c>.</summary>
    public List<string> Holidays { get; set; } = [];
}
