using System.Text.Json;
using ChatEscalation.Bot.Teams.Cards;
using ChatEscalation.Bot.Teams.Protocol;
using ChatEscalation.Persistence.Storage;

namespace ChatEscalation.Bot.Teams;

/// <summary>
/// Routes each authenticated Teams activity to the handler for its kind, as the Bot Framework's <c>ActivityHandler</c> does:
/// messages (<see cref="TeamsMessageHandler"/>), card actions (<see cref="TeamsCardActionHandler"/>) and conversation updates
/// (<see cref="TeamsConversationUpdateHandler"/>). A repeated activity id (per conversation) has one effect (InboundEvents).
/// </summary>
/// <remarks>Card refreshes are reads and are not de-duplicated. When handling fails, the id is forgotten so Teams' redelivery is handled.</remarks>
public sealed class TeamsActivityHandler(
    TeamsMessageHandler messages,
    TeamsCardActionHandler cardActions,
    TeamsConversationUpdateHandler conversationUpdates,
    InboundEventStore inbound,
    TimeProvider time) : ITeamsActivityHandler
{
    /// <summary>The platform name de-duplication keys are recorded under.</summary>
    public const string Platform = "teams";

    public async Task<InvokeResponse?> OnActivityAsync(Activity activity, CancellationToken ct)
    {
        var invoke = activity.IsInvoke && activity.Name == AdaptiveCardInvoke.Name ? AdaptiveCardInvoke.From(activity) : null;
        if (invoke?.IsRefresh(TeamsVerbs.Refresh) == true) return await cardActions.OnRefreshAsync(activity, invoke, ct);
        var key = activity.Id is { } id ? $"{activity.Conversation?.Id}|{id}" : null;
        if (key is not null && !await inbound.TryRecordInboundAsync(Platform, key, time.GetUtcNow(), ct))
        {
            return activity.IsInvoke ? InvokeResponse.Message("That was already done.") : null;
        }

        try
        {
            return await RouteAsync(activity, invoke, ct);
        }
        catch when (key is not null)
        {
            // Nothing was saved (replies cannot fail this way: see TeamsReplies), so Teams' redelivery must be handled, not dropped.
            await inbound.ForgetAsync(Platform, key, CancellationToken.None);
            throw;
        }
    }

    private async Task<InvokeResponse?> RouteAsync(Activity activity, AdaptiveCardInvoke? invoke, CancellationToken ct)
    {
        switch (activity.Type)
        {
            case Activity.InvokeType when invoke is not null:
                return await cardActions.OnActionAsync(activity, invoke, ct);
            case Activity.MessageType when activity.Value is { ValueKind: JsonValueKind.Object } submit:
                await cardActions.OnSubmitAsync(activity, submit, ct);
                return null;
            case Activity.MessageType:
                await messages.OnMessageAsync(activity, ct);
                return null;
            case Activity.ConversationUpdateType or "installationUpdate":
                await conversationUpdates.OnConversationUpdateAsync(activity, ct);
                return null;
            default:
                return null;
        }
    }
}
