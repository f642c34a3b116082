using ChatEscalation.Core.Engine;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Persistence.Workflows;

/// <summary>What a command came to: a decision (saved when it changed something), a refusal, or an unknown ticket.</summary>
/// <remarks><see cref="Message"/> is what the adapter shows the person who acted.</remarks>
public sealed record CommandResult(Ticket? Ticket, Decision? Decision, Refusal? Refusal, string? NotFound)
{
    public string Message => Decision?.Reply ?? Refusal?.Reason ?? NotFound ?? "";

    public bool Succeeded => Decision is not null;

    public static CommandResult From(Outcome outcome, Ticket? current) =>
        outcome.IsDecision ? new(outcome.Decision.Ticket, outcome.Decision, null, null) : new(current, null, outcome.Refusal, null);

    public static CommandResult Missing(long number) => new(null, null, null, $"{TicketKey.Format(number)} does not exist.");
}
