namespace ChatEscalation.Bot.Scheduling;

/// <summary>Runs the sweep and the outbox dispatch now (tests, the demo clock, and the wake-up after each commit use it).</summary>
public interface IEscalationRunner
{
    /// <summary>Fires every deadline due at the current time of the registered TimeProvider.</summary>
    Task SweepNowAsync(CancellationToken cancellationToken = default);

    /// <summary>When the earliest pending deadline falls due (null: none), so a clock that jumps can stop at each one.</summary>
    Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken = default);

    /// <summary>Delivers every outbox message that is due, in order per ticket.</summary>
    Task DispatchNowAsync(CancellationToken cancellationToken = default);
}
