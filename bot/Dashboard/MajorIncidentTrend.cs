namespace ChatEscalation.Bot.Dashboard;

/// <summary>A major incident and the people it affected over time (one point at the raise and at every report linked or unlinked).</summary>
/// <param name="Reason">Why it became one, in words ("P1: 12 people affected in 20 min").</param>
public sealed record MajorIncidentTrend(long Ticket, string Key, string Title, string Status, string Reason, int PeopleNow, IReadOnlyList<AffectedPoint> Points);
