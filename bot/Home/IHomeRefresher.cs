using ChatEscalation.Persistence.Workflows;

namespace ChatEscalation.Bot.Home;

/// <summary>One platform's home refresher (<see cref="HomeRefresher{TTarget}"/>); the host tells each of them every ticket change
/// (<see cref="HomeRefreshers"/>).</summary>
public interface IHomeRefresher : ITicketChanges
{
    /// <summary>Refreshes waiting or under way (zero when the worker is idle).</summary>
    int Pending { get; }
}
