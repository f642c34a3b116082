namespace ChatEscalation.Core.Engine;

/// <summary>Why a command was refused, for adapters that map refusals to inline form errors.</summary>
public enum RefusalCode
{
    /// <summary>The person may not do this.</summary>
    NotAllowed,
    /// <summary>A required field is missing or too short (<see cref="Refusal.Field"/> names it).</summary>
    InvalidInput,
    /// <summary>The ticket is not in a state where this makes sense.</summary>
    InvalidState,
    /// <summary>Somebody else got there first (two accepts at once).</summary>
    Conflict,
}
