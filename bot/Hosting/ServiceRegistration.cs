using ChatEscalation.Bot.Dashboard;
using ChatEscalation.Bot.Hosting.Health;
using ChatEscalation.Bot.Hosting.Security;
using ChatEscalation.Bot.Local;
using ChatEscalation.Bot.Outbox;
using ChatEscalation.Bot.Scheduling;
using ChatEscalation.Bot.Slack;
using ChatEscalation.Bot.Slack.Protocol;
using ChatEscalation.Bot.Teams;
using ChatEscalation.Bot.Teams.Protocol;
using ChatEscalation.Bot.Telemetry;
using ChatEscalation.Bot.Web;
using ChatEscalation.Persistence.Hosting;
using ChatEscalation.Persistence.Outbox;
using ChatEscalation.Persistence.Workflows;
using Coravel;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatEscalation.Bot.Hosting;

/// <summary>The composition root's two halves: what the host registers, and what it maps and starts.</summary>
public static class ServiceRegistration
{
    public static WebApplicationBuilder AddChatEscalation(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var services = builder.Services;

        builder.AddWebSecurity();
        var policy = PolicyLoader.Load(configuration);
        services.AddSingleton(policy);
        services.AddSingleton<IPolicyProvider>(new FixedPolicyProvider(policy));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(Jitter.Shared);
        services.AddSingleton<Readiness>();
        services.AddEscalationPersistence(configuration, builder.Environment.ContentRootPath, emulator: Local.LocalChannelRegistration.EmulatorEnabled(configuration));
        services.AddSingleton(new Persistence.Knowledge.KnowledgeSettings(configuration.GetValue("Knowledge:AtIntake", true)));

        services.AddOptions<SchedulerOptions>().BindConfiguration("Scheduler").ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OutboxOptions>().BindConfiguration("Outbox").ValidateDataAnnotations()
            .Validate(o => o.ClaimLease >= o.SendTimeout + OutboxOptions.LeaseMargin, "Outbox:ClaimLease must be at least 1 s longer than Outbox:SendTimeout.").ValidateOnStart();
        services.AddSingleton<OutboxSignal>();
        services.Replace(ServiceDescriptor.Singleton<IOutboxWakeup>(sp => sp.GetRequiredService<OutboxSignal>()));
        services.AddSingleton<IEscalationRunner, EscalationRunner>();
        services.AddSingleton<PlatformPauses>();
        services.AddScoped<OutboxDispatcher>();
        services.AddScoped<CopyUpdates>();
        services.AddHostedService<OutboxWakeupService>();
        services.AddScheduler();
        services.AddTransient<SweepDueDeadlinesJob>();
        services.AddTransient<DispatchOutboxJob>();
        services.AddTransient<PruneInboundEventsJob>();
        services.AddTransient<RefreshTeamsRostersJob>();

        services.AddTeamsAdapter(configuration);
        services.AddTeamsChat();
        services.AddSlackAdapter(configuration);
        services.AddSlackChat(configuration);
        services.AddLocalChannel(configuration);
        services.AddDashboard();
        services.AddEscalationHealth();
        builder.AddEscalationTelemetry();
        WebSecurity.LoadKeyRingOnFirstUse(services);
        return builder;
    }

    public static async Task UseChatEscalationAsync(this WebApplication app)
    {
        await PersistenceServiceRegistration.MigrateAsync(app.Services);
        await app.Services.RestoreLocalChannelAsync();
        await WarmUp.RunAsync(app.Services, app.Configuration, app.Logger);

        app.UseWebSecurity();
        var readiness = app.Services.GetRequiredService<Readiness>();
        app.UseMiddleware<WebhookTelemetryMiddleware>();
        app.MapEscalationHealth();
        app.MapWebLibraries();
        app.MapTeamsEndpoints();
        app.MapSlackEndpoints();
        app.MapLocalChannel();
        app.MapDashboard();

        var scheduler = app.Services.GetRequiredService<IOptions<SchedulerOptions>>().Value;
        if (scheduler.Enabled)
        {
            app.Services.UseScheduler(s =>
            {
                // RunOnceAtStart: deadlines missed while the bot was down fire at start, oldest first.
                s.Schedule<SweepDueDeadlinesJob>().EverySeconds(scheduler.SweepEverySeconds).RunOnceAtStart().PreventOverlapping(nameof(SweepDueDeadlinesJob));
                s.Schedule<DispatchOutboxJob>().EverySeconds(scheduler.DispatchEverySeconds).PreventOverlapping(nameof(DispatchOutboxJob));
                s.Schedule<PruneInboundEventsJob>().Hourly().RunOnceAtStart().PreventOverlapping(nameof(PruneInboundEventsJob));
                s.Schedule<RefreshTeamsRostersJob>().EveryFiveMinutes().RunOnceAtStart().PreventOverlapping(nameof(RefreshTeamsRostersJob));
            }).OnError(e => app.Logger.LogError(e, "A scheduled job failed; it runs again at its next interval"));
        }
        readiness.MarkReady();
    }
}
