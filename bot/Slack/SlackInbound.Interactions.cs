using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ChatEscalation.Bot.Slack.Protocol;
using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Forms;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Core.Views;
using ChatEscalation.Persistence.Outbox;
using ChatEscalation.Persistence.Storage;
using ChatEscalation.Persistence.Workflows;

namespace ChatEscalation.Bot.Slack;

/// <remarks>
/// Interactions:
/// <list type="bullet">
/// <item><c>block_actions</c>: a button whose action has a form (<see cref="TicketForms.HasForm"/>) opens it as a modal with
/// <c>views.open</c> (after the ack, <c>private_metadata</c> = ticket number); <c>raise</c> opens the raise modal prefilled with the
/// button's value; any other button acts at once. A refusal reaches the clicker with <c>chat.postEphemeral</c>, through the outbox.
/// Each click (user + action + <c>action_ts</c>) has one effect.</item>
/// <item>A button on the App Home (<c>view.type: home</c>) acts the same; its success is also confirmed in the app's DM.</item>
/// <item><c>message_action</c> with callback id <see cref="RaiseShortcut"/> (the "Raise a ticket" message shortcut): the raise modal
/// prefilled from the message; its submission raises for the message's author, records the clicker, puts the message's permalink on the
/// ticket and answers in the message's thread.</item>
/// <item><c>view_submission</c>: the modal is read into a <see cref="TicketForm"/> (<see cref="SlackForms"/>) and becomes a command (a raised
/// ticket is confirmed to the reporter in the app's DM). A refusal naming one of the modal's inputs is shown under it
/// (<c>response_action: errors</c> keyed by that input's block_id, plus every other missing part of a handoff note); any other refusal
/// is shown under the modal's first required input, where the person is looking. The same submission twice (view id + values) has one
/// effect; a refused one is judged again, so submitting it again shows the same errors.</item>
/// </list>
/// </remarks>
public sealed partial class SlackInbound
{
    /// <inheritdoc />
    public Task<SlackReply> OnInteractionAsync(SlackInteraction interaction, CancellationToken ct) => interaction.Type switch
    {
        SlackInteraction.BlockActions => BlockActionAsync(interaction, ct),
        SlackInteraction.ViewSubmission => ViewSubmissionAsync(interaction, ct),
        SlackInteraction.MessageAction => MessageShortcutAsync(interaction, ct),
        _ => Task.FromResult(SlackReply.Empty),
    };

    private async Task<SlackReply> BlockActionAsync(SlackInteraction i, CancellationToken ct)
    {
        if (i.Actions is not [var action, ..] || action.ActionId is not { } actionId || i.User.Id is not { } userId) return SlackReply.Empty;
        var receipt = new InboundReceipt(Platform, $"action:{userId}:{actionId}:{action.ActionTs ?? i.TriggerId}");
        // Slack never redelivers a click, so a repeat is rare (a proxy's retry, a replay): checked in memory only. Every path below
        // commits the receipt with its effect (TryRecordAsync, RecordAsync, ExecuteAsync), so a repeat the memory missed ends as a
        // repeat there, with no second effect, and a first click costs no read of the stored receipts.
        if (inbound.SeenRecently(receipt)) return SlackReply.Empty;
        var user = await people.ResolveAsync(userId, i.User.Name ?? i.User.Username, ct);

        if (actionId == TicketActions.Raise)
        {
            if (i.TriggerId is { } t && await inbound.TryRecordAsync(receipt, time.GetUtcNow(), ct))
                OpenView("raise modal", t, SlackModals.For(TicketForms.Raise(policies.Current, action.Value), null));
            return SlackReply.Empty;
        }

        if (!TicketKey.TryParse(action.Value, out var number))
        {
            await workflow.RecordAsync(receipt, Ephemeral(i, user, "This button does not name a ticket."), ct);
            return SlackReply.Empty;
        }

        if (TicketForms.HasForm(actionId))
        {
            if (await workflow.GetAsync(number, ct) is not { } ticket) await workflow.RecordAsync(receipt, Ephemeral(i, user, $"{TicketKey.Format(number)} does not exist."), ct);
            else if (i.TriggerId is { } t && TicketForms.For(actionId, policies.Current, ticket.Tier) is { } form && await inbound.TryRecordAsync(receipt, time.GetUtcNow(), ct))
                OpenView($"{actionId} modal", t, SlackModals.For(form, number));
            return SlackReply.Empty;
        }

        var read = TicketForms.ToCommand(TicketForm.Of(actionId), user);
        if (!read.IsCommand)
        {
            await workflow.RecordAsync(receipt, Ephemeral(i, user, read.Refusal.Reason), ct);
            return SlackReply.Empty;
        }

        // A refusal reaches the clicker alone; a success speaks through the card and the thread. A click on the App Home (no channel,
        // no message) is confirmed in the app's DM too, and the home is republished by the change itself (SlackHomeRefresher).
        var fromHome = i.View?.Type == "home";
        await workflow.ExecuteAsync(number, read.Command, new Inbound(receipt, result =>
            !result.Succeeded ? Ephemeral(i, user, result.Message)
            : fromHome ? Answer(user, new SlackRoute(userId), result.Message, number)
            : null), ct);
        return SlackReply.Empty;
    }

    private async Task<SlackReply> ViewSubmissionAsync(SlackInteraction i, CancellationToken ct)
    {
        if (i.View is not { } view || i.User.Id is not { } userId) return SlackReply.Empty;
        var receipt = new InboundReceipt(Platform, $"view:{view.Id}:{Fingerprint(i)}");
        var user = await people.ResolveAsync(userId, i.User.Name ?? i.User.Username, ct);
        var form = SlackForms.Read(view);
        var policy = policies.Current;

        if (form.Action == TicketActions.Raise && SlackMessageOrigin.TryParse(view.PrivateMetadata) is { } origin)
            return await RaiseFromMessageAsync(origin, form, user, receipt, ct);
        if (form.Action == TicketActions.Raise)
        {
            // The modal closes on success, so the reporter hears of the new ticket in the app's DM.
            var raised = await workflow.RaiseAsync(TicketForms.ToRaise(form, user, Platform),
                new Inbound(receipt, r => r.Succeeded ? Answer(user, new SlackRoute(userId), r.Message, r.Ticket?.Number) : null, RecordRefusals: false), ct);
            return raised.Succeeded || raised.Repeated ? SlackReply.Empty : Refused(TicketForms.Raise(policy), raised.Refusal?.Field, raised.Message, []);
        }

        if (!TicketKey.TryParse(view.PrivateMetadata, out var number) || TicketForms.For(form.Action, policy) is not { } definition) return SlackReply.Empty;
        var read = TicketForms.ToCommand(form, user);
        if (!read.IsCommand) return Refused(definition, read.Refusal.Field, read.Refusal.Reason, []);
        var result = await workflow.ExecuteAsync(number, read.Command, new Inbound(receipt, RecordRefusals: false), ct);
        if (result.Succeeded || result.Repeated) return SlackReply.Empty;
        var alsoMissing = read.Command is EscalateTicket escalate ? escalate.Note.MissingParts() : [];
        return Refused(definition, result.Refusal?.Field, result.Message, alsoMissing);
    }

    /// <summary>
    /// The "Raise a ticket" message shortcut: opens the raise modal prefilled from the message's text (category, impact and urgency
    /// guessed as for any text), with the files shared with it listed as links; the modal remembers the message (<see cref="SlackMessageOrigin"/>).
    /// </summary>
    private async Task<SlackReply> MessageShortcutAsync(SlackInteraction i, CancellationToken ct)
    {
        if (i.CallbackId != RaiseShortcut || i.TriggerId is not { } trigger || i.User.Id is not { } clicker
            || (i.Channel?.Id ?? i.Container?.ChannelId) is not { } channel || i.Message?.Ts is not { } ts) return SlackReply.Empty;
        if (!await inbound.TryRecordAsync(new InboundReceipt(Platform, $"shortcut:{clicker}:{trigger}"), time.GetUtcNow(), ct)) return SlackReply.Empty;
        var message = i.Message;
        var files = message.Files.Where(f => f.Permalink is not null).Select(f => $"• {f.Title ?? f.Name ?? "file"}: {f.Permalink}").ToList();
        var text = SlackText.Decode(message.Text ?? "").Trim() + (files.Count == 0 ? "" : "\n\nFiles:\n" + string.Join("\n", files));
        var view = SlackModals.For(TicketForms.Raise(policies.Current, text), null);
        view["private_metadata"] = new SlackMessageOrigin(channel, ts, message.User ?? clicker, message.ThreadTs).Format();
        OpenView("raise-from-message modal", trigger, view);
        return SlackReply.Empty;
    }

    /// <summary>
    /// A raise from a message: the reporter is the message's author, the clicker is recorded, the permalink goes on the ticket, and the
    /// answer (ticket number and status) is a reply in the message's thread.
    /// </summary>
    private async Task<SlackReply> RaiseFromMessageAsync(SlackMessageOrigin origin, TicketForm form, UserRef clicker, InboundReceipt receipt, CancellationToken ct)
    {
        var policy = policies.Current;
        var reporter = await people.ResolveAsync(origin.Author, null, ct);
        var raise = TicketForms.ToRaise(form, reporter, Platform) with
        {
            RaisedBy = clicker, SourceLink = await PermalinkAsync(origin, ct), SourceThread = new SourceThread(origin.Channel, origin.ThreadRoot),
        };
        var raised = await workflow.RaiseAsync(raise, new Inbound(receipt, r => r is { Succeeded: true, Ticket: { } t }
            ? Answer(clicker, new SlackRoute(origin.Channel, origin.ThreadRoot),
                $"{t.Key} raised from this message by {clicker.Name} for {reporter.Name}: {TicketViews.Card(t, policy, time.GetUtcNow()).StatusText}.", t.Number)
            : null, RecordRefusals: false), ct);
        return raised.Succeeded || raised.Repeated ? SlackReply.Empty : Refused(TicketForms.Raise(policy), raised.Refusal?.Field, raised.Message, []);
    }

    /// <summary>The message's permalink (<c>chat.getPermalink</c>, at most <see cref="PermalinkBudget"/>); null when Slack does not answer in time.</summary>
    private async Task<string?> PermalinkAsync(SlackMessageOrigin origin, CancellationToken ct)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(PermalinkBudget);
        try
        {
            return await api.GetPermalinkAsync(origin.Channel, origin.Ts, budget.Token);
        }
        catch (Exception e) when (e is SlackApiException or HttpRequestException or Polly.Timeout.TimeoutRejectedException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            log.LogWarning("chat.getPermalink for {Channel} {Ts} failed ({Error}); the ticket is raised without the link", origin.Channel, origin.Ts, e.Message);
            return null;
        }
    }

    /// <summary>Errors inline: on the refusal's field when the modal has it, else on the modal's first required field; plus every other missing part.</summary>
    private static SlackReply Refused(FormDefinition form, string? field, string reason, IReadOnlyList<string> missing)
    {
        var inputs = form.Fields.Select(f => f.Name).ToList();
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var target = field is not null && inputs.Contains(field) ? field : (form.Fields.FirstOrDefault(f => f.Required) ?? form.Fields[0]).Name;
        errors[target] = SlackText.Cut(reason, 2000);
        if (field is not null && missing.Contains(field))
        {
            foreach (var part in missing.Where(inputs.Contains)) errors.TryAdd(part, "Please fill this in (a few words at least).");
        }

        return SlackReply.ViewErrors(errors);
    }

    /// <summary>An answer only the clicker sees, in the channel of the click (in the app's DM when the click came from elsewhere).</summary>
    private static OutboxReply Ephemeral(SlackInteraction i, UserRef user, string text) =>
        (i.Channel?.Id ?? i.Container?.ChannelId) is { } channel
            ? Answer(user, new SlackRoute(channel, EphemeralUser: i.User.Id), text, null)
            : Answer(user, new SlackRoute(i.User.Id!), text, null);

    /// <summary>A short hash of the submitted values, so the same submission delivered twice is recognised.</summary>
    private static string Fingerprint(SlackInteraction i)
    {
        var state = i.Raw.ValueKind == JsonValueKind.Object && i.Raw.TryGetProperty("view", out var v) && v.ValueKind == JsonValueKind.Object
            && v.TryGetProperty("state", out var s)
            ? s.GetRawText()
            : JsonSerializer.Serialize(i.View?.State, SlackJson.Options);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(state)))[..16];
    }
}
