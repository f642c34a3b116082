using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ChatEscalation.Bot.Teams.Protocol;

/// <summary>
/// A Bot Framework activity, inbound or outbound. Deserialisation is lenient: unknown members are
/// kept in <see cref="Extra"/> and re-emitted on write (protocol rule A2005).
/// </summary>
/// <remarks>
/// <see cref="Timestamp"/> is informational only; never reject an activity because of it (A2042).
/// Inbound <see cref="ChannelData"/> and <see cref="Value"/> are raw JSON; use
/// <see cref="TeamsChannelData.From(Activity)"/> to read the Teams fields.
/// </remarks>
public sealed class Activity
{
    /// <summary>Activity type for messages.</summary>
    public const string MessageType = "message";

    /// <summary>Activity type for invokes (card actions, dialogs), which expect a body in the HTTP reply.</summary>
    public const string InvokeType = "invoke";

    /// <summary>Activity type for membership and conversation changes.</summary>
    public const string ConversationUpdateType = "conversationUpdate";

    /// <summary><c>message</c>, <c>invoke</c>, <c>conversationUpdate</c>, … (required on inbound activities).</summary>
    public string? Type { get; set; }

    /// <summary>The channel's id of this activity.</summary>
    public string? Id { get; set; }

    /// <summary>When the channel sent it (UTC).</summary>
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>Base URL of the Connector to answer through; store it per conversation, it can change.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary><c>msteams</c> for Teams.</summary>
    public string? ChannelId { get; set; }

    /// <summary>Sender.</summary>
    public ChannelAccount? From { get; set; }

    /// <summary>Receiver (the bot on inbound activities).</summary>
    public ChannelAccount? Recipient { get; set; }

    /// <summary>The conversation.</summary>
    public ConversationAccount? Conversation { get; set; }

    /// <summary>For card submits: the id of the card activity.</summary>
    public string? ReplyToId { get; set; }

    /// <summary>Message text (may contain <c>&lt;at&gt;…&lt;/at&gt;</c> mentions).</summary>
    public string? Text { get; set; }

    /// <summary><c>plain</c>, <c>markdown</c> or <c>xml</c>.</summary>
    public string? TextFormat { get; set; }

    /// <summary>Payload of card submits and invokes.</summary>
    public JsonElement? Value { get; set; }

    /// <summary>Invoke name, e.g. <c>adaptiveCard/action</c>, <c>task/fetch</c>.</summary>
    public string? Name { get; set; }

    /// <summary>The sender's time zone as the client reports it (IANA id, e.g. <c>America/Los_Angeles</c>); may be absent.</summary>
    public string? LocalTimezone { get; set; }

    /// <summary>Entities such as mentions; raw JSON objects.</summary>
    public List<JsonNode?>? Entities { get; set; }

    /// <summary>Channel-specific data (for Teams: tenant, team, channel, eventType).</summary>
    public JsonNode? ChannelData { get; set; }

    /// <summary>Attachments such as Adaptive Cards.</summary>
    public List<Attachment>? Attachments { get; set; }

    /// <summary>Members not modelled above, preserved as received.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    /// <summary>True when this is an <c>invoke</c> activity (case-insensitive).</summary>
    [JsonIgnore]
    public bool IsInvoke => string.Equals(Type, InvokeType, StringComparison.OrdinalIgnoreCase);

    /// <summary>True in a 1:1 chat with the bot (<c>conversation.conversationType</c> is <c>personal</c>).</summary>
    [JsonIgnore]
    public bool IsPersonal => string.Equals(Conversation?.ConversationType, "personal", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when a <c>mention</c> entity names the recipient (the bot).</summary>
    [JsonIgnore]
    public bool MentionsRecipient =>
        Entities?.Any(e => e?["type"]?.GetValue<string>() == "mention" && e["mentioned"]?["id"]?.GetValue<string>() == Recipient?.Id) == true;

    /// <summary>A new outbound message activity carrying one Adaptive Card.</summary>
    public static Activity CardMessage(JsonNode card) =>
        new() { Type = MessageType, Attachments = [Attachment.AdaptiveCard(card)] };

    /// <summary>A new outbound plain-text message activity.</summary>
    public static Activity TextMessage(string text) => new() { Type = MessageType, Text = text };
}
