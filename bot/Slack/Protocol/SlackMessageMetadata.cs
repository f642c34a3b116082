using System.Text.Json.Nodes;

namespace ChatEscalation.Bot.Slack.Protocol;

/// <summary>Slack message metadata (<c>metadata: {event_type, event_payload}</c> on <c>chat.postMessage</c>), read back with <c>include_all_metadata</c>.</summary>
/// <param name="EventType">A name for the kind of metadata (letters, digits, underscores).</param>
/// <param name="Payload">A flat JSON object of string values.</param>
public sealed record SlackMessageMetadata(string EventType, IReadOnlyDictionary<string, string> Payload)
{
    public JsonObject ToJson() => new()
    {
        ["event_type"] = EventType,
        ["event_payload"] = new JsonObject(Payload.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value)))),
    };
}
