using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace ChatEscalation.Bot.Slack.Protocol;

/// <summary>
/// Turns raw Slack bodies (HTTP) and Socket Mode payloads into the typed records. Pure: no I/O, no clock.
/// Every failure is a <see cref="SlackPayloadException"/> with a short reason.
/// </summary>
public static class SlackPayloadParser
{
    /// <summary>Parses a JSON object body (Events API) and returns a detached root element (one copy of the bytes, not three).</summary>
    public static JsonElement ParseJsonObject(ReadOnlySpan<byte> body, string what = "Body")
    {
        JsonElement root;
        try
        {
            var reader = new Utf8JsonReader(body);
            root = JsonElement.ParseValue(ref reader);
            if (reader.Read()) throw new JsonException("Content after the JSON value."); // (the reader itself throws for most such content)
        }
        catch (JsonException ex)
        {
            throw new SlackPayloadException($"{what} is not valid JSON.", ex);
        }

        if (root.ValueKind != JsonValueKind.Object) throw new SlackPayloadException($"{what} is not a JSON object.");
        return root;
    }

    /// <summary>The <c>type</c> string of an envelope or payload, or null.</summary>
    public static string? TypeOf(JsonElement root) =>
        root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;

    /// <summary>Reads an <c>event_callback</c> envelope; it must carry an <c>event</c> object.</summary>
    public static SlackEventCallback ReadEventCallback(JsonElement root, int retryNum = 0, string? retryReason = null)
    {
        if (!root.TryGetProperty("event", out var inner) || inner.ValueKind != JsonValueKind.Object)
        {
            throw new SlackPayloadException("event_callback has no 'event' object.");
        }

        var callback = Deserialize<SlackEventCallback>(root, "event_callback");
        return callback with
        {
            Event = callback.Event with { Raw = inner },
            RetryNum = retryNum,
            RetryReason = retryReason,
            Raw = root,
        };
    }

    /// <summary>Reads an interaction payload object; it must carry a <c>type</c>.</summary>
    public static SlackInteraction ReadInteraction(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object) throw new SlackPayloadException("'payload' is not a JSON object.");
        if (string.IsNullOrEmpty(TypeOf(payload))) throw new SlackPayloadException("'payload' has no 'type'.");
        return Deserialize<SlackInteraction>(payload, "payload") with { Raw = payload };
    }

    /// <summary>Reads the <c>payload</c> field of a form-encoded interactivity body.</summary>
    public static SlackInteraction ReadInteractionForm(ReadOnlySpan<byte> body)
    {
        var fields = ParseForm(body);
        if (!fields.TryGetValue("payload", out var json) || json.Length == 0)
        {
            throw new SlackPayloadException("Form has no 'payload' field.");
        }

        return ReadInteraction(ParseJsonObject(Encoding.UTF8.GetBytes(json), "'payload'"));
    }

    /// <summary>Reads a form-encoded slash command body; it must carry <c>command</c>.</summary>
    public static SlackSlashCommand ReadCommand(IReadOnlyDictionary<string, string> fields) =>
        SlackSlashCommand.FromFields(fields) ?? throw new SlackPayloadException("Form has no 'command' field.");

    /// <summary>
    /// Decodes <c>application/x-www-form-urlencoded</c> bytes (<c>+</c> is a space). A repeated field keeps its
    /// first value.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ParseForm(ReadOnlySpan<byte> body)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body);
        }
        catch (DecoderFallbackException ex)
        {
            throw new SlackPayloadException("Form body is not UTF-8.", ex);
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, values) in QueryHelpers.ParseQuery(text))
        {
            result[key] = values.Count > 0 ? values[0] ?? "" : "";
        }

        return result;
    }

    /// <summary>Flattens a Socket Mode <c>slash_commands</c> payload object into command fields.</summary>
    public static IReadOnlyDictionary<string, string> FieldsFromJson(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object) throw new SlackPayloadException("'payload' is not a JSON object.");
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in payload.EnumerateObject())
        {
            result[p.Name] = p.Value.ValueKind switch
            {
                JsonValueKind.String => p.Value.GetString() ?? "",
                JsonValueKind.Null => "",
                _ => p.Value.GetRawText(),
            };
        }

        return result;
    }

    private static T Deserialize<T>(JsonElement element, string what)
        where T : class
    {
        try
        {
            return element.Deserialize<T>(SlackJson.Options) ?? throw new SlackPayloadException($"{what} is null.");
        }
        catch (JsonException ex)
        {
            throw new SlackPayloadException($"{what} has an unexpected shape at {ex.Path ?? "$"}.", ex);
        }
    }
}
