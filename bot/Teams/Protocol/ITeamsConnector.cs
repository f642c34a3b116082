namespace ChatEscalation.Bot.Teams.Protocol;

/// <summary>
/// Bot Connector v3 REST calls for Teams (protocols.md B2). Every call goes to a <c>serviceUrl</c> that must
/// match <see cref="TeamsOptions.AllowedServiceUrlPrefixes"/>, otherwise
/// <see cref="TeamsServiceUrlNotAllowedException"/> is thrown and nothing is sent.
/// </summary>
/// <remarks>
/// Errors: 429 → <see cref="TeamsThrottledException"/> (not retried); 412/502/503/504 are retried with
/// exponential backoff and jitter, then surface as <see cref="TeamsConnectorException"/>; a 401 forces one
/// token refresh and one resend; other non-success statuses → <see cref="TeamsConnectorException"/>.
/// </remarks>
public interface ITeamsConnector
{
    /// <summary>Starts a new thread in a Teams channel (<c>POST /v3/conversations</c>, isGroup true).</summary>
    Task<ChannelConversation> CreateChannelConversationAsync(string serviceUrl, string tenantId, string channelId, Activity activity, CancellationToken ct = default);

    /// <summary>Posts a new top-level activity into a conversation; returns the new activity id.</summary>
    Task<string?> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken ct = default);

    /// <summary>Replies to an activity (in its thread); returns the new activity id.</summary>
    Task<string?> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken ct = default);

    /// <summary>Replaces an activity for every viewer (<c>PUT</c>), e.g. to update a card.</summary>
    Task UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken ct = default);

    /// <summary>Creates or gets the 1:1 chat between the bot and a user; returns its conversation id.</summary>
    Task<string> CreatePersonalConversationAsync(string serviceUrl, string tenantId, string botId, string userId, CancellationToken ct = default);

    /// <summary>Reads one member of a conversation.</summary>
    Task<TeamsMember> GetMemberAsync(string serviceUrl, string conversationId, string memberId, CancellationToken ct = default);

    /// <summary>
    /// One page of a team's (or conversation's) roster: <c>GET /v3/conversations/{id}/pagedmembers?pageSize=&amp;continuationToken=</c>;
    /// the next page is asked for with the answer's <see cref="TeamsMemberPage.ContinuationToken"/> until it is null.
    /// </summary>
    Task<TeamsMemberPage> GetPagedMembersAsync(string serviceUrl, string conversationId, int pageSize, string? continuationToken, CancellationToken ct = default);
}
