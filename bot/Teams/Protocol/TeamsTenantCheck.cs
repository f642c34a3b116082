namespace ChatEscalation.Bot.Teams.Protocol;

/// <summary>
/// The tenant rule for inbound activities (issue 11): an activity is served only when its tenant is <c>Teams:TenantId</c> or one of
/// <c>Teams:AllowedTenantIds</c>. With neither configured (a legacy multi-tenant bot) every tenant is served.
/// </summary>
/// <remarks>
/// The activity's tenant is <c>channelData.tenant.id</c> (authoritative in Teams) and <c>conversation.tenantId</c>; when both are
/// present they must agree. Tenant ids compare case-insensitively (they are GUIDs).
/// </remarks>
public static class TeamsTenantCheck
{
    /// <summary>Null when <paramref name="activity"/> may be served; otherwise why not, for the log.</summary>
    public static string? Refusal(Activity activity, IReadOnlyList<string> allowedTenants)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (allowedTenants.Count == 0) return null;
        var fromChannelData = TeamsChannelData.From(activity).TenantId;
        var fromConversation = activity.Conversation?.TenantId;
        if (!string.IsNullOrEmpty(fromChannelData) && !string.IsNullOrEmpty(fromConversation)
            && !string.Equals(fromChannelData, fromConversation, StringComparison.OrdinalIgnoreCase))
        {
            return $"channelData.tenant.id '{fromChannelData}' and conversation.tenantId '{fromConversation}' differ";
        }

        var tenant = string.IsNullOrEmpty(fromChannelData) ? fromConversation : fromChannelData;
        if (string.IsNullOrEmpty(tenant)) return "the activity names no tenant";
        return allowedTenants.Contains(tenant, StringComparer.OrdinalIgnoreCase) ? null : $"tenant '{tenant}' is not an allowed tenant";
    }
}
