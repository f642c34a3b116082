namespace ChatEscalation.Core.Deadlines;

/// <summary>What falls due; persisted as a string. Deadlines due at the same instant fire in this order.</summary>
public enum DeadlineKind
{
    /// <summary>The functional trigger of the priority: move to the next tier (at the top internal tier: tell the managers).</summary>
    /// <remarks>First, so a ticket leaving its tier is not reminded about at that tier in the same minute.</remarks>
    FunctionalEscalation,
    /// <summary>Nobody accepted in time: remind the queue, then its leads, then the managers (the ticket stays at its tier).</summary>
    AcceptanceTimeout,
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
