using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace ChatEscalation.Bot.Teams.Protocol;

/// <summary>Registers the Teams (Bot Framework) protocol adapter.</summary>
public static class TeamsServiceRegistration
{
    /// <summary>Name of the resilience pipeline on the Connector HttpClient.</summary>
    public const string ConnectorPipelineName = "teams-connector";

    /// <summary>
    /// Set on each Connector request: whether the resilience pipeline may repeat it. Creating an activity is not idempotent (Bot
    /// Framework takes no idempotency key), so only the outbox retries those, and not after an unknown outcome.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> Idempotent = new("chatescalation.idempotent");

    /// <summary>
    /// Binds and validates <see cref="TeamsOptions"/> from section <c>"Teams"</c> (at start-up), and registers
    /// the inbound token validator and key cache (Bot Service and Entra issuers), the outbound token provider (MSAL: secret, certificate
    /// or managed identity), <see cref="ITeamsConnector"/>
    /// (typed HttpClient with retry on 412/502/503/504 of idempotent requests only) and <see cref="UnconfiguredTeamsActivityHandler"/> as
    /// <see cref="ITeamsActivityHandler"/> unless one is already registered (the chat behaviour, <c>AddTeamsChat</c>, replaces it).
    /// The host registers <see cref="TimeProvider"/>.
    /// </summary>
    public static IServiceCollection AddTeamsAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TeamsOptions>()
            .Bind(configuration.GetSection(TeamsOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TeamsOptions>, TeamsOptionsValidator>());

        services.AddHttpClient(BotFrameworkSigningKeyCache.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.TryAddSingleton<BotFrameworkSigningKeyCache>();
        services.TryAddSingleton<BotFrameworkTokenValidator>();

        services.AddHttpClient(MsalTokenSource.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(15))
            .AddHttpMessageHandler(sp => new LoopbackPlainHttpHandler(() => sp.GetRequiredService<IOptionsMonitor<TeamsOptions>>().CurrentValue.EffectiveTokenEndpoint));
        services.TryAddSingleton<IBotFrameworkTokenSource, MsalTokenSource>();
        services.TryAddSingleton<IBotFrameworkTokenProvider, BotFrameworkTokenProvider>();

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
                        or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout
                        && args.Context.GetRequestMessage() is { } request && request.Options.TryGetValue(Idempotent, out var idempotent) && idempotent),
                });
            });

        services.TryAddScoped<ITeamsActivityHandler, UnconfiguredTeamsActivityHandler>();
        return services;
    }
}
