using System.Text;
using ChatEscalation.Bot.Hosting.Security;
using ChatEscalation.Bot.Web;
using ChatEscalation.Core.Policy;
using ChatEscalation.Core.Views;
using ChatEscalation.Persistence.Workflows;
using Microsoft.AspNetCore.Antiforgery;

namespace ChatEscalation.Bot.Dashboard;

/// <summary>The escalation dashboard: the page, its figures and ticket list as JSON, the two CSV exports and the ticket pages.</summary>
/// <remarks>
/// Every address but the static files goes through <see cref="DashboardAccessFilter"/> (sign-in and the viewer's role); the figures,
/// on-call and knowledge are for staff and managers, parked messages and their retry for managers; the retry POST also needs the
/// antiforgery token (<see cref="AntiforgeryFilter"/>).
/// </remarks>
public static class DashboardEndpoints
{
    public static string WebRoot => Path.Combine(AppContext.BaseDirectory, "Dashboard", "wwwroot");

    /// <summary>
    /// Maps <c>/dashboard</c>, <c>/dashboard/api/me</c> (who is looking, what they may do, the antiforgery token),
    /// <c>/dashboard/api/figures</c> and <c>/dashboard/api/tickets</c> (<c>?days=7|30|90</c> or <c>?from=&amp;to=</c>; tickets <c>?status=open|all</c>),
    /// <c>/dashboard/export.csv</c> (one row per ticket) and <c>/dashboard/export-summary.csv</c>, <c>/dashboard/api/oncall</c>,
    /// <c>/dashboard/api/knowledge</c>, <c>POST /dashboard/api/parked/{id}/retry</c>, <c>/dashboard/static/*</c> and <c>/tickets/{number}</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        app.MapGet("/dashboard/static/{**path}", (string path) => StaticFiles.File(WebRoot, path));

        var pages = app.MapGroup("");
        if (app.ServiceProvider.GetRequiredService<WebSignIn>().Active) pages.RequireAuthorization();
        pages.AddEndpointFilter<DashboardAccessFilter>();
        pages.MapGet("/dashboard", () => Results.File(Path.Combine(WebRoot, "dashboard.html"), "text/html; charset=utf-8"));
        pages.MapGet("/dashboard/api/me", (HttpContext http, IAntiforgery antiforgery) =>
        {
            var viewer = DashboardViewer.Of(http);
            return Results.Json(new
            {
                viewer.Name,
                viewer.Email,
                role = viewer.Role.ToString(),
                figures = viewer.SeesFigures,
                parked = viewer.SeesParked,
                csrf = antiforgery.GetAndStoreTokens(http).RequestToken,
            }, WebJson.Options);
        });
        pages.MapGet("/dashboard/api/figures", async (HttpRequest request, EscalationReport report, EscalationPolicy policy, TimeProvider time, CancellationToken ct) =>
        {
            var viewer = DashboardViewer.Of(request.HttpContext);
            if (!viewer.SeesFigures) return StaffOnly(viewer);
            var (range, bad) = Period(request, policy, time);
            return range is null ? bad! : Results.Json(DashboardView.Of(await report.ComputeAsync(viewer, range, ct)), WebJson.Options);
        });
        pages.MapGet("/dashboard/api/tickets", async (HttpRequest request, EscalationReport report, CancellationToken ct) =>
            Results.Json(await report.TicketsAsync(DashboardViewer.Of(request.HttpContext), openOnly: request.Query["status"].ToString() != "all", ct), WebJson.Options));
        pages.MapGet("/dashboard/export.csv", async (HttpRequest request, EscalationReport report, EscalationPolicy policy, TimeProvider time, CancellationToken ct) =>
        {
            var (range, bad) = Period(request, policy, time);
            return range is null ? bad! : Csv(await report.ExportAsync(DashboardViewer.Of(request.HttpContext), range, ct), "tickets.csv");
        });
        pages.MapGet("/dashboard/export-summary.csv", async (HttpRequest request, EscalationReport report, EscalationPolicy policy, TimeProvider time, CancellationToken ct) =>
        {
            var viewer = DashboardViewer.Of(request.HttpContext);
            if (!viewer.SeesFigures) return StaffOnly(viewer);
            var (range, bad) = Period(request, policy, time);
            return range is null ? bad! : Csv(DashboardCsv.Write(await report.ComputeAsync(viewer, range, ct)), "summary.csv");
        });
        pages.MapGet("/dashboard/api/oncall", (HttpContext http, IPolicyProvider policies, TimeProvider time) =>
            DashboardViewer.Of(http) is { SeesFigures: true } ? Results.Json(OnCallBoard.At(policies.Current, time.GetUtcNow()), WebJson.Options) : StaffOnly(DashboardViewer.Of(http)));
        pages.MapGet("/dashboard/api/knowledge", async (HttpContext http, EscalationReport report, CancellationToken ct) =>
            DashboardViewer.Of(http) is { SeesFigures: true } ? Results.Json(await report.KnowledgeAsync(50, ct), WebJson.Options) : StaffOnly(DashboardViewer.Of(http)));
        pages.MapPost("/dashboard/api/parked/{id:long}/retry", async (long id, HttpContext http, Persistence.Outbox.OutboxStore store, TimeProvider time, CancellationToken ct) =>
        {
            if (!DashboardViewer.Of(http).SeesParked) return Results.Problem("Only managers retry parked messages.", statusCode: StatusCodes.Status403Forbidden);
            if (!await store.RequeueParkedAsync(id, time.GetUtcNow(), ct))
                return Results.Problem($"There is no parked outbox message #{id}.", statusCode: StatusCodes.Status404NotFound);
            return Results.Json(new { requeued = id }, WebJson.Options);
        }).AddEndpointFilter<AntiforgeryFilter>();
        pages.MapKnowledgeReview();
        pages.MapGet("/tickets/{number}", TicketPage.RenderAsync);
        return app;
    }

    /// <summary>The period asked for, or a 400 naming what is wrong with it.</summary>
    private static (ReportRange? Range, IResult? Error) Period(HttpRequest request, EscalationPolicy policy, TimeProvider time)
    {
        var range = ReportRange.Parse(request.Query["days"], request.Query["from"], request.Query["to"], policy.Staffed.Zone, time.GetUtcNow(), out var error);
        return (range, range is null ? Results.Problem(error, statusCode: StatusCodes.Status400BadRequest) : null);
    }

    private static IResult StaffOnly(DashboardViewer viewer) =>
        Results.Problem($"The desk's figures are for the support staff and managers; {viewer.Email} sees their own tickets.", statusCode: StatusCodes.Status403Forbidden);

    private static IResult Csv(string text, string name) =>
        Results.File(Encoding.UTF8.GetBytes(text), "text/csv; charset=utf-8", name);
}
