using System.Text.Json.Nodes;

namespace ChatEscalation.Bot.Slack.Protocol;

/// <summary>
/// The acknowledgement the inbound handler wants sent back within Slack's 3 s: over HTTP it is the 200 body;
/// in Socket Mode it becomes the ack's <c>payload</c> (text as <c>{"text":…}</c>) when Slack accepts one.
/// </summary>
public sealed record SlackReply
{
    private SlackReply(SlackReplyKind kind, JsonObject? body, string? text)
    {
        Kind = kind;
        Body = body;
        Text = text;
    }

    /// <summary>What the reply carries.</summary>
    public SlackReplyKind Kind { get; }

    /// <summary>The JSON body when <see cref="Kind"/> is <see cref="SlackReplyKind.Json"/>.</summary>
    public JsonObject? Body { get; }

    /// <summary>The text when <see cref="Kind"/> is <see cref="SlackReplyKind.Text"/>.</summary>
    public string? Text { get; }

    /// <summary>An empty 200: acknowledges events and button clicks, closes a submitted modal.</summary>
    public static SlackReply Empty { get; } = new(SlackReplyKind.Empty, null, null);

    /// <summary>A JSON object body (sent as <c>application/json</c>).</summary>
    public static SlackReply Json(JsonObject body) => new(SlackReplyKind.Json, body ?? throw new ArgumentNullException(nameof(body)), null);

    /// <summary>A plain-text body (a slash command shows it to the invoking user only).</summary>
    public static SlackReply PlainText(string text) => new(SlackReplyKind.Text, null, text ?? throw new ArgumentNullException(nameof(text)));

    /// <summary>A slash command response visible only to the invoking user, with optional Block Kit <paramref name="blocks"/>.</summary>
    public static SlackReply Ephemeral(string text, JsonArray? blocks = null) => Json(Message("ephemeral", text, blocks));

    /// <summary>A slash command response posted visibly in the channel.</summary>
    public static SlackReply InChannel(string text, JsonArray? blocks = null) => Json(Message("in_channel", text, blocks));

    /// <summary>Keeps a submitted modal open and shows <paramref name="errorsByBlockId"/> under the named input blocks.</summary>
    public static SlackReply ViewErrors(IReadOnlyDictionary<string, string> errorsByBlockId)
    {
        var errors = new JsonObject();
        foreach (var (blockId, message) in errorsByBlockId) errors[blockId] = message;
        return Json(new JsonObject { ["response_action"] = "errors", ["errors"] = errors });
    }

    /// <summary>Replaces the submitted modal with <paramref name="view"/>.</summary>
    public static SlackReply ViewUpdate(JsonObject view) => Json(new JsonObject { ["response_action"] = "update", ["view"] = view });

    /// <summary>The Socket Mode ack payload for this reply, or null when there is nothing to send.</summary>
    public JsonObject? ToSocketPayload() => Kind switch
    {
        SlackReplyKind.Json => (JsonObject)Body!.DeepClone(),
        SlackReplyKind.Text => new JsonObject { ["text"] = Text },
        _ => null,
    };

    private static JsonObject Message(string responseType, string text, JsonArray? blocks)
    {
        var body = new JsonObject { ["response_type"] = responseType, ["text"] = text };
        if (blocks is not null) body["blocks"] = blocks;
        return body;
    }
}
