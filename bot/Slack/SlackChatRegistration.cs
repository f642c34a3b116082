using ChatEscalation.Bot.Home;
using ChatEscalation.Persistence.Workflows;
using ChatEscalation.Bot.Conversations;
using ChatEscalation.Bot.Outbox;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ChatEscalation.Bot.Slack.Protocol;

namespace ChatEscalation.Bot.Slack;

/// <summary>Registers the Slack chat behaviour on top of the protocol adapter (<see cref="SlackServiceRegistration.AddSlackAdapter"/>).</summary>
public static class SlackChatRegistration
{
    /// <summary>
    /// Registers <see cref="SlackInbound"/> as <see cref="ISlackInbound"/> (replacing <see cref="UnconfiguredSlackInbound"/>, whichever is
    /// called first), <see cref="SlackSender"/> as the <c>slack</c> <see cref="IChatSender"/>, <see cref="SlackPeopleResolver"/>,
    /// <see cref="SlackBackgroundWork"/> and <see cref="SlackHomeRefresher"/> (singletons and hosted services; the refresher is told
    /// every change through the host's <see cref="ITicketChanges"/>, <see cref="HomeRefreshRegistration.AddHomeRefresher"/>), <see cref="HomeBuilder"/> and <see cref="SlackChatOptions"/> (section <c>"Slack"</c>).
    /// Needs AddSlackAdapter (<see cref="ISlackApi"/>) and the persistence services (TicketWorkflow, InboundEventStore, ChatDirectory,
    /// IPolicyProvider). Safe to call twice.
    /// </summary>
    public static IServiceCollection AddSlackChat(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SlackChatOptions>().Bind(configuration.GetSection(SlackOptions.SectionName));
        if (!services.Any(s => s.ServiceType == typeof(SlackBackgroundWork)))
        {
            services.AddSingleton<SlackBackgroundWork>();
            services.AddHostedService(sp => sp.GetRequiredService<SlackBackgroundWork>());
        }

        services.AddHomeRefresher<SlackHomeRefresher>();
        services.TryAddScoped<SlackPeopleResolver>();
        services.TryAddSingleton<LookupFailures>();
        services.TryAddSingleton<SharedLookups<SlackUserInfo>>();
        services.TryAddScoped<ChatConversation>();
        services.TryAddSingleton<PersonZones>();
        services.TryAddSingleton<PageLinks>();
        services.Replace(ServiceDescriptor.Scoped<ISlackInbound, SlackInbound>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IChatSender, SlackSender>());
        return services;
    }
}
