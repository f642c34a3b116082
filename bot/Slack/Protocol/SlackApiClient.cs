using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace ChatEscalation.Bot.Slack.Protocol;

/// <summary>
/// <see cref="ISlackApi"/> over a typed <see cref="HttpClient"/> whose base address is <see cref="SlackOptions.ApiBaseUrl"/>.
/// Write methods POST JSON (<c>application/json; charset=utf-8</c>); <c>users.info</c> and <c>users.lookupByEmail</c>
/// are GETs with query parameters (Slack reads those two from the query, not from a JSON body). Every call
/// carries <c>Authorization: Bearer</c> with the bot token, except <c>apps.connections.open</c> (app token).
/// Retries of 5xx and network errors are the resilience handler's (see <see cref="SlackServiceRegistration"/>), for idempotent
/// methods only (not <c>chat.postMessage</c>, <c>chat.postEphemeral</c>, <c>views.open</c>); 429 and <c>ok:false</c> are never retried here.
/// </summary>
public sealed class SlackApiClient(HttpClient http, IOptionsMonitor<SlackOptions> options) : ISlackApi
{
    /// <inheritdoc />
    public async Task<SlackPostedMessage> PostMessageAsync(string channel, string text, JsonNode? blocks = null, string? threadTs = null, SlackMessageMetadata? metadata = null,
        CancellationToken ct = default)
    {
        var body = Message(channel, text, blocks);
        if (threadTs is not null) body["thread_ts"] = threadTs;
        if (metadata is not null) body["metadata"] = metadata.ToJson();
        var result = await PostJsonAsync("chat.postMessage", body, ct, idempotent: false).ConfigureAwait(false);
        return new SlackPostedMessage(Read(result, "channel") ?? channel, Required(result, "ts", "chat.postMessage"));
    }

    /// <inheritdoc />
    public async Task<SlackPostedMessage> UpdateMessageAsync(string channel, string ts, string text, JsonNode? blocks = null, CancellationToken ct = default)
    {
        var body = Message(channel, text, blocks);
        body["ts"] = ts;
        var result = await PostJsonAsync("chat.update", body, ct).ConfigureAwait(false);
        return new SlackPostedMessage(Read(result, "channel") ?? channel, Read(result, "ts") ?? ts);
    }

    /// <inheritdoc />
    public async Task<string?> PostEphemeralAsync(string channel, string user, string text, JsonNode? blocks = null, CancellationToken ct = default)
    {
        var body = Message(channel, text, blocks);
        body["user"] = user;
        return Read(await PostJsonAsync("chat.postEphemeral", body, ct, idempotent: false).ConfigureAwait(false), "message_ts");
    }

    /// <inheritdoc />
    public async Task<string?> OpenViewAsync(string triggerId, JsonNode view, CancellationToken ct = default)
    {
        var body = new JsonObject { ["trigger_id"] = triggerId, ["view"] = view.DeepClone() };
        var result = await PostJsonAsync("views.open", body, ct, idempotent: false).ConfigureAwait(false); // never twice with one trigger
        return result.TryGetProperty("view", out var v) && v.ValueKind == JsonValueKind.Object ? Read(v, "id") : null;
    }

    /// <inheritdoc />
    public async Task PublishHomeAsync(string userId, JsonNode view, CancellationToken ct = default) =>
        await PostJsonAsync("views.publish", new JsonObject { ["user_id"] = userId, ["view"] = view.DeepClone() }, ct).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task<string> OpenConversationAsync(string userId, CancellationToken ct = default)
    {
        var result = await PostJsonAsync("conversations.open", new JsonObject { ["users"] = userId }, ct).ConfigureAwait(false);
        return result.TryGetProperty("channel", out var c) && c.ValueKind == JsonValueKind.Object && Read(c, "id") is { } id
            ? id
            : throw new SlackApiException("conversations.open", "invalid_response");
    }

    /// <inheritdoc />
    public async Task<SlackUserInfo> GetUserAsync(string userId, CancellationToken ct = default)
    {
        var result = await GetAsync("users.info", $"user={Uri.EscapeDataString(userId)}", ct).ConfigureAwait(false);
        if (!result.TryGetProperty("user", out var user) || user.ValueKind != JsonValueKind.Object)
        {
            throw new SlackApiException("users.info", "invalid_response");
        }

        return ReadUser(user, userId);
    }

    /// <summary>A Slack user object: id, the best name it carries (real, then display, then handle) and the profile e-mail.</summary>
    private static SlackUserInfo ReadUser(JsonElement user, string userId)
    {
        var profile = user.TryGetProperty("profile", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
        string? FromProfile(string name) => profile.ValueKind == JsonValueKind.Object ? NonEmpty(Read(profile, name)) : null;
        var name = FromProfile("real_name") ?? NonEmpty(Read(user, "real_name")) ?? FromProfile("display_name") ?? Read(user, "name") ?? userId;
        return new SlackUserInfo(Read(user, "id") ?? userId, name, FromProfile("email"), NonEmpty(Read(user, "tz")));
    }

    /// <inheritdoc />
    public async Task<SlackUserInfo?> LookupUserByEmailAsync(string email, CancellationToken ct = default)
    {
        try
        {
            var result = await GetAsync("users.lookupByEmail", $"email={Uri.EscapeDataString(email)}", ct).ConfigureAwait(false);
            if (!result.TryGetProperty("user", out var u) || u.ValueKind != JsonValueKind.Object || Read(u, "id") is not { } id) return null;
            var info = ReadUser(u, id);
            return info with { Email = info.Email ?? email };
        }
        catch (SlackApiException ex) when (ex.Error == "users_not_found")
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async Task<SlackAuthIdentity> AuthTestAsync(CancellationToken ct = default)
    {
        var result = await SendAsync("auth.test", new HttpRequestMessage(HttpMethod.Post, "auth.test"), BotToken(), ct).ConfigureAwait(false);
        return new SlackAuthIdentity(Required(result, "user_id", "auth.test"), Read(result, "bot_id"), Read(result, "team_id"));
    }

    /// <inheritdoc />
    public async Task<Uri> OpenSocketConnectionAsync(CancellationToken ct = default)
    {
        var token = NonEmpty(options.CurrentValue.AppToken) ?? throw new InvalidOperationException("Slack:AppToken is not configured.");
        var result = await SendAsync("apps.connections.open", new HttpRequestMessage(HttpMethod.Post, "apps.connections.open"), token, ct).ConfigureAwait(false);
        return Uri.TryCreate(Read(result, "url"), UriKind.Absolute, out var url)
            ? url
            : throw new SlackApiException("apps.connections.open", "invalid_response");
    }

    /// <inheritdoc />
    public async Task<string> GetPermalinkAsync(string channel, string messageTs, CancellationToken ct = default)
    {
        var result = await GetAsync("chat.getPermalink", $"channel={Uri.EscapeDataString(channel)}&message_ts={Uri.EscapeDataString(messageTs)}", ct).ConfigureAwait(false);
        return Read(result, "permalink") is { Length: > 0 } link ? link : throw new SlackApiException("chat.getPermalink", "invalid_response");
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SlackHistoryMessage>> HistoryAsync(string channel, string? threadTs, DateTimeOffset oldest, int limit = 100, CancellationToken ct = default)
    {
        var method = threadTs is null ? "conversations.history" : "conversations.replies";
        var query = $"channel={Uri.EscapeDataString(channel)}&oldest={SlackTs(oldest)}&limit={Math.Clamp(limit, 1, 1000)}&include_all_metadata=true";
        if (threadTs is not null) query += $"&ts={Uri.EscapeDataString(threadTs)}";
        var result = await GetAsync(method, query, ct).ConfigureAwait(false);
        if (!result.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array) return [];
        var found = new List<SlackHistoryMessage>();
        foreach (var m in messages.EnumerateArray())
        {
            if (m.ValueKind != JsonValueKind.Object || Read(m, "ts") is not { } ts) continue;
            found.Add(new SlackHistoryMessage(ts, Metadata(m)));
        }

        return found;
    }

    private static SlackMessageMetadata? Metadata(JsonElement message)
    {
        if (!message.TryGetProperty("metadata", out var m) || m.ValueKind != JsonValueKind.Object || Read(m, "event_type") is not { } type) return null;
        var payload = new Dictionary<string, string>(StringComparer.Ordinal);
        if (m.TryGetProperty("event_payload", out var p) && p.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in p.EnumerateObject())
            {
                payload[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            }
        }

        return new SlackMessageMetadata(type, payload);
    }

    /// <summary>An instant as Slack's <c>oldest</c> (seconds since the epoch, six decimals).</summary>
    private static string SlackTs(DateTimeOffset at) => (at.ToUnixTimeMilliseconds() / 1000.0).ToString("F6", System.Globalization.CultureInfo.InvariantCulture);

    private static JsonObject Message(string channel, string text, JsonNode? blocks)
    {
        var body = new JsonObject { ["channel"] = channel, ["text"] = text };
        if (blocks is not null) body["blocks"] = blocks.DeepClone();
        return body;
    }

    /// <param name="idempotent">False for a method that must not be repeated by the resilience pipeline (a post: the outbox retries it).</param>
    private Task<JsonElement> PostJsonAsync(string method, JsonObject body, CancellationToken ct, bool idempotent = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, method)
        {
            Content = new StringContent(body.ToJsonString(SlackJson.Options), Encoding.UTF8, "application/json"),
        };
        if (!idempotent) request.Options.Set(SlackServiceRegistration.NotIdempotent, true);
        return SendAsync(method, request, BotToken(), ct);
    }

    private Task<JsonElement> GetAsync(string method, string query, CancellationToken ct) =>
        SendAsync(method, new HttpRequestMessage(HttpMethod.Get, $"{method}?{query}"), BotToken(), ct);

    private async Task<JsonElement> SendAsync(string method, HttpRequestMessage request, string token, CancellationToken ct)
    {
        using (request)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                throw new SlackRateLimitedException(method, response.Headers.RetryAfter?.Delta); // Slack sends seconds; none: the caller backs off
            }

            if (!response.IsSuccessStatusCode) throw new SlackApiException(method, $"http_{(int)response.StatusCode}");

            JsonElement root;
            try
            {
                using var doc = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false));
                root = doc.RootElement.Clone();
            }
            catch (JsonException ex)
            {
                throw new SlackApiException(method, "invalid_response", ex);
            }

            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("ok", out var ok)) throw new SlackApiException(method, "invalid_response");
            if (ok.ValueKind != JsonValueKind.True) throw new SlackApiException(method, Read(root, "error") ?? "unknown_error");
            return root;
        }
    }

    private string BotToken() =>
        NonEmpty(options.CurrentValue.BotToken) ?? throw new InvalidOperationException("Slack:BotToken is not configured.");

    private static string Required(JsonElement e, string name, string method) =>
        Read(e, name) ?? throw new SlackApiException(method, "invalid_response");

    private static string? Read(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
