using ChatEscalation.Core.Engine;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Persistence.Workflows;

/// <summary>What a command came to: a decision (saved when it changed something), a refusal, an unknown ticket, or a repeat.</summary>
/// <remarks>
/// <see cref="Message"/> is what the adapter shows the person who acted. <see cref="Repeated"/>: the same platform request was handled
/// before (its receipt is on record), so nothing was done now.
/// </remarks>
public sealed record CommandResult(Ticket? Ticket, Decision? Decision, Refusal? Refusal, string? NotFound, bool Repeated = false)
{
    public string Message => Repeated ? "That was already done." : Decision?.Reply ?? Refusal?.Reason ?? NotFound ?? "";

    public bool Succeeded => Decision is not null;

    /// <summary>The request was handled before; nothing was done now.</summary>
    public static CommandResult Repeat { get; } = new(null, null, null, null, Repeated: true);

    public static CommandResult From(Outcome outcome, Ticket? current) =>
        outcome.IsDecision ? new(outcome.Decision.Ticket, outcome.Decision, null, null) : new(current, null, outcome.Refusal, null);

    public static CommandResult Missing(long number) => new(null, null, null, $"{TicketKey.Format(number)} does not exist.");
}
