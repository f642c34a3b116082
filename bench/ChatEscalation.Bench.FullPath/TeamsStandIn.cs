using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace ChatEscalation.Bench.FullPath;

/// <summary>
/// A fast local stand-in for the Bot Framework Connector (<c>/v3/conversations…</c>): the member lookup answers with an e-mail
/// (<see cref="EmailOf"/>), a roster page is empty, and posts, replies, edits and new conversations succeed with a fresh id. Every call
/// is counted by method and route shape (<c>GET /count</c>).
/// </summary>
public sealed class TeamsStandIn : IAsyncDisposable
{
    private readonly WebApplication app;
    private long ids;

    private TeamsStandIn(WebApplication app) => this.app = app;

    /// <summary>Calls since the start, by <c>METHOD shape</c> (e.g. <c>POST activities</c>, <c>GET members</c>).</summary>
    public ConcurrentDictionary<string, long> Calls { get; } = new();

    /// <summary>The service URL to put in activities (<c>http://127.0.0.1:port/</c>).</summary>
    public string ServiceUrl => app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/') + "/";

    /// <summary>The e-mail behind a Teams user id: <c>29:bench-user-007</c> → user007@bench.local, <c>29:bench-alice</c> → alice@demo.local.</summary>
    public static string EmailOf(string userId)
    {
        var name = userId.StartsWith("29:bench-", StringComparison.Ordinal) ? userId["29:bench-".Length..] : userId;
        return name.StartsWith("user-", StringComparison.Ordinal) ? $"user{name[5..]}@bench.local" : $"{name}@demo.local";
    }

    public static async Task<TeamsStandIn> StartAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var standIn = new TeamsStandIn(app);
        app.MapGet("/count", () => Results.Json(standIn.Calls.ToDictionary()));
        app.Map("/v3/conversations/{**rest}", async (HttpContext http, string? rest) =>
        {
            var parts = (rest ?? "").Split('/');
            var shape = parts.Length switch { 1 when parts[0].Length == 0 => "conversations", 1 => "conversation", _ => parts[1] };
            standIn.Calls.AddOrUpdate($"{http.Request.Method} {shape}", 1, (_, n) => n + 1);
            if (http.Request.ContentLength > 0 || http.Request.Headers.TransferEncoding.Count > 0) await http.Request.Body.CopyToAsync(Stream.Null);
            JsonObject answer = shape switch
            {
                "members" when parts.Length > 2 => new JsonObject
                {
                    ["id"] = Uri.UnescapeDataString(parts[2]), ["name"] = Uri.UnescapeDataString(parts[2]),
                    ["email"] = EmailOf(Uri.UnescapeDataString(parts[2])), ["userPrincipalName"] = EmailOf(Uri.UnescapeDataString(parts[2])),
                    ["aadObjectId"] = TeamsBodies.AadOf(Uri.UnescapeDataString(parts[2])),
                },
                "pagedmembers" => new JsonObject { ["members"] = new JsonArray() },
                _ => new JsonObject
                {
                    ["id"] = $"1{Interlocked.Increment(ref standIn.ids):D12}",
                    ["activityId"] = $"1{standIn.ids:D12}",
                },
            };
            return Results.Text(answer.ToJsonString(), "application/json", statusCode: HttpMethods.IsPost(http.Request.Method) ? 201 : 200);
        });
        await app.StartAsync();
        return standIn;
    }

    /// <summary>Completes when the process is asked to stop (SIGTERM, Ctrl+C).</summary>
    public Task WaitForShutdownAsync() => app.WaitForShutdownAsync();

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
