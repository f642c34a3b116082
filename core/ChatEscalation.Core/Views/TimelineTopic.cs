namespace ChatEscalation.Core.Views;

/// <summary>What a line of the what-if timeline is about, for the page's filters.</summary>
public enum TimelineTopic
{
    /// <summary>An after-hours page: the event, the page to a person, the on-call and manager page alerts, the page ending.</summary>
    Page,
    /// <summary>SLA warnings, manager pings, breaches, queue reminders and what is said about them.</summary>
    Warning,
    /// <summary>The ticket raised or moved to another tier.</summary>
    Escalation,
    /// <summary>Everything else said: thread updates, the reporter's status messages.</summary>
    Message,
}
