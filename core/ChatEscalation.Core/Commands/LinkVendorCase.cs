using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Commands;

/// <summary>Tier 4: record the vendor's case; the vendor's contracted clock starts.</summary>
public sealed record LinkVendorCase(UserRef Actor, string Vendor, string ExternalCaseId) : TicketCommand(Actor);
