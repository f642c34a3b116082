namespace ChatEscalation.Bot.Dashboard;

/// <summary>Wall-clock time tickets spent at one tier (from the audit trail), in total and per ticket that visited it.</summary>
public sealed record TierTime(int Tier, string TierName, int Tickets, TimeSpan Total)
{
    public TimeSpan AveragePerTicket => Tickets == 0 ? TimeSpan.Zero : Total / Tickets;
}
