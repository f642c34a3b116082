namespace ChatEscalation.Bot.Dashboard;

/// <summary>How many people a ticket affected from <paramref name="At"/> on (a point of a major incident's trend).</summary>
public sealed record AffectedPoint(DateTimeOffset At, int People);
