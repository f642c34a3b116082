using System.Diagnostics;
using System.Globalization;
using ChatEscalation.Bench.Shared;
using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Policy;
using ChatEscalation.Persistence;
using ChatEscalation.Persistence.Hosting;
using ChatEscalation.Persistence.Rows;
using ChatEscalation.Persistence.Sweeping;
using ChatEscalation.Persistence.Workflows;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatEscalation.Bench;

/// <summary>
/// One SQLite file with the committed migrations, <c>OpenTickets</c> open tickets and their deadlines, of which <c>Due</c> tickets
/// (spread evenly over the numbers) each have one deadline due at <see cref="BenchScenario.SweepAt"/>.
/// </summary>
/// <remarks>
/// Two template tickets are raised through the real <see cref="TicketWorkflow"/> (so every column is written the way the product
/// writes it) and cloned with one INSERT … SELECT over a recursive CTE per table, in one transaction, with each clone's number
/// written into its JSON state. The open tickets' deadlines are spread over the following week so the DueAt index is not one value.
/// The due tickets' rows are copied to Bench* tables; <see cref="ResetAsync"/> puts them back after a sweep.
/// </remarks>
public sealed class SweepDatabase : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly string _connectionString;
    private long _eventWatermark;
    private long _outboxWatermark;

    private SweepDatabase(string path, int openTickets, int due, ServiceProvider services)
    {
        Path = path;
        OpenTickets = openTickets;
        Due = due;
        _services = services;
        _connectionString = $"Data Source={path};Pooling=False";
    }

    public string Path { get; }

    public int OpenTickets { get; }

    public int Due { get; }

    /// <summary>Opens the file for this size, building it first when it is missing, of another shape, or <paramref name="rebuild"/>.</summary>
    public static async Task<SweepDatabase> OpenAsync(string folder, int openTickets, int due, EscalationPolicy policy, bool rebuild, TextWriter log, StatementProfiler? profiler = null)
    {
        Directory.CreateDirectory(folder);
        var path = System.IO.Path.Combine(folder, $"sweep-{openTickets}.db");
        var time = new FakeTimeProvider(BenchScenario.DueRaisedAt);
        var services = new ServiceCollection()
            .AddSingleton(policy)
            .AddSingleton<TimeProvider>(time)
            .AddEscalationPersistence(new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={path}"), ["local"]);
        if (profiler is not null) services.ConfigureDbContext<SqliteEscalationDbContext>(o => o.AddInterceptors(profiler));
        var provider = services.BuildServiceProvider();
        var db = new SweepDatabase(path, openTickets, due, provider);
        if (rebuild || !await db.MatchesAsync())
        {
            var clock = Stopwatch.StartNew();
            log.WriteLine($"  building {openTickets:N0} open tickets ({due:N0} due) in {path} …");
            await db.BuildAsync(time);
            log.WriteLine($"  built in {clock.Elapsed.TotalSeconds:F1} s, {new FileInfo(path).Length / 1_048_576.0:F0} MiB");
        }
        await db.LoadWatermarksAsync();
        await db.ResetAsync();
        return db;
    }

    /// <summary>Runs the host's sweep (batches of 500, a fresh scope like <c>EscalationRunner</c>) until nothing more is due.</summary>
    /// <returns>Tickets fired and the wall time of the sweep.</returns>
    public async Task<(int Tickets, TimeSpan Elapsed)> SweepAsync()
    {
        var clock = Stopwatch.StartNew();
        var tickets = 0;
        await using (var scope = _services.CreateAsyncScope())
        {
            var sweeper = scope.ServiceProvider.GetRequiredService<DeadlineSweeper>();
            for (var pass = 0; pass < 100; pass++)
            {
                var result = await sweeper.SweepAsync(BenchScenario.SweepAt, BenchScenario.SweepBatch);
                tickets += result.Tickets;
                if (result.Tickets + result.Skipped == 0) break;
            }
        }
        return (tickets, clock.Elapsed);
    }

    /// <summary>Puts the due tickets, their deadlines, and the event and outbox tables back as they were before any sweep.</summary>
    public async Task ResetAsync()
    {
        await ExecuteAsync($"""
            BEGIN;
            DELETE FROM Deadlines WHERE TicketNumber IN (SELECT Number FROM BenchDueTickets);
            INSERT INTO Deadlines SELECT * FROM BenchDueDeadlines;
            DELETE FROM Tickets WHERE Number IN (SELECT Number FROM BenchDueTickets);
            INSERT INTO Tickets SELECT * FROM BenchDueTickets;
            DELETE FROM TicketEvents WHERE Id > {_eventWatermark};
            DELETE FROM OutboxMessages WHERE Id > {_outboxWatermark};
            COMMIT;
            PRAGMA wal_checkpoint(TRUNCATE);
            """);
        var dueNow = await ScalarAsync($"SELECT COUNT(*) FROM Deadlines WHERE DueAt <= {BenchScenario.SweepAt.UtcTicks}");
        if (dueNow != Due) throw new InvalidOperationException($"After the reset {dueNow} deadlines are due, not {Due}.");
    }

    /// <summary>SQLite's plan for the sweep's due-rows query, one line per step.</summary>
    public async Task<IReadOnlyList<string>> DueQueryPlanAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        var ef = scope.ServiceProvider.GetRequiredService<EscalationDbContext>();
        var now = BenchScenario.SweepAt;
        var sql = ef.Deadlines.AsNoTracking()
            .Where(d => d.DueAt <= now && (d.ClaimedUntil == null || d.ClaimedUntil <= now))
            .OrderBy(d => d.DueAt).Take(BenchScenario.SweepBatch).Select(d => d.TicketNumber)
            .ToQueryString();
        var body = string.Join('\n', sql.Split('\n').Where(l => !l.StartsWith(".param", StringComparison.Ordinal)));
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + body;
        foreach (var p in sql.Split('\n').Where(l => l.StartsWith(".param set ", StringComparison.Ordinal)))
        {
            var parts = p[".param set ".Length..].Split(' ', 2);
            command.Parameters.AddWithValue(parts[0], long.Parse(parts[1], CultureInfo.InvariantCulture));
        }
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(3));
        return lines;
    }

    public async Task<string> SqliteVersionAsync() =>
        (await ScalarTextAsync("SELECT sqlite_version()")) ?? "?";

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    private async Task BuildAsync(FakeTimeProvider time)
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(Path + suffix);
        await PersistenceServiceRegistration.MigrateAsync(_services);

        long dueTemplate, openTemplate;
        await using (var scope = _services.CreateAsyncScope())
        {
            var workflow = scope.ServiceProvider.GetRequiredService<TicketWorkflow>();
            var reporter = new Core.Tickets.UserRef("uma@demo.local", "Uma");
            time.SetUtcNow(BenchScenario.DueRaisedAt);
            dueTemplate = (await workflow.RaiseAsync(new RaiseTicket(reporter, "local", BenchScenario.Title))).Ticket!.Number;
            time.SetUtcNow(BenchScenario.OpenRaisedAt);
            openTemplate = (await workflow.RaiseAsync(new RaiseTicket(reporter, "local", BenchScenario.Title))).Ticket!.Number;
        }
        var state = await ScalarTextAsync($"SELECT State FROM Tickets WHERE Number = {dueTemplate}") ?? "";
        if (!state.Contains($"\"number\":{dueTemplate},", StringComparison.Ordinal))
            throw new InvalidOperationException("The ticket JSON no longer holds \"number\":n, — update the clone SQL.");

        var stride = OpenTickets / Due;
        const long spreadTicks = TimeSpan.TicksPerMinute; // open tickets' deadlines spread over 10,000 minutes (about a week)
        var template = $"CASE WHEN i % {stride} = 0 THEN {dueTemplate} ELSE {openTemplate} END";
        await ExecuteAsync($"""
            PRAGMA journal_mode=WAL;
            PRAGMA synchronous=OFF;
            BEGIN;
            {TicketCloneSql.Statements(OpenTickets, template, $"CASE WHEN i % {stride} = 0 THEN d.DueAt ELSE d.DueAt + (i % 10000) * {spreadTicks} END")}
            DROP TABLE IF EXISTS BenchDueTickets; DROP TABLE IF EXISTS BenchDueDeadlines; DROP TABLE IF EXISTS BenchShape;
            CREATE TABLE BenchDueTickets AS SELECT * FROM Tickets WHERE (Number - 1) % {stride} = 0;
            CREATE TABLE BenchDueDeadlines AS SELECT * FROM Deadlines WHERE TicketNumber IN (SELECT Number FROM BenchDueTickets);
            CREATE TABLE BenchShape (OpenTickets INTEGER, Due INTEGER);
            INSERT INTO BenchShape VALUES ({OpenTickets}, {Due});
            COMMIT;
            PRAGMA synchronous=NORMAL;
            PRAGMA wal_checkpoint(TRUNCATE);
            """);
    }

    private async Task<bool> MatchesAsync()
    {
        if (!File.Exists(Path)) return false;
        try
        {
            return await ScalarTextAsync("SELECT OpenTickets || '/' || Due FROM BenchShape") == $"{OpenTickets}/{Due}";
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    private async Task LoadWatermarksAsync()
    {
        _eventWatermark = await ScalarAsync("SELECT COALESCE(MAX(Id), 0) FROM TicketEvents");
        _outboxWatermark = await ScalarAsync("SELECT COALESCE(MAX(Id), 0) FROM OutboxMessages");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> ScalarAsync(string sql) => Convert.ToInt64(await ScalarObjectAsync(sql), CultureInfo.InvariantCulture);

    private async Task<string?> ScalarTextAsync(string sql) => (await ScalarObjectAsync(sql))?.ToString();

    private async Task<object?> ScalarObjectAsync(string sql)
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
