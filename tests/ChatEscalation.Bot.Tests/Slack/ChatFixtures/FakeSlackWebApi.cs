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
/// <c>chat.postMessage</c> → a fresh ts per message (kept with its metadata, so <c>conversations.history</c> / <c>conversations.replies</c>
/// return it); <c>chat.update</c> → the same ts; <c>chat.postEphemeral</c>; <c>views.open</c>; <c>views.publish</c>; <c>conversations.open</c> →
/// <see cref="SlackChatUser.DmChannel"/>; <c>users.info</c> / <c>users.lookupByEmail</c> from <see cref="SlackChatUser.Known"/>.
/// Faults are scripted: a queued raw answer (<see cref="Enqueue"/>), a 429 on the next call of a method (<see cref="RateLimitFirst"/>),
/// a stall before the work (<see cref="Stall"/>: Slack never got it) or after it (<see cref="SlowAnswer"/>: Slack did it, answered late).
/// <c>apps.connections.open</c> → a single-use <c>ws://…/link/?ticket=N</c> whose Socket Mode connections the test drives (<see cref="NextSessionAsync"/>).
/// </summary>
public sealed class FakeSlackWebApi : IAsyncDisposable
{
    private readonly object sync = new();
    private readonly List<SlackApiCall> calls = [];
    private readonly List<(int Status, string Body, string? RetryAfter, string? Method)> script = [];
    private readonly Dictionary<string, TimeSpan> stalls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (TaskCompletionSource Arrived, TaskCompletionSource Release)> holds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> rateLimitFirst = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (TimeSpan By, int Times)> slowAnswers = new(StringComparer.Ordinal);
    private readonly List<(string Channel, string Ts, string? ThreadTs, JsonNode? Metadata)> posted = [];
    private readonly HashSet<string> attempted = new(StringComparer.Ordinal);
    private (bool On, string? RetryAfter) rateLimitFirstAttempts;
    private readonly System.Threading.Channels.Channel<FakeSocketSession> sessions = System.Threading.Channels.Channel.CreateUnbounded<FakeSocketSession>();
    private readonly List<FakeSocketSession> allSessions = [];
    private readonly WebApplication app;
    private int nextTs;
    private int socketTickets;

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
        app.UseWebSockets();
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

    /// <summary>
    /// Queues a raw answer for the next call (instead of the usual one), e.g. 429 with Retry-After or <c>ok:false</c>; with
    /// <paramref name="method"/>, for the next call of that method only (other calls are answered as usual meanwhile).
    /// </summary>
    public void Enqueue(int status, string body, string? retryAfter = null, string? method = null)
    {
        lock (sync) script.Add((status, body, retryAfter, method));
    }

    /// <summary>Makes every later call of <paramref name="method"/> wait <paramref name="by"/> before answering (zero: answer at once again).</summary>
    public void Stall(string method, TimeSpan by)
    {
        lock (sync) stalls[method] = by;
    }

    /// <summary>The next call of each of <paramref name="methods"/> is answered 429 (with <c>Retry-After: retryAfter</c> when given), once.</summary>
    public void RateLimitFirst(string? retryAfter, params string[] methods)
    {
        lock (sync) foreach (var m in methods) rateLimitFirst[m] = retryAfter;
    }

    /// <summary>
    /// From now on the first attempt of every write (each post by its outbox id, each update or ephemeral by its whole request, each
    /// conversations.open by its user) is answered 429 (with <c>Retry-After: retryAfter</c> when given); the next attempt goes through.
    /// </summary>
    public void RateLimitFirstAttempts(string? retryAfter)
    {
        lock (sync) rateLimitFirstAttempts = (true, retryAfter);
    }

    /// <summary>
    /// Every later call of <paramref name="method"/> waits until <c>Release</c> is completed (then answers as usual); <c>Arrived</c> is
    /// completed when the first such call arrives. Signals instead of delays, so a test can hold a call in flight as long as it needs.
    /// </summary>
    public (Task Arrived, TaskCompletionSource Release) Hold(string method)
    {
        var hold = (new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (sync) holds[method] = hold;
        return (hold.Item1.Task, hold.Item2);
    }

    /// <summary>The next <paramref name="times"/> calls of <paramref name="method"/> are carried out, then answered only after <paramref name="by"/>.</summary>
    public void SlowAnswer(string method, TimeSpan by, int times = 1)
    {
        lock (sync) slowAnswers[method] = (by, times);
    }

    /// <summary>The posts Slack holds (channel, ts, thread, metadata), in order.</summary>
    public IReadOnlyList<(string Channel, string Ts, string? ThreadTs, JsonNode? Metadata)> Posted { get { lock (sync) return posted.ToArray(); } }

    /// <summary>Waits (10 s) for a client to open the next Socket Mode connection.</summary>
    public async Task<FakeSocketSession> NextSessionAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await sessions.Reader.ReadAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        lock (sync) foreach (var session in allSessions) session.End();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/link") && context.WebSockets.IsWebSocketRequest)
        {
            var session = new FakeSocketSession(await context.WebSockets.AcceptWebSocketAsync(), context);
            lock (sync) allSessions.Add(session);
            sessions.Writer.TryWrite(session);
            await session.Done;
            return;
        }

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
        (TaskCompletionSource Arrived, TaskCompletionSource Release) hold;
        lock (sync)
        {
            stall = stalls.GetValueOrDefault(method);
            hold = holds.GetValueOrDefault(method);
        }

        if (hold.Release is not null)
        {
            hold.Arrived.TrySetResult();
            try
            {
                await hold.Release.Task.WaitAsync(context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return; // the caller gave up
            }
        }

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
        (int Status, string Body, string? RetryAfter, string? Method)? scripted = null;
        lock (sync)
        {
            var at = script.FindIndex(e => e.Method is null || e.Method == method);
            if (at >= 0)
            {
                scripted = script[at];
                script.RemoveAt(at);
                calls.Add(call);
            }
            else if (rateLimitFirst.Remove(method, out var retryAfter))
            {
                scripted = RateLimited(retryAfter);
                calls.Add(call with { Response = new JsonObject { ["status"] = 429 } });
            }
            else if (rateLimitFirstAttempts.On && Identity(call) is { } identity && attempted.Add(identity))
            {
                scripted = RateLimited(rateLimitFirstAttempts.RetryAfter);
                calls.Add(call with { Response = new JsonObject { ["status"] = 429 } });
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

        var answer = method == "apps.connections.open"
            ? new JsonObject { ["ok"] = true, ["url"] = $"ws://{context.Request.Host}/link/?ticket={Interlocked.Increment(ref socketTickets)}" }
            : Answer(call);
        TimeSpan slow;
        lock (sync)
        {
            calls.Add(call with { Response = answer });
            slow = slowAnswers.TryGetValue(method, out var planned) && planned.Times > 0 ? planned.By : TimeSpan.Zero;
            if (slow > TimeSpan.Zero) slowAnswers[method] = (slow, slowAnswers[method].Times - 1);
        }

        if (slow > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(slow, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return; // done, but the caller stopped waiting for the answer
            }
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer.ToJsonString());
    }

    private static (int Status, string Body, string? RetryAfter, string? Method) RateLimited(string? retryAfter) => (429, "{\"ok\":false,\"error\":\"ratelimited\"}", retryAfter, null);

    /// <summary>What makes a write the same write again (its retry), or null for reads.</summary>
    private static string? Identity(SlackApiCall call) => call.Method switch
    {
        "chat.postMessage" => $"post {call.Body["metadata"]?["event_payload"]?["outbox_id"]?.ToString() ?? call["text"]}",
        "chat.update" or "chat.postEphemeral" => $"{call.Method} {call.Body.ToJsonString()}", // the same request again is its retry
        "conversations.open" => $"open {call["users"]}",
        _ => null,
    };

    /// <summary>A user object as users.info and users.lookupByEmail return it (both return the whole user).</summary>
    private static JsonObject UserObject(SlackChatUser user)
    {
        var profile = new JsonObject { ["real_name"] = user.Name };
        if (user.Email.Length > 0) profile["email"] = user.Email;
        var answer = new JsonObject { ["id"] = user.Id, ["name"] = user.Id.ToLowerInvariant(), ["profile"] = profile };
        if (user.Tz is not null) answer["tz"] = user.Tz;
        return answer;
    }

    private JsonObject Answer(SlackApiCall call)
    {
        switch (call.Method)
        {
            case "chat.postMessage":
                var ts = "1773136800." + Interlocked.Increment(ref nextTs).ToString("D6", CultureInfo.InvariantCulture);
                var channel = call["channel"]!;
                if (channel.StartsWith('U')) channel = "D" + channel[1..]; // a post to a user id lands in the app's DM with them
                lock (sync) posted.Add((channel, ts, call["thread_ts"], call.Body["metadata"]?.DeepClone()));
                return new JsonObject { ["ok"] = true, ["channel"] = channel, ["ts"] = ts };
            case "conversations.history" or "conversations.replies":
                List<(string Channel, string Ts, string? ThreadTs, JsonNode? Metadata)> found;
                lock (sync)
                {
                    found = posted.Where(p => p.Channel == call["channel"] && (call.Method == "conversations.history" ? p.ThreadTs is null : p.ThreadTs == call["ts"]))
                        .Reverse().ToList();
                }

                return new JsonObject
                {
                    ["ok"] = true,
                    ["messages"] = new JsonArray(found.Select(p =>
                    {
                        var message = new JsonObject { ["type"] = "message", ["ts"] = p.Ts };
                        if (call["include_all_metadata"] == "true" && p.Metadata is not null) message["metadata"] = p.Metadata.DeepClone();
                        return (JsonNode)message;
                    }).ToArray()),
                };
            case "chat.update":
                return new JsonObject { ["ok"] = true, ["channel"] = call["channel"], ["ts"] = call["ts"] };
            case "chat.getPermalink":
                return new JsonObject { ["ok"] = true, ["channel"] = call["channel"], ["permalink"] = $"https://desk.slack.com/archives/{call["channel"]}/p{call["message_ts"]?.Replace(".", "")}" };
            case "chat.postEphemeral":
                return new JsonObject { ["ok"] = true, ["message_ts"] = "1773136899.000001" };
            case "views.publish":
                return new JsonObject { ["ok"] = true, ["view"] = new JsonObject { ["id"] = "V0HOME" + call["user_id"], ["type"] = "home" } };
            case "views.open":
                return new JsonObject { ["ok"] = true, ["view"] = new JsonObject { ["id"] = "V0MODAL" } };
            case "conversations.open":
                var dm = SlackChatUser.Known.FirstOrDefault(u => u.Id == call["users"]);
                return dm is null ? Error("user_not_found") : new JsonObject { ["ok"] = true, ["channel"] = new JsonObject { ["id"] = dm.DmChannel } };
            case "users.info":
                var user = SlackChatUser.Known.FirstOrDefault(u => u.Id == call["user"]);
                return user is null ? Error("user_not_found") : new JsonObject { ["ok"] = true, ["user"] = UserObject(user) };
            case "users.lookupByEmail":
                var byMail = SlackChatUser.Known.FirstOrDefault(u => u.Email.Length > 0 && u.Email == call["email"]);
                return byMail is null ? Error("users_not_found") : new JsonObject { ["ok"] = true, ["user"] = UserObject(byMail) };
            case "auth.test":
                return new JsonObject { ["ok"] = true, ["user_id"] = "U0BOT", ["bot_id"] = "B0BOT", ["team_id"] = "T0DESK" };
            default:
                return Error("unknown_method");
        }
    }

    private static JsonObject Error(string code) => new() { ["ok"] = false, ["error"] = code };
}
