namespace ChatEscalation.Core.Deadlines;

/// <summary>What falls due; persisted as a string.</summary>
public enum DeadlineKind
{
    /// <summary>Nobody accepted in time: remind the queue once, then escalate.</summary>
    AcceptanceTimeout,
    /// <summary>The functional trigger of the priority: move to the next tier.</summary>
    FunctionalEscalation,
    SlaWarning,
    SlaManager,
    SlaBreach,
    Repage,
    CoverageResumes,
    VendorChase,
    VendorRespondDue,
    VendorResolveDue,
    AutoClose,
    /// <summary>A card held for the knowledge step (or the reporter's "Same problem?" answer) goes to the queue anyway.</summary>
    IntakeEnds,
}
