using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Core.Views;
using ChatEscalation.Bot.Slack.Protocol;

namespace ChatEscalation.Bot.Slack;

/// <remarks>
/// Interactions:
/// <list type="bullet">
/// <item><c>block_actions</c>: <c>accept</c>, <c>ack_page</c>, <c>take_over</c> act at once; <c>escalate</c>, <c>resolve</c>,
/// <c>escalate_manager</c>, <c>reopen</c>, <c>reassign</c> open a modal with <c>views.open</c> (after the ack, <c>private_metadata</c> = ticket number);
/// <c>raise</c> opens the raise modal prefilled with the button's value. A refusal reaches the clicker with <c>chat.postEphemeral</c>.
/// Each click (user + action + <c>action_ts</c>) has one effect.</item>
/// <item><c>view_submission</c>: the modal becomes a command (a raised ticket is confirmed to the reporter in the app's DM). A refusal naming one of the modal's inputs is shown under it
/// (<c>response_action: errors</c> keyed by that input's block_id, plus every other missing part of a handoff note); any other refusal
/// is shown under the modal's first input, where the person is looking. The same submission twice (view id + values) has one effect.</item>
/// </list>
/// </remarks>
public sealed partial class SlackInbound
{
    private static readonly string[] KnownInputs =
    [
        SlackBlockIds.Title, SlackBlockIds.Description, SlackBlockIds.Category, SlackBlockIds.Impact, SlackBlockIds.Urgency,
        SlackBlockIds.Service, SlackBlockIds.Tried, SlackBlockIds.Outcome, SlackBlockIds.Needs, SlackBlockIds.Resolution, SlackBlockIds.Reason,
        SlackBlockIds.Tier, SlackBlockIds.Owner,
    ];

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
            if (i.TriggerId is { } t)
            {
                var (category, impact, urgency) = Core.Engine.Routing.Suggest(action.Value, policies.Current);
                OpenView("raise modal", t, SlackModals.Raise(action.Value, action.Value, Categories(), category, impact, urgency));
            }

            return SlackReply.Empty;
        }

        if (!TicketKey.TryParse(action.Value, out var number))
        {
            Ephemeral(i, "This button does not name a ticket.");
            return SlackReply.Empty;
        }

        if (SlackModals.For(actionId, number, () => ReassignChoices.From(policies.Current)) is { } modal)
        {
            if (i.TriggerId is { } t) OpenView($"{actionId} modal", t, modal);
            return SlackReply.Empty;
        }

        var user = await people.ResolveAsync(userId, i.User.Name ?? i.User.Username, ct);
        TicketCommand? command = actionId switch
        {
            TicketActions.Accept => new AcceptTicket(user),
            TicketActions.AckPage => new AcknowledgePage(user),
            TicketActions.TakeOver => new TakeOverTicket(user),
            _ => null,
        };
        if (command is null)
        {
            Ephemeral(i, $"The {BlockKitRenderer.Label(actionId)} button is not available in Slack yet; use the ticket page.");
            return SlackReply.Empty;
        }

        var result = await workflow.ExecuteAsync(number, command, ct);
        if (result.Succeeded) WakeOutbox(services);
        else Ephemeral(i, result.Message);
        return SlackReply.Empty;
    }

    private async Task<SlackReply> ViewSubmissionAsync(SlackInteraction i, CancellationToken ct)
    {
        if (i.View is not { } view || i.User.Id is not { } userId) return SlackReply.Empty;
        var callback = view.CallbackId ?? "";
        if (!await inbound.TryRecordInboundAsync(Platform, $"view:{view.Id}:{Fingerprint(i)}", time.GetUtcNow(), ct)) return SlackReply.Empty;
        var user = await people.ResolveAsync(userId, i.User.Name ?? i.User.Username, ct);

        if (callback == SlackBlockIds.RaiseCallback)
        {
            var raise = new RaiseTicket(user, Platform, Input(view, SlackBlockIds.Title), NullIfEmpty(Input(view, SlackBlockIds.Description)),
                NullIfEmpty(Input(view, SlackBlockIds.Category)),
                Enum.TryParse<Impact>(Input(view, SlackBlockIds.Impact), true, out var impact) ? impact : null,
                Enum.TryParse<Urgency>(Input(view, SlackBlockIds.Urgency), true, out var urgency) ? urgency : null,
                NullIfEmpty(Input(view, SlackBlockIds.Service)));
            var raised = await workflow.RaiseAsync(raise, ct);
            if (!raised.Succeeded) return Refused(raised.Refusal?.Field, raised.Message, SlackBlockIds.Title, []);
            WakeOutbox(services);
            Confirm(userId, raised);
            return SlackReply.Empty;
        }

        if (!TicketKey.TryParse(view.PrivateMetadata, out var number)) return SlackReply.Empty;
        var note = new HandoffNote(Input(view, SlackBlockIds.Tried), Input(view, SlackBlockIds.Outcome), Input(view, SlackBlockIds.Needs));
        (TicketCommand Command, string FirstField)? form = callback switch
        {
            TicketActions.Escalate => (new EscalateTicket(user, note), SlackBlockIds.Tried),
            TicketActions.Resolve => (new ResolveTicket(user, Input(view, SlackBlockIds.Resolution)), SlackBlockIds.Resolution),
            TicketActions.EscalateManager => (new EscalateToManager(user, Input(view, SlackBlockIds.Reason)), SlackBlockIds.Reason),
            TicketActions.Reopen => (new ReopenTicket(user, Input(view, SlackBlockIds.Reason)), SlackBlockIds.Reason),
            TicketActions.Reassign => (ReassignTicket.FromForm(user, Input(view, SlackBlockIds.Tier), Input(view, SlackBlockIds.Owner), Input(view, SlackBlockIds.Reason)),
                SlackBlockIds.Reason),
            _ => null,
        };
        if (form is not { } f) return SlackReply.Empty;
        var result = await workflow.ExecuteAsync(number, f.Command, ct);
        if (result.Succeeded)
        {
            WakeOutbox(services);
            return SlackReply.Empty;
        }

        var alsoMissing = callback == TicketActions.Escalate ? note.MissingParts() : [];
        return Refused(result.Refusal?.Field, result.Message, f.FirstField, alsoMissing);
    }

    /// <summary>Errors inline: on the refusal's field when the modal has it, else on the modal's first field; plus every other missing part.</summary>
    private static SlackReply Refused(string? field, string reason, string firstField, IReadOnlyList<string> missing)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var target = field is not null && KnownInputs.Contains(field) ? field : firstField;
        errors[target] = SlackText.Cut(reason, 2000);
        if (field is not null && missing.Contains(field))
        {
            foreach (var part in missing) errors.TryAdd(part, "Please fill this in (a few words at least).");
        }

        return SlackReply.ViewErrors(errors);
    }

    /// <summary>The modal closes on success, so the reporter hears of the new ticket in the app's DM (chat.postMessage to the user id).</summary>
    private void Confirm(string userId, Persistence.Workflows.CommandResult raised)
    {
        var card = raised.Ticket is { } t ? Core.Views.TicketViews.Card(t, policies.Current, time.GetUtcNow()) : null;
        var text = SlackText.Cut(raised.Message, 3000);
        background.Enqueue("raise confirmation", (sp, token) =>
            sp.GetRequiredService<ISlackApi>().PostMessageAsync(userId, text, BlockKitRenderer.Reply(raised.Message, card), null, token));
    }

    private void Ephemeral(SlackInteraction i, string text)
    {
        if ((i.Channel?.Id ?? i.Container?.ChannelId) is not { } channel || i.User.Id is not { } user) return;
        background.Enqueue("ephemeral", (sp, token) => sp.GetRequiredService<ISlackApi>().PostEphemeralAsync(channel, user, SlackText.Cut(text, 3000), null, token));
    }

    /// <summary>The text typed or the option chosen in input block <paramref name="blockId"/>, trimmed; "" when absent.</summary>
    private static string Input(SlackView view, string blockId)
    {
        var value = view.State.Get(blockId, SlackBlockIds.Value);
        return (value?.Value ?? value?.SelectedOption?.Value ?? "").Trim();
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

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
