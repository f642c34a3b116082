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
    /// <summary>The card went to the queue after the knowledge step (or without it, when it did not run in time).</summary>
    Queued,
    /// <summary>Suggestions were offered to the reporter (the note is how many).</summary>
    SuggestionsOffered,
    /// <summary>An open ticket was offered to the reporter as the same problem.</summary>
    SimilarOffered,
    /// <summary>The reporter resolved it with a suggestion ("This fixed it"): self-service, deflected.</summary>
    Deflected,
    /// <summary>This ticket was linked to another as the same problem.</summary>
    Linked,
    Unlinked,
    /// <summary>Another person's report was linked to this ticket.</summary>
    ReportLinked,
    ReportUnlinked,
    /// <summary>Enough people reported it within the window: a major incident.</summary>
    MajorIncident,
    /// <summary>Resolved because the ticket it is linked to was resolved, with the same fix.</summary>
    ResolvedWithParent,
    KnowledgePublished,
    KnowledgeDiscarded,
}
