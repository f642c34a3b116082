using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Engine;
using ChatEscalation.Core.Events;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Persistence.Outbox;
using ChatEscalation.Persistence.Rows;
using ChatEscalation.Persistence.Storage;
using ChatEscalation.Persistence.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace ChatEscalation.Persistence.Workflows;

/// <summary>Load → engine → save: every command on a ticket, each saved (ticket, events, deadlines, outbox, receipt, reply) in one transaction.</summary>
/// <remarks>
/// The engine decides everything; after a commit that wrote outbox rows the outbox is woken (<see cref="IOutboxWakeup"/>), so no
/// caller has to remember to. A platform request's receipt and the answer to the person are written in the same transaction as the
/// command's effect (<see cref="Inbound"/>): a crash before the commit leaves nothing, so the platform's redelivery does the work
/// once, and a redelivery after it finds the receipt and does nothing (<see cref="CommandResult.Repeat"/>). A save that loses
/// an optimistic-concurrency race (or a receipt race) is decided again on the reloaded ticket, so two simultaneous accepts give one
/// owner and the engine's refusal for the other. Reads the clock once per operation.
/// <para>
/// With an enabled <see cref="GroupCommitWriter"/> (SQLite) the writes are queued to it and committed with whatever else is waiting,
/// one transaction for many; without (PostgreSQL, several instances) each operation is its own transaction. A receipt this process
/// remembers (<see cref="RecentReceipts"/>) is a repeat without a database read; otherwise the receipt's primary key at the commit
/// decides, and a repeat that reaches it is found and answered as one.
/// </para>
/// </remarks>
public sealed class TicketWorkflow(
    EscalationDbContext db, TimeProvider time, IPolicyProvider policies, DecisionWriter writer, InboundEventStore receipts, IOutboxWakeup outbox,
    Knowledge.KnowledgeSettings? knowledge = null, GroupCommitWriter? group = null)
{
    /// <summary>How many times a command is decided again after losing a race before the conflict is thrown.</summary>
    public const int MaxAttempts = 8;

    private static readonly TicketStatus[] OpenStatuses = [TicketStatus.Queued, TicketStatus.Accepted, TicketStatus.WaitingOnUser];

    private bool Grouped => group is { Enabled: true };

    public Task<CommandResult> RaiseAsync(RaiseTicket command, CancellationToken ct = default) => RaiseAsync(command, Inbound.None, ct);

    /// <summary>Allocates the next ticket number and raises the ticket; a refusal (no title) uses no number.</summary>
    /// <remarks>
    /// With <see cref="Knowledge.KnowledgeSettings.AtIntake"/> the card is held for the knowledge step (<see cref="Knowledge.KnowledgeIntake"/>).
    /// The number comes from one atomic <c>UPDATE … RETURNING</c> inside the raise's transaction: concurrent raises queue on the
    /// counter row (SQLite's write lock, PostgreSQL's row lock) instead of failing and retrying, and a refused raise rolls it back.
    /// Through the group-commit writer (SQLite) the number comes from this process's <see cref="TicketNumbers"/> instead, so the raise is
    /// decided and staged here, on the request's thread, and the writer only writes it.
    /// </remarks>
    public async Task<CommandResult> RaiseAsync(RaiseTicket command, Inbound inbound, CancellationToken ct = default)
    {
        var (now, policy) = (time.GetUtcNow(), policies.Current);
        if (knowledge?.AtIntake == true) command = command with { AwaitKnowledge = true };
        using var span = EscalationTelemetry.StartDecision("raise", null);
        if (inbound.Receipt is { } known && receipts.SeenRecently(known)) return CommandResult.Repeat;
        if (Grouped) return await RaiseThroughWriterAsync(command, inbound, policy, now, ct);
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            if (attempt > 1 && inbound.Receipt is { } seen && await receipts.SeenAsync(seen, ct)) return CommandResult.Repeat;
            CommandResult result;
            int messages;
            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                (result, var decision) = await WorkflowSteps.DecideRaiseAsync(db, command, policy, now, ct);
                if (decision is null)
                {
                    await transaction.RollbackAsync(ct);
                    return await AnswerAsync(result, inbound, ct);
                }

                messages = await WorkflowSteps.StageDecisionAsync(db, writer, null, decision, result, inbound, policy, now, ct);
                try
                {
                    await db.SaveChangesAsync(ct);
                    await transaction.CommitAsync(ct);
                }
                catch (DbUpdateException e) when (attempt < MaxAttempts && UniqueViolation.Is(e))
                {
                    continue; // the same request committed meanwhile (the next attempt finds its receipt), or the number was taken by a writer's raise
                }
            }

            Committed(inbound.Receipt, messages);
            return result;
        }
    }

    /// <summary>
    /// For the group-commit writer: takes a number and decides and stages the raise here (a refusal takes no number and is answered by the
    /// writer), so the writer's loop only writes its rows; a number taken for a raise that fails here is given back.
    /// </summary>
    private async Task<CommandResult> RaiseThroughWriterAsync(RaiseTicket command, Inbound inbound, Core.Policy.EscalationPolicy policy, DateTimeOffset now, CancellationToken ct)
    {
        var numbers = group!.Numbers;
        db.ChangeTracker.Clear();
        await numbers.SeedAsync(db, ct);
        long? number = null;
        PreparedDecision? prepared = null;
        try
        {
            var (result, decision) = WorkflowSteps.DecideRaise(command, policy, now, () => (number = numbers.Take()).Value);
            if (decision is not null)
            {
                var messages = await WorkflowSteps.StageDecisionAsync(db, writer, null, decision, result, inbound, policy, now, ct);
                prepared = PreparedDecision.Of(db, result, messages);
                if (prepared is null) db.ChangeTracker.Clear(); // the writer decides it again, with the same number
            }
        }
        catch
        {
            db.ChangeTracker.Clear();
            if (number is { } unused) numbers.Return(unused);
            throw;
        }

        return await group.RaiseAsync(command, inbound, policy, now, ct, prepared, number);
    }

    public Task<CommandResult> ExecuteAsync(long number, TicketCommand command, CancellationToken ct = default) => ExecuteAsync(number, command, Inbound.None, ct);

    /// <summary>
    /// For the group-commit writer: decides the command on the ticket as committed now and stages its rows in this workflow's context,
    /// here, on the request's thread, so the writer's single loop only writes them (after checking the ticket's version). Null when
    /// the writer had better decide itself: nothing changes (a refusal, an unknown ticket: it answers), or a row needs SaveChanges.
    /// FollowUps: the decision changes other tickets too.
    /// </summary>
    private async Task<(PreparedDecision? Prepared, bool FollowUps)> PrepareAsync(long number, TicketCommand command, Inbound inbound, Core.Policy.EscalationPolicy policy,
        DateTimeOffset now, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var open = await OpenConnection.HoldAsync(db, ct); // the ticket's and its deadlines' reads share one open
        var (result, row, decision) = await WorkflowSteps.DecideAsync(db, number, command, policy, now, ct);
        if (decision is { FollowUps.Count: 0 })
        {
            var messages = await WorkflowSteps.StageDecisionAsync(db, writer, row, decision, result, inbound, policy, now, ct);
            if (PreparedDecision.Of(db, result, messages) is { } prepared) return (prepared, false);
        }

        db.ChangeTracker.Clear();
        return (null, decision is { FollowUps.Count: > 0 });
    }

    /// <summary>Applies a command to an existing ticket; unknown ticket → not found, refusal or no change → the ticket is not saved.</summary>
    public async Task<CommandResult> ExecuteAsync(long number, TicketCommand command, Inbound inbound, CancellationToken ct = default)
    {
        var (now, policy) = (time.GetUtcNow(), policies.Current);
        using var span = EscalationTelemetry.StartDecision(command.GetType().Name, number);
        if (inbound.Receipt is { } known && receipts.SeenRecently(known)) return CommandResult.Repeat;
        if (Grouped)
        {
            var (prepared, followUps) = await PrepareAsync(number, command, inbound, policy, now, ct);
            try
            {
                // A decision with follow-ups on other tickets (links, a cascade) is made below, with them, in one transaction.
                if (!followUps) return await group!.ExecuteAsync(number, command, inbound, policy, now, ct, prepared);
            }
            catch (FollowUpsNeedOwnTransactionException)
            {
                // Decided again by the writer (the ticket had changed), this time with follow-ups: as above.
            }
        }

        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            if (attempt > 1 && inbound.Receipt is { } seen && await receipts.SeenAsync(seen, ct)) return CommandResult.Repeat;
            var (result, row, decision) = await WorkflowSteps.DecideAsync(db, number, command, policy, now, ct);
            if (decision is null) return await AnswerAsync(result, inbound, ct);
            var before = decision.FollowUps.Count > 0 ? RowMapper.ToTicket(row!) : null;
            var messages = await WorkflowSteps.StageDecisionAsync(db, writer, row, decision, result, inbound, policy, now, ct);
            var followUps = await StageFollowUpsAsync(decision, policy, now, ct);
            if (followUps.Refused is { } refused)
            {
                db.ChangeTracker.Clear();
                return await AnswerAsync(new CommandResult(before, null, refused, null), inbound, ct);
            }

            messages += followUps.Messages;
            try
            {
                await db.SaveChangesAsync(ct);
                Committed(inbound.Receipt, messages);
                return result;
            }
            catch (DbUpdateException e) when (attempt < MaxAttempts && SaveConflict.Is(e)) { }
        }
    }

    /// <summary>
    /// Runs raises and an Accept from each of <paramref name="origins"/> through the steps a request takes (the person's lookup and
    /// upsert, the receipt check, the engine, the staging of the ticket, events, deadlines and rendered outbox rows, the plain writes,
    /// savepoints, the ticket's read, and through the group-commit writer the counter's write) inside a transaction that is rolled back,
    /// so the first requests after a start do not pay for compiling them. Leaves nothing behind: no ticket number is taken, no receipt
    /// is remembered, the outbox is not woken. Returns how many steps ran (raises and Accepts).
    /// </summary>
    public async Task<int> WarmUpAsync(IEnumerable<string> origins, CancellationToken ct = default)
    {
        var (now, policy) = (time.GetUtcNow(), policies.Current);
        var technician = policy.Tiers.SelectMany(t => t.Members.Concat(t.Leads)).Select(policy.Person).FirstOrDefault();
        var steps = 0;
        db.ChangeTracker.Clear();
        if (Grouped) await group!.Numbers.SeedAsync(db, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            using var save = new DirectSave(db);
            var number = (await db.Tickets.AsNoTracking().MaxAsync(t => (long?)t.Number, ct) ?? 0) + 1;
            var directory = new ChatDirectory(db); // without the host's memory of people: the warm-up's person is forgotten with the rollback
            foreach (var origin in origins)
            {
                await transaction.CreateSavepointAsync("warm-up", ct);
                await directory.FindUserAsync(origin, "warm-up", ct);
                await directory.UpsertUserAsync(new PlatformUser { Platform = origin, PlatformUserId = "warm-up", Email = "warm-up@example.invalid", Name = "Warm-up" }, ct);
                await transaction.ReleaseSavepointAsync("warm-up", ct);
                // With knowledge at intake a raise's card waits for the knowledge step and cannot be accepted yet: the Accept is warmed
                // on a second ticket raised as if the step were off.
                foreach (var awaitKnowledge in knowledge?.AtIntake == true ? [true, false] : new[] { false })
                    steps += await WarmUpTicketAsync(save, origin, number++, awaitKnowledge, technician, policy, now, ct);
            }
        }
        finally
        {
            db.ChangeTracker.Clear();
            await transaction.RollbackAsync(CancellationToken.None);
        }

        return steps;
    }

    /// <summary>One warm-up ticket: raised and written, then (not held for the knowledge step) accepted and written; returns the steps run.</summary>
    private async Task<int> WarmUpTicketAsync(DirectSave save, string origin, long number, bool awaitKnowledge, UserRef? technician,
        Core.Policy.EscalationPolicy policy, DateTimeOffset now, CancellationToken ct)
    {
        var inbound = new Inbound(new InboundReceipt(origin, "warm-up:" + Guid.NewGuid().ToString("N")));
        await receipts.SeenAsync(inbound.Receipt!, ct);
        var raise = new RaiseTicket(new UserRef("warm-up@example.invalid", "Warm-up"), origin, "Warm-up ticket, rolled back") { AwaitKnowledge = awaitKnowledge };
        var (raised, decision) = WorkflowSteps.DecideRaise(raise, policy, now, () => number);
        if (decision is null) return 0;
        await WorkflowSteps.StageDecisionAsync(db, writer, null, decision, raised, inbound, policy, now, ct);
        await save.SaveAsync(ct);
        if (Grouped) await TicketNumbers.StoreAsync(db, number, ct); // not on PostgreSQL: other instances' raises would wait on the row
        db.ChangeTracker.Clear();
        var steps = 1;
        if (!awaitKnowledge && technician is not null)
        {
            var (accepted, row, accept) = await WorkflowSteps.DecideAsync(db, number, new AcceptTicket(technician), policy, now, ct);
            if (accept is not null)
            {
                await WorkflowSteps.StageDecisionAsync(db, writer, row, accept, accepted, Inbound.None, policy, now, ct);
                await save.SaveAsync(ct);
                steps++;
            }
        }

        db.ChangeTracker.Clear();
        return steps;
    }

    /// <summary>Most follow-ups deep a decision's chain goes (a link adds a report to its parent; nothing follows that).</summary>
    private const int MaxFollowUpDepth = 4;

    /// <summary>
    /// Decides and stages the commands a decision sets off on other tickets (<see cref="Decision.FollowUps"/>), in the caller's unit of
    /// work, each ticket row tracked with its version (a ticket changed meanwhile fails the whole save, which is then decided again).
    /// A refusal of any refuses all: the caller discards everything staged. An unknown ticket is a refusal too.
    /// </summary>
    private async Task<(int Messages, Refusal? Refused)> StageFollowUpsAsync(Decision decision, Core.Policy.EscalationPolicy policy, DateTimeOffset now, CancellationToken ct, int depth = 0)
    {
        var messages = 0;
        foreach (var followUp in decision.FollowUps)
        {
            if (depth >= MaxFollowUpDepth) return (messages, new Refusal(RefusalCode.InvalidState, "Too many linked tickets follow from this change."));
            var row = db.Tickets.Local.FirstOrDefault(t => t.Number == followUp.TicketNumber)
                ?? await db.Tickets.SingleOrDefaultAsync(t => t.Number == followUp.TicketNumber, ct);
            if (row is null) return (messages, new Refusal(RefusalCode.InvalidInput, $"{TicketKey.Format(followUp.TicketNumber)} does not exist.", Core.Forms.FieldNames.Parent));
            var outcome = EscalationEngine.Decide(RowMapper.ToTicket(row), followUp.Command, policy, now);
            if (!outcome.IsDecision) return (messages, outcome.Refusal);
            if (!outcome.Decision.Changed) continue;
            messages += await writer.StageAsync(db, row, outcome.Decision, policy, now, ct);
            var next = await StageFollowUpsAsync(outcome.Decision, policy, now, ct, depth + 1);
            messages += next.Messages;
            if (next.Refused is not null) return (messages, next.Refused);
        }

        return (messages, null);
    }

    /// <summary>
    /// Records a request that changes no ticket (a status question, help) with its answer, in one transaction; false when it was
    /// handled before. Nothing to record (no receipt, no reply) is a success.
    /// </summary>
    public async Task<bool> RecordAsync(InboundReceipt? receipt, OutboxReply? reply, CancellationToken ct = default)
    {
        if (receipt is null && reply is null) return true;
        if (receipt is not null && receipts.SeenRecently(receipt)) return false;
        var now = time.GetUtcNow();
        if (Grouped) return await group!.RecordAsync(receipt, reply, policies.Current, now, ct);
        db.ChangeTracker.Clear();
        var messages = WorkflowSteps.StageRecord(db, receipt, reply, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (receipt is not null && UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
            return false;
        }

        Committed(receipt, messages);
        return true;
    }

    public async Task<Ticket?> GetAsync(long number, CancellationToken ct = default)
    {
        var row = await db.Tickets.AsNoTracking().SingleOrDefaultAsync(t => t.Number == number, ct);
        return row is null ? null : RowMapper.ToTicket(row);
    }

    /// <summary>Open tickets the person owns or reported, oldest first.</summary>
    public async Task<IReadOnlyList<Ticket>> ListOpenForAsync(UserRef user, CancellationToken ct = default)
    {
        var (key, lower) = (user.Key, user.Key.ToLowerInvariant());
        // Two searches (owner, reporter), each by its (key, status) index; one OR over both columns would read every open ticket.
        var open = db.Tickets.AsNoTracking().Where(t => OpenStatuses.Contains(t.Status));
        var rows = await open.Where(t => t.OwnerKey == key || t.OwnerKey == lower)
            .Union(open.Where(t => t.ReporterKey == key || t.ReporterKey == lower))
            .OrderBy(t => t.Number)
            .ToListAsync(ct);
        return rows.Select(RowMapper.ToTicket).ToList();
    }

    /// <summary>The ticket's audit trail in the order it happened.</summary>
    public async Task<IReadOnlyList<TicketEvent>> EventsAsync(long number, CancellationToken ct = default)
    {
        var rows = await db.TicketEvents.AsNoTracking().Where(e => e.TicketNumber == number).OrderBy(e => e.Id).ToListAsync(ct);
        return rows.Select(RowMapper.ToEvent).ToList();
    }

    /// <summary>After a commit: remember the receipt, wake the outbox when messages were written.</summary>
    private void Committed(InboundReceipt? receipt, int messages)
    {
        if (receipt is not null) receipts.Recent.Remember(receipt);
        if (messages > 0) outbox.Wake();
    }

    /// <summary>A refused, unchanged or unknown-ticket request: its receipt and answer alone (unless refusals are not recorded).</summary>
    private async Task<CommandResult> AnswerAsync(CommandResult result, Inbound inbound, CancellationToken ct)
    {
        if (!inbound.RecordRefusals && !result.Succeeded) return result;
        if (inbound.Receipt is null && inbound.Answer is null) return result;
        return await RecordAsync(inbound.Receipt, inbound.Answer?.Invoke(result), ct) ? result : CommandResult.Repeat;
    }
}
