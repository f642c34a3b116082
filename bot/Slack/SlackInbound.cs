using System.Text.RegularExpressions;
using ChatEscalation.Bot.Conversations;
using ChatEscalation.Bot.Slack.Protocol;
using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Forms;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Persistence.Outbox;
using ChatEscalation.Persistence.Storage;
using ChatEscalation.Persistence.Workflows;

namespace ChatEscalation.Bot.Slack;

/// <summary>
/// The chat behaviour behind <see cref="ISlackInbound"/>: verified, parsed Slack traffic becomes engine commands (through
/// <see cref="TicketWorkflow"/>) or <see cref="ChatConversation"/> text; the adapter never decides.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Every request has a receipt (<see cref="InboundReceipt"/>: events by <c>event_id</c>, slash commands by <c>trigger_id</c>, clicks by
/// user + action + <c>action_ts</c>, submissions by view id + a hash of the values), recorded in the same transaction as what it did and
/// the answer to the person: a redelivery after a crash does the work once, a redelivery after the commit (or a replayed signed body)
/// does nothing. The same keys serve HTTP callbacks and Socket Mode envelopes (a redelivered envelope carries the same payload).</item>
/// <item>A reply in a ticket's thread (under the bot's DM about it, or in a channel under the message it was raised from, where the bot
/// answered) is a note on the ticket; the reporter's resumes a ticket waiting on them. Typed commands there still work as commands.</item>
/// <item><c>app_home_opened</c> (Home tab): the person's App Home is published (<see cref="SlackHomeRefresher"/>).</item>
/// <item>Events: <c>app_mention</c>, DMs (<c>message</c> in an <c>im</c>) and thread replies in public and private channels (<c>message.channels</c>, <c>message.groups</c>) only; bot posts and message subtypes are ignored (so the bot
/// never answers itself). The answer goes through the outbox (in the mention's thread; in a DM, text the bot did not understand gets a
/// button that opens the raise modal prefilled), so a 429 or an outage delays it but cannot lose it.</item>
/// <item>Slash commands: <c>/ticket</c> alone opens the raise modal; <c>/ticket &lt;text&gt;</c>, <c>/ticket status INC-42</c>,
/// <c>/ticket mine</c>, <c>/ticket help</c> and <c>/oncall [tier or rotation]</c> (times in the user's <c>tz</c>) are answered in the HTTP reply, ephemeral.</item>
/// <item>Interactions: see <c>SlackInbound.Interactions.cs</c>.</item>
/// </list>
/// Nothing here waits on Slack before answering, except <c>users.info</c> for a person not yet cached. <c>views.open</c> is the one
/// call made directly (its trigger expires in 3 s), after the ack, once.
/// </remarks>
public sealed partial class SlackInbound(
    TicketWorkflow workflow,
    ChatConversation conversation,
    IPolicyProvider policies,
    InboundEventStore inbound,
    SlackPeopleResolver people,
    SlackBackgroundWork background,
    ISlackApi api,
    OutboxStore outbox,
    SlackHomeRefresher homes,
    TimeProvider time,
    ILogger<SlackInbound> log) : ISlackInbound
{
    private const string Platform = SlackPeopleResolver.Platform;

    /// <summary>The slash command that raises and looks up tickets.</summary>
    public const string TicketCommand = "/ticket";

    /// <summary>The <c>callback_id</c> of the "Raise a ticket" message shortcut (manifest <c>shortcuts</c>, type <c>message</c>).</summary>
    public const string RaiseShortcut = "raise_from_message";

    /// <summary>The event subscriptions <see cref="OnEventAsync"/> handles (manifest <c>bot_events</c>); every other event is ignored.</summary>
    public static IReadOnlySet<string> BotEvents { get; } = new HashSet<string>(StringComparer.Ordinal) { "app_mention", "message.im", "message.channels", "message.groups", AppHomeOpened };

    /// <summary>The event Slack sends when a person opens the app's Home (or Messages) tab.</summary>
    public const string AppHomeOpened = "app_home_opened";

    /// <summary>The shortcut callback ids the interaction handler answers (manifest <c>shortcuts</c>).</summary>
    public static IReadOnlySet<string> Shortcuts { get; } = new HashSet<string>(StringComparer.Ordinal) { RaiseShortcut };

    /// <summary>The slash commands <see cref="OnCommandAsync"/> answers (manifest <c>slash_commands</c>).</summary>
    public static IReadOnlySet<string> SlashCommands { get; } = new HashSet<string>(StringComparer.Ordinal) { TicketCommand, OnCallCommand };

    /// <summary>How long a submission waits for <c>chat.getPermalink</c> (the answer to Slack must leave within 3 s).</summary>
    public static readonly TimeSpan PermalinkBudget = TimeSpan.FromSeconds(1);

    /// <summary>The slash command that shows who is on call.</summary>
    public const string OnCallCommand = "/oncall";

    /// <inheritdoc />
    public async Task<SlackReply> OnEventAsync(SlackEventCallback callback, CancellationToken ct)
    {
        var e = callback.Event;
        if (e.Type == AppHomeOpened) return await HomeOpenedAsync(e, ct);
        if (e.BotId is not null || e.Subtype is not null || string.IsNullOrEmpty(e.User) || e.Channel is not { Length: > 0 } channel) return SlackReply.Empty;
        var isDm = e.Type == "message" && e.ChannelType == "im";
        var threadReply = e.ThreadTs is { } parent && parent != e.Ts ? parent : null;
        var inChannelThread = e.Type == "message" && e.ChannelType is "channel" or "group" && threadReply is not null && !MentionPattern().IsMatch(e.Text ?? "");
        if (e.Type != "app_mention" && !isDm && !inChannelThread) return SlackReply.Empty;
        var id = callback.EventId ?? $"{channel}:{e.Ts}";
        var receipt = new InboundReceipt(Platform, "event:" + id);
        if (inbound.SeenRecently(receipt)) // memory only: a repeat this process forgot is found by the receipt's primary key at the commit
        {
            log.LogInformation("Slack event {EventId} already handled (retry {RetryNum})", id, callback.RetryNum);
            return SlackReply.Empty;
        }

        var threadTs = isDm ? e.ThreadTs : e.ThreadTs ?? e.Ts;
        var user = await people.ResolveAsync(e.User, null, ct);
        var text = SlackText.Decode(StripMentions(e.Text ?? ""));
        if (threadReply is not null && (isDm || inChannelThread) && await outbox.TicketOfThreadAsync(Platform, channel, threadReply, ownMessagesToo: isDm, ct) is { } thread
            && ChatIntentParser.Parse(text).Kind == ChatIntentKind.Unknown)
        {
            // A reply in a ticket's thread is a note on it (the reporter's resumes a ticket waiting on them); the answer stays in the thread.
            var ticket = thread.Number;
            await workflow.ExecuteAsync(ticket, new AddNote(user, text, InSourceThread: thread.RaisedThere),
                new Inbound(receipt, r => Answer(user, new SlackRoute(channel, threadReply), r.Message, ticket)), ct);
            return SlackReply.Empty;
        }

        if (inChannelThread) return SlackReply.Empty;
        var reply = await conversation.HandleAsync(new ChatRequest(user, Platform, text)
        {
            Receipt = receipt,
            Zone = ChatIntentParser.Parse(text).Kind == ChatIntentKind.OnCall ? await people.ZoneAsync(e.User, ct) : null,
            Answer = r => Answer(user, new SlackRoute(channel, threadTs, SuggestRaise: isDm ? r.SuggestRaise : null), r.Text, r.Card?.Number),
        }, ct);
        if (reply.Repeated) log.LogInformation("Slack event {EventId} was handled by an earlier delivery", id);
        return SlackReply.Empty;
    }

    /// <summary>
    /// <c>app_home_opened</c> on the Home tab: the person's home is published at once, after the ack (<see cref="SlackHomeRefresher"/>), and
    /// republished when a ticket change concerns them. A redelivery publishes again (a read: harmless). The Messages tab is ignored.
    /// </summary>
    private async Task<SlackReply> HomeOpenedAsync(SlackEvent e, CancellationToken ct)
    {
        var tab = e.Raw.ValueKind == System.Text.Json.JsonValueKind.Object && e.Raw.TryGetProperty("tab", out var t) && t.ValueKind == System.Text.Json.JsonValueKind.String
            ? t.GetString()
            : null;
        if (tab != "home" || string.IsNullOrEmpty(e.User)) return SlackReply.Empty;
        homes.Opened(await people.ResolveAsync(e.User, null, ct), e.User);
        return SlackReply.Empty;
    }

    /// <inheritdoc />
    public async Task<SlackReply> OnCommandAsync(SlackSlashCommand command, CancellationToken ct)
    {
        var text = SlackText.Decode(command.Text).Trim();
        var receipt = new InboundReceipt(Platform, $"command:{command.TriggerId ?? $"{command.UserId}:{command.Command}:{text}"}");
        if (command.Command == TicketCommand && text.Length == 0)
        {
            if (command.TriggerId is not { } trigger) return SlackReply.Ephemeral("Slack sent no trigger to open the form; type /ticket <what is wrong> instead.");
            if (await inbound.TryRecordAsync(receipt, time.GetUtcNow(), ct)) OpenView("raise modal", trigger, SlackModals.For(TicketForms.Raise(policies.Current), null));
            return SlackReply.Empty;
        }

        var typed = command.Command switch
        {
            OnCallCommand => "oncall " + text,
            TicketCommand when text.Equals("help", StringComparison.OrdinalIgnoreCase) => "help",
            TicketCommand => "ticket " + text,
            _ => null,
        };
        if (typed is null) return SlackReply.Ephemeral($"I do not know the command {command.Command}. Try /ticket help.");
        var user = await people.ResolveAsync(command.UserId, command.UserName, ct);
        var zone = command.Command == OnCallCommand ? await people.ZoneAsync(command.UserId, ct) : null;
        var reply = await conversation.HandleAsync(new ChatRequest(user, Platform, typed) { Receipt = receipt, Zone = zone }, ct);
        return SlackReply.Ephemeral(SlackText.Cut(reply.Text, 3000), reply.Repeated ? null : BlockKitRenderer.Reply(reply.Text, reply.Card));
    }

    /// <summary>An answer to <paramref name="user"/> at <paramref name="route"/>, for the outbox.</summary>
    private static OutboxReply Answer(UserRef user, SlackRoute route, string text, long? ticket) =>
        new(Platform, route.Conversation, user, text, ticket, route.ToJson());

    private void OpenView(string name, string triggerId, System.Text.Json.Nodes.JsonObject view) =>
        background.Enqueue(name, (api, token) => api.OpenViewAsync(triggerId, view, token));

    private static string StripMentions(string text) => MentionPattern().Replace(text, " ").Trim();

    [GeneratedRegex(@"<@[A-Z0-9]+(\|[^>]*)?>", RegexOptions.CultureInvariant)]
    private static partial Regex MentionPattern();
}
