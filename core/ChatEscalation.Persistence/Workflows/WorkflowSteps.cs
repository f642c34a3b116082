using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Engine;
using ChatEscalation.Core.Policy;
using ChatEscalation.Persistence.Outbox;
using ChatEscalation.Persistence.Rows;
using ChatEscalation.Persistence.Storage;
using Microsoft.EntityFrameworkCore;

namespace ChatEscalation.Persistence.Workflows;

/// <summary>
/// The steps of the workflow's operations on a unit of work that the caller owns (its transaction, its SaveChanges): decide a raise or
/// a command on the ticket's stored state, stage a decision with the request's receipt and answer, stage an answer alone. Shared by
/// <see cref="TicketWorkflow"/> (one operation per transaction) and <see cref="GroupCommitWriter"/> (many per transaction).
/// </summary>
internal static class WorkflowSteps
{
    /// <summary>The ticket's row, tracked (compiled once: every command reads it, so the query cache's lookup is skipped).</summary>
    private static readonly CompiledPerModel<Func<EscalationDbContext, long, CancellationToken, Task<TicketRow?>>> TicketByNumber = new(() =>
        EF.CompileAsyncQuery((EscalationDbContext db, long number, CancellationToken _) => db.Tickets.SingleOrDefault(t => t.Number == number)));

    /// <summary>Takes the next ticket number (inside the caller's transaction) and lets the engine decide the raise.</summary>
    public static async Task<(CommandResult Result, Decision? Decision)> DecideRaiseAsync(EscalationDbContext db, RaiseTicket command, EscalationPolicy policy, DateTimeOffset now, CancellationToken ct)
    {
        var number = (await db.Database
            .SqlQuery<long>($"UPDATE \"Counters\" SET \"Value\" = \"Value\" + 1 WHERE \"Name\" = {Counter.Tickets} RETURNING \"Value\"")
            .ToListAsync(ct)).Single();
        return DecideRaise(command, policy, now, () => number);
    }

    /// <summary>Lets the engine decide a raise, taking a number from <paramref name="takeNumber"/> only if it is accepted.</summary>
    public static (CommandResult Result, Decision? Decision) DecideRaise(RaiseTicket command, EscalationPolicy policy, DateTimeOffset now, Func<long> takeNumber)
    {
        var outcome = EscalationEngine.Raise(command, takeNumber, policy, now);
        return (CommandResult.From(outcome, null), outcome.IsDecision ? outcome.Decision : null);
    }

    /// <summary>Loads the ticket (tracked, with its Version) and lets the engine decide; Decision is null unless it changed something.</summary>
    public static async Task<(CommandResult Result, TicketRow? Row, Decision? Decision)> DecideAsync(EscalationDbContext db, long number, TicketCommand command, EscalationPolicy policy, DateTimeOffset now, CancellationToken ct)
    {
        var row = await TicketByNumber.For(db)(db, number, ct);
        if (row is null) return (CommandResult.Missing(number), null, null);
        var ticket = RowMapper.ToTicket(row);
        var outcome = EscalationEngine.Decide(ticket, command, policy, now);
        var result = CommandResult.From(outcome, ticket);
        return (result, row, outcome.IsDecision && outcome.Decision.Changed ? outcome.Decision : null);
    }

    /// <summary>
    /// Stages the decision, the receipt and the answer; returns the work it leaves for the dispatcher's pass (the caller wakes it after
    /// the commit when above zero): the outbox rows staged, plus one when the ticket's card is held for the knowledge step, which that
    /// pass runs (a Slack raise answered in the request writes no row, and its card would otherwise wait for the next timed pass).
    /// </summary>
    public static async Task<int> StageDecisionAsync(EscalationDbContext db, DecisionWriter writer, TicketRow? row, Decision decision, CommandResult result, Inbound inbound,
        EscalationPolicy policy, DateTimeOffset now, CancellationToken ct) =>
        await writer.StageAsync(db, row, decision, policy, now, ct) + StageInbound(db, inbound, result, now)
        + (decision.Ticket is { Intake: Core.Tickets.IntakeStage.Searching, Status: Core.Tickets.TicketStatus.Queued } ? 1 : 0);

    /// <summary>
    /// Stages the answer to a request that changed no ticket (refused, unchanged, unknown ticket); null when there is nothing to record
    /// (no receipt and no answer, or a refusal that <see cref="Inbound.RecordRefusals"/> keeps unrecorded); else the outbox rows staged.
    /// </summary>
    public static int? StageAnswer(EscalationDbContext db, CommandResult result, Inbound inbound, DateTimeOffset now)
    {
        if (!inbound.RecordRefusals && !result.Succeeded) return null;
        if (inbound.Receipt is null && inbound.Answer is null) return null;
        return StageRecord(db, inbound.Receipt, inbound.Answer?.Invoke(result), now);
    }

    /// <summary>Stages a receipt and a reply (either may be null); returns the outbox rows staged.</summary>
    public static int StageRecord(EscalationDbContext db, InboundReceipt? receipt, OutboxReply? reply, DateTimeOffset now)
    {
        if (receipt is not null) InboundEventStore.Stage(db, receipt, now);
        if (reply is null) return 0;
        db.OutboxMessages.Add(OutboxWriter.Reply(reply, receipt, now));
        return 1;
    }

    private static int StageInbound(EscalationDbContext db, Inbound inbound, CommandResult result, DateTimeOffset now) =>
        StageRecord(db, inbound.Receipt, inbound.Answer?.Invoke(result), now);
}
