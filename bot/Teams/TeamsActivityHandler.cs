using System.Text.Json;
using ChatEscalation.Bot.Teams.Cards;
using ChatEscalation.Bot.Teams.Protocol;
using ChatEscalation.Persistence.Storage;

namespace ChatEscalation.Bot.Teams;

/// <summary>
/// Routes each authenticated Teams activity to the handler for its kind, as the Bot Framework's <c>ActivityHandler</c> does:
/// messages (<see cref="TeamsMessageHandler"/>), card actions (<see cref="TeamsCardActionHandler"/>), the message extension
/// (<see cref="TeamsMessageExtensionHandler"/>) and conversation updates
/// (<see cref="TeamsConversationUpdateHandler"/>).
/// </summary>
/// <remarks>
/// Each activity's receipt (conversation + activity id) is recorded in the same transaction as what it did (see
/// <see cref="Persistence.Workflows.TicketWorkflow"/>), so Teams' redelivery of an activity (it resends after about 15 s without an
/// answer) does the work once: a repeated message does nothing, a repeated card action answers with the card as it is now. A repeat
/// this process remembers is answered without a database read (<see cref="InboundEventStore.SeenRecently"/>); any other reaches the
/// workflow, where the receipt's primary key at the commit finds it and nothing is done twice. Card
/// refreshes (and the home card's Refresh, <see cref="TeamsHome"/>) are reads and have no receipt. An invoke with any other name is answered with an error (400, <c>UnknownInvoke</c>).
/// </remarks>
public sealed class TeamsActivityHandler(
    TeamsMessageHandler messages,
    TeamsCardActionHandler cardActions,
    TeamsConversationUpdateHandler conversationUpdates,
    TeamsMessageExtensionHandler messageExtension,
    InboundEventStore inbound) : ITeamsActivityHandler
{
    /// <summary>The platform name receipts are recorded under.</summary>
    public const string Platform = "teams";

    public async Task<InvokeResponse?> OnActivityAsync(Activity activity, CancellationToken ct)
    {
        var invoke = activity.IsInvoke && activity.Name == AdaptiveCardInvoke.Name ? AdaptiveCardInvoke.From(activity) : null;
        if (invoke?.Verb == TeamsHomeCard.RefreshVerb) return await cardActions.OnHomeRefreshAsync(activity, ct); // a read: no receipt
        if (invoke?.IsRefresh(TeamsVerbs.Refresh) == true) return await cardActions.OnRefreshAsync(activity, invoke, ct);
        var receipt = activity.Id is { } id ? new InboundReceipt(Platform, $"{activity.Conversation?.Id}|{id}") : null;
        // Memory only: a receipt this process forgot (a restart, another instance) reaches the commit, whose primary key makes it a repeat.
        if (receipt is not null && inbound.SeenRecently(receipt))
        {
            return invoke is not null ? await cardActions.OnRefreshAsync(activity, invoke, ct) : null;
        }

        switch (activity.Type)
        {
            case Activity.InvokeType when invoke is not null:
                return await cardActions.OnActionAsync(activity, invoke, receipt, ct);
            case Activity.InvokeType when activity.Name is TeamsMessageExtensionHandler.FetchTask or TeamsMessageExtensionHandler.SubmitAction:
                return await messageExtension.OnInvokeAsync(activity, receipt, ct);
            case Activity.InvokeType:
                return InvokeResponse.Error(400, "UnknownInvoke", $"The bot does not handle '{activity.Name ?? "(no name)"}' invokes; it handles {AdaptiveCardInvoke.Name}, {TeamsMessageExtensionHandler.FetchTask} and {TeamsMessageExtensionHandler.SubmitAction}.");
            case Activity.MessageType when activity.Value is { ValueKind: JsonValueKind.Object } submit:
                await cardActions.OnSubmitAsync(activity, submit, receipt, ct);
                return null;
            case Activity.MessageType:
                await messages.OnMessageAsync(activity, receipt, ct);
                return null;
            case Activity.ConversationUpdateType or "installationUpdate":
                await conversationUpdates.OnConversationUpdateAsync(activity, ct);
                return null;
            default:
                return null;
        }
    }
}
