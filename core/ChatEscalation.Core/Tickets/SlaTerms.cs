namespace ChatEscalation.Core.Tickets;

/// <summary>The SLA and escalation terms copied onto a ticket when it is raised (or its priority overridden).</summary>
/// <remarks>Editing the policy later never rewrites an escalation already in flight. Durations are business time of <see cref="Calendar"/>.</remarks>
public sealed record SlaTerms(
    Priority Priority,
    string Calendar,
    TimeSpan RespondWithin,
    TimeSpan ResolveWithin,
    TimeSpan EscalateAfter,
    bool PageAfterHours,
    bool AllowTierSkip,
    double WarnAt,
    double ManagerAt);
