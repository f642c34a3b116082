using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Bot.Local;

/// <summary>Turns a button press (and its form) into the engine's command. Pure translation: whether it is allowed is the engine's call.</summary>
public static class LocalActionTranslator
{
    /// <summary>The command for <paramref name="action"/>, or null for an unknown action id.</summary>
    public static TicketCommand? Translate(string action, UserRef actor, IReadOnlyDictionary<string, string> fields)
    {
        string Field(string name) => fields.TryGetValue(name, out var v) ? v.Trim() : "";
        return action switch
        {
            TicketActions.Accept => new AcceptTicket(actor),
            TicketActions.Escalate => new EscalateTicket(actor, new HandoffNote(Field("tried"), Field("outcome"), Field("needs")),
                int.TryParse(Field("toTier"), out var tier) ? tier : null),
            TicketActions.EscalateManager => new EscalateToManager(actor, Field("reason")),
            TicketActions.Resolve => new ResolveTicket(actor, Field("resolution")),
            TicketActions.AckPage => new AcknowledgePage(actor),
            TicketActions.TakeOver => new TakeOverTicket(actor),
            TicketActions.Reopen => new ReopenTicket(actor, Field("reason")),
            TicketActions.Reassign => ReassignTicket.FromForm(actor, Field("tier"), Field("owner"), Field("reason")),
            _ => null,
        };
    }
}
