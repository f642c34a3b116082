using Coravel.Invocable;

namespace ChatEscalation.Bot.Scheduling;

/// <summary>Coravel job: the safety-net pass of the outbox dispatcher (it is also woken at once after each commit).</summary>
public sealed class DispatchOutboxJob(IEscalationRunner runner) : IInvocable
{
    public Task Invoke() => runner.DispatchNowAsync();
}
