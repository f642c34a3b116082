using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace ChatEscalation.Bench.FullPath;

/// <summary>Slack request bodies as Slack sends them (slash command form, <c>block_actions</c> payload) and their signatures.</summary>
public static class SlackBodies
{
    public const string SigningSecret = "bench-signing-secret-0123456789abcdef";

    /// <summary>Reporters cycle over this many users (users.info once each, then the cache).</summary>
    public const int Reporters = 100;

    /// <summary>A <c>/ticket &lt;text&gt;</c> slash command, unique by <paramref name="n"/> (text and trigger id).</summary>
    public static string Raise(long n, string runId) => Form(new Dictionary<string, string>
    {
        ["token"] = "deprecated", ["team_id"] = "T0BENCH", ["team_domain"] = "bench", ["channel_id"] = "C0GENERAL", ["channel_name"] = "general",
        ["user_id"] = $"U0USER{n % Reporters:D3}", ["user_name"] = $"user{n % Reporters:D3}", ["command"] = "/ticket",
        ["text"] = Text(n, runId), ["api_app_id"] = "A0BENCH", ["response_url"] = "https://hooks.slack.com/commands/T0BENCH/1/x",
        ["trigger_id"] = $"{runId}.{n}.trigger",
    });

    /// <summary>
    /// The problem text of raise <paramref name="n"/>: three made-up words unique to it, so the knowledge step finds no similar open
    /// ticket to ask "Same problem?" about and the card goes to the queue (with shared words every raise after the first was held).
    /// </summary>
    public static string Text(long n, string runId)
    {
        var h = Mix((ulong)n ^ Mix((ulong)runId.GetHashCode(StringComparison.Ordinal)));
        return $"{Word(h)} {Word(h >> 20)} {Word(h >> 40)}";
    }

    private static readonly string[] Syllables = ["ka", "lo", "mi", "ru", "te", "zo", "vi", "ne", "pa", "sho", "gu", "dre", "fa", "bi", "yo", "wu"];

    private static string Word(ulong bits) => string.Concat(Enumerable.Range(0, 5).Select(i => Syllables[(int)((bits >> (4 * i)) & 15)]));

    private static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    /// <summary>A technician's Accept click on ticket <paramref name="ticket"/>, unique by <paramref name="n"/> (action_ts).</summary>
    public static string Accept(long ticket, long n, string runId, string user = "U0ALICE")
    {
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = user, ["username"] = user.ToLowerInvariant(), ["name"] = user.ToLowerInvariant(), ["team_id"] = "T0BENCH" },
            ["api_app_id"] = "A0BENCH", ["token"] = "deprecated",
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1700000000.000001", ["channel_id"] = "C0TIER1", ["is_ephemeral"] = false },
            ["trigger_id"] = $"{runId}.{n}.trigger",
            ["team"] = new JsonObject { ["id"] = "T0BENCH", ["domain"] = "bench" },
            ["channel"] = new JsonObject { ["id"] = "C0TIER1", ["name"] = "tier-1" },
            ["response_url"] = "https://hooks.slack.com/actions/T0BENCH/1/y",
            ["actions"] = new JsonArray(new JsonObject
            {
                ["type"] = "button", ["action_id"] = "accept", ["block_id"] = $"ticket-{ticket}",
                ["value"] = ticket.ToString(CultureInfo.InvariantCulture), ["action_ts"] = $"{runId}.{n}",
            }),
        };
        return Form(new Dictionary<string, string> { ["payload"] = payload.ToJsonString() });
    }

    /// <summary>Slack's v0 signature: HMAC-SHA256 of <c>v0:{timestamp}:{body}</c> with the signing secret, hex.</summary>
    public static string Sign(string timestamp, string body, string secret = SigningSecret) =>
        "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}")));

    public static string Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private static string Form(Dictionary<string, string> fields) =>
        QueryHelpers.AddQueryString("", fields!).TrimStart('?');
}
