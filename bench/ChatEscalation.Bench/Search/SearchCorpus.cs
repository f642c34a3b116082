using System.Diagnostics;
using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Engine;
using ChatEscalation.Core.Knowledge;
using ChatEscalation.Core.Policy;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Persistence;
using ChatEscalation.Persistence.Hosting;
using ChatEscalation.Persistence.Knowledge;
using ChatEscalation.Persistence.Rows;
using ChatEscalation.Persistence.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatEscalation.Bench.Search;

/// <summary>
/// One SQLite file with the committed migrations (so the FTS5 tables and their triggers are the product's): resolved tickets with
/// their fixes, published articles written from some of them, and open tickets reported in the last half hour.
/// </summary>
/// <remarks>
/// Rows are made the way the product makes them: a ticket raised, accepted and resolved by the engine is the template, and each
/// row is that ticket with its own number, title (<see cref="ReportTexts"/>), category (the routing keywords), fix and dates, written
/// with <see cref="RowMapper"/> through EF Core in batches; the triggers index every row as it is inserted.
/// </remarks>
public sealed class SearchCorpus : IAsyncDisposable
{
    /// <summary>Monday 2 March 2026 10:00 UTC: the instant the searches run at.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    private const int Batch = 5_000;
    private readonly ServiceProvider _services;

    private SearchCorpus(string path, ServiceProvider services)
    {
        Path = path;
        _services = services;
    }

    public string Path { get; }

    public static async Task<SearchCorpus> OpenAsync(SearchOptions options, EscalationPolicy policy, TextWriter log)
    {
        Directory.CreateDirectory(options.DataFolder);
        var path = System.IO.Path.Combine(options.DataFolder, $"search-{options.ResolvedTickets}-{options.Articles}-{options.OpenTickets}.db");
        var corpus = new SearchCorpus(path, Services(path, policy));
        if (options.Rebuild || !await corpus.MatchesAsync(options))
        {
            await corpus._services.DisposeAsync();
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" }) File.Delete(file);
            corpus = new SearchCorpus(path, Services(path, policy));
            var clock = Stopwatch.StartNew();
            log.WriteLine($"  building {options.ResolvedTickets:N0} resolved tickets, {options.Articles:N0} articles, {options.OpenTickets:N0} open tickets in {path} …");
            await corpus.BuildAsync(options, policy);
            log.WriteLine($"  built in {clock.Elapsed.TotalSeconds:F1} s, {new FileInfo(path).Length / 1_048_576.0:F0} MiB");
        }

        return corpus;
    }

    /// <summary>A fresh scope (a new DbContext from the pool of connections), as each pass of the knowledge step gets.</summary>
    public AsyncServiceScope Scope() => _services.CreateAsyncScope();

    public async Task<string> SqliteVersionAsync()
    {
        await using var scope = Scope();
        return (await scope.ServiceProvider.GetRequiredService<EscalationDbContext>().Database.SqlQuery<string>($"SELECT sqlite_version() AS \"Value\"").ToListAsync()).Single();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    private static ServiceProvider Services(string path, EscalationPolicy policy) => new ServiceCollection()
        .AddSingleton(policy)
        .AddSingleton<TimeProvider>(new FakeTimeProvider(Now))
        .AddEscalationPersistence(new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={path}"), ["local"])
        .BuildServiceProvider();

    private async Task<bool> MatchesAsync(SearchOptions options)
    {
        if (!File.Exists(Path)) return false;
        try
        {
            await using var scope = Scope();
            var db = scope.ServiceProvider.GetRequiredService<EscalationDbContext>();
            if ((await db.Database.GetPendingMigrationsAsync()).Any()) return false;
            return await db.Tickets.CountAsync(t => t.Status == TicketStatus.Resolved) == options.ResolvedTickets
                && await db.Tickets.CountAsync(t => t.Status == TicketStatus.Queued) == options.OpenTickets
                && await db.KnowledgeArticles.CountAsync() == options.Articles;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    private async Task BuildAsync(SearchOptions options, EscalationPolicy policy)
    {
        await PersistenceServiceRegistration.MigrateAsync(_services);
        var texts = new ReportTexts(seed: 1);
        var resolved = Template(policy, resolved: true);
        var open = Template(policy, resolved: false);
        var random = new Random(2);
        var fixes = new List<(long Number, string Title, string Fix, string Category)>();
        long number = 0;
        for (var done = 0; done < options.ResolvedTickets + options.OpenTickets; done += Batch)
        {
            await using var scope = Scope();
            var db = scope.ServiceProvider.GetRequiredService<EscalationDbContext>();
            for (var i = done; i < Math.Min(done + Batch, options.ResolvedTickets + options.OpenTickets); i++)
            {
                var title = texts.Title();
                var category = Routing.Suggest(title, policy).Category;
                Ticket ticket;
                if (i < options.ResolvedTickets)
                {
                    var fix = texts.Fix(title);
                    var raisedAt = Now - TimeSpan.FromMinutes(random.Next(60, 365 * 24 * 60));
                    ticket = resolved with { Number = ++number, Title = title, Description = title, Category = category, Resolution = fix, RaisedAt = raisedAt, ResolvedAt = raisedAt + TimeSpan.FromHours(2) };
                    if (fixes.Count < options.Articles && i % 7 == 0) fixes.Add((number, title, fix, category));
                }
                else
                {
                    ticket = open with { Number = ++number, Title = title, Description = title, Category = category, RaisedAt = Now - TimeSpan.FromMinutes(random.Next(0, 25)) };
                }

                db.Tickets.Add(RowMapper.ToRow(ticket));
            }

            await db.SaveChangesAsync();
        }

        await using (var scope = Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EscalationDbContext>();
            db.KnowledgeArticles.AddRange(fixes.Select(f => new KnowledgeArticle
            {
                TicketNumber = f.Number, Title = f.Title, Body = $"{f.Fix}. If it happens again, send the logs to Tier 2.", Category = f.Category,
                FromTier = 2, AuthorKey = "carol@demo.local", AuthorName = "Carol", CreatedAt = Now, Status = DraftState.Published,
                ReviewedByKey = "lena@demo.local", ReviewedByName = "Lena", ReviewedAt = Now,
            }));
            await db.SaveChangesAsync();
            await db.Counters.Where(c => c.Name == Counter.Tickets).ExecuteUpdateAsync(s => s.SetProperty(c => c.Value, number));
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE); ANALYZE;");
        }
    }

    private static Ticket Template(EscalationPolicy policy, bool resolved)
    {
        var alice = policy.Person("alice@demo.local");
        var ticket = EscalationEngine.Raise(new RaiseTicket(new UserRef("uma@demo.local", "Uma"), "local", "Template"), 1, policy, Now).Decision!.Ticket;
        if (!resolved) return ticket;
        ticket = EscalationEngine.Decide(ticket, new AcceptTicket(alice), policy, Now).Decision!.Ticket;
        return EscalationEngine.Decide(ticket, new ResolveTicket(alice, "Template fix of the template"), policy, Now).Decision!.Ticket;
    }
}
