using ChatEscalation.Core.Views;

namespace ChatEscalation.Persistence.Workflows;

/// <summary>Nobody listens to ticket changes (no homes to refresh).</summary>
public sealed class NoTicketChanges : ITicketChanges
{
    public void Staged(HomeChange change)
    {
    }
}
