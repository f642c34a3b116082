using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatEscalation.Bot.Slack.Protocol;

/// <summary>An Events API envelope of type <c>event_callback</c> (HTTP body, or Socket Mode <c>events_api</c> payload).</summary>
/// <remarks>
/// Slack redelivers an event up to 3 times when it saw no 2xx within 3 s, possibly while the first delivery
/// is still being processed. <see cref="EventId"/> is the de-duplication key; the inbound handler (which owns
/// the database) must de-duplicate on it. <see cref="RetryNum"/> is informational only.
/// </remarks>
public sealed record SlackEventCallback
{
    /// <summary>Always <c>event_callback</c>.</summary>
    public string? Type { get; init; }

    /// <summary>Globally unique event id, e.g. <c>Ev0123ABC</c>: the de-duplication key.</summary>
    public string? EventId { get; init; }

    /// <summary>When the event was dispatched, in Unix seconds.</summary>
    public long? EventTime { get; init; }

    /// <summary>Workspace id.</summary>
    public string? TeamId { get; init; }

    /// <summary>The app the event is for; compare with the configured app for defence in depth.</summary>
    public string? ApiAppId { get; init; }

    /// <summary>The inner event.</summary>
    public SlackEvent Event { get; init; } = new();

    /// <summary><c>X-Slack-Retry-Num</c> (HTTP) or <c>retry_attempt</c> (Socket Mode); 0 for a first delivery.</summary>
    [JsonIgnore]
    public int RetryNum { get; init; }

    /// <summary><c>X-Slack-Retry-Reason</c> or <c>retry_reason</c> (e.g. <c>http_timeout</c>), when retried.</summary>
    [JsonIgnore]
    public string? RetryReason { get; init; }

    /// <summary>The whole envelope as received.</summary>
    [JsonIgnore]
    public JsonElement Raw { get; init; }
}
