using ChatEscalation.Core.Tickets;
using ChatEscalation.Core.Views;

namespace ChatEscalation.Bot.Dashboard;

/// <summary>One ticket in the dashboard's ticket list, as its card shows it now.</summary>
/// <param name="SlaState">The engine's view of the SLA now; a ticket that has breached stays <see cref="Core.Views.SlaState.Breached"/>.</param>
/// <param name="SlaMinutesLeft">Minutes of the resolution target left (negative: over by that much); null when paused or closed.</param>
public sealed record OpenTicket(
    long Number, string Key, string Title, Priority Priority, int Tier, string TierName, TicketStatus Status, string StatusText,
    string? Owner, string Reporter, SlaState SlaState, string SlaText, DateTimeOffset? SlaDueAt, double? SlaMinutesLeft, DateTimeOffset RaisedAt);
