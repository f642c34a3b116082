using System.Diagnostics;
using ChatEscalation.Bench;

// Sweep benchmark of issue 5, and with `search` first the knowledge-search benchmark of issue 15: see bench/README.md. Not part of the test run.
var root = RepositoryRoot.Find();
if (args is ["search", .. var rest]) return await ChatEscalation.Bench.Search.SearchBench.RunAsync(rest, root);
var options = BenchOptions.Parse(args, root);
var policy = DemoPolicy.Load(root);
Console.WriteLine($"Sweep benchmark: {options.DueDeadlines:N0} due among {string.Join(", ", options.OpenTickets.Select(n => n.ToString("N0")))} open tickets; data in {options.DataFolder}");
if (typeof(SweepDatabase).Assembly.GetCustomAttributes(false).OfType<DebuggableAttribute>().Any(a => a.IsJITOptimizerDisabled))
    Console.WriteLine("WARNING: not an optimised build; run with -c Release.");

// All sizes are opened first and measured round-robin (one sweep of each size per round), so load from other work on a
// shared machine falls on every size alike instead of on whichever case happened to run during it.
var databases = new List<(SweepDatabase Db, StatementProfiler? Profiler, List<double> Times)>();
foreach (var size in options.OpenTickets)
{
    Console.WriteLine($"{size:N0} open tickets");
    var profiler = options.Profile ? new StatementProfiler() : null;
    databases.Add((await SweepDatabase.OpenAsync(options.DataFolder, size, options.DueDeadlines, policy, options.Rebuild, Console.Out, profiler), profiler, []));
}
var sqliteVersion = await databases[0].Db.SqliteVersionAsync();

for (var round = 0; round < options.WarmupIterations + options.MeasuredIterations; round++)
{
    var measured = round >= options.WarmupIterations;
    Console.Write(measured ? $"round {round + 1 - options.WarmupIterations}:" : $"warm-up {round + 1}:");
    foreach (var (db, profiler, times) in databases)
    {
        if (profiler is not null) profiler.Enabled = measured;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var (tickets, elapsed) = await db.SweepAsync();
        if (tickets != options.DueDeadlines) throw new InvalidOperationException($"The sweep fired {tickets} tickets, not {options.DueDeadlines}.");
        if (measured) times.Add(elapsed.TotalMilliseconds);
        Console.Write($"  {db.OpenTickets:N0}: {elapsed.TotalMilliseconds:F1} ms");
        await db.ResetAsync();
    }
    Console.WriteLine();
}

var cases = new List<SweepCase>();
foreach (var (db, profiler, times) in databases)
{
    var profile = profiler?.Totals.Take(10)
        .Select(t => $"{t.Total.TotalMilliseconds / options.MeasuredIterations,8:F1} ms/sweep {t.Count / options.MeasuredIterations,6} × {t.Statement}").ToList() ?? [];
    cases.Add(new SweepCase(db.OpenTickets, db.Due, times, await db.DueQueryPlanAsync(), new FileInfo(db.Path).Length / 1_048_576.0) { Profile = profile });
    await db.DisposeAsync();
}

var report = SweepReport.Markdown(cases, options, sqliteVersion, TimeProvider.System.GetLocalNow());
Console.WriteLine();
Console.WriteLine(report);
if (options.ResultsFolder is { } folder && cases.Count > 1)
{
    Directory.CreateDirectory(folder);
    var file = Path.Combine(folder, $"sweep-{TimeProvider.System.GetLocalNow():yyyy-MM-dd}.md");
    await File.WriteAllTextAsync(file, report);
    Console.WriteLine($"Written to {file}");
}
return SweepReport.Ratio(cases) < SweepReport.TargetRatio ? 0 : 2;
