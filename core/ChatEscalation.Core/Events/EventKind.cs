namespace ChatEscalation.Core.Events;

/// <summary>What happened to a ticket; persisted as a string, so the order here carries no meaning.</summary>
public enum EventKind
{
    Raised, Accepted, Escalated, AutoEscalated, ManagerEscalated, QueueReminded,
    SlaWarned, ManagerPinged, SlaBreached, Paged, PageAcknowledged, PageEnded, CoverageGap, Held,
    Resolved, KnowledgeDrafted, Reopened, Closed, Cancelled, NoteAdded,
    WaitingOnUser, Resumed, Reassigned, PriorityOverridden, VendorLinked, VendorChased, VendorOverdue,
}
