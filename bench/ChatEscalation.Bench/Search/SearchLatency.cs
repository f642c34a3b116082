namespace ChatEscalation.Bench.Search;

/// <summary>The latencies of one kind of search, in milliseconds, and their percentiles (nearest rank).</summary>
public sealed record SearchLatency(string What, IReadOnlyList<double> Milliseconds)
{
    public double Mean => Milliseconds.Average();

    public double Max => Milliseconds.Max();

    /// <summary>The smallest latency at or above which <paramref name="percent"/> % of the searches took (nearest rank).</summary>
    public double Percentile(double percent)
    {
        var sorted = Milliseconds.Order().ToList();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
