namespace ChatEscalation.Core.Views;

/// <summary>A tier's unaccepted queue as a technician's home shows it: at most <see cref="HomeViews.ListLimit"/> tickets, and how many more wait.</summary>
public sealed record HomeQueue(int Tier, string TierName, IReadOnlyList<HomeTicket> Tickets, int More);
