using System.Diagnostics;
using System.Threading.Channels;
using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Policy;
using ChatEscalation.Persistence.Outbox;
using ChatEscalation.Persistence.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatEscalation.Persistence.Workflows;

/// <summary>
/// The single writer of <see cref="TicketWorkflow"/>'s operations on SQLite (which allows one writer at a time): callers queue their
/// raise, command or record; one loop takes what is waiting (up to <see cref="MaxBatch"/>), decides each on its ticket's state as
/// stored (earlier operations of the same batch included), and commits them all in one transaction. Each caller's task completes
/// after that commit, with its own result.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Order: operations are taken in the order they were queued; commands on one ticket commit in that order (one that must be
/// decided again holds back the later ones of its ticket to the next batch).</item>
/// <item>Races: a command usually comes decided and staged by its caller on the ticket as committed then (<see cref="PreparedDecision"/>:
/// the engine and the staging run on the request's thread, not in this loop), and is written only if the ticket still has the version it
/// was decided on. Otherwise, and for raises, the operation reads the ticket inside the batch's transaction, so a second accept sees
/// the first one's owner and the engine refuses it. A version check that fails (a second prepared accept, the sweep) rolls that
/// operation alone back to its savepoint; it is decided again here in the next batch (at most <see cref="TicketWorkflow.MaxAttempts"/> times).</item>
/// <item>Failures: an operation that throws is rolled back to its savepoint and fails alone; the rest of the batch commits. A commit
/// that fails is retried one operation per transaction, so again only the failing one fails.</item>
/// <item>Receipts: a repeat of a request committed before (or earlier in the same batch) loses on the receipt's primary key and is
/// answered <see cref="CommandResult.Repeat"/>; committed receipts are remembered in <see cref="RecentReceipts"/>.</item>
/// </list>
/// Each batch's transaction is taken in this process's turn at the write lock (<see cref="SqliteWriteGate"/>), which the outbox's
/// bookkeeping and the knowledge step share, so no batch sleeps in SQLite's busy handler or fails to upgrade its read to a write; while
/// requests wait here, those background writers give way (briefly, <see cref="SqliteWriteGate.GiveWayMax"/>).
/// The outbox is woken once per commit that wrote messages or held a raise for the knowledge step. Disabled (<see cref="Enabled"/> false) the workflow writes directly, one
/// transaction per operation (PostgreSQL, where several instances write at once).
/// </remarks>
public sealed class GroupCommitWriter : IAsyncDisposable
{
    /// <summary>Default for the most operations committed in one transaction.</summary>
    public const int DefaultMaxBatch = 64;

    private const string Savepoint = "op";
    private static readonly CommandResult Recorded = new(null, null, null, null);

    private readonly Channel<WriteRequest> queue = Channel.CreateUnbounded<WriteRequest>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IServiceScopeFactory scopes;
    private readonly IOutboxWakeup outbox;
    private readonly RecentReceipts recent;
    private readonly SqliteWriteGate gate;
    private readonly Lock start = new();
    private Task? loop;
    private long transactions;
    private long operations;
    private long preparedWrites;
    private int waiting;

    /// <param name="gate">This process's turn at SQLite's write lock, taken for each batch's transaction (none: <see cref="SqliteWriteGate.Open"/>).</param>
    public GroupCommitWriter(IServiceScopeFactory scopes, IOutboxWakeup outbox, RecentReceipts recent, bool enabled, int maxBatch = DefaultMaxBatch, SqliteWriteGate? gate = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        (this.scopes, this.outbox, this.recent, Enabled, MaxBatch) = (scopes, outbox, recent, enabled, maxBatch);
        this.gate = gate ?? SqliteWriteGate.Open;
        if (enabled) this.gate.GiveWayTo(() => Volatile.Read(ref waiting));
    }

    /// <summary>Whether the workflow queues its writes here (SQLite) or writes them itself.</summary>
    public bool Enabled { get; }

    public int MaxBatch { get; }

    /// <summary>Where committed receipts are remembered (the same memory the workflow checks first).</summary>
    public RecentReceipts Recent => recent;

    /// <summary>Transactions committed so far.</summary>
    public long Transactions => Interlocked.Read(ref transactions);

    /// <summary>Operations committed so far (with a result; repeats and unchanged answers included).</summary>
    public long Operations => Interlocked.Read(ref operations);

    /// <summary>Raises and commands written as their callers decided them (<see cref="PreparedDecision"/>), without deciding them here again.</summary>
    public long PreparedWrites => Interlocked.Read(ref preparedWrites);

    /// <summary>This process's ticket numbers: raises take theirs on their request's thread; each batch stores the counter.</summary>
    public TicketNumbers Numbers { get; } = new();

    internal Task<CommandResult> RaiseAsync(RaiseTicket command, Inbound inbound, EscalationPolicy policy, DateTimeOffset now, CancellationToken ct,
        PreparedDecision? prepared = null, long? number = null) =>
        Enqueue(WriteRequest.ForRaise(command, inbound, policy, now, ct, prepared, number));

    internal Task<CommandResult> ExecuteAsync(long number, TicketCommand command, Inbound inbound, EscalationPolicy policy, DateTimeOffset now, CancellationToken ct,
        PreparedDecision? prepared = null) =>
        Enqueue(WriteRequest.ForCommand(number, command, inbound, policy, now, ct, prepared));

    internal async Task<bool> RecordAsync(InboundReceipt? receipt, OutboxReply? reply, EscalationPolicy policy, DateTimeOffset now, CancellationToken ct) =>
        !(await Enqueue(WriteRequest.ForRecord(receipt, reply, policy, now, ct))).Repeated;

    private Task<CommandResult> Enqueue(WriteRequest request)
    {
        lock (start) loop ??= Task.Run(RunAsync);
        Interlocked.Increment(ref waiting);
        if (!queue.Writer.TryWrite(request))
        {
            Interlocked.Decrement(ref waiting);
            throw new ObjectDisposedException(nameof(GroupCommitWriter));
        }

        return request.Done.Task;
    }

    private async Task RunAsync()
    {
        var carried = new List<WriteRequest>();
        while (carried.Count > 0 || await queue.Reader.WaitToReadAsync())
        {
            var batch = new List<WriteRequest>(carried);
            carried.Clear();
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var next))
            {
                Interlocked.Decrement(ref waiting);
                batch.Add(next);
            }

            try
            {
                carried.AddRange(await CommitAsync(batch));
            }
            catch (Exception e) when (batch.Count > 1)
            {
                // The batch's transaction itself failed (begin, savepoint or commit): one operation per transaction, so only the cause fails.
                foreach (var request in batch) carried.AddRange(await CommitAloneAsync(request, e));
            }
            catch (Exception e)
            {
                GiveBackNumber(batch[0]);
                batch[0].Done.TrySetException(e);
            }
        }
    }

    private async Task<List<WriteRequest>> CommitAloneAsync(WriteRequest request, Exception batchError)
    {
        if (request.Done.Task.IsCompleted) return [];
        try
        {
            return await CommitAsync([request]);
        }
        catch (Exception e)
        {
            GiveBackNumber(request);
            request.Done.TrySetException(new AggregateException(e, batchError));
            return [];
        }
    }

    /// <summary>Decides and stages each request in one transaction and commits; returns the requests to decide again.</summary>
    private async Task<List<WriteRequest>> CommitAsync(List<WriteRequest> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<EscalationDbContext>();
        var writer = services.GetRequiredService<DecisionWriter>();
        var receipts = services.GetRequiredService<InboundEventStore>();
        var staged = new List<(WriteRequest Request, CommandResult Result)>(batch.Count);
        var again = new List<WriteRequest>();
        var heldTickets = new HashSet<long>();
        var messages = 0;
        var highestRaised = 0L;

        using (await gate.EnterAsync(foreground: true))
        await using (var transaction = await db.Database.BeginTransactionAsync())
        using (var save = new DirectSave(db))
        {
            foreach (var request in batch)
            {
                if (request.Cancellation.IsCancellationRequested)
                {
                    GiveBackNumber(request);
                    request.Done.TrySetCanceled(request.Cancellation);
                    continue;
                }

                if (request.TicketNumber is { } held && heldTickets.Contains(held))
                {
                    again.Add(request);
                    continue;
                }

                var caller = Activity.Current;
                Activity.Current = request.Parent;
                await transaction.CreateSavepointAsync(Savepoint);
                try
                {
                    var (result, added) = await StageAsync(db, save, writer, request);
                    messages += added;
                    staged.Add((request, result));
                    await transaction.ReleaseSavepointAsync(Savepoint);
                    if (request.Number is { } raised) highestRaised = Math.Max(highestRaised, raised);
                }
                catch (Exception e)
                {
                    db.ChangeTracker.Clear();
                    await transaction.RollbackToSavepointAsync(Savepoint);
                    if (request.Prepared is { } stale)
                    {
                        stale.Changes.ChangeTracker.Clear(); // decided on a version that is gone (or failed): decided here next time
                        request.Prepared = null;
                    }

                    if (e is DbUpdateException repeat && UniqueViolation.Is(repeat) && request.Inbound.Receipt is { } receipt && await receipts.SeenAsync(receipt))
                    {
                        GiveBackNumber(request);
                        staged.Add((request, CommandResult.Repeat));
                    }
                    else if (e is DbUpdateException conflict && SaveConflict.Is(conflict) && request.Attempts + 1 < TicketWorkflow.MaxAttempts)
                    {
                        request.Attempts++;
                        again.Add(request);
                        if (request.TicketNumber is { } number) heldTickets.Add(number);
                        if (request.Number is { } taken && await db.Tickets.AnyAsync(t => t.Number == taken))
                        {
                            request.Number = null; // another process raised a ticket with it: a fresh number, above the stored ones
                            await Numbers.CatchUpAsync(db, default);
                        }
                    }
                    else
                    {
                        GiveBackNumber(request);
                        request.Done.TrySetException(e);
                    }
                }
                finally
                {
                    db.ChangeTracker.Clear();
                    Activity.Current = caller;
                }
            }

            if (highestRaised > 0) await TicketNumbers.StoreAsync(db, highestRaised, default);
            await transaction.CommitAsync();
        }

        Interlocked.Increment(ref transactions);
        Interlocked.Add(ref operations, staged.Count);
        foreach (var (request, result) in staged)
        {
            if (request.Inbound.Receipt is { } receipt) recent.Remember(receipt);
            request.Done.TrySetResult(result);
        }

        if (messages > 0) outbox.Wake();
        return again;
    }

    /// <summary>
    /// Stages one request and writes it inside the batch's transaction (<see cref="DirectSave"/>: the batch's statements are prepared
    /// once); returns its result and the outbox rows it added.
    /// </summary>
    private async Task<(CommandResult Result, int Messages)> StageAsync(EscalationDbContext db, DirectSave save, DecisionWriter writer, WriteRequest request)
    {
        var (inbound, policy, now, ct) = (request.Inbound, request.Policy, request.Now, request.Cancellation);
        int? messages;
        CommandResult result;
        if (request.IsRecord)
        {
            (result, messages) = (Recorded, WorkflowSteps.StageRecord(db, inbound.Receipt, request.Reply, now));
        }
        else if (request.Prepared is { } prepared)
        {
            await save.SaveAsync(prepared.Changes, prepared.Plain, ct); // a stale version fails here (DbUpdateConcurrencyException) and is decided again
            request.Prepared = null; // written (its context is empty now): should this transaction fail, it is decided again
            Interlocked.Increment(ref preparedWrites);
            return (prepared.Result, prepared.Messages);
        }
        else if (request.Raise is { } raise)
        {
            await Numbers.SeedAsync(db, ct);
            (result, var decision) = WorkflowSteps.DecideRaise(raise, policy, now, () => request.Number ??= Numbers.Take()); // a refusal takes none
            messages = decision is null
                ? WorkflowSteps.StageAnswer(db, result, inbound, now)
                : await WorkflowSteps.StageDecisionAsync(db, writer, null, decision, result, inbound, policy, now, ct);
        }
        else
        {
            (result, var row, var decision) = await WorkflowSteps.DecideAsync(db, request.TicketNumber!.Value, request.Command!, policy, now, ct);
            if (decision is { FollowUps.Count: > 0 }) throw new FollowUpsNeedOwnTransactionException(); // its savepoint is rolled back
            messages = decision is null
                ? WorkflowSteps.StageAnswer(db, result, inbound, now)
                : await WorkflowSteps.StageDecisionAsync(db, writer, row, decision, result, inbound, policy, now, ct);
        }

        if (messages is null) return (result, 0);
        await save.SaveAsync(ct);
        return (result, messages.Value);
    }

    /// <summary>A raise that ends without its ticket stored gives its number back, to be handed out again.</summary>
    private void GiveBackNumber(WriteRequest request)
    {
        if (request.Number is not { } number) return;
        request.Number = null;
        Numbers.Return(number);
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        if (loop is { } running) await running.ConfigureAwait(false);
    }
}
