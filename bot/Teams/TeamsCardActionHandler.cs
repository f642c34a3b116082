using System.Text.Json;
using ChatEscalation.Bot.Teams.Cards;
using ChatEscalation.Bot.Teams.Protocol;
using ChatEscalation.Core.Forms;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Tickets;
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
    TeamsReplies replies)
{
    public async Task<InvokeResponse> OnRefreshAsync(Activity activity, AdaptiveCardInvoke invoke, CancellationToken ct)
    {
        if (TeamsForms.TicketNumber(invoke.Data) is not { } number || await workflow.GetAsync(number, ct) is not { } ticket)
        {
            return InvokeResponse.Error(404, "This ticket no longer exists.");
        }

        return InvokeResponse.AdaptiveCard(views.ViewerCard(ticket, await people.ResolveAsync(activity, ct), activity.From?.Id));
    }

    public async Task<InvokeResponse> OnActionAsync(Activity activity, AdaptiveCardInvoke invoke, CancellationToken ct)
    {
        var user = await people.ResolveAsync(activity, ct);
        await memory.RememberPersonAsync(activity, user, ct);
        var result = await ExecuteAsync(invoke.Verb, invoke.Data, user, ct);
        return result.Ticket is { } ticket && result.Succeeded
            ? InvokeResponse.AdaptiveCard(views.ViewerCard(ticket, user, activity.From?.Id))
            : InvokeResponse.Message(result.Message);
    }

    /// <summary>
    /// Action.Submit has no private answer (unlike Action.Execute's invoke response): in a channel the answer goes to the clicker's
    /// 1:1 chat with the bot when the bot has one, so a refusal is not posted in front of the whole team.
    /// </summary>
    public async Task OnSubmitAsync(Activity activity, JsonElement submit, CancellationToken ct)
    {
        var user = await people.ResolveAsync(activity, ct);
        var verb = submit.TryGetProperty("verb", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var result = await ExecuteAsync(verb, submit, user, ct);
        await replies.AnswerPrivatelyAsync(activity, user, Activity.TextMessage(result.Message), ct);
    }

    private async Task<CommandResult> ExecuteAsync(string? verb, JsonElement data, UserRef user, CancellationToken ct)
    {
        if (TeamsForms.Read(verb, data) is not { } form) return Said("I could not read that card action.");
        if (form.Action == TicketActions.Raise) return await workflow.RaiseAsync(TicketForms.ToRaise(form, user, TeamsActivityHandler.Platform), ct);
        if (TeamsForms.TicketNumber(data) is not { } number) return Said("This card does not name a ticket.");
        var read = TicketForms.ToCommand(form, user);
        return read.IsCommand ? await workflow.ExecuteAsync(number, read.Command, ct) : new CommandResult(null, null, read.Refusal, null);
    }

    private static CommandResult Said(string text) => new(null, null, null, text);
}
