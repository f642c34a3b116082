using System.Diagnostics.Metrics;
using ChatEscalation.Persistence.Telemetry;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ChatEscalation.Bot.Telemetry;

/// <summary>
/// OpenTelemetry for the host: traces of the <c>ChatEscalation</c> source (webhook, decide, commit, outbox.deliver, sweep) with
/// ASP.NET Core, HttpClient and Npgsql instrumentation; metrics of the <c>ChatEscalation</c> meter (<see cref="EscalationMetrics"/>)
/// with ASP.NET Core, HttpClient and runtime instrumentation.
/// </summary>
/// <remarks>
/// On when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (then exported over OTLP, configured by the standard <c>OTEL_*</c> variables)
/// or when <c>Telemetry:Enabled</c> is true (another exporter added by the host, such as a test's in-memory one). Off otherwise:
/// no OpenTelemetry pipeline runs. The outbox gauges are sampled either way (<see cref="OutboxSampler"/>); readiness uses them too.
/// </remarks>
public static class TelemetryRegistration
{
    /// <summary>The <c>service.name</c> unless <c>OTEL_SERVICE_NAME</c> says otherwise.</summary>
    public const string ServiceName = "chatescalation";

    public static WebApplicationBuilder AddEscalationTelemetry(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<OutboxSampler>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxSampler>());

        var otlpEndpoint = builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(otlpEndpoint) && !builder.Configuration.GetValue<bool>("Telemetry:Enabled")) return builder;

        var otel = services.AddOpenTelemetry()
            .ConfigureResource(r =>
            {
                if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_SERVICE_NAME"])) r.AddService(ServiceName);
            })
            .WithTracing(t => t
                .AddSource(EscalationTelemetry.Name)
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/healthz"))
                .AddHttpClientInstrumentation()
                .AddNpgsql())
            .WithMetrics(m => m
                .AddMeter(EscalationTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation());
        if (!string.IsNullOrWhiteSpace(otlpEndpoint)) otel.UseOtlpExporter();

        // Meters are matched by name process-wide; keep only this host's own (its IMeterFactory's), so two hosts in one process
        // (the tests) never count each other's measurements.
        services.ConfigureOpenTelemetryMeterProvider((sp, m) =>
        {
            var factory = sp.GetRequiredService<IMeterFactory>();
            m.AddView(i => i.Meter.Name == EscalationTelemetry.Name && !ReferenceEquals(i.Meter.Scope, factory) ? MetricStreamConfiguration.Drop : null);
        });
        return builder;
    }
}
