using System.Text;
using System.Text.Json.Nodes;
using ChatEscalation.Bot.Hosting;
using ChatEscalation.Bot.Scheduling;
using ChatEscalation.Bot.Teams;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using ChatEscalation.Bot.Teams.Protocol;

namespace ChatEscalation.Bot.Tests.Teams;

/// <summary>
/// The bot's real composition root (<see cref="ServiceRegistration.AddChatEscalation"/> + <see cref="ServiceRegistration.UseChatEscalationAsync"/>,
/// exactly what Program.cs runs, with the repository's appsettings.json underneath) on Kestrel at 127.0.0.1:0, with a temporary SQLite
/// file, the scheduler off (the outbox dispatched and rosters read when a test says), a <see cref="FakeTimeProvider"/> on a London business morning, Teams pointed at a
/// <see cref="LocalBotFrameworkIssuer"/> and a <see cref="LocalTeamsConnector"/> answering through a <see cref="ConnectorSimulator"/>,
/// and the demo policy's tier, manager and on-call channels given Teams channel ids.
/// </summary>
/// <remarks>
/// Program.cs is not hosted through WebApplicationFactory because Program reads the policy from configuration before
/// <c>Build()</c>, where the factory's configuration is not yet applied; the two extension methods are the whole of Program.
/// </remarks>
public sealed class RunningTeamsHost : IAsyncDisposable
{
    public const string AppId = TeamsTestHost.AppId;
    public const string TenantId = "tenant-1";
    public const string TeamId = "19:it-team@thread.tacv2";
    public const string ManagerChannel = "19:it-managers@thread.tacv2";
    public const string OnCallChannel = "19:on-call@thread.tacv2";

    /// <summary>Tuesday 10 March 2026, 10:00 London (GMT): inside business hours, no holiday, so nobody is paged.</summary>
    public static readonly DateTimeOffset T0 = new(2026, 3, 10, 10, 0, 0, TimeSpan.Zero);

    private readonly WebApplication app;
    private readonly string folder;
    private int nextActivity;

    private RunningTeamsHost(WebApplication app, string folder, LocalBotFrameworkIssuer issuer, LocalTeamsConnector connector, ConnectorSimulator simulator, FakeTimeProvider time)
    {
        Simulator = simulator;
        this.app = app;
        this.folder = folder;
        Issuer = issuer;
        Connector = connector;
        Time = time;
        BaseUrl = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/');
        Client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
    }

    public LocalBotFrameworkIssuer Issuer { get; }
    public LocalTeamsConnector Connector { get; }
    public ConnectorSimulator Simulator { get; }
    public FakeTimeProvider Time { get; }
    public HttpClient Client { get; }
    public string BaseUrl { get; }
    public IServiceProvider Services => app.Services;

    /// <summary>The Teams channel id of tier <paramref name="level"/> (1–4).</summary>
    public static string TierChannel(int level) => $"19:tier{level}@thread.tacv2";

    /// <param name="settings">More configuration, over the defaults (e.g. a short <c>Outbox:SendTimeout</c>, <c>Teams:RosterOnInstall=true</c>).</param>
    /// <param name="services">Registrations made before the bot's own (which add theirs only where none is registered).</param>
    public static async Task<RunningTeamsHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var issuer = await LocalBotFrameworkIssuer.StartAsync();
        var connector = await LocalTeamsConnector.StartAsync();
        var simulator = new ConnectorSimulator([.. TeamsTestUser.All, .. TeamsTestUser.Reporters]);
        connector.Responder = simulator.Respond;
        var folder = Directory.CreateTempSubdirectory("chatescalation-teams-").FullName;
        var time = new FakeTimeProvider(T0);

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Development" });
        builder.Configuration.UseRootAppSettings();
        builder.Configuration.AddInMemoryCollection(Settings(folder, issuer, connector));
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TimeProvider>(time);
        services?.Invoke(builder.Services);
        builder.AddChatEscalation();
        var app = builder.Build();
        await app.UseChatEscalationAsync();
        await app.StartAsync();
        return new RunningTeamsHost(app, folder, issuer, connector, simulator, time);
    }

    private static Dictionary<string, string?> Settings(string folder, LocalBotFrameworkIssuer issuer, LocalTeamsConnector connector)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["ConnectionStrings:Escalation"] = $"Data Source={Path.Combine(folder, "e.db")}",
            ["Scheduler:Enabled"] = "false",
            ["Outbox:DispatchOnCommit"] = "false", // the tests dispatch when they choose
            ["Teams:RosterOnInstall"] = "false", // and read the team rosters when they choose (ReadRostersAsync)
            ["Local:DemoClock"] = "false",
            ["Teams:AppId"] = AppId,
            ["Teams:AppPassword"] = "local-secret",
            ["Teams:TenantId"] = TenantId,
            ["Teams:OpenIdMetadataUrl"] = issuer.MetadataUrl,
            ["Teams:TokenEndpoint"] = connector.TokenEndpoint,
            ["Teams:AllowedServiceUrlPrefixes:0"] = connector.ServiceUrl,
            ["Teams:ConnectorRetryBaseDelay"] = "00:00:00",
            ["Policy:ManagerChannel:Teams"] = ManagerChannel,
            ["Policy:OnCallChannel:Teams"] = OnCallChannel,
        };
        for (var i = 0; i < 4; i++) settings[$"Policy:Tiers:{i}:Channel:Teams"] = TierChannel(i + 1);
        return settings;
    }

    /// <summary>A fresh activity id, like Teams' numeric ids.</summary>
    public string NextActivityId() => "17000000" + Interlocked.Increment(ref nextActivity).ToString("D5", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A token the local issuer would send for the local connector at the current fake time.</summary>
    public string ValidToken() => Issuer.MintToken(AppId, Connector.ServiceUrl, Time.GetUtcNow());

    /// <summary>POSTs <paramref name="activity"/> to <c>/api/messages</c> with <c>Bearer token</c> (default: a valid token).</summary>
    public Task<HttpResponseMessage> PostAsync(JsonNode activity, string? token = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, TeamsEndpoints.MessagesPath)
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + (token ?? ValidToken()));
        return Client.SendAsync(request);
    }

    /// <summary>POSTs an invoke and returns the outer status and the parsed body.</summary>
    public async Task<(int Status, JsonObject? Body)> InvokeAsync(JsonNode activity)
    {
        using var response = await PostAsync(activity);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text) as JsonObject);
    }

    /// <summary>Reads the roster of every team the bot knows whose roster is due (<see cref="TeamsRoster.RefreshDueAsync"/>, the scheduled job's pass).</summary>
    public async Task<int> ReadRostersAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TeamsRoster>().RefreshDueAsync(default);
    }

    /// <summary>Runs the host's outbox dispatcher once (<see cref="IEscalationRunner.DispatchNowAsync"/>).</summary>
    public Task DispatchAsync() => Services.GetRequiredService<IEscalationRunner>().DispatchNowAsync();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        await Connector.DisposeAsync();
        await Issuer.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { /* best effort */ }
    }
}
