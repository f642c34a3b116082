using System.Text.RegularExpressions;
using ChatEscalation.Bot.Conversations;
using ChatEscalation.Bot.Slack.Protocol;
using ChatEscalation.Core.Forms;
using ChatEscalation.Persistence.Storage;
using ChatEscalation.Persistence.Workflows;

namespace ChatEscalation.Bot.Slack;

/// <summary>
/// The chat behaviour behind <see cref="ISlackInbound"/>: verified, parsed Slack traffic becomes engine commands (through
/// <see cref="TicketWorkflow"/>) or <see cref="ChatConversation"/> text; the adapter never decides.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Events: <c>app_mention</c> and DMs (<c>message</c> in an <c>im</c>) only; bot posts and message subtypes are ignored (so the
/// bot never answers itself); de-duplicated by <c>event_id</c> in InboundEvents (race-safe, so a retry arriving while the first delivery
/// runs is dropped). The text goes to <see cref="ChatConversation"/> after the ack, in <see cref="SlackBackgroundWork"/>, and the answer is
/// posted with <c>chat.postMessage</c> (in the mention's thread; in a DM, text the bot did not understand gets a button that opens the
/// raise modal prefilled).</item>
/// <item>Slash commands: <c>/ticket</c> alone opens the raise modal; <c>/ticket &lt;text&gt;</c>, <c>/ticket status INC-42</c>,
/// <c>/ticket mine</c>, <c>/ticket help</c> and <c>/oncall</c> are answered in the HTTP reply, ephemeral.</item>
/// <item>Interactions: see <c>SlackInbound.Interactions.cs</c>.</item>
/// </list>
/// Ticket cards, thread replies and DMs that follow from a command are written to the outbox by the workflow and sent by
/// <see cref="SlackSender"/>. Nothing here waits on Slack before answering, except <c>users.info</c> for a person not yet cached.
/// </remarks>
public sealed partial class SlackInbound(
    TicketWorkflow workflow,
    ChatConversation conversation,
    IPolicyProvider policies,
    InboundEventStore inbound,
    SlackPeopleResolver people,
    SlackBackgroundWork background,
    TimeProvider time,
    ILogger<SlackInbound> log) : ISlackInbound
{
    private const string Platform = SlackPeopleResolver.Platform;

    /// <summary>The slash command that raises and looks up tickets.</summary>
    public const string TicketCommand = "/ticket";

    /// <summary>The slash command that shows who is on call.</summary>
    public const string OnCallCommand = "/oncall";

    /// <inheritdoc />
    public async Task<SlackReply> OnEventAsync(SlackEventCallback callback, CancellationToken ct)
    {
        var e = callback.Event;
        if (e.BotId is not null || e.Subtype is not null || string.IsNullOrEmpty(e.User) || e.Channel is not { Length: > 0 } channel) return SlackReply.Empty;
        var isDm = e.Type == "message" && e.ChannelType == "im";
        if (e.Type != "app_mention" && !isDm) return SlackReply.Empty;
        var id = callback.EventId ?? $"{channel}:{e.Ts}";
        if (!await inbound.TryRecordInboundAsync(Platform, "event:" + id, time.GetUtcNow(), ct))
        {
            log.LogInformation("Slack event {EventId} already handled (retry {RetryNum})", id, callback.RetryNum);
            return SlackReply.Empty;
        }

        var text = StripMentions(e.Text ?? "");
        var threadTs = isDm ? e.ThreadTs : e.ThreadTs ?? e.Ts;
        // The command runs before the answer (a raise is a ticket, not a reply: it must not wait in memory); only the reply
        // message is left to the background. If the command fails, the event id is forgotten so Slack's retry runs it again.
        ChatReply reply;
        try
        {
            var user = await people.ResolveAsync(e.User, null, ct);
            reply = await conversation.HandleAsync(user, Platform, text, ct);
        }
        catch
        {
            await inbound.ForgetAsync(Platform, "event:" + id, CancellationToken.None);
            throw;
        }

        var blocks = reply.SuggestRaise is { } title && isDm
            ? BlockKitRenderer.SuggestRaise(reply.Text, title)
            : BlockKitRenderer.Reply(reply.Text, reply.Card);
        background.Enqueue($"event {id} reply", (api, token) =>
            api.PostMessageAsync(channel, SlackText.Cut(reply.Text, 3000), blocks, threadTs, token));
        return SlackReply.Empty;
    }

    /// <inheritdoc />
    public async Task<SlackReply> OnCommandAsync(SlackSlashCommand command, CancellationToken ct)
    {
        var text = command.Text.Trim();
        if (command.Command == TicketCommand && text.Length == 0)
        {
            if (command.TriggerId is { } trigger) OpenView("raise modal", trigger, SlackModals.For(TicketForms.Raise(policies.Current), null));
            else return SlackReply.Ephemeral("Slack sent no trigger to open the form; type /ticket <what is wrong> instead.");
            return SlackReply.Empty;
        }

        var typed = command.Command switch
        {
            OnCallCommand => "oncall",
            TicketCommand when text.Equals("help", StringComparison.OrdinalIgnoreCase) => "help",
            TicketCommand => "ticket " + text,
            _ => null,
        };
        if (typed is null) return SlackReply.Ephemeral($"I do not know the command {command.Command}. Try /ticket help.");
        var user = await people.ResolveAsync(command.UserId, command.UserName, ct);
        var reply = await conversation.HandleAsync(user, Platform, typed, ct);
        return SlackReply.Ephemeral(SlackText.Cut(reply.Text, 3000), BlockKitRenderer.Reply(reply.Text, reply.Card));
    }

    private void OpenView(string name, string triggerId, System.Text.Json.Nodes.JsonObject view) =>
        background.Enqueue(name, (api, token) => api.OpenViewAsync(triggerId, view, token));

    private static string StripMentions(string text) => MentionPattern().Replace(text, " ").Trim();

    [GeneratedRegex(@"<@[A-Z0-9]+(\|[^>]*)?>", RegexOptions.CultureInvariant)]
    private static partial Regex MentionPattern();
}
