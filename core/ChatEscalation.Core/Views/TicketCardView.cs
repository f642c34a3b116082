using ChatEscalation.Core.Knowledge;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Views;

/// <summary>Everything a ticket card shows, independent of the platform. Block Kit, Adaptive Cards and the emulator's HTML all render this.</summary>
/// <remarks>
/// Texts are plain (unescaped); renderers escape them. <see cref="SlaDueAt"/> is UTC and null while the clock is paused or stopped.
/// No label is given twice: <see cref="RoutingReason"/> says why the ticket has its priority without repeating it (renderers
/// show "P2 · VIP reporter (raised from P3)"), and <see cref="AffectedService"/> is null when it only repeats the category.
/// <see cref="SlaText"/> never states a negative duration, and a ticket whose breach was recorded reads as breached.
/// </remarks>
public sealed record TicketCardView(
    string Key,
    long Number,
    string Title,
    string Description,
    string Category,
    Priority Priority,
    string RoutingReason,
    int Tier,
    string TierName,
    UserRef Reporter,
    UserRef? Owner,
    TicketStatus Status,
    string StatusText,
    string? AffectedService,
    bool IsVip,
    bool IsCriticalService,
    DateTimeOffset? SlaDueAt,
    SlaState SlaState,
    string SlaText,
    HandoffNote? LastHandoff,
    string? Resolution,
    VendorCase? Vendor,
    string? PagingText,
    IReadOnlyList<string> Actions,
    int Version)
{
    /// <summary>What fixed similar problems (best first, at most three); shown on the Tier 1 card, empty elsewhere.</summary>
    public IReadOnlyList<Suggestion> Suggestions { get; init; } = [];

    /// <summary>People affected: the reporter and everybody whose report is linked to this ticket (1 for a ticket nobody joined).</summary>
    public int PeopleAffected { get; init; } = 1;

    /// <summary>"Major incident: P1: 12 people affected in 20 min" when it is one; null otherwise.</summary>
    public string? MajorIncidentText { get; init; }

    /// <summary>The ticket this one is linked to as the same problem (<c>INC-000041</c>), when it is linked or was resolved with it.</summary>
    public string? LinkedTo { get; init; }
}
