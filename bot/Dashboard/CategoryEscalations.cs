namespace ChatEscalation.Bot.Dashboard;

/// <summary>Escalations of tickets of one category: by a person (<see cref="Manual"/>) and by the functional trigger (<see cref="Automatic"/>).</summary>
public sealed record CategoryEscalations(string Category, int Manual, int Automatic);
