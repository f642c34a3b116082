namespace ChatEscalation.Core.Policy.Options;

/// <summary>SLA targets and escalation terms of one priority.</summary>
public sealed class PriorityOptions
{
    /// <summary>Time to accept (response target); also the acceptance timeout of each tier queue.</summary>
    public string RespondWithin { get; set; } = "";
    /// <summary>Time to resolve (resolution target).</summary>
    public string ResolveWithin { get; set; } = "";
    /// <summary>Functional trigger: business time at one tier before the ticket moves to the next.</summary>
    public string EscalateAfter { get; set; } = "";
    /// <summary>Business calendar the clock runs on; <c>24x7</c> is built in.</summary>
    public string Calendar { get; set; } = "business";
    /// <summary>Page the on-call person when this priority escalates outside staffed hours.</summary>
    public bool PageAfterHours { get; set; }
    /// <summary>Technicians may escalate past the next tier (managers always may).</summary>
    public bool AllowTierSkip { get; set; }
}
