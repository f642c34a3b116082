namespace ChatEscalation.Bench;

/// <summary>The measured sweeps of one size: wall times in milliseconds, and the plan of the due-rows query.</summary>
public sealed record SweepCase(int OpenTickets, int Due, IReadOnlyList<double> Milliseconds, IReadOnlyList<string> QueryPlan, double DatabaseMiB)
{
    /// <summary>Time per SQL statement shape of the measured sweeps (<c>--profile</c>), most expensive first; empty otherwise.</summary>
    public IReadOnlyList<string> Profile { get; init; } = [];

    public double Mean => Milliseconds.Average();

    public double Median
    {
        get
        {
            var sorted = Milliseconds.Order().ToList();
            var mid = sorted.Count / 2;
            return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        }
    }

    public double Min => Milliseconds.Min();

    public double Max => Milliseconds.Max();

    /// <summary>Sample standard deviation (0 with one sample).</summary>
    public double StdDev
    {
        get
        {
            if (Milliseconds.Count < 2) return 0;
            var mean = Mean;
            return Math.Sqrt(Milliseconds.Sum(m => (m - mean) * (m - mean)) / (Milliseconds.Count - 1));
        }
    }

    /// <summary>Mean cost per fired ticket in microseconds.</summary>
    public double MicrosecondsPerDueTicket => Mean * 1000 / Due;
}
