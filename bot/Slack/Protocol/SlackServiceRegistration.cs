using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;

namespace ChatEscalation.Bot.Slack.Protocol;

/// <summary>Registers the Slack protocol adapter.</summary>
public static class SlackServiceRegistration
{
    /// <summary>Name of the resilience pipeline on the Web API HttpClient.</summary>
    public const string ApiPipelineName = "slack-web-api";

    /// <summary>Set on a request the pipeline must not repeat (a post: only the outbox, which knows what was delivered, retries it).</summary>
    public static readonly HttpRequestOptionsKey<bool> NotIdempotent = new("chatescalation.not-idempotent");

    /// <summary>
    /// Binds <see cref="SlackOptions"/> from section <c>"Slack"</c> (validated at start when Slack is enabled) and
    /// registers <see cref="SlackSignatureVerifier"/>, <see cref="ISlackApi"/> (typed HttpClient on
    /// <see cref="SlackOptions.ApiBaseUrl"/>; retries 5xx, timeouts and network errors with jittered exponential
    /// backoff, idempotent methods only; never 429, never a 200 with <c>ok:false</c>), <see cref="UnconfiguredSlackInbound"/> as
    /// <see cref="ISlackInbound"/> unless one is already registered (register the real handler before or after:
    /// a later <c>AddScoped</c> wins), and
    /// <see cref="SlackSocketModeClient"/> as a hosted service only when <c>Slack:Mode</c> is Socket and
    /// <c>Slack:AppToken</c> is set. Map the HTTP side with <see cref="SlackEndpoints.MapSlackEndpoints"/>.
    /// </summary>
    public static IServiceCollection AddSlackAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SlackOptions.SectionName);
        services.AddOptions<SlackOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>());
        services.TryAddSingleton<SlackSignatureVerifier>();
        services.TryAddScoped<ISlackInbound, UnconfiguredSlackInbound>();
        services.TryAddSingleton<SlackSocketModeDispatcher>();
        services.TryAddSingleton<SlackSocketModeState>();

        services.AddHttpClient<ISlackApi, SlackApiClient>((sp, client) =>
            {
                var baseUrl = sp.GetRequiredService<IOptionsMonitor<SlackOptions>>().CurrentValue.ApiBaseUrl;
                client.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
                client.Timeout = TimeSpan.FromSeconds(90);
            })
            .AddResilienceHandler(ApiPipelineName, static (pipeline, context) =>
            {
                var o = context.ServiceProvider.GetRequiredService<IOptionsMonitor<SlackOptions>>().CurrentValue;
                if (o.ApiMaxRetries > 0)
                {
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = o.ApiMaxRetries,
                        Delay = o.ApiRetryBaseDelay,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        ShouldRetryAfterHeader = false,
                        ShouldHandle = static args => ValueTask.FromResult(IsTransient(args.Outcome) && IsIdempotent(args.Context.GetRequestMessage())),
                    });
                }

                pipeline.AddTimeout(o.ApiAttemptTimeout);
            });

        var configured = section.Get<SlackOptions>() ?? new SlackOptions();
        if (configured.Mode == SlackMode.Socket && configured.IsEnabled)
        {
            services.AddHostedService<SlackSocketModeClient>();
        }

        return services;
    }

    private static bool IsIdempotent(HttpRequestMessage? request) =>
        request is null || !request.Options.TryGetValue(NotIdempotent, out var notIdempotent) || !notIdempotent;

    /// <summary>5xx answers, per-attempt timeouts and network failures; not 429 and not any 2xx (ok:false is logical).</summary>
    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } r } => (int)r.StatusCode >= 500 && r.StatusCode != HttpStatusCode.NotImplemented,
        _ => false,
    };
}
