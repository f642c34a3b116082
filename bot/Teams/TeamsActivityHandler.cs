using System.Text.Json;
using System.Text.Json.Nodes;
using ChatEscalation.Bot.Conversations;
using ChatEscalation.Bot.Teams.Cards;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Core.Views;
using ChatEscalation.Persistence.Storage;
using ChatEscalation.Persistence.Workflows;
using Microsoft.Extensions.Options;
using ChatEscalation.Bot.Teams.Protocol;

namespace ChatEscalation.Bot.Teams;

/// <summary>
/// The business handler for Teams activities: chat messages go to <see cref="ChatConversation"/>, card actions become engine
/// commands through <see cref="TicketWorkflow"/>, installs and conversation updates store conversation references.
/// </summary>
/// <remarks>
/// A repeated activity id (per conversation) has one effect (InboundEvents); card refreshes are reads and are not de-duplicated.
/// Invokes are answered with the clicker's refreshed card or a toast with the engine's refusal; everything else others must see
/// (channel cards, DMs) is written to the outbox by the workflow and sent by the dispatcher. Chat replies go straight back
/// to the sender's conversation through the Connector.
/// </remarks>
public sealed class TeamsActivityHandler(
    TicketWorkflow workflow,
    ChatConversation conversation,
    IPolicyProvider policies,
    InboundEventStore inbound,
    ITeamsDirectory directory,
    TeamsPeopleResolver people,
    ITeamsConnector connector,
    IOptions<TeamsOptions> options,
    TimeProvider time,
    IServiceProvider services,
    ILogger<TeamsActivityHandler> log) : ITeamsActivityHandler
{
    public async Task<InvokeResponse?> OnActivityAsync(Activity activity, CancellationToken ct)
    {
        if (IsRefresh(activity)) return await RefreshAsync(activity, ct);
        var key = activity.Id is { } id ? $"{activity.Conversation?.Id}|{id}" : null;
        if (key is not null && !await inbound.TryRecordInboundAsync("teams", key, time.GetUtcNow(), ct))
        {
            return activity.IsInvoke ? InvokeResponse.Message("That was already done.") : null;
        }

        try
        {
            var response = await HandleAsync(activity, ct);
            services.GetService<Scheduling.OutboxSignal>()?.Wake(); // deliver what the activity caused now, not at the next poll
            return response;
        }
        catch when (key is not null)
        {
            // Nothing was saved (replies cannot fail this way: see SendAsync), so Teams' redelivery must be handled, not dropped.
            await inbound.ForgetAsync("teams", key, CancellationToken.None);
            throw;
        }
    }

    private async Task<InvokeResponse?> HandleAsync(Activity activity, CancellationToken ct)
    {
        switch (activity.Type)
        {
            case Activity.InvokeType when activity.Name == "adaptiveCard/action":
                return await ActionAsync(activity, ct);
            case Activity.MessageType when activity.Value is { ValueKind: JsonValueKind.Object } submit:
                await SubmitAsync(activity, submit, ct);
                return null;
            case Activity.MessageType:
                await MessageAsync(activity, ct);
                return null;
            case Activity.ConversationUpdateType or "installationUpdate":
                await RememberAsync(activity, ct);
                return null;
            default:
                return null;
        }
    }

    /// <summary>
    /// An automatic refresh, or the card's refresh verb clicked by hand (Teams' "Refresh card" menu item sends the refresh
    /// action with <c>trigger: manual</c> when the card has no <c>userIds</c> for the viewer).
    /// </summary>
    private static bool IsRefresh(Activity a) =>
        a.IsInvoke && a.Name == "adaptiveCard/action" && a.Value is { ValueKind: JsonValueKind.Object } v
        && ((v.TryGetProperty("trigger", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "automatic")
            || string.Equals(ReadAction(a).Verb, TeamsVerbs.Refresh, StringComparison.OrdinalIgnoreCase));

    private static (string? Verb, JsonElement Data) ReadAction(Activity a)
    {
        if (a.Value is not { ValueKind: JsonValueKind.Object } v || !v.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.Object)
        {
            return (null, default);
        }

        var verb = action.TryGetProperty("verb", out var vb) && vb.ValueKind == JsonValueKind.String ? vb.GetString() : null;
        return (verb, action.TryGetProperty("data", out var data) ? data : default);
    }

    private async Task<InvokeResponse> RefreshAsync(Activity activity, CancellationToken ct)
    {
        var (_, data) = ReadAction(activity);
        if (TeamsCardCommands.TicketNumber(data) is not { } number || await workflow.GetAsync(number, ct) is not { } ticket)
        {
            return InvokeResponse.Error(404, "This ticket no longer exists.");
        }

        var viewer = await people.ResolveAsync(activity, ct);
        return InvokeResponse.AdaptiveCard(ViewerCard(ticket, viewer, activity));
    }

    private async Task<InvokeResponse> ActionAsync(Activity activity, CancellationToken ct)
    {
        var (verb, data) = ReadAction(activity);
        var user = await people.ResolveAsync(activity, ct);
        await RememberPersonAsync(activity, user, ct);
        if (string.Equals(verb, TeamsVerbs.Raise, StringComparison.OrdinalIgnoreCase))
        {
            var raised = await workflow.RaiseAsync(TeamsCardCommands.ToRaise(user, data), ct);
            return raised.Ticket is { } created ? InvokeResponse.AdaptiveCard(ViewerCard(created, user, activity)) : InvokeResponse.Message(raised.Message);
        }

        if (TeamsCardCommands.TicketNumber(data) is not { } number) return InvokeResponse.Message("This card does not name a ticket.");
        if (TeamsCardCommands.ToCommand(verb, user, data) is not { } command) return InvokeResponse.Message($"Unknown action '{verb}'.");
        var result = await workflow.ExecuteAsync(number, command, ct);
        return result.Succeeded && result.Ticket is { } ticket
            ? InvokeResponse.AdaptiveCard(ViewerCard(ticket, user, activity))
            : InvokeResponse.Message(result.Message);
    }

    private async Task SubmitAsync(Activity activity, JsonElement submit, CancellationToken ct)
    {
        var user = await people.ResolveAsync(activity, ct);
        var verb = submit.TryGetProperty("verb", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        string reply;
        if (string.Equals(verb, TeamsVerbs.Raise, StringComparison.OrdinalIgnoreCase))
        {
            reply = (await workflow.RaiseAsync(TeamsCardCommands.ToRaise(user, submit), ct)).Message;
        }
        else if (TeamsCardCommands.TicketNumber(submit) is { } number && TeamsCardCommands.ToCommand(verb, user, submit) is { } command)
        {
            reply = (await workflow.ExecuteAsync(number, command, ct)).Message;
        }
        else
        {
            reply = "I could not read that card action.";
        }

        // Action.Submit has no private answer (unlike Action.Execute's invoke response): in a channel the answer goes to the
        // clicker's 1:1 chat with the bot when the bot has one, so a refusal is not posted in front of the whole team.
        var isPersonal = string.Equals(activity.Conversation?.ConversationType, "personal", StringComparison.OrdinalIgnoreCase);
        if (!isPersonal && await directory.FindConversationAsync(user.Key.ToLowerInvariant(), ct) is { UserId: not null } personal)
        {
            await QuietlyAsync(() => connector.SendToConversationAsync(personal.ServiceUrl, personal.ConversationId, Activity.TextMessage(reply), ct),
                activity.Id, personal.ConversationId, ct);
            return;
        }

        await SendAsync(activity, Activity.TextMessage(reply), ct);
    }

    private async Task MessageAsync(Activity activity, CancellationToken ct)
    {
        var isPersonal = string.Equals(activity.Conversation?.ConversationType, "personal", StringComparison.OrdinalIgnoreCase);
        if (!isPersonal && !MentionsBot(activity)) return;
        var user = await people.ResolveAsync(activity, ct);
        if (isPersonal) await RememberPersonAsync(activity, user, ct);
        var reply = await conversation.HandleAsync(user, "teams", MentionText.StripBotMention(activity), ct);
        Activity answer;
        if (reply.SuggestRaise is { } title && isPersonal)
        {
            var policy = policies.Current;
            var text = MentionText.StripBotMention(activity);
            var (category, impact, urgency) = ChatEscalation.Core.Engine.Routing.Suggest($"{title} {text}", policy);
            answer = Activity.CardMessage(AdaptiveCardRenderer.RaiseCard(new RaiseCardDraft(
                title, text, category, policy.Categories.Select(c => c.Name).ToList(), impact ?? Impact.Medium, urgency ?? Urgency.Medium)));
            answer.Text = reply.Text;
        }
        else if (reply.Card is { } view)
        {
            answer = Activity.CardMessage(AdaptiveCardRenderer.TicketCard(view, view.Actions, Options(null)));
            answer.Text = reply.Text;
        }
        else
        {
            var lines = new List<string> { reply.Text };
            lines.AddRange(reply.Tickets.Select(t => $"{t.Key} · {t.Title} · {t.StatusText} · {t.SlaText}"));
            answer = Activity.TextMessage(string.Join("\n\n", lines));
        }

        await SendAsync(activity, answer, ct);
    }

    private async Task RememberAsync(Activity activity, CancellationToken ct)
    {
        if (ConversationReference.FromActivity(activity) is not { } reference) return;
        var channelId = TeamsChannelData.From(activity).ChannelId;
        if (channelId is not null)
        {
            await directory.SaveConversationAsync(channelId, reference with { UserId = null, UserAadObjectId = null, ActivityId = null }, ct);
        }
        else if (string.Equals(activity.Conversation?.ConversationType, "personal", StringComparison.OrdinalIgnoreCase))
        {
            await RememberPersonAsync(activity, await people.ResolveAsync(activity, ct), ct);
        }
    }

    private async Task RememberPersonAsync(Activity activity, UserRef user, CancellationToken ct)
    {
        if (!string.Equals(activity.Conversation?.ConversationType, "personal", StringComparison.OrdinalIgnoreCase)) return;
        if (ConversationReference.FromActivity(activity) is { } reference)
        {
            await directory.SaveConversationAsync(user.Key.ToLowerInvariant(), reference with { ActivityId = null }, ct);
        }
    }

    private JsonObject ViewerCard(Ticket ticket, UserRef viewer, Activity activity)
    {
        var policy = policies.Current;
        var view = TicketViews.Card(ticket, policy, time.GetUtcNow());
        return AdaptiveCardRenderer.TicketCard(view, TicketViews.ActionsFor(ticket, policy, viewer), Options(activity.From?.Id));
    }

    private TeamsCardOptions Options(string? refreshFor) =>
        new(options.Value.PublicBaseUrl, null, null, refreshFor is null ? null : [refreshFor]);

    private static bool MentionsBot(Activity activity) =>
        activity.Entities?.Any(e => e?["type"]?.GetValue<string>() == "mention" && e["mentioned"]?["id"]?.GetValue<string>() == activity.Recipient?.Id) == true;

    /// <summary>The chat answer, sent inline. Its failure is logged, never thrown: whatever the message did is saved by then.</summary>
    private async Task SendAsync(Activity inbound, Activity reply, CancellationToken ct)
    {
        if (inbound is not { ServiceUrl: { } url, Conversation.Id: { } conversationId }) return;
        reply.ReplyToId = inbound.Id;
        if (inbound.Id is { } id && !string.Equals(inbound.Conversation.ConversationType, "personal", StringComparison.OrdinalIgnoreCase))
        {
            await QuietlyAsync(() => connector.ReplyToActivityAsync(url, conversationId, id, reply, ct), inbound.Id, conversationId, ct);
        }
        else
        {
            await QuietlyAsync(() => connector.SendToConversationAsync(url, conversationId, reply, ct), inbound.Id, conversationId, ct);
        }
    }

    private async Task QuietlyAsync(Func<Task> send, string? activityId, string conversationId, CancellationToken ct)
    {
        try
        {
            await send();
        }
        catch (Exception e) when (e is TeamsConnectorException or TeamsThrottledException or HttpRequestException or TeamsServiceUrlNotAllowedException
                                      or OperationCanceledException && !ct.IsCancellationRequested)
        {
            log.LogWarning(e, "Could not answer activity {ActivityId} in {Conversation}", activityId, conversationId);
        }
    }
}
