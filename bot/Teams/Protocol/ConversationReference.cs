namespace ChatEscalation.Bot.Teams.Protocol;

/// <summary>
/// What must be stored to post proactively into a conversation later: where (service URL,
/// conversation, tenant, channel) and as whom (bot id), plus who the user was.
/// </summary>
/// <param name="ServiceUrl">Connector base URL from the last authenticated inbound activity.</param>
/// <param name="ConversationId">Opaque conversation id.</param>
/// <param name="TenantId">Tenant: channelData <c>tenant.id</c>, else <c>conversation.tenantId</c>.</param>
/// <param name="BotId">The bot's account id in the channel (<c>28:…</c>), taken from <c>recipient.id</c>.</param>
/// <param name="UserId">The sender's channel account id (<c>29:…</c>).</param>
/// <param name="UserAadObjectId">The sender's Entra object id.</param>
/// <param name="ChannelId">Channel, e.g. <c>msteams</c>.</param>
/// <param name="ActivityId">The inbound activity's id (useful as a reply target).</param>
public sealed record ConversationReference(
    string ServiceUrl,
    string ConversationId,
    string? TenantId,
    string? BotId,
    string? UserId,
    string? UserAadObjectId,
    string ChannelId,
    string? ActivityId)
{
    /// <summary>
    /// Extracts the reference from an inbound activity; null when serviceUrl, conversation id or
    /// channelId is missing.
    /// </summary>
    public static ConversationReference? FromActivity(Activity activity)
    {
        if (string.IsNullOrEmpty(activity.ServiceUrl)
            || string.IsNullOrEmpty(activity.Conversation?.Id)
            || string.IsNullOrEmpty(activity.ChannelId))
        {
            return null;
        }

        var tenantId = TeamsChannelData.From(activity).TenantId ?? activity.Conversation.TenantId;
        return new ConversationReference(
            activity.ServiceUrl,
            activity.Conversation.Id,
            tenantId,
            activity.Recipient?.Id,
            activity.From?.Id,
            activity.From?.AadObjectId,
            activity.ChannelId,
            activity.Id);
    }
}
