using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Bot.Dashboard;

/// <summary>
/// SLA compliance of one priority: tickets resolved within target (<see cref="Met"/>) against all resolved ones plus the open tickets
/// that have already breached (<see cref="OpenBreached"/>): a breach still open is a miss, not something left out.
/// </summary>
public sealed record PriorityCompliance(Priority Priority, int Resolved, int Met, int OpenBreached)
{
    /// <summary>Resolved plus open and breached: every ticket whose SLA outcome is known.</summary>
    public int Counted => Resolved + OpenBreached;

    /// <summary>Met ÷ (resolved + open breached), 0–1; null when there is nothing to count.</summary>
    public double? Rate => Counted == 0 ? null : (double)Met / Counted;
}
