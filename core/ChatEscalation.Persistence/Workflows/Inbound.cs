using ChatEscalation.Persistence.Outbox;
using ChatEscalation.Persistence.Storage;

namespace ChatEscalation.Persistence.Workflows;

/// <summary>
/// What a platform request brings to a command besides the command: its <see cref="Receipt"/> (recorded in the same transaction as the
/// command's effect, so a redelivery does the work once) and how to <see cref="Answer"/> the person (a reply row in that transaction,
/// delivered by the outbox like everything else: rate limits and outages cannot lose it).
/// </summary>
/// <param name="Answer">Builds the reply from the result, before the commit; null (or a null answer): nobody is answered through the outbox.</param>
/// <param name="RecordRefusals">
/// Whether a refused or unchanged request is recorded too (with its answer). False where the answer is given inline and a repeat must
/// be judged again (a modal submitted again with the same values after a refusal, a Teams invoke retried while its answer was lost).
/// </param>
public sealed record Inbound(InboundReceipt? Receipt, Func<CommandResult, OutboxReply?>? Answer = null, bool RecordRefusals = true)
{
    /// <summary>No receipt and no answer: a local caller (the emulator, a test, the sweep).</summary>
    public static Inbound None { get; } = new((InboundReceipt?)null);
}
