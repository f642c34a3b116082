using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using ChatEscalation.Bot.Hosting;
using ChatEscalation.Bot.Scheduling;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ChatEscalation.Bot.Tests.Slack.ChatFixtures;

/// <summary>
/// The bot's real composition root (AddChatEscalation + UseChatEscalationAsync, as Program.cs runs it, over the repository's
/// appsettings.json) on Kestrel at 127.0.0.1:0 with a temporary SQLite file, the scheduler off, a <see cref="FakeTimeProvider"/> on a
/// London business morning, Slack pointed at a <see cref="FakeSlackWebApi"/>, and the demo policy's tier, manager and on-call channels given
/// Slack ids <c>C0TIER1</c>…<c>C0TIER4</c>, <c>C0MANAGERS</c> and <c>C0ONCALL</c>. Requests are signed here as Slack signs them.
/// </summary>
public sealed class RunningSlackChatHost : IAsyncDisposable
{
    public const string SigningSecret = "e2e-signing-secret-0123456789abcdef";
    public const string ManagerChannel = "C0MANAGERS";
    public const string OnCallChannel = "C0ONCALL";

    /// <summary>Tuesday 10 March 2026, 10:00 London (GMT): inside business hours, no holiday, so nobody is paged.</summary>
    public static readonly DateTimeOffset T0 = new(2026, 3, 10, 10, 0, 0, TimeSpan.Zero);

    private readonly WebApplication app;
    private readonly string folder;

    private RunningSlackChatHost(WebApplication app, string folder, FakeSlackWebApi api, FakeTimeProvider time)
    {
        this.app = app;
        this.folder = folder;
        Api = api;
        Time = time;
        var baseUrl = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/');
        Client = new HttpClient { BaseAddress = new Uri(baseUrl) };
    }

    public FakeSlackWebApi Api { get; }
    public FakeTimeProvider Time { get; }
    public HttpClient Client { get; }
    public IServiceProvider Services => app.Services;

    /// <summary>The Slack channel id of tier <paramref name="level"/> (1–4).</summary>
    public static string TierChannel(int level) => $"C0TIER{level}";

    /// <param name="dispatchOnCommit">
    /// Deliver outbox messages right after each commit, as production does (default); false: only when the test calls
    /// <see cref="DispatchAsync"/>, for tests that assert every Web API call in order.
    /// </param>
    /// <param name="settings">More configuration, over the defaults (e.g. a short <c>Slack:ApiAttemptTimeout</c>, a tier's <c>SlackUserGroup</c>).</param>
    public static async Task<RunningSlackChatHost> StartAsync(bool dispatchOnCommit = true, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var api = await FakeSlackWebApi.StartAsync();
        var folder = Directory.CreateTempSubdirectory("chatescalation-slack-").FullName;
        var time = new FakeTimeProvider(T0);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Development" });
        builder.Configuration.UseRootAppSettings();
        builder.Configuration.AddInMemoryCollection(Settings(folder, api));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Outbox:DispatchOnCommit"] = dispatchOnCommit ? "true" : "false" });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.AddChatEscalation();
        var app = builder.Build();
        await app.UseChatEscalationAsync();
        await app.StartAsync();
        return new RunningSlackChatHost(app, folder, api, time);
    }

    private static Dictionary<string, string?> Settings(string folder, FakeSlackWebApi api)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["ConnectionStrings:Escalation"] = $"Data Source={Path.Combine(folder, "e.db")}",
            ["Scheduler:Enabled"] = "false",
            ["Local:DemoClock"] = "false",
            ["Slack:SigningSecret"] = SigningSecret,
            ["Slack:BotToken"] = "xoxb-e2e-token",
            ["Slack:ApiBaseUrl"] = api.ApiBaseUrl,
            ["Slack:ApiRetryBaseDelay"] = "00:00:00",
            ["Slack:PublicBaseUrl"] = "https://desk.example.com",
            ["Policy:ManagerChannel:Slack"] = ManagerChannel,
            ["Policy:OnCallChannel:Slack"] = OnCallChannel,
        };
        for (var i = 0; i < 4; i++) settings[$"Policy:Tiers:{i}:Channel:Slack"] = TierChannel(i + 1);
        return settings;
    }

    /// <summary>HMAC-SHA256 over <c>v0:{ts}:{body}</c> with the signing secret, hex, prefixed <c>v0=</c> (written from the protocol, not the product).</summary>
    public static string Sign(string timestamp, byte[] body)
    {
        var message = Encoding.UTF8.GetBytes($"v0:{timestamp}:").Concat(body).ToArray();
        return "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(SigningSecret), message));
    }

    /// <summary>POSTs <paramref name="body"/> to <paramref name="path"/>, signed at the fake clock's now unless <paramref name="sign"/> is false.</summary>
    public Task<HttpResponseMessage> PostAsync(string path, string body, string contentType, bool sign = true)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (sign)
        {
            var ts = Time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            request.Headers.Add("X-Slack-Request-Timestamp", ts);
            request.Headers.Add("X-Slack-Signature", Sign(ts, bytes));
        }

        return Client.SendAsync(request);
    }

    /// <summary>Runs the host's outbox dispatcher once.</summary>
    public Task DispatchAsync() => Services.GetRequiredService<IEscalationRunner>().DispatchNowAsync();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        await Api.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { /* best effort */ }
    }
}
