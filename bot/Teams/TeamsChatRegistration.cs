using ChatEscalation.Bot.Conversations;
using ChatEscalation.Bot.Home;
using ChatEscalation.Bot.Outbox;
using ChatEscalation.Bot.Teams.Protocol;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatEscalation.Bot.Teams;

/// <summary>Registers the Teams chat behaviour on top of the protocol adapter (<see cref="TeamsServiceRegistration.AddTeamsAdapter"/>).</summary>
public static class TeamsChatRegistration
{
    /// <summary>
    /// Registers <see cref="TeamsActivityHandler"/> as <see cref="ITeamsActivityHandler"/> (replacing the protocol's placeholder) with the
    /// handlers it routes to (messages, card actions, conversation updates) and their helpers,
    /// <see cref="TeamsSender"/> as the <c>teams</c> <see cref="IChatSender"/>, and the scoped <see cref="ITeamsDirectory"/> (over the
    /// persistence ChatDirectory) and <see cref="TeamsPeopleResolver"/>, the home card's refresher (<see cref="TeamsHomeRefresher"/>, a
    /// singleton and hosted service told every change, <see cref="HomeRefreshRegistration.AddHomeRefresher"/>), and the roster reader (<see cref="TeamsRoster"/>, its queue and
    /// background worker, <see cref="TeamsRosterOptions"/> from the <c>Teams</c> section). Needs AddTeamsAdapter and the persistence services.
    /// </summary>
    public static IServiceCollection AddTeamsChat(this IServiceCollection services)
    {
        services.TryAddScoped<ITeamsDirectory, PersistedTeamsDirectory>();
        services.TryAddScoped<TeamsPeopleResolver>();
        services.TryAddSingleton<LookupFailures>();
        services.TryAddSingleton<SharedLookups<TeamsMember>>();
        services.TryAddSingleton<RememberedChats>();
        services.TryAddScoped<TeamsConversationMemory>();
        services.TryAddScoped<TeamsCardViews>();
        services.TryAddScoped<TeamsReplies>();
        services.TryAddScoped<TeamsMessageHandler>();
        services.TryAddScoped<TeamsCardActionHandler>();
        services.TryAddScoped<TeamsHome>();
        services.AddHomeRefresher<TeamsHomeRefresher>();
        services.TryAddScoped<TeamsMessageExtensionHandler>();
        services.TryAddScoped<TeamsConversationUpdateHandler>();
        services.AddOptions<TeamsRosterOptions>().BindConfiguration(TeamsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddScoped<TeamsRoster>();
        services.TryAddSingleton<TeamsRosterQueue>();
        services.AddHostedService<TeamsRosterWorker>();
        services.TryAddScoped<ChatConversation>();
        services.TryAddSingleton<PersonZones>();
        services.TryAddSingleton<PageLinks>();
        services.Replace(ServiceDescriptor.Scoped<ITeamsActivityHandler, TeamsActivityHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IChatSender, TeamsSender>());
        return services;
    }
}
