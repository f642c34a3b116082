namespace ChatEscalation.Bot.Dashboard;

/// <summary>Everything the dashboard shows, computed at <see cref="At"/>.</summary>
/// <param name="AutomaticEscalations">Escalations made by the functional trigger (not by a person), counted apart from <see cref="ByTechnician"/>.</param>
public sealed record EscalationFigures(
    DateTimeOffset At,
    int OpenTickets,
    IReadOnlyList<TierSlaCount> OpenByTierAndSla,
    IReadOnlyList<CategoryEscalations> ByCategory,
    IReadOnlyList<TechnicianEscalations> ByTechnician,
    int AutomaticEscalations,
    IReadOnlyList<RepeatEscalation> Repeats,
    FirstContactResolution FirstContact,
    IReadOnlyList<PriorityCompliance> SlaCompliance,
    IReadOnlyList<TierTime> TimeInTier,
    PageStats Pages,
    IReadOnlyList<ParkedMessage> Parked);
