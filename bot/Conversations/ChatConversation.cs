using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Forms;
using ChatEscalation.Core.Policy;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Core.Views;
using ChatEscalation.Persistence.Workflows;

namespace ChatEscalation.Bot.Conversations;

/// <summary>
/// What the bot says to text typed in Slack, Teams or the emulator: raise, status, mine, on-call, help and the ticket verbs.
/// Shared by every platform; the adapters only render the <see cref="ChatReply"/>.
/// </summary>
/// <remarks>Decisions stay in the engine (through <see cref="TicketWorkflow"/>); a refusal comes back as the reply's text.
/// A ticket's status is shown to its reporter and to IT staff only.</remarks>
public sealed class ChatConversation(TicketWorkflow workflow, IPolicyProvider policies, TimeProvider time)
{
    public const string HelpText =
        "I raise and track IT tickets. Try:\n" +
        "• ticket <what is wrong> — raise a ticket (e.g. ticket VPN drops every 10 minutes); start with P1…P4 or urgent to say how bad (ticket P1 Whole office is offline)\n" +
        "• status INC-42 — where a ticket stands\n" +
        "• mine — your open tickets (reported or owned)\n" +
        "• oncall — who is on call now and next\n" +
        "• note INC-42 <text>, cancel INC-42, reopen INC-42 <why>, manager INC-42 <why>\n" +
        "• technicians: accept INC-42, resolve INC-42 <fix>, wait INC-42 <question>, resume INC-42, ack INC-42,\n" +
        "  escalate INC-42 tried: … ; outcome: … ; needs: … [to tier 3], vendor INC-42 <vendor> case <id>\n" +
        "• managers: takeover INC-42, reassign INC-42 to tier 3 <why> (or to <e-mail>), priority INC-42 P1 <why>";

    public async Task<ChatReply> HandleAsync(UserRef user, string platform, string text, CancellationToken cancellationToken)
    {
        var intent = ChatIntentParser.Parse(text);
        var policy = policies.Current;
        switch (intent.Kind)
        {
            case ChatIntentKind.Help:
                return ChatReply.Say(HelpText);
            case ChatIntentKind.Raise:
                return await RaiseAsync(user, platform, intent.Text, policy, cancellationToken);
            case ChatIntentKind.Mine:
                return await MineAsync(user, policy, cancellationToken);
            case ChatIntentKind.OnCall:
                var now = time.GetUtcNow();
                return ChatReply.Say(OnCallBoard.Describe(OnCallBoard.At(policy, now), policy.Staffed.IsOpen(now)));
            case ChatIntentKind.Unknown when intent.DidYouMean is { } verb:
                var rest = intent.Text.IndexOf(' ') is var space and > 0 ? intent.Text[(space + 1)..].Trim() : "";
                return new ChatReply($"Did you mean /{verb}? Type: /{verb}{(rest.Length > 0 ? " " + Shorten(rest) : " …")}", null, [],
                    ChatIntentParser.IsRaise(verb) && rest.Length > 0 ? rest : null);
            case ChatIntentKind.Unknown:
                return new ChatReply($"I did not understand that. Shall I raise a ticket \"{Shorten(intent.Text)}\"? Type: ticket {Shorten(intent.Text)}", null, [], intent.Text);
        }
        if (intent.TicketNumber is not { } number)
            return ChatReply.Say($"Which ticket? For example: {intent.Kind.ToString().ToLowerInvariant()} INC-42");
        if (intent.Kind == ChatIntentKind.Status)
            return await StatusAsync(user, number, policy, cancellationToken);
        if (ChatCommandText.ToForm(intent) is not { } form) return ChatReply.Say(HelpText);
        var read = TicketForms.ToCommand(form, user);
        if (!read.IsCommand) return ChatReply.Say(read.Refusal.Reason);
        var result = await workflow.ExecuteAsync(number, read.Command, cancellationToken);
        return new ChatReply(result.Message, result.Ticket is { } t ? TicketViews.Card(t, policy, time.GetUtcNow()) : null, [], null);
    }

    private async Task<ChatReply> RaiseAsync(UserRef user, string platform, string text, EscalationPolicy policy, CancellationToken ct)
    {
        var form = ChatCommandText.Raise(text, policy);
        if (form[FieldNames.Title].Length == 0) return ChatReply.Say("What is wrong? For example: ticket VPN drops every 10 minutes, or ticket P1 Whole office is offline");
        var result = await workflow.RaiseAsync(TicketForms.ToRaise(form, user, platform), ct);
        return new ChatReply(result.Message, result.Ticket is { } t ? TicketViews.Card(t, policy, time.GetUtcNow()) : null, [], null);
    }

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

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..79] + "…";
}
