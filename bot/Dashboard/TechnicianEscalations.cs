namespace ChatEscalation.Bot.Dashboard;

/// <summary>
/// One technician's escalations (the actor of <c>Escalated</c> events) next to the tickets they resolved: escalating is part of the
/// work, not a failure, so the two are shown together.
/// </summary>
public sealed record TechnicianEscalations(string Key, string Name, int Count, int Resolved);
