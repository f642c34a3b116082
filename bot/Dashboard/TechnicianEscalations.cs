namespace ChatEscalation.Bot.Dashboard;

/// <summary>How many escalations one technician made (the actor of <c>Escalated</c> events).</summary>
public sealed record TechnicianEscalations(string Key, string Name, int Count);
