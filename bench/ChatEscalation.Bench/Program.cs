using System.Diagnostics;
using ChatEscalation.Bench;

// Sweep benchmark of issue 5: see bench/README.md. Not part of the test run.
var root = RepositoryRoot.Find();
var options = BenchOptions.Parse(args, root);
var policy = DemoPolicy.Load(root);
Console.WriteLine($"Sweep benchmark: {options.DueDeadlines:N0} due among {string.Join(", ", options.OpenTickets.Select(n => n.ToString("N0")))} open tickets; data in {options.DataFolder}");
if (Debugger.IsAttached || typeof(SweepDatabase).Assembly.GetCustomAttributes(false).OfType<DebuggableAttribute>().Any(a => a.IsJITOptimizerDisabled))
    Console.WriteLine("WARNING: not an optimised build; run with -c Release.");

var cases = new List<SweepCase>();
var sqliteVersion = "?";
foreach (var size in options.OpenTickets)
{
    Console.WriteLine($"{size:N0} open tickets");
    await using var db = await SweepDatabase.OpenAsync(options.DataFolder, size, options.DueDeadlines, policy, options.Rebuild, Console.Out);
    sqliteVersion = await db.SqliteVersionAsync();
    var times = new List<double>();
    for (var i = 0; i < options.WarmupIterations + options.MeasuredIterations; i++)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var (tickets, elapsed) = await db.SweepAsync();
        if (tickets != options.DueDeadlines) throw new InvalidOperationException($"The sweep fired {tickets} tickets, not {options.DueDeadlines}.");
        var measured = i >= options.WarmupIterations;
        if (measured) times.Add(elapsed.TotalMilliseconds);
        Console.WriteLine($"  {(measured ? "sweep" : "warm-up")} {i + 1}: {elapsed.TotalMilliseconds:F1} ms");
        await db.ResetAsync();
    }
    var plan = await db.DueQueryPlanAsync();
    cases.Add(new SweepCase(size, options.DueDeadlines, times, plan, new FileInfo(db.Path).Length / 1_048_576.0));
    Console.WriteLine($"  median {cases[^1].Median:F1} ms, mean {cases[^1].Mean:F1} ms");
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
