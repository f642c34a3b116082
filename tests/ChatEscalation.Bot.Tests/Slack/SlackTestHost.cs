using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using ChatEscalation.Bot.Slack;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using ChatEscalation.Bot.Slack.Protocol;

namespace ChatEscalation.Bot.Tests.Slack;

/// <summary>
/// An in-memory host with only the Slack adapter (AddSlackAdapter + MapSlackEndpoints), a <see cref="FakeTimeProvider"/>
/// and a <see cref="RecordingSlackInbound"/>. Requests are signed here independently of the product's verifier.
/// </summary>
public sealed class SlackTestHost : IAsyncDisposable
{
    /// <summary>The signing secret of Slack's published example.</summary>
    public const string SigningSecret = "8f742231b10e8888abcd99yyyzzz85a5";

    /// <summary>Start of fake time; far from the real clock so the window check proves it uses the TimeProvider.</summary>
    public static readonly DateTimeOffset T0 = new(2031, 3, 4, 10, 0, 0, TimeSpan.Zero);

    private readonly WebApplication app;

    private SlackTestHost(WebApplication app, FakeTimeProvider time)
    {
        this.app = app;
        Time = time;
        Client = app.GetTestClient();
    }

    public FakeTimeProvider Time { get; }
    public HttpClient Client { get; }
    public RecordingSlackInbound Inbound => app.Services.GetRequiredService<RecordingSlackInbound>();

    /// <summary>Starts a host; <paramref name="settings"/> override the defaults (a null value removes a key).</summary>
    public static async Task<SlackTestHost> StartAsync(Dictionary<string, string?>? settings = null)
    {
        var time = new FakeTimeProvider(T0);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        var config = new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = SigningSecret,
            ["Slack:BotToken"] = "xoxb-test-token",
        };
        foreach (var (k, v) in settings ?? []) config[k] = v;
        builder.Configuration.AddInMemoryCollection(config);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSlackAdapter(builder.Configuration);
        builder.Services.AddSingleton<RecordingSlackInbound>();
        builder.Services.AddSingleton<ISlackInbound>(sp => sp.GetRequiredService<RecordingSlackInbound>());
        var app = builder.Build();
        app.MapSlackEndpoints();
        await app.StartAsync();
        return new SlackTestHost(app, time);
    }

    /// <summary>HMAC-SHA256 of <c>v0:{ts}:{body}</c>, hex, with the <c>v0=</c> prefix (written from the protocol, not the product).</summary>
    public static string Sign(string secret, string timestamp, byte[] body)
    {
        var message = Encoding.UTF8.GetBytes($"v0:{timestamp}:").Concat(body).ToArray();
        return "v0=" + Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message)).ToLowerInvariant();
    }

    /// <summary>POSTs <paramref name="body"/> signed at the fake clock's now (or <paramref name="timestamp"/>); unsigned when <paramref name="sign"/> is false.</summary>
    public Task<HttpResponseMessage> PostAsync(string path, string body, string contentType, bool sign = true, string? timestamp = null, Action<HttpRequestMessage>? configure = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (sign)
        {
            var ts = timestamp ?? Time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            request.Headers.Add("X-Slack-Request-Timestamp", ts);
            request.Headers.Add("X-Slack-Signature", Sign(SigningSecret, ts, bytes));
        }

        configure?.Invoke(request);
        return Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostJsonAsync(string path, string json, bool sign = true) => PostAsync(path, json, "application/json", sign);

    public Task<HttpResponseMessage> PostFormAsync(string path, string form, bool sign = true) => PostAsync(path, form, "application/x-www-form-urlencoded", sign);

    /// <summary>Reads a fixture copied next to the test binaries.</summary>
    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Slack", "Fixtures", name));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
