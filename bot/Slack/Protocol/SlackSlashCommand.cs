namespace ChatEscalation.Bot.Slack.Protocol;

/// <summary>A slash command invocation (form fields of <c>POST /slack/commands</c>, or a Socket Mode <c>slash_commands</c> payload).</summary>
/// <remarks>
/// Answer within 3 s: an empty reply shows nothing, a text or JSON reply (<c>response_type</c> ephemeral or
/// in_channel) is shown to the user. Later messages go to <see cref="ResponseUrl"/> (up to 5 times in 30 minutes).
/// <see cref="TriggerId"/> opens a modal and expires after 3 s.
/// </remarks>
/// <param name="Command">The command, e.g. <c>/ticket</c>.</param>
/// <param name="Text">Everything the user typed after the command (may be empty).</param>
/// <param name="UserId">Who ran the command.</param>
/// <param name="ChannelId">Where it was run.</param>
/// <param name="TeamId">Workspace id.</param>
/// <param name="ResponseUrl">Where delayed responses can be POSTed (no token needed).</param>
/// <param name="TriggerId">Opens a modal with <c>views.open</c>; valid 3 s, once.</param>
/// <param name="Fields">Every field as received, including the ones not typed here.</param>
public sealed record SlackSlashCommand(
    string Command,
    string Text,
    string? UserId,
    string? ChannelId,
    string? TeamId,
    string? ResponseUrl,
    string? TriggerId,
    IReadOnlyDictionary<string, string> Fields)
{
    /// <summary>Deprecated user name (display only).</summary>
    public string? UserName => Field("user_name");

    /// <summary>Channel name (display only; <c>directmessage</c> for DMs).</summary>
    public string? ChannelName => Field("channel_name");

    /// <summary>The app the command is for.</summary>
    public string? ApiAppId => Field("api_app_id");

    /// <summary>Enterprise Grid organisation id, when any.</summary>
    public string? EnterpriseId => Field("enterprise_id");

    /// <summary>Builds a command from its fields; null when <c>command</c> is missing.</summary>
    public static SlackSlashCommand? FromFields(IReadOnlyDictionary<string, string> fields)
    {
        string? Get(string name) => fields.TryGetValue(name, out var v) && v.Length > 0 ? v : null;
        var command = Get("command");
        if (command is null) return null;
        return new SlackSlashCommand(command, Get("text") ?? "", Get("user_id"), Get("channel_id"), Get("team_id"),
            Get("response_url"), Get("trigger_id"), fields);
    }

    private string? Field(string name) => Fields.TryGetValue(name, out var v) && v.Length > 0 ? v : null;
}
