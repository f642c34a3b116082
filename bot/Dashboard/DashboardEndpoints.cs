using System.Text;
using ChatEscalation.Core.Views;
using ChatEscalation.Persistence.Workflows;
using ChatEscalation.Bot.Web;

namespace ChatEscalation.Bot.Dashboard;

/// <summary>The escalation dashboard: the page, its figures as JSON, the CSV export and the ticket pages.</summary>
public static class DashboardEndpoints
{
    public static string WebRoot => Path.Combine(AppContext.BaseDirectory, "Dashboard", "wwwroot");

    /// <summary>Maps <c>/dashboard</c>, <c>/dashboard/api/figures</c>, <c>/dashboard/export.csv</c>, <c>/dashboard/api/oncall</c> (who is on call now and next), <c>/dashboard/api/knowledge</c> (knowledge-base drafts), <c>POST /dashboard/api/parked/{id}/retry</c>, <c>/dashboard/static/*</c> and <c>/tickets/{number}</c>.</summary>
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        app.MapGet("/dashboard", () => Results.File(Path.Combine(WebRoot, "dashboard.html"), "text/html; charset=utf-8"));
        app.MapGet("/dashboard/static/{**path}", (string path) => StaticFiles.File(WebRoot, path));
        app.MapGet("/dashboard/api/figures", async (EscalationReport report, CancellationToken ct) =>
            Results.Json(View(await report.ComputeAsync(ct)), WebJson.Options));
        app.MapGet("/dashboard/export.csv", async (EscalationReport report, CancellationToken ct) =>
            Results.Text(DashboardCsv.Write(await report.ComputeAsync(ct)), "text/csv; charset=utf-8", Encoding.UTF8));
        app.MapGet("/dashboard/api/oncall", (IPolicyProvider policies, TimeProvider time) =>
            Results.Json(OnCallBoard.At(policies.Current, time.GetUtcNow()), WebJson.Options));
        app.MapGet("/dashboard/api/knowledge", async (EscalationReport report, CancellationToken ct) =>
            Results.Json(await report.KnowledgeAsync(50, ct), WebJson.Options));
        app.MapPost("/dashboard/api/parked/{id:long}/retry", async (long id, Persistence.Outbox.OutboxStore store, TimeProvider time, CancellationToken ct) =>
        {
            if (!await store.RequeueParkedAsync(id, time.GetUtcNow(), ct))
                return Results.Problem($"There is no parked outbox message #{id}.", statusCode: StatusCodes.Status404NotFound);
            return Results.Json(new { requeued = id }, WebJson.Options);
        });
        app.MapGet("/tickets/{number}", TicketPage.RenderAsync);
        return app;
    }

    private static object View(EscalationFigures f) => new
    {
        f.At,
        f.OpenTickets,
        openByTierAndSla = f.OpenByTierAndSla,
        byCategory = f.ByCategory,
        byTechnician = f.ByTechnician,
        f.AutomaticEscalations,
        repeats = f.Repeats,
        firstContact = new { f.FirstContact.Resolved, f.FirstContact.ResolvedAtTier1WithoutEscalation, f.FirstContact.Rate, f.FirstContact.Band, low = FirstContactResolution.TargetLow, high = FirstContactResolution.TargetHigh },
        slaCompliance = f.SlaCompliance.Select(p => new { p.Priority, p.Resolved, p.Met, p.Rate }),
        timeInTier = f.TimeInTier.Select(t => new { t.Tier, t.TierName, t.Tickets, totalHours = Math.Round(t.Total.TotalHours, 2), averageHours = Math.Round(t.AveragePerTicket.TotalHours, 2) }),
        pages = new { f.Pages.Pages, f.Pages.Acknowledged, averageMinutes = f.Pages.AverageToAcknowledge?.TotalMinutes, longestMinutes = f.Pages.LongestToAcknowledge?.TotalMinutes },
        parked = f.Parked,
    };
}
