namespace ChatEscalation.Bot.Dashboard;

/// <summary>One week (Monday to Sunday in the desk's zone) of the trend: tickets raised, escalations, and first-contact resolution.</summary>
public sealed record WeekTrend(DateOnly WeekStart, int Raised, int Escalations, int Resolved, int ResolvedAtFirstContact)
{
    /// <summary>First-contact resolution that week, 0–1; null when nothing was resolved.</summary>
    public double? FirstContactRate => Resolved == 0 ? null : (double)ResolvedAtFirstContact / Resolved;
}
