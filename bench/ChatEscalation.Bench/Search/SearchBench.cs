using System.Diagnostics;
using System.Globalization;
using ChatEscalation.Core.Engine;
using ChatEscalation.Persistence;
using ChatEscalation.Persistence.Knowledge;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatEscalation.Bench.Search;

/// <summary>
/// The knowledge search of issue 15 on SQLite: each measured search is what the knowledge step runs for one new ticket (the
/// suggestions over published articles and resolved fixes, and the open tickets of its category within the window), timed one by one.
/// Target: p99 of the two together under 20 ms over 100,000 resolved tickets.
/// </summary>
public static class SearchBench
{
    /// <summary>The target of issue 15, in milliseconds.</summary>
    public const double TargetP99 = 20;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, string repositoryRoot)
    {
        var options = SearchOptions.Parse(args, repositoryRoot);
        var policy = DemoPolicy.Load(repositoryRoot);
        Console.WriteLine($"Knowledge search benchmark: {options.ResolvedTickets:N0} resolved tickets, {options.Articles:N0} articles, {options.OpenTickets:N0} open; data in {options.DataFolder}");
        if (typeof(SearchBench).Assembly.GetCustomAttributes(false).OfType<DebuggableAttribute>().Any(a => a.IsJITOptimizerDisabled))
            Console.WriteLine("WARNING: not an optimised build; run with -c Release.");

        await using var corpus = await SearchCorpus.OpenAsync(options, policy, Console.Out);
        var reports = new ReportTexts(seed: 42);
        var window = policy.MajorIncident.Window;
        var (suggest, similar, both) = (new List<double>(), new List<double>(), new List<double>());
        var found = 0;
        var cpu = TimeSpan.Zero;
        for (var i = 0; i < options.Warmup + options.Queries; i++)
        {
            if (i == options.Warmup) cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var title = reports.Title();
            var category = Routing.Suggest(title, policy).Category;
            await using var scope = corpus.Scope();
            var search = scope.ServiceProvider.GetRequiredService<IKnowledgeSearch>();
            var db = scope.ServiceProvider.GetRequiredService<EscalationDbContext>();
            var clock = Stopwatch.StartNew();
            await db.Database.OpenConnectionAsync(); // as the knowledge step does: one connection for both searches
            var suggestions = await search.SuggestAsync($"{title} {title}", KnowledgeIntake.Candidates);
            var afterSuggest = clock.Elapsed;
            await search.SimilarOpenAsync(title, category, SearchCorpus.Now - window, 0, KnowledgeIntake.Candidates, []);
            var total = clock.Elapsed;
            await db.Database.CloseConnectionAsync();
            if (i < options.Warmup) continue;
            suggest.Add(afterSuggest.TotalMilliseconds);
            similar.Add((total - afterSuggest).TotalMilliseconds);
            both.Add(total.TotalMilliseconds);
            if (suggestions.Count > 0) found++;
        }

        var cpuPerSearch = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / options.Queries;
        var latencies = new[] { new SearchLatency("Suggestions (articles + resolved fixes)", suggest), new SearchLatency("Similar open tickets", similar), new SearchLatency("Both (one knowledge step)", both) };
        var report = SearchReport.Markdown(latencies, options, found, cpuPerSearch, LoadAverage(), await corpus.SqliteVersionAsync(), new FileInfo(corpus.Path).Length / 1_048_576.0, TimeProvider.System.GetLocalNow());
        Console.WriteLine();
        Console.WriteLine(report);
        if (options.ResultsFolder is { } folder)
        {
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, $"knowledge-search-{TimeProvider.System.GetLocalNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.md");
            await File.WriteAllTextAsync(file, report);
            Console.WriteLine($"Written to {file}");
        }

        return latencies[^1].Percentile(99) < TargetP99 ? 0 : 2;
    }

    /// <summary>The machine's 1-minute load average while the searches ran (Linux), to read the tail against.</summary>
    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "?";
        }
    }
}
