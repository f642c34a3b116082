using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatEscalation.Bot.Tests.Slack.ChatFixtures;

/// <summary>
/// A fake Slack Web API on plain-HTTP loopback Kestrel (<c>http://127.0.0.1:port/api/</c>) that records every call and answers like Slack:
/// <c>chat.postMessage</c> → a fresh ts per message; <c>chat.update</c> → the same ts; <c>chat.postEphemeral</c>; <c>views.open</c>;
/// <c>conversations.open</c> → <see cref="SlackChatUser.DmChannel"/>; <c>users.info</c> / <c>users.lookupByEmail</c> from <see cref="SlackChatUser.All"/>.
/// </summary>
public sealed class FakeSlackWebApi : IAsyncDisposable
{
    private readonly object sync = new();
    private readonly List<SlackApiCall> calls = [];
    private readonly Queue<(int Status, string Body, string? RetryAfter)> script = new();
    private readonly Dictionary<string, TimeSpan> stalls = new(StringComparer.Ordinal);
    private readonly WebApplication app;
    private int nextTs;

    private FakeSlackWebApi(WebApplication app) => this.app = app;

    /// <summary>Value for <c>Slack:ApiBaseUrl</c>.</summary>
    public string ApiBaseUrl { get; private set; } = "";

    /// <summary>Every call so far, in arrival order.</summary>
    public IReadOnlyList<SlackApiCall> Calls { get { lock (sync) return calls.ToArray(); } }

    public static async Task<FakeSlackWebApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeSlackWebApi(app);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        fake.ApiBaseUrl = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/') + "/api/";
        return fake;
    }

    /// <summary>Waits up to 10 s for a call of <paramref name="method"/> (matching <paramref name="where"/>) beyond the first <paramref name="after"/> calls.</summary>
    public async Task<SlackApiCall> WaitForAsync(string method, int after, Func<SlackApiCall, bool>? where = null)
    {
        for (var i = 0; i < 200; i++)
        {
            if (Calls.Skip(after).FirstOrDefault(c => c.Method == method && (where is null || where(c))) is { } found) return found;
            await Task.Delay(50);
        }

        throw new TimeoutException($"No {method} call arrived; calls: {string.Join(", ", Calls.Skip(after))}");
    }

    /// <summary>Queues a raw answer for the next call (instead of the usual one), e.g. 429 with Retry-After or <c>ok:false</c>.</summary>
    public void Enqueue(int status, string body, string? retryAfter = null)
    {
        lock (sync) script.Enqueue((status, body, retryAfter));
    }

    /// <summary>Makes every later call of <paramref name="method"/> wait <paramref name="by"/> before answering (zero: answer at once again).</summary>
    public void Stall(string method, TimeSpan by)
    {
        lock (sync) stalls[method] = by;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var method = context.Request.Path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries).Last();
        JsonObject body;
        if (HttpMethods.IsGet(context.Request.Method))
        {
            body = new JsonObject();
            foreach (var (k, v) in context.Request.Query) body[k] = v.ToString();
        }
        else
        {
            using var reader = new StreamReader(context.Request.Body);
            var text = await reader.ReadToEndAsync();
            body = text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!.AsObject();
        }

        var call = new SlackApiCall(method, context.Request.Headers.Authorization.FirstOrDefault(), body);
        TimeSpan stall;
        lock (sync) stall = stalls.GetValueOrDefault(method);
        if (stall > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(stall, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return; // the caller gave up
            }
        }
        (int Status, string Body, string? RetryAfter)? scripted = null;
        lock (sync)
        {
            if (script.Count > 0)
            {
                scripted = script.Dequeue();
                calls.Add(call);
            }
        }

        if (scripted is { } s)
        {
            context.Response.StatusCode = s.Status;
            if (s.RetryAfter is not null) context.Response.Headers.RetryAfter = s.RetryAfter;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(s.Body);
            return;
        }

        var answer = Answer(call);
        lock (sync) calls.Add(call with { Response = answer });
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer.ToJsonString());
    }

    /// <summary>A user object as users.info and users.lookupByEmail return it (both return the whole user).</summary>
    private static JsonObject UserObject(SlackChatUser user)
    {
        var profile = new JsonObject { ["real_name"] = user.Name };
        if (user.Email.Length > 0) profile["email"] = user.Email;
        return new JsonObject { ["id"] = user.Id, ["name"] = user.Id.ToLowerInvariant(), ["profile"] = profile };
    }

    private JsonObject Answer(SlackApiCall call)
    {
        switch (call.Method)
        {
            case "chat.postMessage":
                var ts = "1773136800." + Interlocked.Increment(ref nextTs).ToString("D6", CultureInfo.InvariantCulture);
                return new JsonObject { ["ok"] = true, ["channel"] = call["channel"], ["ts"] = ts };
            case "chat.update":
                return new JsonObject { ["ok"] = true, ["channel"] = call["channel"], ["ts"] = call["ts"] };
            case "chat.postEphemeral":
                return new JsonObject { ["ok"] = true, ["message_ts"] = "1773136899.000001" };
            case "views.open":
                return new JsonObject { ["ok"] = true, ["view"] = new JsonObject { ["id"] = "V0MODAL" } };
            case "conversations.open":
                var dm = SlackChatUser.All.FirstOrDefault(u => u.Id == call["users"]);
                return dm is null ? Error("user_not_found") : new JsonObject { ["ok"] = true, ["channel"] = new JsonObject { ["id"] = dm.DmChannel } };
            case "users.info":
                var user = SlackChatUser.All.FirstOrDefault(u => u.Id == call["user"]);
                return user is null ? Error("user_not_found") : new JsonObject { ["ok"] = true, ["user"] = UserObject(user) };
            case "users.lookupByEmail":
                var byMail = SlackChatUser.All.FirstOrDefault(u => u.Email.Length > 0 && u.Email == call["email"]);
                return byMail is null ? Error("users_not_found") : new JsonObject { ["ok"] = true, ["user"] = UserObject(byMail) };
            case "auth.test":
                return new JsonObject { ["ok"] = true, ["user_id"] = "U0BOT", ["bot_id"] = "B0BOT", ["team_id"] = "T0DESK" };
            default:
                return Error("unknown_method");
        }
    }

    private static JsonObject Error(string code) => new() { ["ok"] = false, ["error"] = code };
}
