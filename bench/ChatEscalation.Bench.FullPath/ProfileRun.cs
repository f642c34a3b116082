using System.Diagnostics;
using System.Globalization;
using System.Text;
using ChatEscalation.Bot.Conversations;
using ChatEscalation.Core.Engine;
using ChatEscalation.Core.Forms;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Persistence;
using ChatEscalation.Persistence.Rows;
using ChatEscalation.Persistence.Storage;
using ChatEscalation.Persistence.Workflows;
using Microsoft.EntityFrameworkCore;

namespace ChatEscalation.Bench.FullPath;

/// <summary>
/// <c>profile</c>: the first-time path in one process. Per request (Slack <c>/ticket</c> raise, Slack Accept click): SQL statements and
/// transactions on the request and in the background (outbox), allocations, latency one at a time, then 32 parallel workers; the engine's
/// and the ticket JSON's own cost. Writes a markdown report.
/// </summary>
public static class ProfileRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = Options.Int(args, "--requests", 400);
        var seconds = Options.Int(args, "--seconds", 8);
        var output = Options.Value(args, "--out");
        var folder = Directory.CreateTempSubdirectory("chatescalation-profile-").FullName;
        var report = new StringBuilder();
        await using var api = await SlackStandIn.StartAsync(0);
        var seed = Options.Int(args, "--seed", 0);
        if (seed > 0) await Seeder.SeedAsync(Path.Combine(folder, "p.db"), seed); // the same queued Tier 1 tickets as `sizes` uses
        var settings = InProcessBot.Settings(Path.Combine(folder, "p.db"), api.ApiBaseUrl);
        var dispatch = !Options.Flag(args, "--no-dispatch");
        if (!dispatch) (settings["Scheduler:Enabled"], settings["Outbox:DispatchOnCommit"]) = ("false", "false");
        await using var bot = await InProcessBot.StartAsync(settings);
        using var counter = new StatementCounter();
        using var client = new HttpClient { BaseAddress = bot.BaseAddress };
        var load = new Load(client);
        var run = Guid.NewGuid().ToString("N")[..8];

        await load.SequentialAsync("/slack/commands", n => SlackBodies.Raise(n, run), 0, 300); // warm-up, every reporter cached
        if (dispatch) await DrainAsync(bot, api);
        Console.WriteLine("profile: warmed up");
        report.AppendLine(CultureInfo.InvariantCulture, $"Commit {Git.Head()}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, database seeded with {seed:N0} tickets, {count} requests per phase, in one process (client, bot, Slack stand-in), outbox dispatcher {(dispatch ? "on" : "OFF (nothing delivered)")}.");
        report.AppendLine();

        var baseline = await MeasureAsync(load, bot, api, counter, "/slack/commands", n => SlackBodies.Raise(n, run), 100_000, count, signed: false);
        var raise = await MeasureAsync(load, bot, api, counter, "/slack/commands", n => SlackBodies.Raise(n, run), 1_000, count, signed: true);
        Append(report, "Slack /ticket raise (first time)", raise, baseline);

        var open = await OpenTicketsAsync(bot, count);
        var accept = await MeasureAsync(load, bot, api, counter, "/slack/interactions", n => SlackBodies.Accept(open[(int)(n - 50_000)], n, run), 50_000, open.Count, signed: true);
        Append(report, "Slack Accept click on an unowned ticket (first time)", accept, baseline);

        counter.Enabled = false;
        var (requests, failed, latencies) = await load.ParallelAsync("/slack/commands", n => SlackBodies.Raise(n, run), 200_000, 32, TimeSpan.FromSeconds(seconds));
        report.AppendLine(CultureInfo.InvariantCulture,
            $"## Parallel raises, 32 workers, {seconds} s (client in the same process)\n\n{requests / (double)seconds:F0} req/s, p50 {Load.Percentile(latencies, 50):F1} ms, p99 {Load.Percentile(latencies, 99):F1} ms, failed {failed}.\n");

        report.Append(EngineCost(bot));
        var text = report.ToString();
        Console.WriteLine(text);
        if (output is not null) await File.WriteAllTextAsync(output, text);
        if (Environment.GetEnvironmentVariable("FULLPATH_KEEP") == "1") Console.WriteLine($"profile: database kept in {folder}");
        else try { Directory.Delete(folder, true); } catch (IOException) { }
        return 0;
    }

    private sealed record Phase(int Requests, List<double> Latencies, double AllocatedKiB, IReadOnlyList<(string Origin, string Shape, long Count, TimeSpan Total)> Statements, long Transactions, long Connections, long Posts);

    private static async Task<Phase> MeasureAsync(Load load, InProcessBot bot, SlackStandIn api, StatementCounter counter, string path, Func<long, string> body, long from, int count, bool signed)
    {
        await DrainAsync(bot, api);
        var posts = api.Posts;
        counter.Clear();
        counter.Enabled = true;
        var allocated = GC.GetTotalAllocatedBytes(true);
        var latencies = await load.SequentialAsync(path, body, from, count, signed);
        await DrainAsync(bot, api);
        var bytes = GC.GetTotalAllocatedBytes(true) - allocated;
        counter.Enabled = false;
        return new Phase(count, latencies, bytes / 1024.0 / count, counter.Totals, counter.Transactions, counter.ConnectionsOpened, api.Posts - posts);
    }

    private static void Append(StringBuilder report, string title, Phase p, Phase baseline)
    {
        var perRequest = (double c) => (c / p.Requests).ToString("F2", CultureInfo.InvariantCulture);
        var request = p.Statements.Where(s => s.Origin == "request").ToList();
        var background = p.Statements.Where(s => s.Origin == "background").ToList();
        report.AppendLine(CultureInfo.InvariantCulture, $"## {title}\n");
        report.AppendLine(CultureInfo.InvariantCulture, $"- latency one at a time: mean {p.Latencies.Average():F2} ms, p50 {Load.Percentile(p.Latencies, 50):F2} ms, p99 {Load.Percentile(p.Latencies, 99):F2} ms");
        report.AppendLine(CultureInfo.InvariantCulture, $"- SQL statements per request: {perRequest(request.Sum(s => s.Count))} on the request ({request.Sum(s => s.Total.TotalMilliseconds) / p.Requests:F3} ms), {perRequest(background.Sum(s => s.Count))} in the background ({background.Sum(s => s.Total.TotalMilliseconds) / p.Requests:F3} ms; outbox delivery)");
        report.AppendLine(CultureInfo.InvariantCulture, $"- transactions committed per request: {perRequest(p.Transactions)} (explicit ones; SaveChanges opens its own), connections opened per request: {perRequest(p.Connections)}");
        report.AppendLine(CultureInfo.InvariantCulture, $"- chat.postMessage per request: {perRequest(p.Posts)}");
        report.AppendLine(CultureInfo.InvariantCulture, $"- allocated per request (whole process, incl. client and stand-in): {p.AllocatedKiB:F1} KiB; the same body with a bad signature (401): {baseline.AllocatedKiB:F1} KiB, so about {p.AllocatedKiB - baseline.AllocatedKiB:F1} KiB is the bot's work after the signature check");
        report.AppendLine();
        report.AppendLine("| origin | statement (shape) | per request | total ms |");
        report.AppendLine("|---|---|---:|---:|");
        foreach (var s in p.Statements)
            report.AppendLine(CultureInfo.InvariantCulture, $"| {s.Origin} | `{s.Shape.Replace("|", "\\|", StringComparison.Ordinal)}` | {perRequest(s.Count)} | {s.Total.TotalMilliseconds:F1} |");
        report.AppendLine();
    }

    private static async Task<List<long>> OpenTicketsAsync(InProcessBot bot, int count)
    {
        await using var scope = bot.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EscalationDbContext>();
        return await db.Tickets.AsNoTracking().Where(t => t.Status == TicketStatus.Queued && t.OwnerKey == null && t.Tier == 1)
            .OrderByDescending(t => t.Number).Select(t => t.Number).Take(count).ToListAsync();
    }

    /// <summary>Waits until no raise waits for its knowledge step and the outbox has nothing pending or in flight.</summary>
    public static async Task DrainAsync(InProcessBot bot, SlackStandIn api)
    {
        if (bot.Services.GetRequiredService<IConfiguration>()["Outbox:DispatchOnCommit"] == "false") return;
        for (var i = 0; i < 600; i++)
        {
            await using var scope = bot.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EscalationDbContext>();
            if (!await db.Tickets.AnyAsync(t => t.IntakePending) && !await db.OutboxMessages.AnyAsync(o => o.State == OutboxState.Pending || o.State == OutboxState.Sending)) return;
            await Task.Delay(50);
        }
    }

    private static string EngineCost(InProcessBot bot)
    {
        var policy = bot.Services.GetRequiredService<IPolicyProvider>().Current;
        var user = new UserRef("user001@bench.local", "user001");
        var now = DateTimeOffset.UtcNow;
        const int n = 20_000;
        var commands = Enumerable.Range(0, 256).Select(i => TicketForms.ToRaise(ChatCommandText.Raise($"printer on floor {i} jams", policy), user, "slack")).ToArray();
        Ticket? ticket = null;
        for (var i = 0; i < 2000; i++) ticket = EscalationEngine.Raise(commands[i % 256], i + 1, policy, now).Decision!.Ticket;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < n; i++) ticket = EscalationEngine.Raise(commands[i % 256], i + 1, policy, now).Decision!.Ticket;
        var engine = Stopwatch.GetElapsedTime(start).TotalMicroseconds / n;
        var engineBytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)n;
        var accept = new ChatEscalation.Core.Commands.AcceptTicket(new UserRef("alice@demo.local", "Alice"));
        start = Stopwatch.GetTimestamp();
        for (var i = 0; i < n; i++) _ = EscalationEngine.Decide(ticket!, accept, policy, now);
        var decide = Stopwatch.GetElapsedTime(start).TotalMicroseconds / n;
        start = Stopwatch.GetTimestamp();
        string json = "";
        for (var i = 0; i < n; i++) json = TicketJson.Serialize(ticket!);
        var serialize = Stopwatch.GetElapsedTime(start).TotalMicroseconds / n;
        start = Stopwatch.GetTimestamp();
        for (var i = 0; i < n; i++) _ = TicketJson.DeserializeTicket(json);
        var deserialize = Stopwatch.GetElapsedTime(start).TotalMicroseconds / n;
        return string.Create(CultureInfo.InvariantCulture, $"""
            ## Engine and JSON, alone ({n:N0} calls each, this thread)

            | work | µs per call |
            |---|---:|
            | `EscalationEngine.Raise` (allocates {engineBytes / 1024:F1} KiB) | {engine:F1} |
            | `EscalationEngine.Decide(accept)` | {decide:F1} |
            | `TicketJson.Serialize(ticket)` ({json.Length} chars) | {serialize:F1} |
            | `TicketJson.DeserializeTicket` | {deserialize:F1} |

            """);
    }
}
