using System.Text.Json.Nodes;
using ChatEscalation.Bot.Teams.Cards;
using ChatEscalation.Bot.Teams.Protocol;
using ChatEscalation.Core.Forms;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Core.Views;
using ChatEscalation.Persistence.Outbox;
using ChatEscalation.Persistence.Storage;
using ChatEscalation.Persistence.Workflows;

namespace ChatEscalation.Bot.Teams;

/// <summary>
/// The "Raise a ticket" message extension (manifest <c>composeExtensions</c>, an action command on messages with <c>fetchTask</c>):
/// <c>composeExtension/fetchTask</c> answers the raise form as an Adaptive Card dialog (<c>task/continue</c>) prefilled from the
/// message; <c>composeExtension/submitAction</c> raises the ticket for the message's author, records who clicked, puts the message's
/// link on the ticket and answers with the number and status (<c>task/message</c>). In a channel the same answer goes in the message's
/// thread, which becomes the ticket's source thread: the reporter's status lines are posted there too, and replies there are notes.
/// </summary>
public sealed class TeamsMessageExtensionHandler(TicketWorkflow workflow, TeamsPeopleResolver people, IPolicyProvider policies, TimeProvider time)
{
    /// <summary>The invoke that asks for the dialog.</summary>
    public const string FetchTask = "composeExtension/fetchTask";

    /// <summary>The invoke that submits it.</summary>
    public const string SubmitAction = "composeExtension/submitAction";

    /// <summary>The command id in the manifest.</summary>
    public const string RaiseCommand = "raiseFromMessage";

    public async Task<InvokeResponse> OnInvokeAsync(Activity activity, InboundReceipt? receipt, CancellationToken ct)
    {
        var value = activity.Value;
        var command = value is { ValueKind: System.Text.Json.JsonValueKind.Object } v && v.TryGetProperty("commandId", out var c) ? c.GetString() : null;
        if (command != RaiseCommand) return Say($"This app has no command '{command}'.");
        if (TeamsMessagePayload.From(value) is not { } message) return Say("Teams sent no message to raise a ticket from.");
        return activity.Name == FetchTask ? Dialog(message) : await RaiseAsync(activity, message, receipt, ct);
    }

    private InvokeResponse Dialog(TeamsMessagePayload message)
    {
        var card = AdaptiveCardRenderer.RaiseCard(TicketForms.Raise(policies.Current, message.Prefill));
        // In a dialog the card's button submits the dialog (Action.Submit); the verb says which form it is.
        card["actions"] = new JsonArray(new JsonObject
        {
            ["type"] = "Action.Submit", ["title"] = TicketForms.Raise(policies.Current).Submit, ["style"] = "positive",
            ["data"] = new JsonObject { ["verb"] = TeamsVerbs.Raise },
        });
        return new InvokeResponse(200, new JsonObject
        {
            ["task"] = new JsonObject
            {
                ["type"] = "continue",
                ["value"] = new JsonObject
                {
                    ["title"] = TicketActions.Label(TicketActions.Raise),
                    ["width"] = "medium",
                    ["height"] = "large",
                    ["card"] = new JsonObject { ["contentType"] = "application/vnd.microsoft.card.adaptive", ["content"] = card },
                },
            },
        });
    }

    private async Task<InvokeResponse> RaiseAsync(Activity activity, TeamsMessagePayload message, InboundReceipt? receipt, CancellationToken ct)
    {
        var data = activity.Value!.Value.TryGetProperty("data", out var d) ? d : default;
        if (TeamsForms.Read(TeamsVerbs.Raise, data) is not { } form) return Say("I could not read the form.");
        var clicker = await people.ResolveAsync(activity, ct);
        var reporter = message.Author is { } author
            ? await people.ResolveAsync(new Activity { From = author, ServiceUrl = activity.ServiceUrl, Conversation = activity.Conversation, ChannelData = activity.ChannelData }, ct)
            : clicker;
        var thread = TeamsThread.OfMessage(activity, message);
        var raise = TicketForms.ToRaise(form, reporter, TeamsActivityHandler.Platform) with
        {
            RaisedBy = clicker, SourceLink = message.Link, SourceThread = thread?.ToSource(activity.ServiceUrl),
        };
        var result = await workflow.RaiseAsync(raise, new Inbound(receipt, r => InThread(activity, thread, clicker, reporter, r), RecordRefusals: false), ct);
        if (result.Repeated) return Say("This ticket was already raised.");
        return result is { Succeeded: true, Ticket: { } t }
            ? Say($"{t.Key} raised for {reporter.Name}: {TicketViews.Card(t, policies.Current, time.GetUtcNow()).StatusText}.")
            : Say(result.Message);
    }

    /// <summary>In a channel, the number and status as a reply in the message's thread (where later status lines and notes go too).</summary>
    private OutboxReply? InThread(Activity activity, TeamsThread? thread, UserRef clicker, UserRef reporter, CommandResult result)
    {
        if (thread is null || activity.ServiceUrl is not { } url || result is not { Succeeded: true, Ticket: { } t }) return null;
        var text = $"{t.Key} raised from this message by {clicker.Name} for {reporter.Name}: {TicketViews.Card(t, policies.Current, time.GetUtcNow()).StatusText}. "
            + "Replies here (mentioning me) are notes on the ticket.";
        return new OutboxReply(TeamsActivityHandler.Platform, thread.Channel, clicker, text, t.Number, new TeamsRoute(url, thread.Channel, thread.RootId).ToJson());
    }

    private static InvokeResponse Say(string text) =>
        new(200, new JsonObject { ["task"] = new JsonObject { ["type"] = "message", ["value"] = text } });
}
