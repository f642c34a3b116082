namespace ChatEscalation.Bot.Dashboard;

/// <summary>An outbox message that failed for good and waits for a person.</summary>
public sealed record ParkedMessage(long Id, long Ticket, string Platform, string Audience, string Kind, int Attempts, string? LastError, DateTimeOffset CreatedAt);
