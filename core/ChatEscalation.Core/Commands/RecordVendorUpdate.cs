using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Commands;

/// <summary>
/// Tier 4: the vendor answered on the linked case. Without <paramref name="Update"/> it only records that they responded; with it,
/// what they said. Either stops the vendor's contracted response clock and restarts the chaser.
/// </summary>
public sealed record RecordVendorUpdate(UserRef Actor, string? Update = null) : TicketCommand(Actor);
