using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatEscalation.Bot.Slack.Protocol;

/// <summary>
/// An interactivity payload (the JSON in the <c>payload</c> form field of <c>POST /slack/interactions</c>, or a
/// Socket Mode <c>interactive</c> payload): <c>block_actions</c>, <c>view_submission</c>, <c>view_closed</c>, or any
/// other type, delivered as is with <see cref="Raw"/>.
/// </summary>
/// <remarks>
/// Replies within 3 s: <c>block_actions</c> → empty; <c>view_submission</c> → empty (close), or
/// <c>{"response_action":"errors","errors":{block_id:message}}</c> / <c>update</c> / <c>push</c> / <c>clear</c>.
/// </remarks>
public sealed record SlackInteraction
{
    /// <summary>Payload type constants.</summary>
    public const string BlockActions = "block_actions", ViewSubmission = "view_submission", ViewClosed = "view_closed", MessageAction = "message_action";

    /// <summary>The shortcut's <c>callback_id</c> (<c>message_action</c>: as the manifest's <c>shortcuts</c> names it).</summary>
    public string? CallbackId { get; init; }

    /// <summary>Payload type.</summary>
    public string Type { get; init; } = "";

    /// <summary>Who interacted.</summary>
    public SlackUserRef User { get; init; } = new();

    /// <summary>Workspace (null for org-wide installs).</summary>
    public SlackTeamRef? Team { get; init; }

    /// <summary>The app the payload is for.</summary>
    public string? ApiAppId { get; init; }

    /// <summary>Opens a modal with <c>views.open</c>; valid 3 s, once.</summary>
    public string? TriggerId { get; init; }

    /// <summary>Channel of the message (block actions on messages).</summary>
    public SlackChannelRef? Channel { get; init; }

    /// <summary>Where the interaction happened.</summary>
    public SlackContainer? Container { get; init; }

    /// <summary>The message holding the clicked element (block actions on messages).</summary>
    public SlackMessageRef? Message { get; init; }

    /// <summary>Where to POST a replacement or follow-up message (block actions on messages).</summary>
    public string? ResponseUrl { get; init; }

    /// <summary>The actions taken (<c>block_actions</c>).</summary>
    public IReadOnlyList<SlackAction> Actions { get; init; } = [];

    /// <summary>The modal (<c>view_submission</c>, <c>view_closed</c>, and actions inside a modal).</summary>
    public SlackView? View { get; init; }

    /// <summary><c>view_closed</c>: true when the whole stack was closed.</summary>
    public bool? IsCleared { get; init; }

    /// <summary>The whole payload as received.</summary>
    [JsonIgnore]
    public JsonElement Raw { get; init; }
}
