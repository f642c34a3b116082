namespace ChatEscalation.Bot.Dashboard;

/// <summary>An outbox message that waits for a person: it failed for good, or an attempt may have delivered it and the platform cannot be asked.</summary>
/// <param name="Unconfirmed">True: the last attempt ended without an answer (<c>OutboxState.Unconfirmed</c>), so the person may already have it;
/// look in the chat before sending it again. False: it failed for good (<c>OutboxState.Parked</c>).</param>
public sealed record ParkedMessage(long Id, long Ticket, string Platform, string Audience, string Kind, int Attempts, string? LastError, DateTimeOffset CreatedAt, bool Unconfirmed);
