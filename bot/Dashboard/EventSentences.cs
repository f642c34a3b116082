using ChatEscalation.Core.Events;

namespace ChatEscalation.Bot.Dashboard;

/// <summary>What each audit event means, written for people (the ticket page shows this, not <c>PageAcknowledged</c> or <c>SlaWarned</c>).</summary>
public static class EventSentences
{
    public static string Of(EventKind kind) => kind switch
    {
        EventKind.Raised => "Ticket raised",
        EventKind.Accepted => "Accepted by a technician",
        EventKind.Escalated => "Escalated to another tier",
        EventKind.AutoEscalated => "Escalated automatically (the tier's time ran out)",
        EventKind.TopTierTimedOut => "The top tier's time ran out: the managers were told (the clock moves it no further)",
        EventKind.ManagerEscalated => "A manager was asked to step in",
        EventKind.QueueReminded => "The queue was reminded nobody had accepted it",
        EventKind.SlaWarned => "SLA warning: most of the resolution time is used",
        EventKind.ManagerPinged => "Managers alerted: the SLA is at risk or breached",
        EventKind.SlaBreached => "SLA breached: the resolution target passed",
        EventKind.Paged => "On-call person paged",
        EventKind.PageAcknowledged => "Page acknowledged",
        EventKind.PageEnded => "Paging stopped",
        EventKind.CoverageGap => "Nobody was on call: the managers were told",
        EventKind.Held => "Held for the next on-call shift",
        EventKind.Resolved => "Resolved",
        EventKind.KnowledgeDrafted => "Fix saved as a knowledge-base draft",
        EventKind.Reopened => "Reopened",
        EventKind.Closed => "Closed",
        EventKind.Cancelled => "Cancelled",
        EventKind.NoteAdded => "Note added",
        EventKind.WaitingOnUser => "Waiting on the user (SLA paused)",
        EventKind.Resumed => "Work resumed (SLA running again)",
        EventKind.Reassigned => "Reassigned by a manager",
        EventKind.PriorityOverridden => "Priority changed by a manager",
        EventKind.VendorLinked => "Vendor case linked",
        EventKind.VendorChased => "Vendor chased for an answer",
        EventKind.VendorOverdue => "Vendor overdue: the managers were told",
        EventKind.VendorResponded => "The vendor answered",
        _ => Words(kind.ToString()),
    };

    /// <summary>A name such as <c>SomethingNew</c> as "Something new", for kinds added later.</summary>
    private static string Words(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));
}
