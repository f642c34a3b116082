using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace ChatEscalation.Bench.FullPath;

/// <summary>
/// Out-of-process runs against the published bot (<c>--bot path/ChatEscalation.Bot.dll</c>), client and Slack stand-in in this process:
/// <c>sizes</c> (the raise rate against databases already holding 0, 10k, 100k, 1M tickets), <c>storm</c> (10,000 raises spread over one
/// minute, open loop, with the sweep and the outbox running; every card counted at the stand-in) and <c>rss</c> (idle memory).
/// </summary>
public static class Scale
{
    public static async Task<int> SizesAsync(string[] args)
    {
        var (dll, folder) = Setup(args);
        var sizes = (Options.Value(args, "--sizes") ?? "0,10000,100000,1000000").Split(',').Select(int.Parse).ToList();
        var seconds = Options.Int(args, "--seconds", 10);
        var rounds = Options.Int(args, "--rounds", 2);
        var report = new StringBuilder($"| tickets in the database | round | raises/s | p50 ms | p99 ms | × rate at {sizes[0]:N0} (same round) |\n|---:|---:|---:|---:|---:|---:|\n");
        await using var api = await SlackStandIn.StartAsync(0);
        foreach (var size in sizes)
        {
            var sw = Stopwatch.StartNew();
            await Seeder.SeedAsync(Path.Combine(folder, $"size-{size}.db"), size);
            Console.WriteLine($"sizes: seeded {size:N0} tickets in {sw.Elapsed.TotalSeconds:F0} s");
        }

        for (var round = 1; round <= rounds; round++)
        {
            double? first = null;
            foreach (var size in sizes)
            {
                var db = Path.Combine(folder, $"size-{size}-r{round}.db");
                foreach (var suffix in new[] { "", "-wal", "-shm" }) if (File.Exists(Path.Combine(folder, $"size-{size}.db{suffix}"))) File.Copy(Path.Combine(folder, $"size-{size}.db{suffix}"), db + suffix, true);
                await using (var bot = await BotProcess.StartAsync(dll, db, api.ApiBaseUrl))
                {
                    using var client = new HttpClient { BaseAddress = bot.BaseAddress };
                    var load = new Load(client);
                    var run = Guid.NewGuid().ToString("N")[..8];
                    await load.ParallelAsync("/slack/commands", n => SlackBodies.Raise(n, run), 1, 32, TimeSpan.FromSeconds(3));
                    var (requests, failed, latencies) = await load.ParallelAsync("/slack/commands", n => SlackBodies.Raise(n, run), 1_000_000, 32, TimeSpan.FromSeconds(seconds));
                    var rate = requests / (double)seconds;
                    first ??= rate;
                    report.AppendLine(CultureInfo.InvariantCulture, $"| {size:N0} | {round} | {rate:F0} | {Load.Percentile(latencies, 50):F1} | {Load.Percentile(latencies, 99):F1} | {rate / first.Value:F2} |{(failed > 0 ? $" {failed} failed" : "")}");
                    Console.WriteLine($"sizes: {size:N0} round {round}: {rate:F0}/s p99 {Load.Percentile(latencies, 99):F1} ms");
                }

                foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(db + suffix);
            }
        }

        return await WriteAsync(args, report.ToString());
    }

    public static async Task<int> StormAsync(string[] args)
    {
        var (dll, folder) = Setup(args);
        var count = Options.Int(args, "--count", 10_000);
        var seconds = Options.Int(args, "--seconds", 60);
        var latency = TimeSpan.FromMilliseconds(Options.Int(args, "--api-latency", 0));
        await using var api = await SlackStandIn.StartAsync(0, latency);
        var db = Path.Combine(folder, "storm.db");
        await Seeder.SeedAsync(db, 0);
        var settings = new Dictionary<string, string> { ["Scheduler:Enabled"] = "true" };
        if (Options.Value(args, "--concurrency") is { } concurrency) settings["Outbox:Concurrency"] = concurrency;
        if (Options.Flag(args, "--warm-client"))
        {
            // This process's own sending path (HttpClient, signing, the open-loop pacing) compiled before the bot starts: the same
            // number of requests at the same pace, to a route the stand-in does not have (404), so the first window measures the bot.
            using var warm = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = new Uri(api.ApiBaseUrl), Timeout = TimeSpan.FromSeconds(30) };
            await SendOpenLoopAsync(new Load(warm), "warm-up", count, seconds, "/warm-up", new double[count]);
        }

        await using var bot = await BotProcess.StartAsync(dll, db, api.ApiBaseUrl, settings);
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = bot.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var primed = Options.Int(args, "--prime", 0);
        if (primed > 0)
        {
            // Diagnosis: this many raises one at a time, then a second's pause, so the storm meets a process that has served requests.
            var one = new double[1];
            for (var i = 0; i < primed; i++)
            {
                await SendOpenLoopAsync(new Load(client), "prime" + i.ToString(CultureInfo.InvariantCulture), 1, 1, "/slack/commands", one);
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"prime {i}: {one[0]:F1} ms"));
            }

            await Task.Delay(1000);
        }

        var latencies = new double[count];
        var cpuBefore = bot.CpuTime();
        var start = Stopwatch.GetTimestamp();
        var failed = await SendOpenLoopAsync(new Load(client), Guid.NewGuid().ToString("N")[..8], count, seconds, "/slack/commands", latencies);
        var sending = Stopwatch.GetElapsedTime(start);
        var cpuAcked = bot.CpuTime() - cpuBefore;
        var until = Stopwatch.GetTimestamp() + Options.Int(args, "--card-wait", 300) * (long)Stopwatch.Frequency;
        TimeSpan? half = null; // when half the cards had been posted (polled every 200 ms; already reached when the sends ended: that time)
        while (api.Posts < count && Stopwatch.GetTimestamp() < until)
        {
            if (half is null && api.Posts * 2 >= count) half = Stopwatch.GetElapsedTime(start);
            await Task.Delay(200);
        }

        var delivered = Stopwatch.GetElapsedTime(start);
        var cpuDelivered = bot.CpuTime() - cpuBefore;
        var list = latencies.ToList();
        var (rss, peak) = bot.Memory();
        var text = string.Create(CultureInfo.InvariantCulture, $"""
            | raises | sent over | acks: p50 | p99 | max | over 3 s | failed | cards posted (chat.postMessage at the stand-in) | half the cards posted after | all cards posted after | bot RSS now / peak |
            |---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
            | {count:N0} | {sending.TotalSeconds:F1} s | {Load.Percentile(list, 50):F1} ms | {Load.Percentile(list, 99):F1} ms | {list.Max():F0} ms | {list.Count(l => l > 3000)} | {failed} | {api.Posts:N0} | {(half is { } h ? $"{h.TotalSeconds:F1} s" : "not reached")} | {delivered.TotalSeconds:F1} s | {rss:F0} / {peak:F0} MiB |

            Bot CPU per raise: {cpuAcked.TotalMilliseconds / count:F3} ms from the first send to the last acknowledgement, {cpuDelivered.TotalMilliseconds / count:F3} ms until the last card was posted (all its threads: requests, writer, outbox, sweep).

            Slack stand-in answering each call after {latency.TotalMilliseconds:0} ms; `Outbox:Concurrency` {Options.Value(args, "--concurrency") ?? "default"}; load client {(Options.Flag(args, "--warm-client") ? "warmed first (`--warm-client`)" : "cold, started with the bot")}.
            Web API calls by method: {string.Join(", ", api.Calls.OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value:N0}"))}.

            {Windows(latencies, seconds)}
            """);
        return await WriteAsync(args, text);
    }

    /// <summary>
    /// <paramref name="count"/> raises to <paramref name="path"/> at an even pace over <paramref name="seconds"/>, each on its own task,
    /// without waiting for answers before the next is due; fills <paramref name="latencies"/> (ms) and returns how many failed.
    /// </summary>
    private static async Task<int> SendOpenLoopAsync(Load load, string run, int count, int seconds, string path, double[] latencies)
    {
        var failed = 0;
        var start = Stopwatch.GetTimestamp();
        var tasks = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            var due = start + (long)(i * (double)seconds / count * Stopwatch.Frequency);
            while (Stopwatch.GetTimestamp() < due) await Task.Delay(1);
            var n = i;
            tasks.Add(Task.Run(async () =>
            {
                var sent = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await load.PostSlackAsync(path, SlackBodies.Raise(n, run));
                    if (!response.IsSuccessStatusCode) Interlocked.Increment(ref failed);
                }
                catch (Exception) { Interlocked.Increment(ref failed); }
                latencies[n] = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
            }));
        }

        await Task.WhenAll(tasks);
        return failed;
    }

    /// <summary>Ack latency by when the raise was sent (10 windows): shows whether the slow ones come at the start (a cold process) or throughout.</summary>
    private static string Windows(double[] latencies, int seconds)
    {
        const int windows = 10;
        var size = (latencies.Length + windows - 1) / windows;
        var head = new StringBuilder("| sent during | ");
        var p50 = new StringBuilder("| p50 ms | ");
        var p99 = new StringBuilder("| p99 ms | ");
        var max = new StringBuilder("| max ms | ");
        var columns = 0;
        for (var w = 0; w * size < latencies.Length; w++, columns++)
        {
            var part = latencies.Skip(w * size).Take(size).ToList();
            head.Append(CultureInfo.InvariantCulture, $"{w * seconds / windows}–{(w + 1) * seconds / windows} s | ");
            p50.Append(CultureInfo.InvariantCulture, $"{Load.Percentile(part, 50):F1} | ");
            p99.Append(CultureInfo.InvariantCulture, $"{Load.Percentile(part, 99):F1} | ");
            max.Append(CultureInfo.InvariantCulture, $"{part.Max():F0} | ");
        }

        return string.Join('\n', head, "|---|" + string.Concat(Enumerable.Repeat("---:|", columns)), p50, p99, max);
    }

    public static async Task<int> RssAsync(string[] args)
    {
        var (dll, folder) = Setup(args);
        await using var api = await SlackStandIn.StartAsync(0);
        var report = new StringBuilder("| bot | RSS after start | RSS 10 s later (idle) |\n|---|---:|---:|\n");
        foreach (var (name, extra) in new[]
                 {
                     ("Production, emulator off, Slack on", new Dictionary<string, string>()),
                     ("Production, emulator on (Local:Enabled + token)", new Dictionary<string, string> { ["Local:Enabled"] = "true", ["Local:AccessToken"] = "bench-token-0123456789abcdef0123" }),
                 })
        {
            var db = Path.Combine(folder, "rss.db");
            await Seeder.SeedAsync(db, 0);
            await using var bot = await BotProcess.StartAsync(dll, db, api.ApiBaseUrl, extra);
            var first = bot.Memory().Rss;
            await Task.Delay(TimeSpan.FromSeconds(10));
            report.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {first:F0} MiB | {bot.Memory().Rss:F0} MiB |");
        }

        return await WriteAsync(args, report.ToString());
    }

    private static (string Dll, string Folder) Setup(string[] args)
    {
        var dll = Path.GetFullPath(Options.Value(args, "--bot") ?? throw new ArgumentException("--bot path/to/ChatEscalation.Bot.dll"));
        var folder = Options.Value(args, "--data") ?? Path.Combine(Path.GetTempPath(), "chatescalation-fullpath");
        Directory.CreateDirectory(folder);
        return (dll, folder);
    }

    private static async Task<int> WriteAsync(string[] args, string text)
    {
        Console.WriteLine(text);
        if (Options.Value(args, "--out") is { } output) await File.AppendAllTextAsync(output, text + "\n");
        return 0;
    }
}
