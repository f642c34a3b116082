using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Policy;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Views;

/// <summary>Builds a person's <see cref="HomeView"/>: a pure function of the person, the policy, the clock, their zone and the tickets found.</summary>
/// <remarks>
/// <list type="bullet">
/// <item>Mine: the open tickets they reported or own, oldest first.</item>
/// <item>Queues (technicians and leads): per tier they work in, the queued tickets nobody has accepted whose card is in the queue (the
/// knowledge step is done), highest priority first and oldest first within a priority (the order to pick them up), each with Accept when the engine would let them accept it.</item>
/// <item>Shifts: their turns and overrides in every rotation from now to the end of next week (weeks start on Monday in their zone).</item>
/// <item>At risk (managers): open tickets whose SLA is at risk or breached (a recorded breach stays breached), breached first, then by due time.</item>
/// </list>
/// Every list shows at most <see cref="ListLimit"/> entries and says how many more there are, so a home stays within the platforms'
/// limits (Slack: 100 blocks) whatever the desk's load. Times are in <c>zone</c> (the reader's), else the staffed calendar's.
/// </remarks>
public static class HomeViews
{
    /// <summary>Most tickets (or shifts) one list shows.</summary>
    public const int ListLimit = 15;

    public static HomeView Build(UserRef person, EscalationPolicy policy, DateTimeOffset now, TimeZoneInfo? zone, HomeData data)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(data);
        var reader = zone ?? policy.Staffed.Zone;
        HomeTicket Line(Ticket t) => Ticket(t, person, policy, now, reader);

        var mine = data.Mine.Where(t => t.IsOpen).DistinctBy(t => t.Number).OrderBy(t => t.Number).ToList();
        var queues = policy.TiersOf(person).Select(tier =>
        {
            var waiting = data.Queued.Where(t => t.Tier == tier && IsUnaccepted(t)).DistinctBy(t => t.Number).OrderBy(t => t.Priority).ThenBy(t => t.Number).ToList();
            var total = Math.Max(waiting.Count, data.QueuedTotals.TryGetValue(tier, out var n) ? n : waiting.Count);
            var shown = waiting.Take(ListLimit).Select(Line).ToList();
            return new HomeQueue(tier, policy.TierName(tier), shown, total - shown.Count);
        }).ToList();

        List<HomeTicket>? atRisk = null;
        var atRiskMore = 0;
        if (policy.IsManager(person))
        {
            var risky = data.Open.Where(t => t.IsOpen).DistinctBy(t => t.Number).Select(Line).Where(l => l.SlaState is SlaState.AtRisk or SlaState.Breached)
                .OrderBy(l => l.SlaState == SlaState.Breached ? 0 : 1).ThenBy(l => l.Priority).ThenBy(l => l.Number).ToList();
            atRisk = risky.Take(ListLimit).ToList();
            atRiskMore = risky.Count - atRisk.Count;
        }

        return new HomeView(person, Roles(person, policy), mine.Take(ListLimit).Select(Line).ToList(), Math.Max(0, mine.Count - ListLimit), queues,
            Shifts(person, policy, now, reader), atRisk, atRiskMore, TimeText.ZoneName(reader), now, TimeText.At(now, reader, now));
    }

    /// <summary>Queued, nobody owns it, and its card is in the queue (the knowledge step is done).</summary>
    public static bool IsUnaccepted(Ticket t) => t.Status == TicketStatus.Queued && t.Owner is null && t.Intake == IntakeStage.Done;

    /// <summary>The person's shifts from <paramref name="now"/> to the end of next week in <paramref name="zone"/>, in order, at most <see cref="ListLimit"/>.</summary>
    public static IReadOnlyList<HomeShift> Shifts(UserRef person, EscalationPolicy policy, DateTimeOffset now, TimeZoneInfo zone)
    {
        var end = EndOfNextWeek(now, zone);
        var shifts = new List<HomeShift>();
        foreach (var rotation in policy.Rotations.Values)
        {
            for (var layer = 0; layer < rotation.Layers.Count; layer++)
            {
                foreach (var s in rotation.Timeline(layer, now, end).Where(s => person.Is(s.Person) && s.To > now))
                {
                    shifts.Add(new HomeShift(rotation.Name, rotation.Layers[layer].Name, s.From, s.To,
                        s.From <= now ? "now" : TimeText.At(s.From, zone, now), s.To == DateTimeOffset.MaxValue ? "further notice" : TimeText.At(s.To, zone, now)));
                }
            }
        }

        return shifts.OrderBy(s => s.From).ThenBy(s => s.Rotation, StringComparer.Ordinal).Take(ListLimit).ToList();
    }

    /// <summary>Monday 00:00 two weeks after the start of <paramref name="now"/>'s week, in <paramref name="zone"/> (as a UTC instant).</summary>
    public static DateTimeOffset EndOfNextWeek(DateTimeOffset now, TimeZoneInfo zone)
    {
        var today = TimeZoneInfo.ConvertTime(now, zone).Date;
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7)).AddDays(14);
        var local = DateTime.SpecifyKind(monday, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(30); // midnight inside a DST gap: the first valid instant after it
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }

    private static HomeTicket Ticket(Ticket t, UserRef reader, EscalationPolicy policy, DateTimeOffset now, TimeZoneInfo zone)
    {
        var view = TicketViews.Card(t, policy, now);
        var state = t.IsOpen && t.HasMark(Engine.Marks.Breached) ? SlaState.Breached : view.SlaState;
        var due = view.SlaDueAt is { } at ? $"{TimeText.At(at, zone, now)}, {view.SlaText}" : view.SlaText;
        var canAccept = IsUnaccepted(t) && TicketViews.ActionsFor(t, policy, reader).Contains(TicketActions.Accept);
        return new HomeTicket(t.Number, view.Key, view.Title, view.Priority, view.StatusText, view.TierName, view.Owner?.Name, due, state, canAccept);
    }

    private static string Roles(UserRef person, EscalationPolicy policy)
    {
        var tiers = policy.TierRoles(person);
        return policy.IsManager(person) ? tiers.Length == 0 ? "manager" : $"manager, {tiers}" : tiers;
    }
}
