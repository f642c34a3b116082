using System.Globalization;
using ChatEscalation.Core.Policy;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Core.Views;

namespace ChatEscalation.Core.WhatIf;

/// <summary>
/// The what-if question as typed in chat (<c>whatif P1 vip saturday 02:00</c>) and its answer as chat text: the dry run's summary.
/// </summary>
/// <remarks>
/// Words read, in any order: a priority (<c>P1</c>…<c>P4</c>), <c>vip</c> (the reporter is the policy's first VIP), a weekday
/// (<c>saturday</c>, <c>sat</c>) or <c>today</c> / <c>tomorrow</c>, a time of day (<c>02:00</c>, <c>2:30</c>, in the desk's calendar
/// zone), a category's name; every other word is the title (the category is then guessed from it, as for a real ticket).
/// Defaults: the asker as reporter, today, 10:00, impact and urgency medium.
/// </remarks>
public static class WhatIfText
{
    private static readonly Dictionary<string, DayOfWeek> Days = Enum.GetValues<DayOfWeek>()
        .SelectMany(d => new[] { (d.ToString(), d), (d.ToString()[..3], d) })
        .ToDictionary(p => p.Item1, p => p.Item2, StringComparer.OrdinalIgnoreCase);

    /// <summary>The question <paramref name="text"/> asks, raised by <paramref name="asker"/> unless it says <c>vip</c>.</summary>
    public static WhatIfRequest Parse(string? text, UserRef asker, EscalationPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(asker);
        ArgumentNullException.ThrowIfNull(policy);
        Priority? priority = null;
        string? category = null;
        var reporter = asker.Key;
        var local = TimeZoneInfo.ConvertTime(now, policy.Staffed.Zone);
        var day = local.DayOfWeek;
        var at = new TimeOnly(10, 0);
        var title = new List<string>();
        foreach (var word in (text ?? "").Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            var w = word.Trim(',', '.', ';');
            if (w.Length == 2 && (w[0] is 'p' or 'P') && w[1] is >= '1' and <= '4') priority = (Priority)(w[1] - '0');
            else if (w.Equals("vip", StringComparison.OrdinalIgnoreCase) && policy.Vips.People.Order(StringComparer.Ordinal).FirstOrDefault() is { } vip) reporter = vip;
            else if (Days.TryGetValue(w, out var d)) day = d;
            else if (w.Equals("today", StringComparison.OrdinalIgnoreCase)) day = local.DayOfWeek;
            else if (w.Equals("tomorrow", StringComparison.OrdinalIgnoreCase)) day = local.AddDays(1).DayOfWeek;
            else if (TimeOnly.TryParseExact(w, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)) at = t;
            else if (policy.Categories.FirstOrDefault(c => c.Name.Equals(w, StringComparison.OrdinalIgnoreCase)) is { } c) category = c.Name;
            else title.Add(word);
        }

        return new WhatIfRequest(title.Count == 0 ? "What-if ticket" : string.Join(' ', title), category, priority, null, null, reporter, day, at);
    }

    /// <summary>The summary for chat: what is raised when, the first page, warning and breach, who is woken, and the totals.</summary>
    public static string Describe(WhatIfResult result, EscalationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(policy);
        var zone = policy.Staffed.Zone;
        var s = result.Summary;
        string When(DateTimeOffset? at) => at is { } instant
            ? $"{TimeText.At(instant, zone, result.RaisedAt)} (+{Plus(instant - result.RaisedAt)})"
            : "never";
        var lines = new List<string>
        {
            // Measured from the day before, so the raise is always written with its day ("Sat 14 Mar 02:00 (London time)").
            $"What if a {result.Priority} ({result.Category}) from {result.Reporter} is raised {TimeText.At(result.RaisedAt, zone, result.RaisedAt.AddDays(-1))}? {TicketText(result)}",
            $"• First page: {When(s.FirstPageAt)}",
            $"• First SLA warning: {When(s.FirstWarningAt)}",
            $"• SLA breach: {When(s.FirstBreachAt)}",
            s.Woken.Count == 0 ? "• Nobody is woken." : "• Woken: " + string.Join(", ", s.Woken.Select(w => $"{w.Name} ×{w.Pages}")),
            $"• {s.Pages} pages, {s.Escalations} escalations, {s.Warnings} warnings, {s.Messages} messages; it ends at {policy.TierName(s.FinalTier)}.",
        };
        if (result.Note is { } note) lines.Insert(1, note);
        return string.Join("\n", lines);
    }

    private static string TicketText(WhatIfResult result) => result.RoutingReason.EndsWith('.') ? result.RoutingReason : result.RoutingReason + ".";

    private static string Plus(TimeSpan span) => span < TimeSpan.FromMinutes(1) ? "0 min" : DurationText.Humanize(span);
}
