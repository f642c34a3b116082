using ChatEscalation.Core.Views;
using ChatEscalation.Persistence.Workflows;

namespace ChatEscalation.Bot.Home;

/// <summary>The host's <see cref="ITicketChanges"/>: tells every platform's home refresher (Slack, Teams) of each change.</summary>
/// <remarks>Each refresher only schedules (in memory, without blocking or throwing), as <see cref="ITicketChanges"/> requires.</remarks>
public sealed class HomeRefreshers(IEnumerable<IHomeRefresher> refreshers) : ITicketChanges
{
    private readonly IHomeRefresher[] all = [.. refreshers];

    public void Staged(HomeChange change)
    {
        foreach (var refresher in all) refresher.Staged(change);
    }
}
