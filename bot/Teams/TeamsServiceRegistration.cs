using System.Net;
using ChatEscalation.Bot.Conversations;
using ChatEscalation.Bot.Outbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace ChatEscalation.Bot.Teams;

/// <summary>Registers the Teams (Bot Framework) protocol adapter.</summary>
public static class TeamsServiceRegistration
{
    /// <summary>Name of the resilience pipeline on the Connector HttpClient.</summary>
    public const string ConnectorPipelineName = "teams-connector";

    /// <summary>
    /// Binds and validates <see cref="TeamsOptions"/> from section <c>"Teams"</c> (at start-up), and registers
    /// the inbound token validator and key cache, the outbound token provider, <see cref="ITeamsConnector"/>
    /// (typed HttpClient with retry on 412/502/503/504), <see cref="TeamsActivityHandler"/> as <see cref="ITeamsActivityHandler"/>
    /// (unless one is already registered), <see cref="TeamsSender"/> as an <see cref="IChatSender"/>, and the scoped
    /// <see cref="ITeamsDirectory"/> (over the persistence ChatDirectory) and <see cref="TeamsPeopleResolver"/>.
    /// Needs AddEscalationPersistence (TicketWorkflow, InboundEventStore, ChatDirectory, IPolicyProvider).
    /// Also adds <see cref="TimeProvider.System"/> when no TimeProvider is registered.
    /// </summary>
    public static IServiceCollection AddTeamsAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TeamsOptions>()
            .Bind(configuration.GetSection(TeamsOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TeamsOptions>, TeamsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient(BotFrameworkSigningKeyCache.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.TryAddSingleton<BotFrameworkSigningKeyCache>();
        services.TryAddSingleton<BotFrameworkTokenValidator>();

        services.AddHttpClient<IBotFrameworkTokenProvider, BotFrameworkTokenProvider>(c => c.Timeout = TimeSpan.FromSeconds(15));
        services.Replace(ServiceDescriptor.Singleton<IBotFrameworkTokenProvider>(sp =>
            ActivatorUtilities.CreateInstance<BotFrameworkTokenProvider>(sp,
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(IBotFrameworkTokenProvider)))));

        services.AddHttpClient<ITeamsConnector, TeamsConnectorClient>(c => c.Timeout = TimeSpan.FromSeconds(60))
            .AddResilienceHandler(ConnectorPipelineName, static (pipeline, context) =>
            {
                var o = context.ServiceProvider.GetRequiredService<IOptionsMonitor<TeamsOptions>>().CurrentValue;
                if (o.ConnectorMaxRetries <= 0) return;
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = o.ConnectorMaxRetries,
                    Delay = o.ConnectorRetryBaseDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    ShouldRetryAfterHeader = false,
                    ShouldHandle = static args => ValueTask.FromResult(args.Outcome.Result?.StatusCode is
                        HttpStatusCode.PreconditionFailed or HttpStatusCode.BadGateway
                        or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout),
                });
            });

        services.TryAddScoped<ITeamsDirectory, PersistedTeamsDirectory>();
        services.TryAddScoped<TeamsPeopleResolver>();
        services.TryAddScoped<ChatConversation>();
        services.TryAddScoped<ITeamsActivityHandler, TeamsActivityHandler>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IChatSender, TeamsSender>());
        return services;
    }
}
