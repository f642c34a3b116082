namespace ChatEscalation.Core.Tickets;

/// <summary>Where a ticket is in its life.</summary>
/// <remarks>
/// Queued (at a tier, nobody owns it) → Accepted (one owner) → Queued at the next tier on escalation …
/// → Resolved → Closed once the reopen window has passed. WaitingOnUser pauses the SLA clock.
/// Cancelled is terminal and only the reporter (or a manager) gets there.
/// </remarks>
public enum TicketStatus { Queued, Accepted, WaitingOnUser, Resolved, Closed, Cancelled }
