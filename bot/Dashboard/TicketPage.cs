using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using ChatEscalation.Core.Policy;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Core.Views;
using ChatEscalation.Persistence;
using ChatEscalation.Persistence.Storage;
using Microsoft.EntityFrameworkCore;

namespace ChatEscalation.Bot.Dashboard;

/// <summary><c>/tickets/{number}</c>: one ticket's card facts and its whole audit trail with handoff notes, as server-rendered HTML.</summary>
/// <remarks>
/// Only for viewers who may see the ticket (403 otherwise). Each event is written as a sentence (<see cref="EventSentences"/>); times are
/// <c>&lt;time&gt;</c> elements in the desk's zone that <c>ticket.js</c> rewrites in the browser's zone.
/// </remarks>
public static class TicketPage
{
    public static async Task<IResult> RenderAsync(string number, HttpContext http, EscalationReport report, EscalationDbContext db, EscalationPolicy policy, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!TicketKey.TryParse(number, out var n)) return Results.NotFound();
        var key = TicketKey.Format(n);
        switch (await report.SeesAsync(DashboardViewer.Of(http), n, cancellationToken))
        {
            case null: return Html(Page(key, $"<p>{key} does not exist.</p>"), 404);
            case false: return Html(Page(key, $"<p>{key} is not one of the tickets you can see.</p>"), 403);
        }
        var row = await db.Tickets.AsNoTracking().FirstAsync(t => t.Number == n, cancellationToken);
        var events = await db.TicketEvents.AsNoTracking().Where(e => e.TicketNumber == n).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        var ticket = TicketJson.DeserializeTicket(row.State);
        var view = TicketViews.Card(ticket, policy, time.GetUtcNow());
        var zone = policy.Staffed.Zone;
        string H(string? s) => HtmlEncoder.Default.Encode(s ?? "");
        string When(DateTimeOffset at) =>
            $"<time datetime=\"{at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}\">{H(TimeZoneInfo.ConvertTime(at, zone).ToString("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture))} ({H(zone.Id)})</time>";

        var sb = new StringBuilder();
        sb.Append("<h1>").Append(H(view.Key)).Append(" · ").Append(H(view.Title)).Append("</h1>");
        sb.Append("<dl class=\"facts\" data-testid=\"ticket-facts\">");
        void Fact(string k, string? v) => sb.Append("<dt>").Append(H(k)).Append("</dt><dd>").Append(H(v)).Append("</dd>");
        Fact("Status", view.StatusText);
        Fact("Priority", view.RoutingReason.StartsWith($"{view.Priority}:", StringComparison.Ordinal) ? view.RoutingReason : $"{view.Priority} · {view.RoutingReason}");
        Fact("Tier", view.TierName);
        Fact("Category", view.Category);
        Fact("Reporter", view.Reporter.Name);
        Fact("Owner", view.Owner?.Name ?? "nobody");
        Fact("SLA", view.SlaText);
        sb.Append("<dt>Raised</dt><dd>").Append(When(ticket.RaisedAt)).Append("</dd>");
        if (view.Resolution is not null) Fact("Resolution", view.Resolution);
        sb.Append("</dl>");
        if (!string.IsNullOrWhiteSpace(view.Description)) sb.Append("<p class=\"description\">").Append(H(view.Description)).Append("</p>");
        sb.Append("<h2>What happened</h2><div class=\"scroll\"><table class=\"grid\" data-testid=\"audit\"><thead><tr><th>When</th><th>What</th><th>Who</th><th>Tier</th><th>Details</th></tr></thead><tbody>");
        foreach (var e in events)
        {
            var handoff = TicketJson.DeserializeHandoff(e.Handoff);
            sb.Append("<tr><td>").Append(When(e.At)).Append("</td><td><strong data-kind=\"").Append(H(e.Kind.ToString())).Append("\">")
              .Append(H(EventSentences.Of(e.Kind))).Append("</strong><br>").Append(H(e.Text))
              .Append("</td><td>").Append(H(e.ActorName)).Append("</td><td>")
              .Append(e.FromTier is { } from && from != e.Tier ? $"T{from} → T{e.Tier}" : $"T{e.Tier}").Append("</td><td>");
            if (handoff is not null)
                sb.Append("<div class=\"handoff\" data-testid=\"handoff\"><b>Tried:</b> ").Append(H(handoff.Tried)).Append("<br><b>Outcome:</b> ").Append(H(handoff.Outcome))
                  .Append("<br><b>Needs:</b> ").Append(H(handoff.Needs)).Append("</div>");
            if (e.Note is not null) sb.Append("<div class=\"note\">").Append(H(e.Note)).Append("</div>");
            if (e.Late is { } late && late >= TimeSpan.FromMinutes(1)) sb.Append("<div class=\"note\">fired ").Append(H(DurationText.Humanize(late))).Append(" late</div>");
            sb.Append("</td></tr>");
        }
        sb.Append("</tbody></table></div>");
        return Html(Page(view.Key, sb.ToString()), 200);
    }

    private static IResult Html(string html, int status) => Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);

    private static string Page(string title, string body) =>
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" +
        HtmlEncoder.Default.Encode(title) + " · ChatEscalation</title><link rel=\"stylesheet\" href=\"/dashboard/static/dashboard.css\"></head><body>" +
        "<header class=\"bar\"><a href=\"/dashboard\">← Dashboard</a><a href=\"/\">Emulator</a></header><main class=\"page\">" +
        body + "</main><script src=\"/dashboard/static/ticket.js\"></script></body></html>";
}
