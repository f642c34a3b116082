namespace ChatEscalation.Core.Tickets;

/// <summary>A case opened with a Tier 4 vendor, with the vendor's own contracted clock.</summary>
/// <remarks>All instants are UTC. The chaser reminds the owner to follow up until the case is closed or the ticket resolved.</remarks>
public sealed record VendorCase(
    string Vendor,
    string Contract,
    string ExternalCaseId,
    DateTimeOffset OpenedAt,
    DateTimeOffset RespondBy,
    DateTimeOffset ResolveBy,
    DateTimeOffset NextChaseAt);
