namespace ChatEscalation.Core.Tickets;

/// <summary>Where a ticket is in its life.</summary>
/// <remarks>
/// Queued (at a tier, nobody owns it) → Accepted (one owner) → Queued at the next tier on escalation …
/// → Resolved → Closed once the reopen window has passed. WaitingOnUser pauses the SLA clock.
/// Cancelled is terminal and only the reporter (or a manager) gets there. Linked: the same problem as another ticket
/// (<see cref="Ticket.ParentNumber"/>), whose updates reach this reporter and whose resolution resolves this one.
/// </remarks>
public enum TicketStatus { Queued, Accepted, WaitingOnUser, Resolved, Closed, Cancelled, Linked }
