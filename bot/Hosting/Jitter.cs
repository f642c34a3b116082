namespace ChatEscalation.Bot.Hosting;

/// <summary>The source of randomness for retry and reconnect jitter, injected so tests can pin it (as Polly injects its randomizer).</summary>
/// <param name="nextUnitInterval">Returns a number in [0, 1).</param>
public sealed class Jitter(Func<double> nextUnitInterval)
{
    /// <summary>Jitter from <see cref="Random.Shared"/>; what the host registers.</summary>
    public static Jitter Shared { get; } = new(Random.Shared.NextDouble);

    /// <summary>A number in [0, 1].</summary>
    public double Next() => Math.Clamp(nextUnitInterval(), 0, 1);
}
