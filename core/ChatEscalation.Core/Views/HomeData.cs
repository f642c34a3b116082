using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Views;

/// <summary>The tickets a home is built from, as the store found them (<see cref="HomeViews.Build"/> filters, orders and cuts them).</summary>
/// <param name="Mine">Open tickets the person reported or owns.</param>
/// <param name="Queued">Queued tickets of the tiers the person works in (may be a prefix of each queue, highest priority then oldest first).</param>
/// <param name="QueuedTotals">How many tickets each of those tiers has queued in all (a tier missing here: as many as <paramref name="Queued"/> holds).</param>
/// <param name="Open">For a manager: the open tickets to judge at risk or breached (empty for anybody else).</param>
public sealed record HomeData(IReadOnlyList<Ticket> Mine, IReadOnlyList<Ticket> Queued, IReadOnlyDictionary<int, int> QueuedTotals, IReadOnlyList<Ticket> Open)
{
    /// <summary>Nothing to show but the person's shifts.</summary>
    public static HomeData Empty { get; } = new([], [], new Dictionary<int, int>(), []);
}
