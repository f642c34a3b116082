using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ChatEscalation.Bot.Slack.Protocol;
using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Forms;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Bot.Slack;

/// <remarks>
/// Interactions:
/// <list type="bullet">
/// <item><c>block_actions</c>: a button whose action has a form (<see cref="TicketForms.HasForm"/>) opens it as a modal with
/// <c>views.open</c> (after the ack, <c>private_metadata</c> = ticket number); <c>raise</c> opens the raise modal prefilled with the
/// button's value; any other button acts at once. A refusal reaches the clicker with <c>chat.postEphemeral</c>. Each click
/// (user + action + <c>action_ts</c>) has one effect.</item>
/// <item><c>view_submission</c>: the modal is read into a <see cref="TicketForm"/> (<see cref="SlackForms"/>) and becomes a command (a raised
/// ticket is confirmed to the reporter in the app's DM). A refusal naming one of the modal's inputs is shown under it
/// (<c>response_action: errors</c> keyed by that input's block_id, plus every other missing part of a handoff note); any other refusal
/// is shown under the modal's first required input, where the person is looking. The same submission twice (view id + values) has one effect.</item>
/// </list>
/// </remarks>
public sealed partial class SlackInbound
{
    /// <inheritdoc />
    public Task<SlackReply> OnInteractionAsync(SlackInteraction interaction, CancellationToken ct) => interaction.Type switch
    {
        SlackInteraction.BlockActions => BlockActionAsync(interaction, ct),
        SlackInteraction.ViewSubmission => ViewSubmissionAsync(interaction, ct),
        _ => Task.FromResult(SlackReply.Empty),
    };

    private async Task<SlackReply> BlockActionAsync(SlackInteraction i, CancellationToken ct)
    {
        if (i.Actions is not [var action, ..] || action.ActionId is not { } actionId || i.User.Id is not { } userId) return SlackReply.Empty;
        var key = $"action:{userId}:{actionId}:{action.ActionTs ?? i.TriggerId}";
        if (!await inbound.TryRecordInboundAsync(Platform, key, time.GetUtcNow(), ct)) return SlackReply.Empty;

        if (actionId == TicketActions.Raise)
        {
            if (i.TriggerId is { } t) OpenView("raise modal", t, SlackModals.For(TicketForms.Raise(policies.Current, action.Value), null));
            return SlackReply.Empty;
        }

        if (!TicketKey.TryParse(action.Value, out var number))
        {
            Ephemeral(i, "This button does not name a ticket.");
            return SlackReply.Empty;
        }

        if (TicketForms.HasForm(actionId))
        {
            if (await workflow.GetAsync(number, ct) is not { } ticket) Ephemeral(i, $"{TicketKey.Format(number)} does not exist.");
            else if (i.TriggerId is { } t && TicketForms.For(actionId, policies.Current, ticket.Tier) is { } form) OpenView($"{actionId} modal", t, SlackModals.For(form, number));
            return SlackReply.Empty;
        }

        var user = await people.ResolveAsync(userId, i.User.Name ?? i.User.Username, ct);
        var read = TicketForms.ToCommand(TicketForm.Of(actionId), user);
        if (!read.IsCommand)
        {
            Ephemeral(i, read.Refusal.Reason);
            return SlackReply.Empty;
        }

        var result = await workflow.ExecuteAsync(number, read.Command, ct);
        if (!result.Succeeded) Ephemeral(i, result.Message);
        return SlackReply.Empty;
    }

    private async Task<SlackReply> ViewSubmissionAsync(SlackInteraction i, CancellationToken ct)
    {
        if (i.View is not { } view || i.User.Id is not { } userId) return SlackReply.Empty;
        if (!await inbound.TryRecordInboundAsync(Platform, $"view:{view.Id}:{Fingerprint(i)}", time.GetUtcNow(), ct)) return SlackReply.Empty;
        var user = await people.ResolveAsync(userId, i.User.Name ?? i.User.Username, ct);
        var form = SlackForms.Read(view);
        var policy = policies.Current;

        if (form.Action == TicketActions.Raise)
        {
            var raised = await workflow.RaiseAsync(TicketForms.ToRaise(form, user, Platform), ct);
            if (!raised.Succeeded) return Refused(TicketForms.Raise(policy), raised.Refusal?.Field, raised.Message, []);
            Confirm(userId, raised);
            return SlackReply.Empty;
        }

        if (!TicketKey.TryParse(view.PrivateMetadata, out var number) || TicketForms.For(form.Action, policy) is not { } definition) return SlackReply.Empty;
        var read = TicketForms.ToCommand(form, user);
        if (!read.IsCommand) return Refused(definition, read.Refusal.Field, read.Refusal.Reason, []);
        var result = await workflow.ExecuteAsync(number, read.Command, ct);
        if (result.Succeeded) return SlackReply.Empty;
        var alsoMissing = read.Command is EscalateTicket escalate ? escalate.Note.MissingParts() : [];
        return Refused(definition, result.Refusal?.Field, result.Message, alsoMissing);
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

    /// <summary>The modal closes on success, so the reporter hears of the new ticket in the app's DM (chat.postMessage to the user id).</summary>
    private void Confirm(string userId, Persistence.Workflows.CommandResult raised)
    {
        var card = raised.Ticket is { } t ? Core.Views.TicketViews.Card(t, policies.Current, time.GetUtcNow()) : null;
        var text = SlackText.Cut(raised.Message, 3000);
        background.Enqueue("raise confirmation", (api, token) => api.PostMessageAsync(userId, text, BlockKitRenderer.Reply(raised.Message, card), null, token));
    }

    private void Ephemeral(SlackInteraction i, string text)
    {
        if ((i.Channel?.Id ?? i.Container?.ChannelId) is not { } channel || i.User.Id is not { } user) return;
        background.Enqueue("ephemeral", (api, token) => api.PostEphemeralAsync(channel, user, SlackText.Cut(text, 3000), null, token));
    }

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
