using Coravel.Invocable;

namespace ChatEscalation.Bot.Scheduling;

/// <summary>Coravel job: fires the deadlines due now (every 30 s, never overlapping itself).</summary>
public sealed class SweepDueDeadlinesJob(IEscalationRunner runner) : IInvocable
{
    public Task Invoke() => runner.SweepNowAsync();
}
