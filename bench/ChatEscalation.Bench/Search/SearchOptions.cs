namespace ChatEscalation.Bench.Search;

/// <summary>Command-line options of the knowledge-search benchmark (<c>dotnet run -c Release -- search …</c>).</summary>
/// <param name="ResolvedTickets">Resolved tickets whose fixes are searched (default 100,000).</param>
/// <param name="Articles">Published knowledge articles (default 1,000).</param>
/// <param name="OpenTickets">Open tickets recent enough to be offered as "the same problem" (default 2,000).</param>
/// <param name="Warmup">Searches run and thrown away first.</param>
/// <param name="Queries">Searches measured, each with another report's text.</param>
/// <param name="DataFolder">Where the SQLite file is built (kept and reused unless <see cref="Rebuild"/>).</param>
/// <param name="ResultsFolder">Where knowledge-search-&lt;date&gt;.md is written; none when null.</param>
public sealed record SearchOptions(int ResolvedTickets, int Articles, int OpenTickets, int Warmup, int Queries, string DataFolder, bool Rebuild, string? ResultsFolder)
{
    /// <summary>Reads <c>--resolved n --articles n --open n --warmup n --queries n --data dir --rebuild --results dir --no-results</c>.</summary>
    public static SearchOptions Parse(IReadOnlyList<string> args, string repositoryRoot)
    {
        var options = new SearchOptions(100_000, 1_000, 2_000, 300, 3_000,
            Path.Combine(Path.GetTempPath(), "chatescalation-bench"), false, Path.Combine(repositoryRoot, "bench", "results"));
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Number() => int.Parse(Next().Replace("_", ""), System.Globalization.CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--resolved" => options with { ResolvedTickets = Number() },
                "--articles" => options with { Articles = Number() },
                "--open" => options with { OpenTickets = Number() },
                "--warmup" => options with { Warmup = Number() },
                "--queries" => options with { Queries = Number() },
                "--data" => options with { DataFolder = Next() },
                "--rebuild" => options with { Rebuild = true },
                "--results" => options with { ResultsFolder = Next() },
                "--no-results" => options with { ResultsFolder = null },
                _ => throw new ArgumentException($"Unknown option {args[i]}. Options: --resolved n --articles n --open n --warmup n --queries n --data dir --rebuild --results dir --no-results"),
            };
        }

        return options;
    }
}
