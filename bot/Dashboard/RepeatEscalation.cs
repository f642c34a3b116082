namespace ChatEscalation.Bot.Dashboard;

/// <summary>A ticket that went back up: an escalation marked <c>repeat</c>, or an escalation after the ticket was reopened.</summary>
/// <param name="Reason"><c>repeat</c> (back up to a tier it had already reached) or <c>after reopen</c>.</param>
public sealed record RepeatEscalation(long Ticket, string Key, DateTimeOffset At, int FromTier, int ToTier, string Reason);
