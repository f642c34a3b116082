using ChatEscalation.Core.Views;

namespace ChatEscalation.Persistence.Workflows;

/// <summary>
/// Told of every ticket change <see cref="DecisionWriter"/> stages (workflow commands, the sweep, grouped commits), so the homes of the
/// people it concerns can be republished. The host implements it (the bot's HomeRefreshers: the Slack App Home and the Teams home card).
/// </summary>
/// <remarks>
/// Called when the change is staged, before its commit: an implementation must only schedule work that reads the stored state later
/// (a change that is rolled back and decided again is told again), and must not block or throw: it runs inside the write.
/// </remarks>
public interface ITicketChanges
{
    void Staged(HomeChange change);
}
