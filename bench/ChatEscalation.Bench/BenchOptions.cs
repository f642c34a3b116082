namespace ChatEscalation.Bench;

/// <summary>Command-line options of the sweep benchmark.</summary>
/// <param name="OpenTickets">Open-ticket counts to measure, smallest first (default 10,000, 100,000 and 1,000,000).</param>
/// <param name="DueDeadlines">Deadlines due at the sweep instant in every case (default 1,000).</param>
/// <param name="WarmupIterations">Sweeps run and thrown away before measuring each case.</param>
/// <param name="MeasuredIterations">Sweeps measured per case.</param>
/// <param name="DataFolder">Where the SQLite files are built (kept between runs unless <see cref="Rebuild"/>).</param>
/// <param name="Rebuild">Build the databases again even when a file of the right size exists.</param>
/// <param name="ResultsFolder">Where sweep-&lt;date&gt;.md is written; none when null.</param>
public sealed record BenchOptions(
    IReadOnlyList<int> OpenTickets,
    int DueDeadlines,
    int WarmupIterations,
    int MeasuredIterations,
    string DataFolder,
    bool Rebuild,
    string? ResultsFolder)
{
    /// <summary>Print time per SQL statement of the measured sweeps (diagnostics; adds a little overhead).</summary>
    public bool Profile { get; init; }

    /// <summary>Reads <c>--sizes 10000,100000</c>, <c>--due</c>, <c>--warmup</c>, <c>--iterations</c>, <c>--data</c>, <c>--rebuild</c>, <c>--results</c>.</summary>
    public static BenchOptions Parse(IReadOnlyList<string> args, string repositoryRoot)
    {
        var options = new BenchOptions([10_000, 100_000, 1_000_000], 1_000, 2, 7,
            Path.Combine(Path.GetTempPath(), "chatescalation-bench"), false, Path.Combine(repositoryRoot, "bench", "results"));
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--sizes" => options with { OpenTickets = Next().Split(',').Select(s => int.Parse(s.Replace("_", ""), System.Globalization.CultureInfo.InvariantCulture)).Order().ToList() },
                "--due" => options with { DueDeadlines = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture) },
                "--warmup" => options with { WarmupIterations = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture) },
                "--iterations" => options with { MeasuredIterations = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture) },
                "--data" => options with { DataFolder = Next() },
                "--rebuild" => options with { Rebuild = true },
                "--results" => options with { ResultsFolder = Next() },
                "--no-results" => options with { ResultsFolder = null },
                "--profile" => options with { Profile = true },
                _ => throw new ArgumentException($"Unknown option {args[i]}. Options: --sizes a,b,c --due n --warmup n --iterations n --data dir --rebuild --results dir --no-results --profile"),
            };
        }
        if (options.OpenTickets.Any(n => n < options.DueDeadlines || n % options.DueDeadlines != 0))
            throw new ArgumentException("Every size must be a multiple of --due (the due tickets are spread evenly among the open ones).");
        return options;
    }
}
