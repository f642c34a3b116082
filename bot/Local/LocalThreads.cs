using ChatEscalation.Bot.Conversations;
using ChatEscalation.Bot.Scheduling;
using ChatEscalation.Bot.Web;
using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Forms;
using ChatEscalation.Core.Policy;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Core.Views;
using ChatEscalation.Persistence.Outbox;
using ChatEscalation.Persistence.Workflows;

namespace ChatEscalation.Bot.Local;

/// <summary>
/// The emulator's threads and its "Raise a ticket" message action (the Slack message shortcut, the Teams message extension): what
/// <see cref="LocalInbound"/> hands over when a message names a thread or a raise names the message it comes from.
/// </summary>
/// <remarks>
/// As on Slack and Teams: a reply in a thread about a ticket (under the message a ticket was raised from, or under one of the bot's
/// messages about it: a card, a DM) that is not a command is a note on that ticket, the reporter's resuming a ticket waiting on them;
/// anything else in a thread is a chat command answered in the thread. The emulator treats every channel like Teams (replies under the
/// bot's cards count too), so a technician can answer under the queue card.
/// </remarks>
public static class LocalThreads
{
    /// <summary>A reply by <paramref name="user"/> in the thread of <paramref name="parent"/>.</summary>
    public static async Task<IResult> ReplyAsync(UserRef user, LocalMessage parent, string text, LocalChannelStore store, ChatConversation conversation,
        OutboxStore outbox, TicketWorkflow workflow, IEscalationRunner runner, CancellationToken ct)
    {
        await store.PostAsync(parent.ChannelId, new LocalMessageDraft("user", user.Key, user.Name, text), parent.Id, ct);
        string answer;
        long? ticket = null;
        if (ChatIntentParser.Parse(text).Kind == ChatIntentKind.Unknown
            && await outbox.TicketOfThreadAsync(LocalSender.PlatformName, parent.ChannelId, parent.Id, ownMessagesToo: true, ct) is { } thread)
        {
            var result = await workflow.ExecuteAsync(thread.Number, new AddNote(user, text, InSourceThread: thread.RaisedThere), ct);
            (answer, ticket) = (result.Message, thread.Number);
        }
        else
        {
            var reply = await conversation.HandleAsync(user, LocalSender.PlatformName, text, ct);
            (answer, ticket) = (reply.Text, reply.Card?.Number);
        }

        await store.PostAsync(parent.ChannelId, new LocalMessageDraft("bot", "bot", "ChatEscalation", $"@{user.Name}: {answer}", ticket), parent.Id, ct);
        await runner.DispatchNowAsync(ct);
        return Results.Json(new { ok = true, message = answer, ticket }, WebJson.Options);
    }

    /// <summary>
    /// "Raise a ticket" on <paramref name="source"/>: raised for its author with <paramref name="clicker"/> recorded, the message's thread
    /// kept as the ticket's source thread (its status lines go there too), and the number and status answered in that thread.
    /// </summary>
    public static async Task<CommandResult?> RaiseFromMessageAsync(UserRef clicker, TicketForm form, LocalMessage source, EscalationPolicy policy,
        LocalChannelStore store, TicketWorkflow workflow, TimeProvider time, CancellationToken ct)
    {
        if (source.Kind != "user" || !policy.PeopleNames.ContainsKey(source.AuthorKey)) return null;
        var reporter = policy.Person(source.AuthorKey);
        var raise = TicketForms.ToRaise(form, reporter, LocalSender.PlatformName) with
        {
            RaisedBy = clicker, SourceThread = new SourceThread(source.ChannelId, source.Id),
        };
        var result = await workflow.RaiseAsync(raise, ct);
        if (result is { Succeeded: true, Ticket: { } t })
        {
            var text = $"{t.Key} raised from this message by {policy.Named(clicker).Name} for {t.Reporter.Name}: {TicketViews.Card(t, policy, time.GetUtcNow()).StatusText}. Replies here are notes on the ticket.";
            await store.PostAsync(source.ChannelId, new LocalMessageDraft("bot", "bot", "ChatEscalation", text, t.Number), source.Id, ct);
        }

        return result;
    }
}
