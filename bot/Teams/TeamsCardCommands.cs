using System.Text.Json;
using ChatEscalation.Bot.Teams.Cards;
using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Bot.Teams;

/// <summary>Reads an <c>Action.Execute</c>/<c>Action.Submit</c> payload (verb + data with merged inputs) into an engine command. Pure translation.</summary>
public static class TeamsCardCommands
{
    /// <summary>The ticket number in <c>data.ticket</c> (number or string such as <c>INC-42</c>), or null.</summary>
    public static long? TicketNumber(JsonElement data)
    {
        if (data.ValueKind != JsonValueKind.Object || !data.TryGetProperty(AdaptiveCardRenderer.TicketDataKey, out var t)) return null;
        if (t.ValueKind == JsonValueKind.Number && t.TryGetInt64(out var n)) return n;
        return t.ValueKind == JsonValueKind.String && TicketKey.TryParse(t.GetString(), out var parsed) ? parsed : null;
    }

    /// <summary>A string input from <paramref name="data"/>, trimmed; empty when absent.</summary>
    public static string Input(JsonElement data, string id) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(id, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()!.Trim() : "";

    /// <summary>The command for <paramref name="verb"/>, or null for an unknown verb.</summary>
    public static TicketCommand? ToCommand(string? verb, UserRef actor, JsonElement data) => TeamsVerbs.ToAction(verb) switch
    {
        TicketActions.Accept => new AcceptTicket(actor),
        TicketActions.Escalate => new EscalateTicket(actor, new HandoffNote(
            Input(data, AdaptiveCardRenderer.TriedInput), Input(data, AdaptiveCardRenderer.OutcomeInput), Input(data, AdaptiveCardRenderer.NeedsInput))),
        TicketActions.EscalateManager => new EscalateToManager(actor, Input(data, AdaptiveCardRenderer.ManagerReasonInput)),
        TicketActions.Resolve => new ResolveTicket(actor, Input(data, AdaptiveCardRenderer.ResolutionInput)),
        TicketActions.AckPage => new AcknowledgePage(actor),
        TicketActions.TakeOver => new TakeOverTicket(actor),
        TicketActions.Reopen => new ReopenTicket(actor, Input(data, AdaptiveCardRenderer.ReopenReasonInput)),
        TicketActions.Reassign => ReassignTicket.FromForm(actor, Input(data, AdaptiveCardRenderer.ReassignTierInput),
            Input(data, AdaptiveCardRenderer.ReassignOwnerInput), Input(data, AdaptiveCardRenderer.ReassignReasonInput)),
        _ => null,
    };

    /// <summary>The raise command from the raise form's inputs; impact and urgency read as high/medium/low.</summary>
    public static RaiseTicket ToRaise(UserRef reporter, JsonElement data) => new(
        reporter, "teams", Input(data, "title"),
        NullIfEmpty(Input(data, "description")), NullIfEmpty(Input(data, "category")),
        Enum.TryParse<Impact>(Input(data, "impact"), true, out var impact) ? impact : null,
        Enum.TryParse<Urgency>(Input(data, "urgency"), true, out var urgency) ? urgency : null);

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
