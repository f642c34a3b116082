namespace ChatEscalation.Core.Tickets;

/// <summary>How soon the problem must be fixed; the other axis of the priority matrix.</summary>
public enum Urgency { High, Medium, Low }
