namespace ChatEscalation.Core.Events;

/// <summary>What happened to a ticket; persisted as a string, so the order here carries no meaning.</summary>
/// <remarks><see cref="QueueReminded"/> is each acceptance reminder of an unaccepted ticket (the queue, then its leads, then the
/// managers); <see cref="ManagerPinged"/> is the managers' SLA ping at 90 % (or a ticket arriving at a tier at risk).</remarks>
public enum EventKind
{
    Raised, Accepted, Escalated, AutoEscalated, ManagerEscalated, QueueReminded,
    SlaWarned, ManagerPinged, SlaBreached, Paged, PageAcknowledged, PageEnded, CoverageGap, Held,
    Resolved, KnowledgeDrafted, Reopened, Closed, Cancelled, NoteAdded,
    WaitingOnUser, Resumed, Reassigned, PriorityOverridden, VendorLinked, VendorChased, VendorOverdue,
    /// <summary>The functional trigger fell due at the top internal tier: the clock moves the ticket no further, the managers are told.</summary>
    TopTierTimedOut,
    /// <summary>The vendor answered on the linked case (with what they said, when given): their response clock stops.</summary>
    VendorResponded,
}
