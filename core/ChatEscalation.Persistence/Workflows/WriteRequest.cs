using System.Diagnostics;
using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Policy;
using ChatEscalation.Persistence.Outbox;
using ChatEscalation.Persistence.Storage;

namespace ChatEscalation.Persistence.Workflows;

/// <summary>
/// One operation waiting for <see cref="GroupCommitWriter"/>: a raise, a command on ticket <see cref="TicketNumber"/>, or a record of a
/// receipt and a reply. It carries the clock reading and policy of its caller and the caller's trace (<see cref="Parent"/>), so what it
/// commits is linked to the request that asked for it.
/// </summary>
internal sealed class WriteRequest
{
    private WriteRequest(Inbound inbound, EscalationPolicy policy, DateTimeOffset now, CancellationToken ct)
    {
        (Inbound, Policy, Now, Cancellation) = (inbound, policy, now, ct);
        Parent = Activity.Current;
    }

    public RaiseTicket? Raise { get; private init; }

    public TicketCommand? Command { get; private init; }

    /// <summary>The ticket a command acts on (commands on one ticket commit in the order they were queued); null for raises and records.</summary>
    public long? TicketNumber { get; private init; }

    /// <summary>For a record: the reply (the receipt is <see cref="Inbound"/>'s).</summary>
    public OutboxReply? Reply { get; private init; }

    public bool IsRecord { get; private init; }

    public Inbound Inbound { get; }

    public EscalationPolicy Policy { get; }

    public DateTimeOffset Now { get; }

    public CancellationToken Cancellation { get; }

    public Activity? Parent { get; }

    /// <summary>
    /// A raise's or command's decision made and staged before it was queued, on the ticket as committed then (<see cref="PreparedDecision"/>); the writer
    /// only writes it, if the ticket's version is still the one it was decided on. Dropped when it is not: the writer decides again.
    /// </summary>
    public PreparedDecision? Prepared { get; set; }

    /// <summary>
    /// For a raise: the ticket number it was given (<see cref="TicketNumbers"/>), kept while it is decided again and given back when the
    /// raise fails, turns out to be a repeat or is cancelled; dropped when another process's ticket turned out to have it.
    /// </summary>
    public long? Number { get; set; }

    /// <summary>Times this request lost an optimistic-concurrency race and was decided again.</summary>
    public int Attempts { get; set; }

    public TaskCompletionSource<CommandResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static WriteRequest ForRaise(RaiseTicket command, Inbound inbound, EscalationPolicy policy, DateTimeOffset now, CancellationToken ct,
        PreparedDecision? prepared = null, long? number = null) =>
        new(inbound, policy, now, ct) { Raise = command, Prepared = prepared, Number = number };

    public static WriteRequest ForCommand(long number, TicketCommand command, Inbound inbound, EscalationPolicy policy, DateTimeOffset now, CancellationToken ct,
        PreparedDecision? prepared = null) =>
        new(inbound, policy, now, ct) { Command = command, TicketNumber = number, Prepared = prepared };

    public static WriteRequest ForRecord(InboundReceipt? receipt, OutboxReply? reply, EscalationPolicy policy, DateTimeOffset now, CancellationToken ct) =>
        new(new Inbound(receipt), policy, now, ct) { Reply = reply, IsRecord = true };
}

/// <summary>
/// A raise or command decided by its caller outside the writer's transaction: <paramref name="Changes"/> tracks the rows it staged (the
/// new ticket, or the ticket with the version it was read at, its events, deadlines, outbox rows, receipt and answer), all writable by
/// <see cref="DirectSave"/>; <paramref name="Plain"/> lists their entries (<see cref="DirectSave.PlainChanges"/>), so the writer's turn
/// does not look for them again.
/// </summary>
internal sealed record PreparedDecision(EscalationDbContext Changes, IReadOnlyList<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry> Plain, CommandResult Result, int Messages)
{
    /// <summary>The decision staged in <paramref name="changes"/>, when plain statements can write it all; null otherwise.</summary>
    public static PreparedDecision? Of(EscalationDbContext changes, CommandResult result, int messages) =>
        DirectSave.PlainChanges(changes) is { } plain ? new PreparedDecision(changes, plain, result, messages) : null;
}
