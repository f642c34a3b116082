using System.Globalization;
using System.Text.RegularExpressions;
using ChatEscalation.Core.Events;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Persistence.Rows;
using ChatEscalation.Persistence.Storage;

namespace ChatEscalation.Bot.Dashboard;

/// <summary>The knowledge and major-incident parts of the dashboard's figures, from rows and trails. Pure.</summary>
public static partial class KnowledgeFiguresCalculator
{
    /// <summary>Suggestions shown, used, deflection and first contact with and without suggestions over <paramref name="range"/>.</summary>
    /// <remarks>
    /// First contact follows <see cref="FirstContactResolution"/>: resolved at Tier 1 without an escalation. Reports resolved with the
    /// ticket they were linked to are not counted: their parent's resolution is.
    /// </remarks>
    public static KnowledgeFigures Knowledge(IReadOnlyList<TicketRow> tickets, IReadOnlyList<TicketEventRow> events, ReportRange range,
        Func<long, bool> escalated)
    {
        var raised = tickets.Count(t => range.Contains(t.RaisedAt));
        var inRange = events.Where(e => range.Contains(e.At)).ToList();
        var offered = inRange.Where(e => e.Kind == EventKind.SuggestionsOffered).ToList();
        var shown = offered.Sum(e => int.TryParse(e.Note, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 1);
        var used = inRange.Count(e => e.Kind == EventKind.Deflected);
        var resolved = tickets.Where(t => t.ResolvedAt is { } at && range.Contains(at) && t.Status is TicketStatus.Resolved or TicketStatus.Closed && t.ParentNumber is null).ToList();
        bool FirstContact(TicketRow t) => t.Tier == 1 && !escalated(t.Number);
        var without = resolved.Where(t => !t.SelfService).ToList();
        return new KnowledgeFigures(raised, offered.Select(e => e.TicketNumber).Distinct().Count(), shown, used,
            new FirstContactResolution(resolved.Count(FirstContact), resolved.Count),
            new FirstContactResolution(without.Count(FirstContact), without.Count));
    }

    /// <summary>The major incidents raised in the range or still open, newest first, with the people affected after each change.</summary>
    public static IReadOnlyList<MajorIncidentTrend> MajorIncidents(IReadOnlyList<TicketRow> tickets, Dictionary<long, IReadOnlyList<TicketEventRow>> trails, ReportRange range)
    {
        var list = new List<MajorIncidentTrend>();
        foreach (var row in tickets.Where(t => t.IsMajorIncident && (range.Contains(t.RaisedAt) || t.ResolvedAt is null)).OrderByDescending(t => t.Number))
        {
            var ticket = TicketJson.DeserializeTicket(row.State);
            var points = new List<AffectedPoint>();
            var people = 1;
            foreach (var e in trails.TryGetValue(row.Number, out var trail) ? trail : [])
            {
                if (e.Kind == EventKind.Raised) points.Add(new AffectedPoint(e.At, 1));
                if (e.Kind is not (EventKind.ReportLinked or EventKind.ReportUnlinked)) continue;
                // The engine states the count in each event ("…: 12 people affected."), counting each person once.
                var stated = PeopleAffected().Match(e.Text);
                people = stated.Success ? int.Parse(stated.Groups[1].Value, CultureInfo.InvariantCulture) : Math.Max(1, people + (e.Kind == EventKind.ReportLinked ? 1 : -1));
                points.Add(new AffectedPoint(e.At, people));
            }

            list.Add(new MajorIncidentTrend(row.Number, ticket.Key, ticket.Title, ticket.Status.ToString(), ticket.Major?.Reason ?? ticket.RoutingReason,
                ticket.AffectedPeople().Count, points));
        }

        return list;
    }

    [GeneratedRegex(@"(\d+) people affected", RegexOptions.CultureInvariant)]
    private static partial Regex PeopleAffected();
}
