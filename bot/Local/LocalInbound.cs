using ChatEscalation.Bot.Conversations;
using ChatEscalation.Bot.Scheduling;
using ChatEscalation.Bot.Slack;
using ChatEscalation.Bot.Teams.Cards;
using ChatEscalation.Bot.Web;
using ChatEscalation.Core.Forms;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Policy;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Core.Views;
using ChatEscalation.Persistence.Outbox;
using ChatEscalation.Persistence.Rows;
using ChatEscalation.Persistence.Workflows;

namespace ChatEscalation.Bot.Local;

/// <summary>What the page sends in: typed messages (<c>POST /local/messages</c>), button presses and forms (<c>POST /local/actions</c>), and the forms it draws (<c>GET /local/forms/{action}</c>).</summary>
/// <remarks>
/// Answers are <c>{ ok, message, field? }</c>: <c>ok:false</c> with the engine's reason is a refusal, shown to the clicker only.
/// After a command that changed something, the outbox is dispatched at once so the page updates without waiting for the next pass.
/// </remarks>
public static class LocalInbound
{
    /// <remarks>
    /// Text the bot did not understand gets its answer with a "Raise a ticket…" button (as in Slack and Teams), and in a direct
    /// conversation the answer names the prefilled raise form (<c>raise</c>: the words to prefill it with) for the page to open.
    /// A ticket's card in the answer is the reporter's copy for its reporter (their own buttons), recorded so every later change updates
    /// it in place; anybody else's is the status without buttons (<see cref="TicketCopies.Answer"/>).
    /// </remarks>
    public static async Task<IResult> MessageAsync(LocalMessageRequest request, LocalChannelStore store, ChatConversation conversation, EscalationPolicy policy,
        LocalRenderings renderings, IEscalationRunner runner, CardCopyStore copies, TimeProvider time, OutboxStore outbox, TicketWorkflow workflow, CancellationToken ct)
    {
        if (Person(request.User, policy) is not { } user) return Results.BadRequest(new { ok = false, message = "Pick who you are first." });
        if (string.IsNullOrWhiteSpace(request.Text)) return Results.BadRequest(new { ok = false, message = "Type something." });
        if (request.ThreadOf is { } threadOf)
        {
            return store.Find(threadOf) is { } parent
                ? await LocalThreads.ReplyAsync(user, parent, request.Text.Trim(), store, conversation, outbox, workflow, runner, ct)
                : Results.BadRequest(new { ok = false, message = $"There is no message '{threadOf}' to reply to." });
        }

        var channel = store.Channel(request.Channel ?? "") ?? store.DirectChannel(user.Key, user.Name);
        await store.PostAsync(channel.Id, new LocalMessageDraft("user", user.Key, user.Name, request.Text.Trim()), cancellationToken: ct);
        var reply = await conversation.HandleAsync(user, LocalSender.PlatformName, request.Text, ct);
        var text = $"@{user.Name}: {reply.Text}";
        var draft = reply switch
        {
            { Card: { } card } => renderings.Answer(text, TicketCopies.Answer(card, user)),
            { SuggestRaise: { } title } => new LocalMessageDraft("bot", "bot", "ChatEscalation", text,
                BlockKit: BlockKitRenderer.SuggestRaise(reply.Text, title), AdaptiveCard: AdaptiveCardRenderer.RaiseCard(TicketForms.Raise(policy, title))),
            _ => new LocalMessageDraft("bot", "bot", "ChatEscalation", text),
        };
        var posted = await store.PostAsync(channel.Id, draft, cancellationToken: ct);
        if (reply.Card is { } shown && user.Is(shown.Reporter))
        {
            await copies.RecordAsync(new ChatMessageRow
            {
                TicketNumber = shown.Number, Platform = LocalSender.PlatformName, Channel = CardCopyStore.ReplyKey(posted.Id),
                ChannelId = posted.ChannelId, MessageId = posted.Id, UpdatedAt = time.GetUtcNow(), ShownVersion = shown.Version,
            }, ct);
        }

        await runner.DispatchNowAsync(ct);
        var raise = channel.Kind == LocalChannelKind.Direct ? reply.SuggestRaise : null;
        return Results.Json(new { ok = true, message = reply.Text, ticket = reply.Card?.Number, raise }, WebJson.Options);
    }

    /// <summary>
    /// A button press or a submitted form, from the emulator's own dialog (<c>action</c> + <c>fields</c>) or from the Teams rendering of
    /// a card (<c>teams.verb</c> + <c>teams.data</c>, read as Teams' would be): one <see cref="TicketForm"/>, one command.
    /// </summary>
    public static async Task<IResult> ActionAsync(LocalActionRequest request, TicketWorkflow workflow, EscalationPolicy policy, IEscalationRunner runner,
        LocalChannelStore store, TimeProvider time, CancellationToken ct)
    {
        if (Person(request.User, policy) is not { } user) return Results.BadRequest(new { ok = false, message = "Pick who you are first." });
        var form = request.Teams is { } teams
            ? TeamsForms.Read(teams.Verb, teams.Data)
            : string.IsNullOrWhiteSpace(request.Action) ? null : new TicketForm(request.Action.Trim(), request.Fields ?? []);
        if (form is null) return Results.BadRequest(new { ok = false, message = "Say which action (action, or teams.verb)." });
        var number = request.Teams is { } t && TeamsForms.TicketNumber(t.Data) is { } n ? n : request.Ticket;
        CommandResult result;
        if (form.Action == TicketActions.Raise && request.Source is { } source)
        {
            if (store.Find(source) is not { } message) return Results.BadRequest(new { ok = false, message = $"There is no message '{source}' to raise a ticket from." });
            if (await LocalThreads.RaiseFromMessageAsync(user, form, message, policy, store, workflow, time, ct) is not { } raised)
                return Results.Json(new { ok = false, message = "A ticket can be raised from a person's message only." }, WebJson.Options);
            result = raised;
        }
        else if (form.Action == TicketActions.Raise) result = await workflow.RaiseAsync(TicketForms.ToRaise(form, user, LocalSender.PlatformName), ct);
        else
        {
            var read = TicketForms.ToCommand(form, user);
            if (!read.IsCommand) return Results.Json(new { ok = false, message = read.Refusal.Reason, field = read.Refusal.Field }, WebJson.Options);
            result = await workflow.ExecuteAsync(number, read.Command, ct);
        }

        if (result.Succeeded) await runner.DispatchNowAsync(ct);
        return Results.Json(new { ok = result.Succeeded, message = result.Message, field = result.Refusal?.Field, ticket = result.Ticket?.Number }, WebJson.Options);
    }

    /// <summary>The form <paramref name="action"/>'s button opens (<c>GET /local/forms/{action}?ticket=42</c>; raise: <c>?text=…</c> prefills), or <c>form: null</c>.</summary>
    public static async Task<IResult> FormAsync(string action, long? ticket, string? text, TicketWorkflow workflow, EscalationPolicy policy, CancellationToken ct)
    {
        if (action == TicketActions.Raise) return Results.Json(new { form = TicketForms.Raise(policy, text) }, WebJson.Options);
        var tier = ticket is { } n ? (await workflow.GetAsync(n, ct))?.Tier : null;
        return Results.Json(new { form = TicketForms.For(action, policy, tier) }, WebJson.Options);
    }

    /// <summary>A person the policy names, by e-mail key; null for anybody else.</summary>
    private static UserRef? Person(string? key, EscalationPolicy policy) =>
        key is not null && policy.PeopleNames.ContainsKey(key.Trim().ToLowerInvariant()) ? policy.Person(key.Trim()) : null;
}
