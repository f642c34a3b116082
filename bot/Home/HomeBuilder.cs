using ChatEscalation.Core.Tickets;
using ChatEscalation.Core.Views;
using ChatEscalation.Persistence;
using ChatEscalation.Persistence.Storage;
using ChatEscalation.Persistence.Workflows;
using Microsoft.EntityFrameworkCore;

namespace ChatEscalation.Bot.Home;

/// <summary>Reads what a person's home needs from the store and builds it (<see cref="HomeViews.Build"/>): the Slack App Home, the Teams
/// <c>home</c> card and the emulator's Home all come from here.</summary>
/// <remarks>
/// Reads are bounded whatever the desk's size: per tier queue the first <see cref="QueueReadLimit"/> unaccepted tickets (highest priority, then oldest) and a count;
/// for a manager the oldest <see cref="OpenReadLimit"/> open tickets (the oldest are the ones at risk or breached first). One scope, one
/// clock reading.
/// </remarks>
public sealed class HomeBuilder(EscalationDbContext db, TicketWorkflow workflow, IPolicyProvider policies, TimeProvider time)
{
    /// <summary>Most queued tickets read per tier (the home lists <see cref="HomeViews.ListLimit"/> and counts the rest).</summary>
    public const int QueueReadLimit = HomeViews.ListLimit + 10;

    /// <summary>Most open tickets read to find a manager's at-risk and breached ones.</summary>
    public const int OpenReadLimit = 2000;

    private static readonly TicketStatus[] OpenStatuses = [TicketStatus.Queued, TicketStatus.Accepted, TicketStatus.WaitingOnUser];

    /// <param name="zone">The reader's zone (Slack's <c>tz</c>, Teams' <c>localTimezone</c>); null: the desk's.</param>
    public async Task<HomeView> BuildAsync(UserRef person, TimeZoneInfo? zone, CancellationToken ct)
    {
        var (policy, now) = (policies.Current, time.GetUtcNow());
        var mine = await workflow.ListOpenForAsync(person, ct);
        var queued = new List<Ticket>();
        var totals = new Dictionary<int, int>();
        foreach (var tier in policy.TiersOf(person))
        {
            var waiting = db.Tickets.AsNoTracking().Where(t => t.Status == TicketStatus.Queued && t.Tier == tier && t.OwnerKey == null && !t.IntakePending);
            totals[tier] = await waiting.CountAsync(ct);
            queued.AddRange((await waiting.OrderBy(t => t.Priority).ThenBy(t => t.Number).Take(QueueReadLimit).ToListAsync(ct)).Select(RowMapper.ToTicket));
        }

        var open = policy.IsManager(person)
            ? (await db.Tickets.AsNoTracking().Where(t => OpenStatuses.Contains(t.Status)).OrderBy(t => t.Number).Take(OpenReadLimit).ToListAsync(ct)).Select(RowMapper.ToTicket).ToList()
            : [];
        return HomeViews.Build(policy.Named(person), policy, now, zone, new HomeData(mine, queued, totals, open));
    }
}
