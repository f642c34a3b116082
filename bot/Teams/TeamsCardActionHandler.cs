using System.Text.Json;
using ChatEscalation.Bot.Teams.Cards;
using ChatEscalation.Bot.Teams.Protocol;
using ChatEscalation.Core.Forms;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Persistence.Storage;
using ChatEscalation.Persistence.Workflows;

namespace ChatEscalation.Bot.Teams;

/// <summary>
/// Card actions: an <c>Action.Execute</c> invoke (answered with the clicker's refreshed card, or a message with the engine's refusal),
/// a card refresh (the viewer's own card), and a legacy <c>Action.Submit</c> (answered in the clicker's 1:1 chat). Each is read into a
/// <see cref="TicketForm"/> (<see cref="TeamsForms"/>) and made a command by the engine's one form function.
/// </summary>
public sealed class TeamsCardActionHandler(
    TicketWorkflow workflow,
    TeamsPeopleResolver people,
    TeamsConversationMemory memory,
    TeamsCardViews views,
    TeamsReplies replies,
    TeamsHome home)
{
    public async Task<InvokeResponse> OnRefreshAsync(Activity activity, AdaptiveCardInvoke invoke, CancellationToken ct)
    {
        if (TeamsHome.IsHomeAction(invoke.Data)) return await OnHomeRefreshAsync(activity, ct);
        if (TeamsForms.TicketNumber(invoke.Data) is not { } number || await workflow.GetAsync(number, ct) is not { } ticket)
        {
            return InvokeResponse.Error(404, "This ticket no longer exists.");
        }

        return InvokeResponse.AdaptiveCard(views.ViewerCard(ticket, await people.ResolveAsync(activity, ct), activity.From?.Id));
    }

    /// <summary>The home card's Refresh (or its automatic refresh): the clicker's home as it is now, replacing the card in place.</summary>
    public async Task<InvokeResponse> OnHomeRefreshAsync(Activity activity, CancellationToken ct) =>
        InvokeResponse.AdaptiveCard(await home.CardAsync(await people.ResolveAsync(activity, ct), activity.From?.Id, ct));

    /// <summary>
    /// The clicker's refreshed card, or the engine's refusal as a message. A refusal is not recorded, so an invoke Teams sends again
    /// (its answer was lost) is judged again; a repeat of one that did something answers with the card as it is now.
    /// </summary>
    /// <remarks>A verb that is no action of the bot's is answered with an error (400, <c>UnknownVerb</c>), not a toast: the card is wrong.</remarks>
    public async Task<InvokeResponse> OnActionAsync(Activity activity, AdaptiveCardInvoke invoke, InboundReceipt? receipt, CancellationToken ct)
    {
        if (!TicketActions.IsKnown(TeamsVerbs.ToAction(invoke.Verb)))
            return InvokeResponse.Error(400, "UnknownVerb", $"'{invoke.Verb ?? "(no verb)"}' is not an action this bot knows.");
        var user = await people.ResolveAsync(activity, ct);
        await memory.RememberPersonAsync(activity, user, ct);
        var result = await ExecuteAsync(invoke.Verb, invoke.Data, user, new Inbound(receipt, RecordRefusals: false), ct);
        if (result.Repeated) return await OnRefreshAsync(activity, invoke, ct);
        if (TeamsHome.IsHomeAction(invoke.Data)) // a button on the home card: the home rebuilt (or the refusal), in place
            return result.Succeeded ? InvokeResponse.AdaptiveCard(await home.CardAsync(user, activity.From?.Id, ct)) : InvokeResponse.Message(result.Message);
        return result.Ticket is { } ticket && result.Succeeded
            ? InvokeResponse.AdaptiveCard(views.ViewerCard(ticket, user, activity.From?.Id))
            : InvokeResponse.Message(result.Message);
    }

    /// <summary>
    /// Action.Submit has no private answer (unlike Action.Execute's invoke response): in a channel the answer goes to the clicker's
    /// 1:1 chat with the bot when the bot has one, so a refusal is not posted in front of the whole team.
    /// </summary>
    public async Task OnSubmitAsync(Activity activity, JsonElement submit, InboundReceipt? receipt, CancellationToken ct)
    {
        var user = await people.ResolveAsync(activity, ct);
        var verb = submit.TryGetProperty("verb", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var answer = await replies.PrivatelyAsync(activity, user, ct);
        await ExecuteAsync(verb, submit, user, new Inbound(receipt, result => answer(result.Message)), ct);
    }

    private async Task<CommandResult> ExecuteAsync(string? verb, JsonElement data, UserRef user, Inbound inbound, CancellationToken ct)
    {
        if (TeamsForms.Read(verb, data) is not { } form) return await SayAsync("I could not read that card action.", inbound, ct);
        if (form.Action == TicketActions.Raise) return await workflow.RaiseAsync(TicketForms.ToRaise(form, user, TeamsActivityHandler.Platform), inbound, ct);
        if (TeamsForms.TicketNumber(data) is not { } number) return await SayAsync("This card does not name a ticket.", inbound, ct);
        var read = TicketForms.ToCommand(form, user);
        return read.IsCommand ? await workflow.ExecuteAsync(number, read.Command, inbound, ct) : await SayAsync(read.Refusal.Reason, inbound, ct);
    }

    /// <summary>A card action that could not be read: the answer (recorded with its receipt when refusals are).</summary>
    private async Task<CommandResult> SayAsync(string text, Inbound inbound, CancellationToken ct)
    {
        var said = new CommandResult(null, null, null, text);
        if (!inbound.RecordRefusals) return said;
        return await workflow.RecordAsync(inbound.Receipt, inbound.Answer?.Invoke(said), ct) ? said : CommandResult.Repeat;
    }
}
