namespace ChatEscalation.Core.Tickets;

/// <summary>How widely a problem hurts the business; one axis of the priority matrix.</summary>
public enum Impact { High, Medium, Low }
