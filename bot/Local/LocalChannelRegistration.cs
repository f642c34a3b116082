using ChatEscalation.Bot.Conversations;
using ChatEscalation.Bot.Outbox;
using ChatEscalation.Core.Policy;
using ChatEscalation.Persistence.Workflows;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatEscalation.Bot.Local;

/// <summary>Wires the local emulator channel and the shared chat conversation into the host.</summary>
public static class LocalChannelRegistration
{
    /// <summary>
    /// Registers <see cref="ChatConversation"/> always; with <c>Local:Enabled</c> (default true) the
    /// <see cref="LocalChannelStore"/>, <see cref="LocalRenderings"/> and the <c>local</c> <see cref="IChatSender"/>; with <c>Local:DemoClock</c>
    /// the <see cref="DemoClock"/> as THE <see cref="TimeProvider"/> (replacing any registered before: call this after them).
    /// </summary>
    /// <remarks>Needs an <see cref="EscalationPolicy"/> or an <see cref="IPolicyProvider"/>, and the persistence services, registered by the host.</remarks>
    public static IServiceCollection AddLocalChannel(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Local");
        var connected = Hosting.Security.ConnectedPlatforms.Any(configuration);
        var explicitlyEnabled = ExplicitlyEnabled(section);
        services.AddOptions<LocalOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        services.PostConfigure<LocalOptions>(o => Restrict(o, connected, explicitlyEnabled));
        var options = Restrict(section.Get<LocalOptions>() ?? new LocalOptions(), connected, explicitlyEnabled);
        services.TryAddSingleton<EscalationPolicy>(sp => sp.GetRequiredService<IPolicyProvider>().Current);
        services.TryAddScoped<ChatConversation>();
        services.TryAddSingleton<PersonZones>();
        services.TryAddSingleton<PageLinks>();
        if (!options.Enabled) return services;
        services.TryAddSingleton<LocalHistory>();
        services.TryAddSingleton<LocalChannelStore>();
        services.TryAddSingleton<LocalRenderings>();
        services.AddSingleton<IChatSender, LocalSender>();
        if (options.DemoClock)
        {
            services.TryAddSingleton(sp => new DemoClock(sp.GetRequiredService<EscalationPolicy>().Staffed));
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(sp => sp.GetRequiredService<DemoClock>()));
        }
        return services;
    }

    /// <summary>
    /// True when the emulator runs (the rule <see cref="AddLocalChannel"/> applies): <c>Local:Enabled</c> (default true) while neither
    /// Slack nor Teams is connected; with one connected, only when <c>Local:Enabled=true</c> is set explicitly.
    /// </summary>
    public static bool EmulatorEnabled(IConfiguration configuration)
    {
        var section = configuration.GetSection("Local");
        return Hosting.Security.ConnectedPlatforms.Any(configuration) ? ExplicitlyEnabled(section) : (section.Get<LocalOptions>() ?? new LocalOptions()).Enabled;
    }

    /// <summary><c>Local:Enabled=true</c> set in so many words (what turns the emulator on next to Slack or Teams).</summary>
    private static bool ExplicitlyEnabled(IConfigurationSection section) =>
        string.Equals(section["Enabled"]?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// At start, after the migrations: the emulator's kept history back into <see cref="LocalChannelStore"/>, and the demo clock
    /// back to its saved offset, never earlier than what was recorded before the restart. Does nothing when the emulator is off.
    /// </summary>
    public static async Task RestoreLocalChannelAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<LocalOptions>>().Value;
        if (!options.Enabled) return;
        var history = services.GetRequiredService<LocalHistory>();
        if (options.DemoClock && services.GetRequiredService<TimeProvider>() is DemoClock clock)
        {
            var (offset, floor) = await history.LoadClockAsync(cancellationToken);
            clock.Restore(offset, floor);
        }
        await services.GetRequiredService<LocalChannelStore>().RestoreAsync(cancellationToken);
    }

    /// <summary>
    /// With Slack or Teams connected: no demo clock, and no emulator unless <c>Local:Enabled=true</c> is set explicitly with a
    /// <c>Local:AccessToken</c> (explicitly enabled without one stops start-up, naming the key).
    /// </summary>
    private static LocalOptions Restrict(LocalOptions options, bool platformsConnected, bool explicitlyEnabled)
    {
        if (!platformsConnected) return options;
        options.DemoClock = false;
        if (explicitlyEnabled && (options.AccessToken?.Trim().Length ?? 0) < LocalOptions.MinimumAccessTokenLength)
            throw new InvalidOperationException(
                $"Local:Enabled=true next to Slack or Teams needs Local:AccessToken (a random secret of at least {LocalOptions.MinimumAccessTokenLength} characters): " +
                "the emulator lets anyone act as anybody in the policy, so every request to it must carry the token.");
        options.Enabled = explicitlyEnabled;
        return options;
    }

    /// <summary>Maps the emulator page and its endpoints when <c>Local:Enabled</c>.</summary>
    public static IEndpointRouteBuilder MapLocalChannel(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<LocalOptions>>().Value;
        if (options.Enabled) app.MapLocalEndpoints();
        return app;
    }
}
