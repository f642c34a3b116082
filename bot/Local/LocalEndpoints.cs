using System.Globalization;
using System.Text.Json;
using ChatEscalation.Bot.Scheduling;
using ChatEscalation.Core.Policy;
using ChatEscalation.Core.Views;
using ChatEscalation.Core.WhatIf;
using ChatEscalation.Core.Tickets;
using Microsoft.Extensions.Options;
using ChatEscalation.Bot.Web;

namespace ChatEscalation.Bot.Local;

/// <summary>The emulator's HTTP surface: the page, its state, its live event stream, the demo clock and the "what if" page (<c>/whatif</c>, data at <c>/local/whatif</c>).</summary>
public static class LocalEndpoints
{
    /// <summary>Most stops one clock jump makes at the deadlines it passes (beyond them, the rest fire at the end, marked late).</summary>
    public const int MaxStopsPerJump = 400;

    /// <summary>Where the page's files are: <c>Local/wwwroot</c> next to the binaries.</summary>
    public static string WebRoot => Path.Combine(AppContext.BaseDirectory, "Local", "wwwroot");

    public static IEndpointRouteBuilder MapLocalEndpoints(this IEndpointRouteBuilder app)
    {
        var local = app.MapGroup("");
        local.AddEndpointFilter<LocalAccessFilter>();
        if (app.ServiceProvider.GetRequiredService<IOptions<LocalOptions>>().Value.LoopbackOnly)
            local.AddEndpointFilter(async (context, next) => IsLoopback(context.HttpContext)
                ? await next(context)
                : Results.Problem("The emulator answers only on this machine while Slack or Teams is connected (Local:LoopbackOnly).", statusCode: StatusCodes.Status403Forbidden));
        local.MapGet("/", () => Results.File(Path.Combine(WebRoot, "index.html"), "text/html; charset=utf-8"));
        local.MapGet("/whatif", () => Results.File(Path.Combine(WebRoot, "whatif.html"), "text/html; charset=utf-8"));
        local.MapGet("/local/static/{**path}", (string path) => StaticFiles.File(WebRoot, path));
        local.MapGet("/local/state", State);
        local.MapGet("/local/events", Events);
        local.MapPost("/local/clock", Clock);
        local.MapGet("/local/whatif", WhatIf);
        local.MapPost("/local/messages", LocalInbound.MessageAsync);
        local.MapPost("/local/actions", LocalInbound.ActionAsync);
        local.MapGet("/local/forms/{action}", LocalInbound.FormAsync);
        local.MapGet("/local/home", LocalHome.GetAsync);
        return app;
    }

    private static bool IsLoopback(HttpContext http) => http.Connection.RemoteIpAddress is { } ip && System.Net.IPAddress.IsLoopback(ip);

    private static IResult State(LocalChannelStore store, EscalationPolicy policy, TimeProvider time, LocalRenderings renderings, IOptions<LocalOptions> options)
    {
        var now = time.GetUtcNow();
        return Results.Json(new
        {
            now,
            zone = policy.Staffed.Zone.Id,
            staffedNow = policy.Staffed.IsOpen(now),
            demoClock = options.Value.DemoClock && time is DemoClock,
            offsetMinutes = time is DemoClock demo ? demo.Offset.TotalMinutes : 0,
            renderers = new { slack = renderings.HasSlackRenderer, teams = renderings.HasTeamsRenderer },
            people = LocalPerson.From(policy, now),
            categories = policy.Categories.Select(c => c.Name),
            channels = store.Channels,
            messages = store.AllMessages(),
        }, WebJson.Options);
    }

    /// <summary>The page's live stream; it ends when the page goes away or the host stops (an open page never holds up a shutdown).</summary>
    private static async Task Events(HttpContext http, LocalChannelStore store, IHostApplicationLifetime lifetime, CancellationToken requestAborted)
    {
        using var stream = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, lifetime.ApplicationStopping);
        var cancellationToken = stream.Token;
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        using var subscription = store.Subscribe();
        await http.Response.WriteAsync(": connected\n\n", cancellationToken);
        await http.Response.Body.FlushAsync(cancellationToken);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                using var heartbeat = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                heartbeat.CancelAfter(TimeSpan.FromSeconds(15));
                LocalStoreChange change;
                try { change = await subscription.Changes.ReadAsync(heartbeat.Token); }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    await http.Response.WriteAsync(": keep-alive\n\n", cancellationToken);
                    await http.Response.Body.FlushAsync(cancellationToken);
                    continue;
                }
                var data = JsonSerializer.Serialize(change, WebJson.Options);
                await http.Response.WriteAsync($"event: {change.Type}\ndata: {data}\n\n", cancellationToken);
                await http.Response.Body.FlushAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) { /* the page went away */ }
        catch (System.Threading.Channels.ChannelClosedException) { /* unsubscribed */ }
    }

    private static async Task<IResult> Clock(ClockRequest request, TimeProvider time, LocalChannelStore store, LocalHistory history, IEscalationRunner runner, IOptions<LocalOptions> options, CancellationToken cancellationToken)
    {
        if (!options.Value.DemoClock || time is not DemoClock demo)
            return Results.Problem("The demo clock is off: Local:DemoClock is false, or Slack or Teams is connected (the clock would move real tickets).", statusCode: StatusCodes.Status409Conflict);
        ClockJump? jump = request.Jump?.Trim().ToLowerInvariant() switch
        {
            "30m" or "thirty-minutes" or "thirtyminutes" => ClockJump.ThirtyMinutes,
            "end-of-day" or "endofday" or "eod" => ClockJump.EndOfDay,
            "monday" or "next-monday" or "nextmonday" => ClockJump.NextMonday,
            _ => null,
        };
        if (jump is null) return Results.BadRequest(new { error = "jump must be 30m, end-of-day or monday" });
        var target = demo.TargetOf(jump.Value);
        var stops = 0;
        {
            // Stop at each deadline on the way, as if the bot had been running all along: every escalation, warning and page fires
            // at its own minute (not "late"), its messages carry that time, and each firing plans the next stop.
            DateTimeOffset? stoppedAt = null;
            for (; stops < MaxStopsPerJump; stops++)
            {
                if (await runner.NextDueAsync(cancellationToken) is not { } due || due > target) break;
                if (stoppedAt is { } last && due <= last) break; // still due after a sweep at that very time: leave it to the final sweep
                stoppedAt = demo.AdvanceTo(due);
                await runner.SweepNowAsync(cancellationToken);
                await runner.DispatchNowAsync(cancellationToken); // delivered at that minute, so the emulator stamps it then
            }
        }

        var now = demo.AdvanceTo(target);
        await history.SaveClockAsync(demo.Offset, now, cancellationToken); // a restart brings the clock back here, not to real time
        store.ClockMoved(now);
        await runner.SweepNowAsync(cancellationToken);
        await runner.DispatchNowAsync(cancellationToken);

        return Results.Json(new { now, offsetMinutes = demo.Offset.TotalMinutes, stops }, WebJson.Options);
    }

    private static IResult WhatIf(HttpRequest http, EscalationPolicy policy, TimeProvider time)
    {
        var q = http.Query;
        var day = Enum.TryParse<DayOfWeek>(q["day"].ToString(), true, out var d) ? d : time.GetUtcNow().DayOfWeek;
        var at = TimeOnly.TryParse(q["time"].ToString(), CultureInfo.InvariantCulture, out var t) ? t : new TimeOnly(10, 0);
        string? Q(string name) => string.IsNullOrWhiteSpace(q[name]) ? null : q[name].ToString().Trim();
        var request = new WhatIfRequest(
            Q("title") ?? "What-if ticket",
            Q("category"),
            Enum.TryParse<Priority>(Q("priority"), true, out var p) ? p : null,
            Enum.TryParse<Impact>(Q("impact"), true, out var i) ? i : null,
            Enum.TryParse<Urgency>(Q("urgency"), true, out var u) ? u : null,
            Q("reporter") ?? "uma@demo.local",
            day, at,
            Q("service"));
        var result = WhatIfPlanner.Plan(request, policy, time.GetUtcNow());
        var summary = result.Summary;
        return Results.Json(new
        {
            raisedAt = result.RaisedAt,
            deskZone = policy.Staffed.Zone.Id,
            deskZoneName = TimeText.ZoneName(policy.Staffed.Zone),
            requestedPriority = request.Priority?.ToString(),
            priority = result.Priority.ToString(),
            routingReason = result.RoutingReason,
            note = result.Note,
            impact = result.Impact,
            urgency = result.Urgency,
            category = result.Category,
            reporter = result.Reporter,
            summary = new
            {
                firstPageAt = summary.FirstPageAt,
                firstWarningAt = summary.FirstWarningAt,
                firstBreachAt = summary.FirstBreachAt,
                woken = summary.Woken.Select(w => new { name = w.Name, pages = w.Pages, firstAt = w.FirstAt }),
                pages = summary.Pages,
                escalations = summary.Escalations,
                warnings = summary.Warnings,
                messages = summary.Messages,
                late = summary.Late,
                finalTier = policy.TierName(summary.FinalTier),
            },
            lines = result.Lines.Select(l => new
            {
                at = l.Entry.At,
                minute = (long)l.Entry.SinceRaised.TotalMinutes,
                topic = l.Topic.ToString().ToLowerInvariant(),
                @event = l.Entry.Event?.ToString(),
                kind = l.Entry.Kind?.ToString(),
                who = l.Who,
                text = l.Entry.What,
                urgent = l.Entry.Urgent,
                late = l.Late,
            }),
        }, WebJson.Options);
    }
}
