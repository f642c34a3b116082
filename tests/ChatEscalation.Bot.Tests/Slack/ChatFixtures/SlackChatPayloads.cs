using System.Globalization;
using System.Text.Json.Nodes;

namespace ChatEscalation.Bot.Tests.Slack.ChatFixtures;

/// <summary>
/// Request bodies shaped as Slack sends them (protocols.md E2–E4): slash command forms, <c>block_actions</c> and <c>view_submission</c>
/// payloads (form field <c>payload</c>), and <c>event_callback</c> envelopes.
/// </summary>
public static class SlackChatPayloads
{
    public const string TeamId = "T0DESK";
    public const string AppId = "A0ESCALATE";
    private static int trigger;

    /// <summary>The form body of a slash command run by <paramref name="user"/> in <paramref name="channel"/>.</summary>
    public static string Command(SlackChatUser user, string command, string text, string channel = "C0GENERAL") => Form(new Dictionary<string, string>
    {
        ["token"] = "deprecated",
        ["team_id"] = TeamId,
        ["team_domain"] = "desk",
        ["channel_id"] = channel,
        ["channel_name"] = "general",
        ["user_id"] = user.Id,
        ["user_name"] = user.Id.ToLowerInvariant(),
        ["command"] = command,
        ["text"] = text,
        ["api_app_id"] = AppId,
        ["is_enterprise_install"] = "false",
        ["response_url"] = "https://hooks.slack.com/commands/T0DESK/1/abc",
        ["trigger_id"] = NextTrigger(),
    });

    /// <summary>The form body of a button click on the message <paramref name="ts"/> in <paramref name="channel"/>.</summary>
    public static string BlockAction(SlackChatUser user, string channel, string ts, string actionId, long ticket, string actionTs)
    {
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = User(user),
            ["api_app_id"] = AppId,
            ["token"] = "deprecated",
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = ts, ["channel_id"] = channel, ["is_ephemeral"] = false },
            ["trigger_id"] = NextTrigger(),
            ["team"] = new JsonObject { ["id"] = TeamId, ["domain"] = "desk" },
            ["channel"] = new JsonObject { ["id"] = channel, ["name"] = channel.ToLowerInvariant() },
            ["message"] = new JsonObject { ["type"] = "message", ["ts"] = ts, ["text"] = "card", ["bot_id"] = "B0BOT" },
            ["response_url"] = "https://hooks.slack.com/actions/T0DESK/1/xyz",
            ["actions"] = new JsonArray(new JsonObject
            {
                ["type"] = "button",
                ["action_id"] = actionId,
                ["block_id"] = $"ticket-{ticket}",
                ["value"] = ticket.ToString(CultureInfo.InvariantCulture),
                ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = actionId },
                ["action_ts"] = actionTs,
            }),
        };
        return Form(new Dictionary<string, string> { ["payload"] = payload.ToJsonString() });
    }

    /// <summary>
    /// The form body of a modal submission: <paramref name="view"/> as opened by the bot, with <paramref name="values"/> typed into its
    /// inputs and <paramref name="selected"/> chosen in its static selects (option values).
    /// </summary>
    public static string ViewSubmission(SlackChatUser user, JsonObject view, IReadOnlyDictionary<string, string> values, string viewId = "V0MODAL",
        IReadOnlyDictionary<string, string>? selected = null)
    {
        var state = new JsonObject();
        foreach (var (blockId, value) in values)
        {
            state[blockId] = new JsonObject { ["value"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = value } };
        }

        foreach (var (blockId, value) in selected ?? new Dictionary<string, string>())
        {
            var option = new JsonObject { ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = value, ["emoji"] = true }, ["value"] = value };
            state[blockId] = new JsonObject { ["value"] = new JsonObject { ["type"] = "static_select", ["selected_option"] = option } };
        }

        var submitted = (JsonObject)view.DeepClone();
        submitted["id"] = viewId;
        submitted["team_id"] = TeamId;
        submitted["hash"] = "1773136800.abc";
        submitted["root_view_id"] = viewId;
        submitted["state"] = new JsonObject { ["values"] = state };
        var payload = new JsonObject
        {
            ["type"] = "view_submission",
            ["team"] = new JsonObject { ["id"] = TeamId, ["domain"] = "desk" },
            ["user"] = User(user),
            ["api_app_id"] = AppId,
            ["token"] = "deprecated",
            ["trigger_id"] = NextTrigger(),
            ["view"] = submitted,
            ["response_urls"] = new JsonArray(),
        };
        return Form(new Dictionary<string, string> { ["payload"] = payload.ToJsonString() });
    }

    /// <summary>
    /// The form body of a message shortcut (<c>message_action</c>) used by <paramref name="user"/> on the message <paramref name="ts"/>
    /// that <paramref name="author"/> wrote in <paramref name="channel"/>, with <paramref name="files"/> (name, permalink) shared with it.
    /// </summary>
    public static string MessageShortcut(SlackChatUser user, string callbackId, string channel, SlackChatUser author, string text, string ts,
        params (string Name, string Permalink)[] files)
    {
        var message = new JsonObject { ["type"] = "message", ["user"] = author.Id, ["text"] = text, ["ts"] = ts, ["team"] = TeamId };
        if (files.Length > 0)
            message["files"] = new JsonArray(files.Select(f => (JsonNode)new JsonObject { ["id"] = "F0" + f.Name.GetHashCode(StringComparison.Ordinal).ToString("X", CultureInfo.InvariantCulture), ["name"] = f.Name, ["permalink"] = f.Permalink }).ToArray());
        var payload = new JsonObject
        {
            ["type"] = "message_action",
            ["token"] = "deprecated",
            ["action_ts"] = "1773136900.100000",
            ["team"] = new JsonObject { ["id"] = TeamId, ["domain"] = "desk" },
            ["user"] = User(user),
            ["channel"] = new JsonObject { ["id"] = channel, ["name"] = "it-help" },
            ["is_enterprise_install"] = false,
            ["callback_id"] = callbackId,
            ["trigger_id"] = NextTrigger(),
            ["response_url"] = "https://hooks.slack.com/app/T0DESK/1/short",
            ["message_ts"] = ts,
            ["message"] = message,
        };
        return Form(new Dictionary<string, string> { ["payload"] = payload.ToJsonString() });
    }

    /// <summary>An <c>event_callback</c> envelope for a DM (<c>message</c> in an <c>im</c>) from <paramref name="user"/>.</summary>
    public static string DirectMessage(SlackChatUser user, string text, string eventId, string ts) => new JsonObject
    {
        ["token"] = "deprecated",
        ["team_id"] = TeamId,
        ["api_app_id"] = AppId,
        ["event"] = new JsonObject
        {
            ["type"] = "message",
            ["user"] = user.Id,
            ["text"] = text,
            ["ts"] = ts,
            ["channel"] = user.DmChannel,
            ["channel_type"] = "im",
            ["event_ts"] = ts,
        },
        ["type"] = "event_callback",
        ["event_id"] = eventId,
        ["event_time"] = 1773136800,
    }.ToJsonString();

    /// <summary>An <c>event_callback</c> envelope for an <c>app_mention</c> of the bot in <paramref name="channel"/>.</summary>
    public static string Mention(SlackChatUser user, string channel, string text, string eventId, string ts) => new JsonObject
    {
        ["team_id"] = TeamId,
        ["api_app_id"] = AppId,
        ["event"] = new JsonObject { ["type"] = "app_mention", ["user"] = user.Id, ["text"] = text, ["ts"] = ts, ["channel"] = channel, ["event_ts"] = ts },
        ["type"] = "event_callback",
        ["event_id"] = eventId,
        ["event_time"] = 1773136800,
    }.ToJsonString();

    /// <summary>An <c>event_callback</c> envelope for <c>app_home_opened</c>: <paramref name="user"/> opened the app's <paramref name="tab"/> tab.</summary>
    public static string HomeOpened(SlackChatUser user, string eventId, string tab = "home") => new JsonObject
    {
        ["team_id"] = TeamId,
        ["api_app_id"] = AppId,
        ["event"] = new JsonObject { ["type"] = "app_home_opened", ["user"] = user.Id, ["channel"] = user.DmChannel, ["tab"] = tab, ["event_ts"] = "1773136800.000001" },
        ["type"] = "event_callback",
        ["event_id"] = eventId,
        ["event_time"] = 1773136800,
    }.ToJsonString();

    /// <summary>The form body of a button click on the App Home: <c>container.type: view</c>, <c>view.type: home</c>, no channel or message.</summary>
    public static string HomeBlockAction(SlackChatUser user, string actionId, long ticket, string actionTs)
    {
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = User(user),
            ["api_app_id"] = AppId,
            ["token"] = "deprecated",
            ["container"] = new JsonObject { ["type"] = "view", ["view_id"] = "V0HOME" + user.Id },
            ["trigger_id"] = NextTrigger(),
            ["team"] = new JsonObject { ["id"] = TeamId, ["domain"] = "desk" },
            ["view"] = new JsonObject
            {
                ["id"] = "V0HOME" + user.Id, ["type"] = "home", ["callback_id"] = "chatescalation_home", ["team_id"] = TeamId,
                ["blocks"] = new JsonArray(), ["state"] = new JsonObject { ["values"] = new JsonObject() }, ["hash"] = "1773136800.abc",
            },
            ["actions"] = new JsonArray(new JsonObject
            {
                ["type"] = "button",
                ["action_id"] = actionId,
                ["block_id"] = "home-" + ticket.ToString(CultureInfo.InvariantCulture),
                ["value"] = ticket.ToString(CultureInfo.InvariantCulture),
                ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = actionId },
                ["action_ts"] = actionTs,
            }),
        };
        return Form(new Dictionary<string, string> { ["payload"] = payload.ToJsonString() });
    }

    private static JsonObject User(SlackChatUser user) => new()
    {
        ["id"] = user.Id, ["username"] = user.Id.ToLowerInvariant(), ["name"] = user.Id.ToLowerInvariant(), ["team_id"] = TeamId,
    };

    private static string NextTrigger() => "1773136800." + Interlocked.Increment(ref trigger).ToString(CultureInfo.InvariantCulture) + ".abcdef";

    private static string Form(IReadOnlyDictionary<string, string> fields) =>
        string.Join("&", fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
}
