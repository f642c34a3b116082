using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatEscalation.Bot.Tests.Teams;

/// <summary>
/// Activities as Teams sends them, from the recorded JSON fixtures in <c>Teams/Fixtures/</c> (copied to the test output), with the
/// <c>{{placeholders}}</c> filled for a <see cref="RunningTeamsHost"/>: its connector as serviceUrl, the bot as recipient, a fresh id.
/// </summary>
public sealed class TeamsActivities(RunningTeamsHost host)
{
    /// <summary>The bot's channel account id, <c>28:&lt;app id&gt;</c>.</summary>
    public const string BotId = "28:" + RunningTeamsHost.AppId;

    /// <summary>Reads <c>Fixtures/<paramref name="name"/></c> and replaces each <c>{{key}}</c> with its JSON-escaped value.</summary>
    public static JsonObject Load(string name, IReadOnlyDictionary<string, string> values)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Teams", "Fixtures", name));
        foreach (var (key, value) in values)
        {
            var encoded = JsonEncodedText.Encode(value).ToString();
            text = text.Replace("{{" + key + "}}", encoded, StringComparison.Ordinal);
        }

        if (text.Contains("{{", StringComparison.Ordinal)) throw new InvalidOperationException($"Fixture {name} has an unfilled placeholder: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>The bot installed in a team channel (<c>conversationUpdate</c>, <c>teamMemberAdded</c>), added by <paramref name="by"/>.</summary>
    public JsonObject ChannelInstall(string channel, TeamsTestUser by) =>
        Load("conversation-update-channel.json", Values(by, ("channel", channel), ("channelName", channel.Split('@')[0][3..])));

    /// <summary>The bot installed in <paramref name="user"/>'s personal scope (1:1 chat created).</summary>
    public JsonObject PersonalInstall(TeamsTestUser user) =>
        Load("conversation-update-personal.json", Values(user, ("conversationId", user.PersonalConversationId)));

    /// <summary>Text typed by <paramref name="user"/> in their 1:1 chat with the bot.</summary>
    public JsonObject PersonalMessage(TeamsTestUser user, string text) =>
        Load("message-personal.json", Values(user, ("conversationId", user.PersonalConversationId), ("text", text)));

    /// <summary>A new channel post <c>@Escalation Bot text</c> by <paramref name="user"/>.</summary>
    public JsonObject ChannelMention(TeamsTestUser user, string channel, string text) =>
        Load("message-channel-mention.json", Values(user, ("channel", channel), ("text", text)));

    /// <summary>A channel post by <paramref name="user"/> that does not mention the bot.</summary>
    public JsonObject ChannelMessage(TeamsTestUser user, string channel, string text) =>
        Load("message-channel-no-mention.json", Values(user, ("channel", channel), ("text", text)));

    /// <summary>
    /// An <c>Action.Submit</c> click on a card posted as <paramref name="cardActivityId"/> in <paramref name="conversationId"/>:
    /// a message whose value is the action's data merged with the inputs.
    /// </summary>
    public JsonObject Submit(TeamsTestUser user, string channel, string conversationId, string cardActivityId, string verb, long ticket, JsonObject? inputs = null)
    {
        var activity = Load("message-submit.json", Values(user, ("channel", channel), ("conversationId", conversationId),
            ("replyToId", cardActivityId), ("verb", verb), ("ticketKey", $"INC-{ticket}")));
        foreach (var (key, value) in inputs ?? []) activity["value"]![key] = value?.DeepClone();
        return activity;
    }

    /// <summary>
    /// An <c>adaptiveCard/action</c> invoke (<c>Action.Execute</c>, <c>trigger: manual</c>) by <paramref name="user"/> on the card
    /// <paramref name="cardActivityId"/> in <paramref name="conversationId"/>; data is <c>{ticket}</c> merged with <paramref name="inputs"/>.
    /// </summary>
    public JsonObject Execute(TeamsTestUser user, string channel, string conversationId, string cardActivityId, string verb, long ticket, JsonObject? inputs = null)
    {
        var activity = Load("invoke-action.json", Values(user, ("channel", channel), ("conversationId", conversationId),
            ("replyToId", cardActivityId), ("verb", verb), ("title", verb)));
        var data = activity["value"]!["action"]!["data"]!.AsObject();
        data["ticket"] = ticket;
        foreach (var (key, value) in inputs ?? []) data[key] = value?.DeepClone();
        return activity;
    }

    /// <summary>The automatic refresh Teams sends when <paramref name="user"/> views the card of <paramref name="ticket"/>.</summary>
    public JsonObject Refresh(TeamsTestUser user, string channel, string conversationId, string cardActivityId, long ticket)
    {
        var activity = Load("invoke-refresh.json", Values(user, ("channel", channel), ("conversationId", conversationId), ("replyToId", cardActivityId)));
        activity["value"]!["action"]!["data"]!["ticket"] = ticket;
        return activity;
    }

    private Dictionary<string, string> Values(TeamsTestUser user, params (string Key, string Value)[] extra)
    {
        var values = new Dictionary<string, string>
        {
            ["id"] = host.NextActivityId(),
            ["serviceUrl"] = host.Connector.ServiceUrl,
            ["botId"] = BotId,
            ["tenantId"] = RunningTeamsHost.TenantId,
            ["teamId"] = RunningTeamsHost.TeamId,
            ["userId"] = user.UserId,
            ["userName"] = user.Name,
            ["aadObjectId"] = user.AadObjectId,
        };
        foreach (var (key, value) in extra) values[key] = value;
        return values;
    }
}
