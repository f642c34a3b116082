using System.Text.Json.Nodes;

namespace ChatEscalation.Bot.Tests.Slack.ChatFixtures;

/// <summary>One Web API call received by <see cref="FakeSlackWebApi"/>.</summary>
/// <param name="Method">The Web API method, e.g. <c>chat.postMessage</c>.</param>
/// <param name="Authorization">The Authorization header.</param>
/// <param name="Body">The JSON body (POST), or the query parameters as a JSON object (GET).</param>
public sealed record SlackApiCall(string Method, string? Authorization, JsonObject Body)
{
    /// <summary>What the fake answered.</summary>
    public JsonObject Response { get; init; } = new();

    /// <summary>The <c>ts</c> the fake answered (chat.postMessage, chat.update).</summary>
    public string? AnsweredTs => Response["ts"]?.GetValue<string>();

    /// <summary>A string field of the body, or null.</summary>
    public string? this[string name] => Body[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>The blocks sent, or null.</summary>
    public JsonArray? Blocks => Body["blocks"] as JsonArray;

    /// <summary>Every text inside the blocks, concatenated (for "contains" checks).</summary>
    public string BlockText => Blocks is null ? "" : string.Join("\n", Texts(Blocks));

    /// <summary>The action_ids of the buttons in the blocks.</summary>
    public IReadOnlyList<string> ActionIds => Blocks is null ? [] : Blocks.OfType<JsonObject>()
        .Where(b => (string?)b["type"] == "actions")
        .SelectMany(b => b["elements"]!.AsArray().OfType<JsonObject>().Select(e => (string)e["action_id"]!))
        .ToList();

    /// <summary>The method and its addressing fields, e.g. <c>chat.postMessage C0TIER1 thread 1773136800.000001</c>.</summary>
    public override string ToString() => string.Join(" ", new[]
    {
        Method, this["channel"], this["users"], this["user"], this["email"],
        this["thread_ts"] is { } t ? "thread " + t : null, this["ts"] is { } ts ? "ts " + ts : null,
    }.Where(s => s is not null));

    private static IEnumerable<string> Texts(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "text" && p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? [s] : Texts(p.Value)),
        JsonArray a => a.SelectMany(Texts),
        _ => [],
    };
}
