using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Forms;
using ChatEscalation.Core.Policy;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Core.Views;
using ChatEscalation.Core.WhatIf;
using ChatEscalation.Persistence.Workflows;

namespace ChatEscalation.Bot.Conversations;

/// <summary>
/// What the bot says to text typed in Slack, Teams or the emulator: raise, status, mine, on-call, help and the ticket verbs.
/// Shared by every platform; the adapters only render the <see cref="ChatReply"/>.
/// </summary>
/// <remarks>Decisions stay in the engine (through <see cref="TicketWorkflow"/>); a refusal comes back as the reply's text.
/// A ticket's status is shown to its reporter and to IT staff only.</remarks>
public sealed class ChatConversation(TicketWorkflow workflow, IPolicyProvider policies, TimeProvider time, PageLinks links)
{
    public const string HelpText =
        "I raise and track IT tickets. Try:\n" +
        "• ticket <what is wrong> — raise a ticket (e.g. ticket VPN drops every 10 minutes); start with P1…P4 or urgent to say how bad (ticket P1 Whole office is offline)\n" +
        "• status INC-42 — where a ticket stands\n" +
        "• mine — your open tickets (reported or owned)\n" +
        "• whatif P1 vip saturday 02:00 — what the desk would do (pages, warnings, breach), without raising anything\n" +
        "• oncall [tier or rotation] — who is on call now and next (e.g. oncall tier 2), in your time zone\n" +
        "• note INC-42 <text>, cancel INC-42, reopen INC-42 <why>, manager INC-42 <why>\n" +
        "• technicians: accept INC-42, resolve INC-42 <fix>, wait INC-42 <question>, resume INC-42, ack INC-42,\n" +
        "  note INC-42 <text> (the reporter is told; note INC-42 internal: <text> keeps it to the team),\n" +
        "  escalate INC-42 tried: … ; outcome: … ; needs: … [to tier 3], vendor INC-42 <vendor> case <id>,\n" +
        "  vendor INC-42 responded, vendor INC-42 update <what they said>,\n" +
        "  link INC-50 to INC-41 (the same problem: INC-50's reporter follows INC-41), unlink INC-50\n" +
        "• managers: takeover INC-42, reassign INC-42 to tier 3 <why> (or to <e-mail>), priority INC-42 P1 <why>";

    public Task<ChatReply> HandleAsync(UserRef user, string platform, string text, CancellationToken cancellationToken) =>
        HandleAsync(new ChatRequest(user, platform, text), cancellationToken);

    /// <summary>
    /// Answers the message; with a <see cref="ChatRequest.Receipt"/> and <see cref="ChatRequest.Answer"/> the receipt, what the
    /// message did and the answer are committed together (a repeat returns <see cref="ChatReply.Repeat"/> and does nothing).
    /// </summary>
    public async Task<ChatReply> HandleAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        var (user, platform) = (request.User, request.Platform);
        var intent = ChatIntentParser.Parse(request.Text);
        var policy = policies.Current;
        switch (intent.Kind)
        {
            case ChatIntentKind.Help:
                return await SettleAsync(request, ChatReply.Say(HelpText), cancellationToken);
            case ChatIntentKind.Raise when ChatCommandText.Raise(intent.Text, policy)[FieldNames.Title].Length == 0:
                return await SettleAsync(request, ChatReply.Say("What is wrong? For example: ticket VPN drops every 10 minutes, or ticket P1 Whole office is offline"), cancellationToken);
            case ChatIntentKind.Raise:
                var replyToRaise = new ReplyOnce(this, policy);
                var raised = await workflow.RaiseAsync(TicketForms.ToRaise(ChatCommandText.Raise(intent.Text, policy), user, platform), Inbound(request, replyToRaise), cancellationToken);
                return raised.Repeated ? ChatReply.Repeat : replyToRaise.For(raised);
            case ChatIntentKind.Mine:
                return await SettleAsync(request, await MineAsync(user, policy, cancellationToken), cancellationToken);
            case ChatIntentKind.WhatIf:
                return await SettleAsync(request, ChatReply.Say(WhatIf(policy, request, intent.Text)), cancellationToken);
            case ChatIntentKind.OnCall:
                return await SettleAsync(request, ChatReply.Say(OnCall(policy, intent.Text, request.Zone)), cancellationToken);
            case ChatIntentKind.Unknown when intent.DidYouMean is { } verb:
                var rest = intent.Text.IndexOf(' ') is var space and > 0 ? intent.Text[(space + 1)..].Trim() : "";
                return await SettleAsync(request, new ChatReply($"Did you mean /{verb}? Type: /{verb}{(rest.Length > 0 ? " " + Shorten(rest) : " …")}", null, [],
                    ChatIntentParser.IsRaise(verb) && rest.Length > 0 ? rest : null), cancellationToken);
            case ChatIntentKind.Unknown:
                return await SettleAsync(request, new ChatReply($"I did not understand that. Shall I raise a ticket \"{Shorten(intent.Text)}\"? Type: ticket {Shorten(intent.Text)}",
                    null, [], intent.Text), cancellationToken);
        }

        if (intent.TicketNumber is not { } number)
            return await SettleAsync(request, ChatReply.Say($"Which ticket? For example: {intent.Kind.ToString().ToLowerInvariant()} INC-42"), cancellationToken);
        if (intent.Kind == ChatIntentKind.Status)
            return await SettleAsync(request, await StatusAsync(user, number, policy, cancellationToken), cancellationToken);
        if (ChatCommandText.ToForm(intent) is not { } form) return await SettleAsync(request, ChatReply.Say(HelpText), cancellationToken);
        var read = TicketForms.ToCommand(form, user);
        if (!read.IsCommand) return await SettleAsync(request, ChatReply.Say(read.Refusal.Reason), cancellationToken);
        var reply = new ReplyOnce(this, policy);
        var result = await workflow.ExecuteAsync(number, read.Command, Inbound(request, reply), cancellationToken);
        return result.Repeated ? ChatReply.Repeat : reply.For(result);
    }

    /// <summary>What the workflow records with a command from this message: its receipt and, through the outbox, the answer.</summary>
    private static Inbound Inbound(ChatRequest request, ReplyOnce reply) =>
        new(request.Receipt, request.Answer is { } answer ? result => answer(reply.For(result)) : null);

    private ChatReply Reply(CommandResult result, EscalationPolicy policy) =>
        new(result.Message, result.Ticket is { } t ? TicketViews.Card(t, policy, time.GetUtcNow()) : null, [], null);

    /// <summary>
    /// The reply to a command's result, built once: the answer staged with the commit (in the group-commit writer's loop) and the reply
    /// returned are the same, so the ticket's card view is not built twice for one message.
    /// </summary>
    private sealed class ReplyOnce(ChatConversation conversation, EscalationPolicy policy)
    {
        private (CommandResult Result, ChatReply Reply)? built;

        public ChatReply For(CommandResult result)
        {
            if (built is { } b && ReferenceEquals(b.Result, result)) return b.Reply;
            var reply = conversation.Reply(result, policy);
            built = (result, reply);
            return reply;
        }
    }

    /// <summary>An answer that changed no ticket: recorded with the request's receipt (and sent through the outbox) when the caller asked.</summary>
    private async Task<ChatReply> SettleAsync(ChatRequest request, ChatReply reply, CancellationToken ct) =>
        await workflow.RecordAsync(request.Receipt, request.Answer?.Invoke(reply), ct) ? reply : ChatReply.Repeat;

    private async Task<ChatReply> MineAsync(UserRef user, EscalationPolicy policy, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var tickets = (await workflow.ListOpenForAsync(user, ct)).Select(t => TicketViews.Card(t, policy, now)).ToList();
        if (tickets.Count == 0) return ChatReply.Say("You have no open tickets.");
        var lines = tickets.Select(v => $"• {v.Key} {v.Title} — {v.StatusText} · {v.SlaText}");
        return new ChatReply($"Your open tickets ({tickets.Count}):\n" + string.Join("\n", lines), null, tickets, null);
    }

    private async Task<ChatReply> StatusAsync(UserRef user, long number, EscalationPolicy policy, CancellationToken ct)
    {
        var ticket = await workflow.GetAsync(number, ct);
        if (ticket is null || !(user.Is(ticket.Reporter) || policy.IsStaff(user)))
            return ChatReply.Say($"{TicketKey.Format(number)} does not exist, or it is not yours to see.");
        var view = TicketViews.Card(ticket, policy, time.GetUtcNow());
        return new ChatReply($"{view.Key} {view.Title}: {view.StatusText}. {view.SlaText}.", view, [], null);
    }

    /// <summary>The engine's dry run of the question, summarised, with a link to the whole timeline on the what-if page.</summary>
    private string WhatIf(EscalationPolicy policy, ChatRequest request, string question)
    {
        var now = time.GetUtcNow();
        var asked = WhatIfText.Parse(question, request.User, policy, now);
        var summary = WhatIfText.Describe(WhatIfPlanner.Plan(asked, policy, now), policy);
        return links.WhatIf(request.Platform, asked) is { } link ? $"{summary}\nThe whole timeline: {link}" : summary;
    }

    /// <summary>Who is on call, for one tier or rotation when <paramref name="query"/> names one, times in the reader's zone.</summary>
    private string OnCall(EscalationPolicy policy, string query, TimeZoneInfo? zone)
    {
        var now = time.GetUtcNow();
        var all = OnCallBoard.At(policy, now, zone);
        if (OnCallBoard.Matching(all, query) is not { } lines)
        {
            var names = policy.Tiers.Select(t => $"{t.Level} ({t.Name})").Concat(all.Select(l => l.Rotation)).Distinct();
            return $"No tier or rotation called \"{Shorten(query)}\". Try one of: {string.Join(", ", names)}.";
        }

        return OnCallBoard.Describe(lines, policy.Staffed.IsOpen(now), zone);
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..79] + "…";
}
