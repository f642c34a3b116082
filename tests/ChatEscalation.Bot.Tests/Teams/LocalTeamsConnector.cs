using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatEscalation.Bot.Tests.Teams;

/// <summary>
/// A fake Bot Connector plus Entra token endpoint on plain-HTTP loopback Kestrel. It records every request;
/// Connector answers come from a script (default: 200 <c>{"id":"activity-1"}</c>), tokens are
/// <c>token-1</c>, <c>token-2</c>, … valid for <see cref="TokenLifetimeSeconds"/>.
/// </summary>
public sealed class LocalTeamsConnector : IAsyncDisposable
{
    private readonly object sync = new();
    private readonly List<RecordedRequest> connectorRequests = [];
    private readonly List<RecordedRequest> tokenRequests = [];
    private readonly Queue<ScriptedResponse> script = new();
    private readonly HashSet<string> attempted = new(StringComparer.Ordinal);
    private ScriptedResponse? firstAttempts;
    private readonly WebApplication app;

    private LocalTeamsConnector(WebApplication app) => this.app = app;

    /// <summary>Base URL with trailing slash; use it as the serviceUrl and allowed prefix.</summary>
    public string ServiceUrl { get; private set; } = "";

    /// <summary>The tenant segment of <see cref="TokenEndpoint"/>, as in <c>login.microsoftonline.com/{tenant}/oauth2/v2.0/token</c>.</summary>
    public const string TokenTenant = "botframework.com";

    /// <summary>Value for <c>Teams:TokenEndpoint</c>: an Entra v2 token endpoint, so MSAL can take its authority.</summary>
    public string TokenEndpoint => ServiceUrl + TokenTenant + "/oauth2/v2.0/token";

    /// <summary>
    /// Checks each token request's client credential as Entra ID would (null, the default: any credential is accepted): answers
    /// 401 <c>invalid_client</c> when it returns a reason.
    /// </summary>
    public Func<RecordedRequest, string?>? CredentialCheck { get; set; }

    /// <summary>The secret the managed-identity endpoint (<c>/msi/token</c>) expects in <c>X-IDENTITY-HEADER</c>.</summary>
    public const string ManagedIdentitySecret = "local-identity-header";

    /// <summary>The App Service managed-identity endpoint (value for <c>IDENTITY_ENDPOINT</c>).</summary>
    public string ManagedIdentityEndpoint => ServiceUrl + "msi/token";

    /// <summary>The <c>expires_in</c> of issued tokens.</summary>
    public int TokenLifetimeSeconds { get; set; } = 3600;

    /// <summary>
    /// Answers Connector requests when no scripted response is queued; null (default) gives 200 <c>{"id":"activity-1"}</c>.
    /// </summary>
    public Func<RecordedRequest, ScriptedResponse>? Responder { get; set; }

    /// <summary>Connector requests received so far (token requests excluded).</summary>
    public IReadOnlyList<RecordedRequest> ConnectorRequests { get { lock (sync) return connectorRequests.ToArray(); } }

    /// <summary>Token requests received so far.</summary>
    public IReadOnlyList<RecordedRequest> TokenRequests { get { lock (sync) return tokenRequests.ToArray(); } }

    /// <summary>Starts on an ephemeral loopback port.</summary>
    public static async Task<LocalTeamsConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new LocalTeamsConnector(app);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        fake.ServiceUrl = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/') + "/";
        return fake;
    }

    /// <summary>Queues responses for the next Connector requests, in order.</summary>
    public void Enqueue(params ScriptedResponse[] responses)
    {
        lock (sync) foreach (var r in responses) script.Enqueue(r);
    }

    /// <summary>
    /// From now on the first attempt of every write (a POST or PUT, known by its method, path and body: its retry is the same request)
    /// gets <paramref name="response"/> (e.g. 429 with or without Retry-After); the next attempt is answered as usual.
    /// </summary>
    public void FailFirstAttempts(ScriptedResponse response)
    {
        lock (sync) firstAttempts = response;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var recorded = new RecordedRequest(
            context.Request.Method,
            context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget,
            context.Request.Headers.Authorization.FirstOrDefault(),
            context.Request.ContentType,
            body);

        if (context.Request.Path.StartsWithSegments("/msi/token"))
        {
            // The App Service managed-identity endpoint (IDENTITY_ENDPOINT): GET with the X-IDENTITY-HEADER secret, answers expires_on.
            lock (sync) tokenRequests.Add(recorded with { Authorization = context.Request.Headers["X-IDENTITY-HEADER"].FirstOrDefault() });
            if (context.Request.Headers["X-IDENTITY-HEADER"] != ManagedIdentitySecret)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }

            var expiresOn = DateTimeOffset.UtcNow.AddSeconds(TokenLifetimeSeconds).ToUnixTimeSeconds();
            await context.Response.WriteAsJsonAsync(new { access_token = "mi-token", expires_on = expiresOn.ToString(System.Globalization.CultureInfo.InvariantCulture), resource = context.Request.Query["resource"].ToString(), token_type = "Bearer" });
            return;
        }

        if (context.Request.Path.Value?.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal) == true)
        {
            int n;
            lock (sync)
            {
                tokenRequests.Add(recorded);
                n = tokenRequests.Count;
            }

            if (CredentialCheck?.Invoke(recorded) is { } refusal)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                await context.Response.WriteAsJsonAsync(new { error = "invalid_client", error_description = refusal, error_codes = new[] { 7000215 } });
                return;
            }

            await context.Response.WriteAsJsonAsync(new { token_type = "Bearer", expires_in = TokenLifetimeSeconds, ext_expires_in = TokenLifetimeSeconds, access_token = $"token-{n}" });
            return;
        }

        ScriptedResponse response;
        lock (sync)
        {
            connectorRequests.Add(recorded);
            response = script.Count > 0 ? script.Dequeue()
                : firstAttempts is { } first && recorded.Method is "POST" or "PUT" && attempted.Add($"{recorded.Method} {recorded.RawTarget} {recorded.Body}") ? first
                : Responder?.Invoke(recorded) ?? new ScriptedResponse(200, """{"id":"activity-1"}""");
        }

        if (response.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(response.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return; // the caller gave up
            }
        }

        context.Response.StatusCode = response.Status;
        if (response.RetryAfter is not null) context.Response.Headers.RetryAfter = response.RetryAfter;
        if (response.Body.Length > 0)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(response.Body);
        }
    }
}
