namespace ChatEscalation.Core.Policy.Options;

/// <summary>The <c>Policy</c> configuration section as written in appsettings.json; compiled and validated by <see cref="PolicyCompiler"/>.</summary>
/// <remarks>
/// Durations are text: <c>90s</c>, <c>30m</c>, <c>4h</c>, <c>2d</c> or a TimeSpan (<c>1.02:00:00</c>).
/// In SLA, trigger and vendor fields they are business time of the priority's calendar, and <c>d</c> is a business day
/// (the calendar's standard working day); elsewhere they are wall-clock time.
/// </remarks>
public sealed class PolicyOptions
{
    public List<TierOptions> Tiers { get; set; } = [];
    public List<string> Managers { get; set; } = [];
    public ChannelOptions ManagerChannel { get; set; } = new();
    public ChannelOptions OnCallChannel { get; set; } = new();
    public List<PersonOptions> People { get; set; } = [];
    public Dictionary<string, CategoryOptions> Categories { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    public string DefaultCategory { get; set; } = "General";
    /// <summary>Impact → urgency → priority, e.g. <c>High: { High: P1, Medium: P2, Low: P3 }</c>.</summary>
    public Dictionary<string, Dictionary<string, string>> PriorityMatrix { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    public VipOptions Vips { get; set; } = new();
    public List<CriticalServiceOptions> CriticalServices { get; set; } = [];
    public Dictionary<string, PriorityOptions> Priorities { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    public ThresholdOptions Thresholds { get; set; } = new();
    public Dictionary<string, CalendarOptions> Calendars { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>The calendar of the hours the desk is staffed; outside them escalations page on-call.</summary>
    public string StaffedCalendar { get; set; } = "business";
    public OnCallOptions OnCall { get; set; } = new();
    public List<VendorOptions> Vendors { get; set; } = [];
    /// <summary>Wall-clock time after resolution during which the reporter may reopen; then the ticket closes.</summary>
    public string ReopenWindow { get; set; } = "7d";
    /// <summary>Resolutions at this tier or above are captured as knowledge-base drafts for Tier 1.</summary>
    public int KnowledgeFromTier { get; set; } = 2;
    /// <summary>When many reports of one problem make it a major incident, and how it is handled.</summary>
    public MajorIncidentOptions MajorIncident { get; set; } = new();
}
