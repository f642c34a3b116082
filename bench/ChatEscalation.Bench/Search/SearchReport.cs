using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace ChatEscalation.Bench.Search;

/// <summary>Writes the knowledge-search results as Markdown: the machine, the corpus, and the percentiles per kind of search.</summary>
public static class SearchReport
{
    public static string Markdown(IReadOnlyList<SearchLatency> latencies, SearchOptions options, int withSuggestions, double cpuPerSearch, string loadAverage, string sqliteVersion, double databaseMiB, DateTimeOffset when)
    {
        var c = CultureInfo.InvariantCulture;
        var s = new StringBuilder();
        s.AppendLine(c, $"# Knowledge search benchmark, {when:yyyy-MM-dd}");
        s.AppendLine();
        s.AppendLine(c, $"`SqliteKnowledgeSearch` (FTS5, the committed migrations) over {options.ResolvedTickets:N0} resolved tickets, {options.Articles:N0} published articles and {options.OpenTickets:N0} open tickets ({databaseMiB:F0} MiB).");
        s.AppendLine(c, $"Each search is what the knowledge step runs for one new ticket: `SuggestAsync` (top {Persistence.Knowledge.KnowledgeIntake.Candidates}) then `SimilarOpenAsync` (top {Persistence.Knowledge.KnowledgeIntake.Candidates}, the 30 min window), in a fresh DI scope, timed one by one.");
        s.AppendLine(c, $"{options.Warmup:N0} warm-up searches, then {options.Queries:N0} measured, each with another generated report (40 things × 20 symptoms × 11 contexts); {withSuggestions:N0} of them found at least one suggestion.");
        s.AppendLine();
        s.AppendLine("## Machine");
        s.AppendLine();
        s.AppendLine(c, $"- CPU: {SweepReport.CpuName()} ({Environment.ProcessorCount} logical cores visible, shared with other work)");
        s.AppendLine(c, $"- OS: {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture})");
        s.AppendLine(c, $"- Runtime: {RuntimeInformation.FrameworkDescription}, Release build, workstation GC");
        s.AppendLine(c, $"- SQLite: {sqliteVersion} (Microsoft.Data.Sqlite / EF Core 10.0.15)");
        s.AppendLine();
        s.AppendLine("## Results (ms)");
        s.AppendLine();
        s.AppendLine("| Search | Mean | p50 | p90 | p99 | p99.9 | Max |");
        s.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var l in latencies)
            s.AppendLine(c, $"| {l.What} | {l.Mean:F2} | {l.Percentile(50):F2} | {l.Percentile(90):F2} | {l.Percentile(99):F2} | {l.Percentile(99.9):F2} | {l.Max:F2} |");
        s.AppendLine();
        s.AppendLine(c, $"Processor time per measured search (the whole process, both searches): {cpuPerSearch:F2} ms. Load average (1 min) at the end of the run: {loadAverage} on {Environment.ProcessorCount} cores.");
        s.AppendLine();
        var p99 = latencies[^1].Percentile(99);
        s.AppendLine(c, $"**p99 of one knowledge step's search: {p99:F2} ms** (target < {SearchBench.TargetP99:F0} ms: {(p99 < SearchBench.TargetP99 ? "met" : "missed")}).");
        return s.ToString();
    }
}
