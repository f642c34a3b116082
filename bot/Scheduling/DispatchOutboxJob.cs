using Coravel.Invocable;

namespace ChatEscalation.Bot.Scheduling;

/// <summary>Coravel job: the safety-net pass of the outbox dispatcher (it is also woken at once after each commit).</summary>
/// <remarks>Cancellable: a host that stops abandons the pass; what was not delivered stays in the outbox for the next start.</remarks>
public sealed class DispatchOutboxJob(IEscalationRunner runner) : IInvocable, ICancellableInvocable
{
    public CancellationToken CancellationToken { get; set; }

    public Task Invoke() => runner.DispatchNowAsync(CancellationToken);
}
