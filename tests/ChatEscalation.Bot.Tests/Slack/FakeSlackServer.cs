using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatEscalation.Bot.Tests.Slack;

/// <summary>
/// A fake Slack on plain-HTTP loopback Kestrel: the Web API under <c>/api/{method}</c> (records every call; answers
/// from a script, else <c>{"ok":true}</c> plus per-method defaults) and Socket Mode links under <c>/link/</c>
/// (<c>apps.connections.open</c> hands out <c>ws://127.0.0.1:{port}/link/?ticket=N</c>).
/// </summary>
public sealed class FakeSlackServer : IAsyncDisposable
{
    private readonly object sync = new();
    private readonly List<RecordedSlackCall> calls = [];
    private readonly Queue<FakeSlackAnswer> script = new();
    private readonly Channel<FakeSocketSession> sessions = Channel.CreateUnbounded<FakeSocketSession>();
    private readonly List<FakeSocketSession> allSessions = [];
    private readonly WebApplication app;
    private int tickets;
    private int disposed;

    private FakeSlackServer(WebApplication app) => this.app = app;

    /// <summary>Web API base URL, e.g. <c>http://127.0.0.1:5123/api/</c>.</summary>
    public string ApiBaseUrl { get; private set; } = "";

    public IReadOnlyList<RecordedSlackCall> Calls { get { lock (sync) return calls.ToArray(); } }

    public static async Task<FakeSlackServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeSlackServer(app);
        app.UseWebSockets();
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        var root = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/');
        fake.ApiBaseUrl = root + "/api/";
        return fake;
    }

    /// <summary>Queues answers for the next Web API calls, in order.</summary>
    public void Enqueue(params FakeSlackAnswer[] answers)
    {
        lock (sync) foreach (var a in answers) script.Enqueue(a);
    }

    /// <summary>Waits (10 s) for the client to open the next Socket Mode connection.</summary>
    public async Task<FakeSocketSession> NextSessionAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await sessions.Reader.ReadAsync(timeout.Token);
    }

    private async Task HandleAsync(HttpContext http)
    {
        if (http.Request.Path.StartsWithSegments("/link") && http.WebSockets.IsWebSocketRequest)
        {
            var socket = await http.WebSockets.AcceptWebSocketAsync();
            var session = new FakeSocketSession(socket, http);
            lock (sync) allSessions.Add(session);
            sessions.Writer.TryWrite(session);
            await session.Done;
            return;
        }

        var method = http.Request.Path.Value!["/api/".Length..];
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync();
        FakeSlackAnswer? answer;
        lock (sync)
        {
            calls.Add(new RecordedSlackCall(http.Request.Method, method, http.Request.QueryString.Value ?? "",
                http.Request.Headers.Authorization.ToString(), http.Request.ContentType, body, Stopwatch.GetTimestamp()));
            script.TryDequeue(out answer);
        }

        answer ??= FakeSlackAnswer.Ok(Default(method, http));
        http.Response.StatusCode = answer.Status;
        if (answer.RetryAfter is not null) http.Response.Headers.RetryAfter = answer.RetryAfter;
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.WriteAsync(answer.Body);
    }

    private string Default(string method, HttpContext http) => method switch
    {
        "apps.connections.open" => $"{{\"ok\":true,\"url\":\"ws://{http.Request.Host}/link/?ticket={Interlocked.Increment(ref tickets)}\"}}",
        "chat.postMessage" => "{\"ok\":true,\"channel\":\"C0TIER1Q\",\"ts\":\"1712345678.001200\",\"message\":{}}",
        _ => "{\"ok\":true}",
    };

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1) return;
        lock (sync) foreach (var s in allSessions) s.End();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
