using Coravel.Invocable;

namespace ChatEscalation.Bot.Scheduling;

/// <summary>Coravel job: fires the deadlines due now (every 30 s, never overlapping itself).</summary>
/// <remarks>Cancellable: a host that stops abandons the sweep between tickets; each ticket's tick commits on its own.</remarks>
public sealed class SweepDueDeadlinesJob(IEscalationRunner runner) : IInvocable, ICancellableInvocable
{
    public CancellationToken CancellationToken { get; set; }

    public Task Invoke() => runner.SweepNowAsync(CancellationToken);
}
