using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace ChatEscalation.Bench.FullPath;

/// <summary>
/// A fast local stand-in for the Slack Web API: <c>users.info</c> answers with an e-mail (<see cref="EmailOf"/>), <c>auth.test</c> with the bot's identity, the write methods
/// answer ok with a fresh <c>ts</c> (<c>conversations.open</c> with a DM channel), and every call is counted per method (<c>GET /count</c> returns the counts as JSON).
/// </summary>
public sealed class SlackStandIn : IAsyncDisposable
{
    private readonly WebApplication app;
    private long ts;

    private SlackStandIn(WebApplication app) => this.app = app;

    /// <summary>Calls per Web API method since the start.</summary>
    public ConcurrentDictionary<string, long> Calls { get; } = new();

    public string ApiBaseUrl => app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/') + "/api/";

    /// <summary>The e-mail a Slack user id has: <c>U0ALICE</c> → alice@demo.local (policy people), anyone else → id@bench.local.</summary>
    public static string EmailOf(string userId) => userId.StartsWith("U0USER", StringComparison.Ordinal)
        ? userId.ToLowerInvariant() + "@bench.local"
        : userId[2..].ToLowerInvariant() + "@demo.local";

    public long Posts => Calls.GetValueOrDefault("chat.postMessage");

    /// <param name="latency">How long each call takes to be answered (a real Web API call takes 100–300 ms); zero: at once.</param>
    public static async Task<SlackStandIn> StartAsync(int port, TimeSpan latency = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var standIn = new SlackStandIn(app);
        app.MapGet("/count", () => Results.Json(standIn.Calls.ToDictionary()));
        app.Map("/api/{method}", async (HttpContext http, string method) =>
        {
            if (latency > TimeSpan.Zero) await Task.Delay(latency);
            standIn.Calls.AddOrUpdate(method, 1, (_, n) => n + 1);
            if (http.Request.HasFormContentType || http.Request.ContentLength > 0) await http.Request.Body.CopyToAsync(Stream.Null);
            var answer = new JsonObject { ["ok"] = true };
            if (method == "users.info" && http.Request.Query["user"].ToString() is { Length: > 2 } user)
                answer["user"] = new JsonObject { ["id"] = user, ["real_name"] = user, ["profile"] = new JsonObject { ["email"] = EmailOf(user), ["real_name"] = user } };
            else if (method == "auth.test")
                (answer["user_id"], answer["bot_id"], answer["team_id"]) = ("U0BENCHBOT", "B0BENCH", "T0BENCH");
            else
            {
                var stamp = Interlocked.Increment(ref standIn.ts);
                answer["ts"] = $"1700000000.{stamp.ToString("D6", CultureInfo.InvariantCulture)}";
                answer["message_ts"] = answer["ts"]!.GetValue<string>();
                answer["channel"] = method == "conversations.open" ? new JsonObject { ["id"] = "D0BENCH" } : "C0BENCH";
                answer["messages"] = new JsonArray();
            }

            return Results.Text(answer.ToJsonString(), "application/json");
        });
        await app.StartAsync();
        return standIn;
    }

    /// <summary>Completes when the process is asked to stop (SIGTERM, Ctrl+C).</summary>
    public Task WaitForShutdownAsync() => app.WaitForShutdownAsync();

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
