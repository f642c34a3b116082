using System.Text;
using System.Text.Json.Nodes;
using ChatEscalation.Bot.Teams;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using ChatEscalation.Bot.Teams.Protocol;

namespace ChatEscalation.Bot.Tests.Teams;

/// <summary>
/// An in-memory host with only the Teams adapter mapped, wired to a <see cref="LocalBotFrameworkIssuer"/>,
/// a <see cref="LocalTeamsConnector"/>, a <see cref="FakeTimeProvider"/> and a <see cref="RecordingTeamsHandler"/>.
/// </summary>
public sealed class TeamsTestHost : IAsyncDisposable
{
    /// <summary>The bot's app id used in tokens and config.</summary>
    public const string AppId = "11111111-2222-3333-4444-555555555555";

    /// <summary>Start of fake time; far from the real clock so lifetime checks prove they use the TimeProvider.</summary>
    public static readonly DateTimeOffset T0 = new(2031, 3, 4, 10, 0, 0, TimeSpan.Zero);

    private readonly WebApplication app;

    private TeamsTestHost(WebApplication app, LocalBotFrameworkIssuer issuer, LocalTeamsConnector connector, FakeTimeProvider time)
    {
        this.app = app;
        Issuer = issuer;
        Connector = connector;
        Time = time;
        Client = app.GetTestClient();
    }

    public LocalBotFrameworkIssuer Issuer { get; }
    public LocalTeamsConnector Connector { get; }
    public FakeTimeProvider Time { get; }
    public HttpClient Client { get; }
    public RecordingTeamsHandler Handler => app.Services.GetRequiredService<RecordingTeamsHandler>();

    /// <summary>Starts issuer, connector and host. <paramref name="appId"/> null disables Teams; <paramref name="settings"/> adds or overrides settings.</summary>
    public static async Task<TeamsTestHost> StartAsync(string? appId = AppId, Func<LocalBotFrameworkIssuer, LocalTeamsConnector, IDictionary<string, string?>>? settings = null)
    {
        var issuer = await LocalBotFrameworkIssuer.StartAsync();
        var connector = await LocalTeamsConnector.StartAsync();
        var time = new FakeTimeProvider(T0);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(Settings(appId, issuer, connector));
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings(issuer, connector));
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddTeamsAdapter(builder.Configuration);
        builder.Services.AddSingleton<RecordingTeamsHandler>();
        builder.Services.AddSingleton<ITeamsActivityHandler>(sp => sp.GetRequiredService<RecordingTeamsHandler>());
        var app = builder.Build();
        app.MapTeamsEndpoints();
        await app.StartAsync();
        return new TeamsTestHost(app, issuer, connector, time);
    }

    /// <summary>Configuration pointing the adapter at the local doubles.</summary>
    public static Dictionary<string, string?> Settings(string? appId, LocalBotFrameworkIssuer? issuer, LocalTeamsConnector connector) => new()
    {
        ["Teams:AppId"] = appId,
        ["Teams:AppPassword"] = "s3cret/+&=",
        ["Teams:OpenIdMetadataUrl"] = issuer?.MetadataUrl ?? TeamsOptions.DefaultOpenIdMetadataUrl,
        ["Teams:TokenEndpoint"] = connector.TokenEndpoint,
        ["Teams:AllowedServiceUrlPrefixes:0"] = connector.ServiceUrl,
        ["Teams:MetadataMinRefreshInterval"] = "00:05:00",
        ["Teams:ConnectorRetryBaseDelay"] = "00:00:00",
    };

    /// <summary>A Teams message activity addressed to the local connector, from <paramref name="tenantId"/>.</summary>
    public JsonObject MessageActivity(string channelId = "msteams", string? serviceUrl = null, string tenantId = "tenant-1") => new()
    {
        ["type"] = "message",
        ["id"] = "1699999999999",
        ["timestamp"] = "2020-01-01T00:00:00Z",
        ["serviceUrl"] = serviceUrl ?? Connector.ServiceUrl,
        ["channelId"] = channelId,
        ["from"] = new JsonObject { ["id"] = "29:user", ["name"] = "Ada", ["aadObjectId"] = "aad-ada" },
        ["recipient"] = new JsonObject { ["id"] = "28:" + AppId, ["name"] = "Escalation Bot" },
        ["conversation"] = new JsonObject { ["id"] = "a:personal-1", ["conversationType"] = "personal", ["tenantId"] = tenantId },
        ["text"] = "help",
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantId } },
    };

    /// <summary>A token the issuer would genuinely send for the local connector, at the current fake time.</summary>
    public string ValidToken() => Issuer.MintToken(AppId, Connector.ServiceUrl, Time.GetUtcNow());

    /// <summary>POSTs an activity body with the given Authorization header (null: no header).</summary>
    public Task<HttpResponseMessage> PostAsync(string body, string? authorization, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, TeamsEndpoints.MessagesPath)
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        };
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return Client.SendAsync(request);
    }

    /// <summary>POSTs an activity with <c>Bearer token</c>.</summary>
    public Task<HttpResponseMessage> PostAsync(JsonNode activity, string token) =>
        PostAsync(activity.ToJsonString(), "Bearer " + token);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        await Connector.DisposeAsync();
        await Issuer.DisposeAsync();
    }
}
