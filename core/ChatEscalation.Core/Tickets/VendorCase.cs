namespace ChatEscalation.Core.Tickets;

/// <summary>A case opened with a Tier 4 vendor, with the vendor's own contracted clock.</summary>
/// <remarks>All instants are UTC. The chaser reminds the owner to follow up until the case is closed or the ticket resolved.
/// <see cref="RespondedAt"/> is when the vendor first answered (recorded by whoever directs the ticket); from then on the contracted
/// response time no longer runs, so "response overdue" never fires after an answer.</remarks>
public sealed record VendorCase(
    string Vendor,
    string Contract,
    string ExternalCaseId,
    DateTimeOffset OpenedAt,
    DateTimeOffset RespondBy,
    DateTimeOffset ResolveBy,
    DateTimeOffset NextChaseAt,
    DateTimeOffset? RespondedAt = null);
