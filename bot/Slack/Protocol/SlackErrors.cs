namespace ChatEscalation.Bot.Slack.Protocol;

/// <summary>Which Slack Web API <c>error</c> codes will not go away by retrying (configuration, permissions, missing objects).</summary>
public static class SlackErrors
{
    private static readonly HashSet<string> Permanent = new(StringComparer.Ordinal)
    {
        "channel_not_found", "not_in_channel", "is_archived", "invalid_auth", "not_authed", "account_inactive", "token_revoked",
        "token_expired", "missing_scope", "no_permission", "restricted_action", "user_not_found", "users_not_found", "user_not_visible",
        "cannot_dm_bot", "invalid_blocks", "invalid_blocks_format", "msg_too_long", "no_text", "invalid_arguments", "cant_update_message",
        "message_not_found", "edit_window_closed", "team_access_not_granted", "ekm_access_denied", "not_allowed_token_type",
    };

    /// <summary>True for an error code that a retry cannot fix; false for unknown codes, <c>http_5xx</c>, <c>invalid_response</c> and rate limits.</summary>
    public static bool IsPermanent(string error) => Permanent.Contains(error);
}
