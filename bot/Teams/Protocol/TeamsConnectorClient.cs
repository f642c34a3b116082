using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatEscalation.Bot.Teams.Protocol;

/// <summary>
/// <see cref="ITeamsConnector"/> over a typed <see cref="HttpClient"/> (the retry for 412/502/503/504 is the
/// resilience handler registered by <see cref="TeamsServiceRegistration"/>).
/// </summary>
public sealed class TeamsConnectorClient(
    HttpClient http,
    IBotFrameworkTokenProvider tokens,
    IOptionsMonitor<TeamsOptions> options,
    TimeProvider time,
    ILogger<TeamsConnectorClient> logger) : ITeamsConnector
{
    /// <inheritdoc />
    public async Task<ChannelConversation> CreateChannelConversationAsync(string serviceUrl, string tenantId, string channelId, Activity activity, CancellationToken ct = default)
    {
        var body = new JsonObject
        {
            ["isGroup"] = true,
            ["channelData"] = new JsonObject
            {
                ["channel"] = new JsonObject { ["id"] = channelId },
                ["tenant"] = new JsonObject { ["id"] = tenantId },
            },
            ["activity"] = JsonSerializer.SerializeToNode(activity, TeamsJson.Options),
            ["tenantId"] = tenantId,
        };
        var result = await SendAsync(HttpMethod.Post, serviceUrl, "v3/conversations", body, ct).ConfigureAwait(false);
        var id = ReadString(result, "id") ?? throw new TeamsConnectorException(HttpStatusCode.OK, null, "Create conversation returned no id.");
        return new ChannelConversation(id, ReadString(result, "activityId"));
    }

    /// <inheritdoc />
    public async Task<string?> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken ct = default) =>
        ReadString(await SendAsync(HttpMethod.Post, serviceUrl, $"v3/conversations/{Encode(conversationId)}/activities", Serialize(activity), ct).ConfigureAwait(false), "id");

    /// <inheritdoc />
    public async Task<string?> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken ct = default)
    {
        activity.ReplyToId ??= activityId;
        var path = $"v3/conversations/{Encode(conversationId)}/activities/{Encode(activityId)}";
        return ReadString(await SendAsync(HttpMethod.Post, serviceUrl, path, Serialize(activity), ct).ConfigureAwait(false), "id");
    }

    /// <inheritdoc />
    public async Task UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken ct = default)
    {
        activity.Id ??= activityId;
        var path = $"v3/conversations/{Encode(conversationId)}/activities/{Encode(activityId)}";
        await SendAsync(HttpMethod.Put, serviceUrl, path, Serialize(activity), ct).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<string> CreatePersonalConversationAsync(string serviceUrl, string tenantId, string botId, string userId, CancellationToken ct = default)
    {
        var body = new JsonObject
        {
            ["isGroup"] = false,
            ["bot"] = new JsonObject { ["id"] = botId },
            ["members"] = new JsonArray(new JsonObject { ["id"] = userId }),
            ["tenantId"] = tenantId,
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantId } },
        };
        // Creating a 1:1 chat answers the same conversation for the same bot and user: safe to repeat.
        var result = await SendAsync(HttpMethod.Post, serviceUrl, "v3/conversations", body, ct, idempotent: true).ConfigureAwait(false);
        return ReadString(result, "id") ?? throw new TeamsConnectorException(HttpStatusCode.OK, null, "Create conversation returned no id.");
    }

    /// <inheritdoc />
    public async Task<TeamsMember> GetMemberAsync(string serviceUrl, string conversationId, string memberId, CancellationToken ct = default)
    {
        var path = $"v3/conversations/{Encode(conversationId)}/members/{Encode(memberId)}";
        var m = await SendAsync(HttpMethod.Get, serviceUrl, path, null, ct).ConfigureAwait(false);
        return new TeamsMember(
            ReadString(m, "id") ?? memberId,
            ReadString(m, "name"),
            ReadString(m, "email"),
            ReadString(m, "userPrincipalName"),
            ReadString(m, "aadObjectId"));
    }

    /// <inheritdoc />
    public async Task<TeamsMemberPage> GetPagedMembersAsync(string serviceUrl, string conversationId, int pageSize, string? continuationToken, CancellationToken ct = default)
    {
        var query = $"pageSize={pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)}"
            + (string.IsNullOrEmpty(continuationToken) ? "" : "&continuationToken=" + Encode(continuationToken));
        var page = await SendAsync(HttpMethod.Get, serviceUrl, $"v3/conversations/{Encode(conversationId)}/pagedmembers?{query}", null, ct).ConfigureAwait(false);
        var members = page?["members"] is JsonArray list
            ? list.OfType<JsonObject>().Where(m => ReadString(m, "id") is not null)
                .Select(m => new TeamsMember(ReadString(m, "id")!, ReadString(m, "name"), ReadString(m, "email"), ReadString(m, "userPrincipalName"), ReadString(m, "aadObjectId")))
                .ToList()
            : [];
        return new TeamsMemberPage(members, ReadString(page, "continuationToken") is { Length: > 0 } next ? next : null);
    }

    /// <param name="idempotent">A POST that is safe to repeat; GET and PUT always are. Only these may be retried by the resilience pipeline.</param>
    private async Task<JsonNode?> SendAsync(HttpMethod method, string serviceUrl, string relativePath, JsonNode? body, CancellationToken ct, bool idempotent = false)
    {
        idempotent |= method == HttpMethod.Get || method == HttpMethod.Put;
        var target = ResolveAllowed(serviceUrl, relativePath);
        var payload = body?.ToJsonString(TeamsJson.Options);
        var token = await tokens.GetTokenAsync(null, ct).ConfigureAwait(false);
        var response = await SendOnceAsync(method, target, payload, token, idempotent, ct).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            response.Dispose();
            logger.LogWarning("Connector answered 401 for {Method} {Path}; refreshing the token once", method, relativePath);
            token = await tokens.GetTokenAsync(token, ct).ConfigureAwait(false);
            response = await SendOnceAsync(method, target, payload, token, idempotent, ct).ConfigureAwait(false);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            if (response.IsSuccessStatusCode) return ParseOrNull(text);
            var errorCode = ReadString(ParseOrNull(text)?["error"], "code");
            var correlation = response.Headers.TryGetValues("X-Correlating-OperationId", out var ids) ? ids.FirstOrDefault() : null;
            logger.LogWarning("Connector {Method} {Path} failed: {Status} {ErrorCode} (correlation {CorrelationId})",
                method, relativePath, (int)response.StatusCode, errorCode, correlation);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) throw new TeamsThrottledException(RetryAfter(response), errorCode);
            throw new TeamsConnectorException(response.StatusCode, errorCode,
                $"Teams Connector {method} {relativePath} answered {(int)response.StatusCode} {errorCode}.");
        }
    }

    private Task<HttpResponseMessage> SendOnceAsync(HttpMethod method, Uri target, string? payload, string token, bool idempotent, CancellationToken ct)
    {
        var request = new HttpRequestMessage(method, target);
        request.Options.Set(TeamsServiceRegistration.Idempotent, idempotent);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (payload is not null) request.Content = new StringContent(payload, Encoding.UTF8, "application/json");
        return http.SendAsync(request, ct);
    }

    private Uri ResolveAllowed(string serviceUrl, string relativePath)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var baseUri) || !TeamsUrlRules.IsSecureOrLoopback(baseUri)
            || !Uri.TryCreate(serviceUrl.TrimEnd('/') + "/" + relativePath, UriKind.Absolute, out var target)
            || !options.CurrentValue.EffectiveAllowedServiceUrlPrefixes.Any(p => TeamsUrlRules.MatchesPrefix(baseUri, p) && TeamsUrlRules.MatchesPrefix(target, p)))
        {
            logger.LogError("Refused Connector call to a service URL outside the allowed prefixes: {ServiceUrl}", serviceUrl);
            throw new TeamsServiceUrlNotAllowedException(serviceUrl);
        }

        return target;
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - time.GetUtcNow() is var d && d > TimeSpan.Zero ? d : TimeSpan.Zero,
        _ => null,
    };

    private static JsonNode? Serialize(Activity activity) => JsonSerializer.SerializeToNode(activity, TeamsJson.Options);

    private static string Encode(string value) => Uri.EscapeDataString(value);

    private static JsonNode? ParseOrNull(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? ReadString(JsonNode? node, string member) =>
        node is JsonObject o && o[member] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
