using System.Text.Json.Nodes;

namespace ChatEscalation.Bot.Slack.Protocol;

/// <summary>The Slack Web API methods the bot uses.</summary>
/// <remarks>
/// Every method throws <see cref="SlackRateLimitedException"/> on HTTP 429 (reschedule after its RetryAfter),
/// <see cref="SlackApiException"/> on <c>ok:false</c> or a server error, and <see cref="HttpRequestException"/> /
/// <see cref="OperationCanceledException"/> / Polly's <c>TimeoutRejectedException</c> when the network fails. Only idempotent methods are
/// retried by the client's resilience pipeline (<see cref="SlackServiceRegistration"/>); a post is retried by the outbox, which knows
/// what was delivered.
/// </remarks>
public interface ISlackApi
{
    /// <summary>
    /// <c>chat.postMessage</c>: posts to a channel, a DM channel or a user id (as a DM); in a thread when <paramref name="threadTs"/> is
    /// set; with <paramref name="metadata"/> when given (so the message can be found again in the history).
    /// </summary>
    /// <remarks>Not idempotent: never retried here. A timeout or server error leaves it unknown whether Slack posted it.</remarks>
    Task<SlackPostedMessage> PostMessageAsync(string channel, string text, JsonNode? blocks = null, string? threadTs = null, SlackMessageMetadata? metadata = null,
        CancellationToken ct = default);

    /// <summary>
    /// The messages of a channel (or of the thread <paramref name="threadTs"/>: <c>conversations.replies</c>) since
    /// <paramref name="oldest"/>, newest first, at most <paramref name="limit"/>, with their metadata (<c>include_all_metadata</c>).
    /// Needs the history scope of the conversation's type.
    /// </summary>
    Task<IReadOnlyList<SlackHistoryMessage>> HistoryAsync(string channel, string? threadTs, DateTimeOffset oldest, int limit = 100, CancellationToken ct = default);

    /// <summary><c>chat.update</c>: replaces the text and blocks of one of the bot's messages.</summary>
    Task<SlackPostedMessage> UpdateMessageAsync(string channel, string ts, string text, JsonNode? blocks = null, CancellationToken ct = default);

    /// <summary><c>chat.postEphemeral</c>: shows a message to one member of the channel; returns its <c>message_ts</c>.</summary>
    Task<string?> PostEphemeralAsync(string channel, string user, string text, JsonNode? blocks = null, CancellationToken ct = default);

    /// <summary><c>views.open</c>: opens a modal (the trigger id is valid 3 s, once); returns the view id.</summary>
    Task<string?> OpenViewAsync(string triggerId, JsonNode view, CancellationToken ct = default);

    /// <summary>
    /// <c>views.publish</c>: replaces the App Home of <paramref name="userId"/> with <paramref name="view"/> (a <c>home</c> view, at most 100
    /// blocks). Needs no scope; Slack answers <c>not_enabled</c> when the app's Home tab is off. Idempotent (the same view again changes nothing).
    /// </summary>
    Task PublishHomeAsync(string userId, JsonNode view, CancellationToken ct = default);

    /// <summary><c>conversations.open</c>: the DM channel id with a user.</summary>
    Task<string> OpenConversationAsync(string userId, CancellationToken ct = default);

    /// <summary><c>users.info</c>: a user's id, name and (scope permitting) email.</summary>
    Task<SlackUserInfo> GetUserAsync(string userId, CancellationToken ct = default);

    /// <summary><c>users.lookupByEmail</c>: the user id with that email, or null on <c>users_not_found</c>.</summary>
    Task<SlackUserInfo?> LookupUserByEmailAsync(string email, CancellationToken ct = default);

    /// <summary><c>chat.getPermalink</c>: the permanent link to the message <paramref name="messageTs"/> in <paramref name="channel"/>.</summary>
    Task<string> GetPermalinkAsync(string channel, string messageTs, CancellationToken ct = default);

    /// <summary><c>auth.test</c>: the bot's own user id and bot id.</summary>
    Task<SlackAuthIdentity> AuthTestAsync(CancellationToken ct = default);

    /// <summary><c>apps.connections.open</c> with the app-level token: a single-use Socket Mode URL.</summary>
    Task<Uri> OpenSocketConnectionAsync(CancellationToken ct = default);
}
