using System.Text.Json.Nodes;

namespace ChatEscalation.Bot.Tests.Teams;

/// <summary>A recorded Connector request with its path decoded (<c>POST /v3/conversations/a:uma/activities</c>) and its body parsed.</summary>
public sealed record ConnectorCall(string Method, string Path, JsonNode? Body, string? Authorization)
{
    public static ConnectorCall From(RecordedRequest r) => new(
        r.Method,
        string.Join('/', r.RawTarget.Split('?')[0].Split('/').Select(Uri.UnescapeDataString)),
        r.Body.Length == 0 ? null : JsonNode.Parse(r.Body),
        r.Authorization);

    /// <summary>The first attachment's content of the posted activity (for <c>POST /v3/conversations</c>, of <c>activity</c>).</summary>
    public JsonObject? Card => (Body?["activity"] ?? Body)?["attachments"]?[0]?["content"] as JsonObject;

    /// <summary>The first attachment's content type.</summary>
    public string? CardContentType => (Body?["activity"] ?? Body)?["attachments"]?[0]?["contentType"]?.GetValue<string>();

    /// <summary>The request body as text (for "names Alice"-style checks).</summary>
    public string BodyText => Body?.ToJsonString() ?? "";

    public override string ToString() => $"{Method} {Path}";
}
