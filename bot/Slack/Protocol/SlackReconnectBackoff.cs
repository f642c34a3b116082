namespace ChatEscalation.Bot.Slack.Protocol;

/// <summary>
/// Delays between Socket Mode reconnect attempts: the n-th consecutive failure waits a random time in
/// [c/2, c] where c = min(<c>maxDelay</c>, <c>baseDelay</c> × 2^n) ("equal jitter"), so a fleet of bots
/// does not reconnect in lockstep and never waits longer than the cap. <see cref="Reset"/> after a good connection.
/// Not thread-safe (one reconnect loop owns it).
/// </summary>
/// <param name="nextUnitInterval">The jitter source, a number in [0, 1] (the host's <c>Jitter</c>).</param>
public sealed class SlackReconnectBackoff(TimeSpan baseDelay, TimeSpan maxDelay, Func<double> nextUnitInterval)
{
    private readonly Func<double> random = nextUnitInterval;
    private int failures;

    /// <summary>The delay before the next attempt; each call counts one more failure.</summary>
    public TimeSpan Next()
    {
        var exponent = Math.Min(failures, 30);
        failures++;
        var ceilingTicks = Math.Min((double)maxDelay.Ticks, baseDelay.Ticks * Math.Pow(2, exponent));
        var jittered = (ceilingTicks / 2) + (Math.Clamp(random(), 0, 1) * ceilingTicks / 2);
        return TimeSpan.FromTicks((long)jittered);
    }

    /// <summary>Forgets past failures: the next delay starts from the base again.</summary>
    public void Reset() => failures = 0;
}
