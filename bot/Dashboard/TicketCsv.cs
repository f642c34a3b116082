using System.Text;
using ChatEscalation.Core.Views;
using ChatEscalation.Persistence.Rows;

namespace ChatEscalation.Bot.Dashboard;

/// <summary>
/// The export: one row per ticket — number, key, title, priority, category, status, tier now, highest tier, the tiers it passed
/// through, owner, reporter, raised / first accepted / resolved / closed times (ISO 8601 UTC), SLA outcome and counts of escalations
/// and reopens.
/// </summary>
/// <remarks>SLA outcome: <c>met</c> or <c>missed</c> once resolved, <c>breached</c>, <c>at risk</c>, <c>warning</c>, <c>on track</c> or
/// <c>paused</c> while open, <c>cancelled</c>.</remarks>
public static class TicketCsv
{
    public const string Header = "number,key,title,priority,category,status,tier,highest_tier,tiers,owner,reporter,raised_at,first_accepted_at,resolved_at,closed_at,sla_outcome,escalations,reopens";

    public static string Write(IEnumerable<(TicketRow Row, OpenTicket Item, IReadOnlyList<TicketEventRow> Trail)> tickets)
    {
        var sb = new StringBuilder(Header).Append("\r\n");
        foreach (var (row, item, trail) in tickets)
        {
            var tiers = trail.Select(e => e.Tier).Prepend(trail.Count > 0 ? trail[0].Tier : row.Tier).Append(row.Tier)
                .Aggregate(new List<int>(), (seen, tier) => { if (seen.Count == 0 || seen[^1] != tier) seen.Add(tier); return seen; });
            sb.Line(CsvText.Number(row.Number), item.Key, item.Title, row.Priority.ToString(), row.Category, row.Status.ToString(),
                CsvText.Number(row.Tier), CsvText.Number(tiers.Max()), string.Join(" > ", tiers.Select(t => "T" + CsvText.Number(t))),
                item.Owner ?? "", item.Reporter, CsvText.Time(row.RaisedAt), CsvText.Time(row.FirstAcceptedAt), CsvText.Time(row.ResolvedAt),
                CsvText.Time(row.ClosedAt), Outcome(item.SlaState), CsvText.Number(row.EscalationCount), CsvText.Number(row.ReopenCount));
        }
        return sb.ToString();
    }

    private static string Outcome(SlaState state) => state switch
    {
        SlaState.Met => "met",
        SlaState.Missed => "missed",
        SlaState.Breached => "breached",
        SlaState.AtRisk => "at risk",
        SlaState.Warning => "warning",
        SlaState.OnTrack => "on track",
        SlaState.Paused => "paused",
        _ => "cancelled",
    };
}
