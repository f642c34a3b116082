namespace ChatEscalation.Bot.Dashboard;

/// <summary>Open tickets one technician owns right now (their load, not a score), and how many of them are P1 or P2.</summary>
public sealed record TechnicianLoad(string Key, string Name, int Open, int Urgent);
