using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Bot.Dashboard;

/// <summary>Resolved tickets of one priority, and how many of them were resolved without an SLA breach.</summary>
public sealed record PriorityCompliance(Priority Priority, int Resolved, int Met)
{
    /// <summary>Met ÷ resolved, 0–1; null when nothing was resolved.</summary>
    public double? Rate => Resolved == 0 ? null : (double)Met / Resolved;
}
