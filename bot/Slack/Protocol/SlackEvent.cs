using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatEscalation.Bot.Slack.Protocol;

/// <summary>The inner <c>event</c> of an Events API <c>event_callback</c> (e.g. <c>app_mention</c>, <c>message</c>).</summary>
/// <remarks>
/// Only the fields the bot reads are typed; everything else is in <see cref="Raw"/>. Fields that some event
/// types send as objects (<c>user</c>, <c>channel</c>) read as null there instead of failing.
/// The bot's own posts arrive here too: ignoring them (by <see cref="BotId"/> / <see cref="User"/> against
/// <c>auth.test</c>, and by <see cref="Subtype"/>) is the inbound handler's job.
/// </remarks>
public sealed record SlackEvent
{
    /// <summary>Event type, e.g. <c>app_mention</c>, <c>message</c>.</summary>
    public string? Type { get; init; }

    /// <summary>Message subtype (<c>bot_message</c>, <c>message_changed</c>, …); null for a plain user message.</summary>
    public string? Subtype { get; init; }

    /// <summary>Slack user id of the author.</summary>
    [JsonConverter(typeof(SlackLenientStringConverter))]
    public string? User { get; init; }

    /// <summary>Set when a bot (possibly this one) posted the message.</summary>
    public string? BotId { get; init; }

    /// <summary>Message text in Slack mrkdwn (mentions as <c>&lt;@U123&gt;</c>).</summary>
    public string? Text { get; init; }

    /// <summary>Channel id (<c>C…</c>, <c>G…</c> or <c>D…</c> for a DM).</summary>
    [JsonConverter(typeof(SlackLenientStringConverter))]
    public string? Channel { get; init; }

    /// <summary><c>channel</c>, <c>group</c>, <c>im</c> or <c>mpim</c> (message events).</summary>
    public string? ChannelType { get; init; }

    /// <summary>The message's timestamp id.</summary>
    public string? Ts { get; init; }

    /// <summary>Parent message ts when the message is a thread reply.</summary>
    public string? ThreadTs { get; init; }

    /// <summary>When the event happened (Slack ts format).</summary>
    public string? EventTs { get; init; }

    /// <summary>The whole <c>event</c> object as received.</summary>
    [JsonIgnore]
    public JsonElement Raw { get; init; }
}
