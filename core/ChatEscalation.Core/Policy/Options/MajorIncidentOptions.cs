namespace ChatEscalation.Core.Policy.Options;

/// <summary>The <c>Policy:MajorIncident</c> section: when many reports of one problem make it a major incident.</summary>
public sealed class MajorIncidentOptions
{
    /// <summary>How many distinct people affected within <see cref="Window"/> make a ticket a major incident. Default 10.</summary>
    public int Reports { get; set; } = 10;

    /// <summary>Wall-clock window in which the reports are counted, and in which an open ticket is offered as "the same problem". Default 30m.</summary>
    public string Window { get; set; } = "30m";

    /// <summary>The priority a major incident is raised to (never lowered). Default P1.</summary>
    public string Priority { get; set; } = "P1";

    /// <summary>The lowest tier a major incident is handled at (it moves up with an automatic handoff note); null keeps its tier.</summary>
    public int? OpenAtTier { get; set; }

    /// <summary>How long a new report waits for its reporter's answer to "Same problem?" before it goes to the queue anyway. Default 5m.</summary>
    public string AskFor { get; set; } = "5m";
}
