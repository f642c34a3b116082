using ChatEscalation.Core.Tickets;
using ChatEscalation.Core.Views;

namespace ChatEscalation.Core.WhatIf;

/// <summary>The dry run of a <see cref="WhatIfRequest"/>: when it would be raised, as what, and the engine's timeline for people.</summary>
/// <param name="Priority">The priority the ticket gets (a VIP's or a critical service's raise included); the dry run simulates this one.</param>
/// <param name="Note">Said on the page when the simulated priority is not the one asked for ("a P2 from a VIP is simulated as the P1 it becomes"); null otherwise.</param>
public sealed record WhatIfResult(
    DateTimeOffset RaisedAt,
    string Impact,
    string Urgency,
    Priority Priority,
    string Category,
    string Reporter,
    string RoutingReason,
    string? Note,
    IReadOnlyList<TimelineLine> Lines,
    TimelineSummary Summary);
