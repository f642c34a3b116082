using System.Text.Json;
using ChatEscalation.Persistence;
using ChatEscalation.Persistence.Outbox;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatEscalation.Bot.Hosting.Health;

/// <summary>
/// The health endpoints:
/// <list type="bullet">
/// <item><c>GET /healthz/live</c>: the process answers (no check runs), always 200;</item>
/// <item><c>GET /healthz/ready</c>: database reachable, migrations applied, policy loaded and start-up done, Socket Mode connected when
/// configured, outbox not stale (<c>Outbox:StaleAfter</c>); 200 or 503, with each check's status and description as JSON;</item>
/// <item><c>GET /healthz</c>: as before, <c>{"status":"ready","parkedOutboxMessages":n,"unconfirmedOutboxMessages":n}</c> once started, 503 <c>starting</c> before.</item>
/// </list>
/// </summary>
public static class HealthRegistration
{
    public const string LivePath = "/healthz/live";
    public const string ReadyPath = "/healthz/ready";
    public const string SummaryPath = "/healthz";

    public static IServiceCollection AddEscalationHealth(this IServiceCollection services)
    {
        services.AddOptions<OutboxHealthOptions>().BindConfiguration("Outbox").ValidateDataAnnotations().ValidateOnStart();
        services.AddHealthChecks()
            .AddDbContextCheck<EscalationDbContext>("database", tags: [HealthTags.Ready])
            .AddCheck<MigrationsAppliedCheck>("migrations", tags: [HealthTags.Ready])
            .AddCheck<StartupCheck>("policy", tags: [HealthTags.Ready])
            .AddCheck<SocketModeCheck>("slack-socket-mode", tags: [HealthTags.Ready])
            .AddCheck<OutboxFreshnessCheck>("outbox", tags: [HealthTags.Ready]);
        return services;
    }

    public static void MapEscalationHealth(this WebApplication app)
    {
        var readiness = app.Services.GetRequiredService<Readiness>();
        app.MapGet(SummaryPath, async (OutboxStore outbox, CancellationToken ct) => readiness.IsReady
            ? Results.Ok(new
            {
                status = "ready",
                parkedOutboxMessages = await outbox.CountParkedAsync(ct),
                unconfirmedOutboxMessages = await outbox.CountUnconfirmedAsync(ct),
            })
            : Results.Json(new { status = "starting" }, statusCode: StatusCodes.Status503ServiceUnavailable));
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = c => c.Tags.Contains(HealthTags.Ready), ResponseWriter = WriteJsonAsync });
    }

    private static Task WriteJsonAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description ?? e.Value.Exception?.Message,
                data = e.Value.Data.Count == 0 ? null : e.Value.Data,
            }),
        };
        return http.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }
}
