using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace ChatEscalation.Bench;

/// <summary>Writes the results as Markdown: the machine, one row per size, and the ratio of the largest to the smallest case.</summary>
public static class SweepReport
{
    /// <summary>The target of issue 5: the largest case's median under 1.5 × the smallest's.</summary>
    public const double TargetRatio = 1.5;

    public static double Ratio(IReadOnlyList<SweepCase> cases) => cases[^1].Median / cases[0].Median;

    public static string Markdown(IReadOnlyList<SweepCase> cases, BenchOptions options, string sqliteVersion, DateTimeOffset when)
    {
        var c = CultureInfo.InvariantCulture;
        var s = new StringBuilder();
        s.AppendLine(c, $"# Sweep benchmark, {when:yyyy-MM-dd}");
        s.AppendLine();
        s.AppendLine(c, $"`DeadlineSweeper.SweepAsync` (batches of {BenchScenario.SweepBatch}, as the host runs it) over {options.DueDeadlines:N0} due deadlines on SQLite (file, WAL, migrations applied).");
        s.AppendLine(c, $"{options.WarmupIterations} warm-up rounds, then {options.MeasuredIterations} measured rounds, each round one sweep of every size in turn; the due tickets, their deadlines, events and outbox rows are reset between sweeps (not timed).");
        s.AppendLine();
        s.AppendLine("## Machine");
        s.AppendLine();
        s.AppendLine(c, $"- CPU: {CpuName()} ({Environment.ProcessorCount} logical cores visible, shared with other work)");
        s.AppendLine(c, $"- OS: {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture})");
        s.AppendLine(c, $"- Runtime: {RuntimeInformation.FrameworkDescription}, Release build, workstation GC");
        s.AppendLine(c, $"- SQLite: {sqliteVersion} (Microsoft.Data.Sqlite / EF Core 10.0.15)");
        s.AppendLine();
        s.AppendLine("## Results");
        s.AppendLine();
        s.AppendLine("| Open tickets | DB size | Mean (ms) | Median (ms) | Min (ms) | Max (ms) | StdDev (ms) | µs per due ticket |");
        s.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var x in cases)
            s.AppendLine(c, $"| {x.OpenTickets:N0} | {x.DatabaseMiB:F0} MiB | {x.Mean:F1} | {x.Median:F1} | {x.Min:F1} | {x.Max:F1} | {x.StdDev:F1} | {x.MicrosecondsPerDueTicket:F0} |");
        s.AppendLine();
        var ratio = Ratio(cases);
        var meanRatio = cases[^1].Mean / cases[0].Mean;
        s.AppendLine(c, $"**Ratio largest / smallest ({cases[^1].OpenTickets:N0} / {cases[0].OpenTickets:N0}): median {ratio:F2}, mean {meanRatio:F2}** (target < {TargetRatio:F1}: {(ratio < TargetRatio ? "met" : "missed")}).");
        s.AppendLine();
        s.AppendLine("Raw measured sweeps (ms), measured round-robin across the sizes:");
        s.AppendLine();
        foreach (var x in cases)
            s.AppendLine(c, $"- {x.OpenTickets:N0}: {string.Join(", ", x.Milliseconds.Select(m => m.ToString("F1", c)))}");
        s.AppendLine();
        s.AppendLine("## Due-rows query plan (EXPLAIN QUERY PLAN, largest case)");
        s.AppendLine();
        s.AppendLine("```");
        foreach (var line in cases[^1].QueryPlan) s.AppendLine(line);
        s.AppendLine("```");
        foreach (var x in cases.Where(x => x.Profile.Count > 0))
        {
            s.AppendLine();
            s.AppendLine(c, $"## Time per SQL statement, {x.OpenTickets:N0} open tickets (--profile)");
            s.AppendLine();
            s.AppendLine("```");
            foreach (var line in x.Profile) s.AppendLine(line);
            s.AppendLine("```");
        }
        return s.ToString();
    }

    internal static string CpuName()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
        }
        catch (IOException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }
}
