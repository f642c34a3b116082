namespace ChatEscalation.Bot.Dashboard;

/// <summary>Everything the dashboard shows, computed at <see cref="At"/> over <see cref="Range"/> (open tickets and load are as of now).</summary>
/// <param name="Raised">Tickets raised in the range.</param>
/// <param name="RaisedAndEscalated">Of those, the ones escalated at least once (functional, by a person or the trigger).</param>
/// <param name="AutomaticEscalations">Escalations made by the functional trigger (not by a person), counted apart from <see cref="ByTechnician"/>.</param>
/// <param name="Load">Open tickets each technician owns now.</param>
/// <param name="Weeks">The weekly trend over the range.</param>
/// <param name="Knowledge">Suggestions shown and used, deflection, first contact with and without suggestions.</param>
/// <param name="MajorIncidents">Major incidents with the people affected over time.</param>
public sealed record EscalationFigures(
    DateTimeOffset At,
    ReportRange Range,
    int OpenTickets,
    IReadOnlyList<TierSlaCount> OpenByTierAndSla,
    int Raised,
    int RaisedAndEscalated,
    IReadOnlyList<CategoryEscalations> ByCategory,
    IReadOnlyList<TechnicianEscalations> ByTechnician,
    int AutomaticEscalations,
    IReadOnlyList<TechnicianLoad> Load,
    IReadOnlyList<RepeatEscalation> Repeats,
    FirstContactResolution FirstContact,
    IReadOnlyList<PriorityCompliance> SlaCompliance,
    IReadOnlyList<TierTime> TimeInTier,
    PageStats Pages,
    IReadOnlyList<WeekTrend> Weeks,
    IReadOnlyList<ParkedMessage> Parked,
    KnowledgeFigures Knowledge,
    IReadOnlyList<MajorIncidentTrend> MajorIncidents)
{
    /// <summary>Tickets raised in the range that were escalated, 0–1; null when none was raised.</summary>
    public double? EscalationRate => Raised == 0 ? null : (double)RaisedAndEscalated / Raised;
}
