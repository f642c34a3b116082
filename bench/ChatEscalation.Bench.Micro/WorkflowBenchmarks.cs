using BenchmarkDotNet.Attributes;
using ChatEscalation.Bot.Hosting;
using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Policy;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Persistence.Hosting;
using ChatEscalation.Persistence.Outbox;
using ChatEscalation.Persistence.Storage;
using ChatEscalation.Persistence.Workflows;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatEscalation.Bench.Micro;

/// <summary>
/// The persistence half of a first-time request, without HTTP or a platform: a Slack raise and then an Accept of that ticket by a
/// technician, each with its receipt and its answer row, through the composition the host uses on SQLite (pooled contexts, the
/// group-commit writer, <c>synchronous=FULL</c>, the demo policy of appsettings.json). Every invocation raises a new ticket, so the
/// database grows through the run as it does under load. Allocation counts are exact where wall-clock rates on this shared machine
/// are not: compare commits by both.
/// </summary>
[MemoryDiagnoser]
public class WorkflowBenchmarks
{
    /// <summary>In memory (<c>/dev/shm</c>) where there is one: a disk's sync time (a few milliseconds a commit here, varying) would hide the
    /// code's cost, which is what this compares. The webhook benchmarks measure with the disk.</summary>
    private readonly string folder = Path.Combine(Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath(), "chatescalation-workflow-bench-" + Guid.NewGuid().ToString("N"));
    private ServiceProvider services = null!;
    private UserRef technician = null!;
    private readonly UserRef reporter = new("slack:U0REPORTER", "Uma Reporter");
    private long n;

    [GlobalSetup]
    public void Setup()
    {
        Directory.CreateDirectory(folder);
        var policy = PolicyLoader.Load(new ConfigurationBuilder().AddJsonFile(Path.Combine(RepositoryRoot.Find(), "appsettings.json")).Build());
        technician = policy.Tiers.SelectMany(t => t.Members.Concat(t.Leads)).Select(policy.Person).First();
        services = new ServiceCollection()
            .AddSingleton(policy)
            .AddSingleton(TimeProvider.System)
            .AddEscalationPersistence(new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "escalation.db")}"), [Platforms.Slack])
            .BuildServiceProvider();
        PersistenceServiceRegistration.MigrateAsync(services).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        services.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>One pair at a time: the latency of a raise and an Accept, the writer's hand-offs included.</summary>
    [Benchmark]
    public Task<CommandResult> RaiseThenAccept() => PairAsync(Interlocked.Increment(ref n));

    /// <summary>
    /// 32 pairs at once, as under load (the wrk runs hold 32 connections): the writer commits them in batches, so the time per pair is
    /// what the two cores can do, the code's CPU cost rather than its hand-offs.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Concurrent)]
    public Task RaiseThenAccept32() => Task.WhenAll(Enumerable.Range(0, Concurrent).Select(_ => Task.Run(() => PairAsync(Interlocked.Increment(ref n)))));

    private const int Concurrent = 32;

    private async Task<CommandResult> PairAsync(long i)
    {
        long number;
        await using (var scope = services.CreateAsyncScope())
        {
            var raised = await scope.ServiceProvider.GetRequiredService<TicketWorkflow>()
                .RaiseAsync(new RaiseTicket(reporter, Platforms.Slack, $"VPN drops every {i} minutes"), Answered("raise", i));
            number = raised.Ticket?.Number ?? throw new InvalidOperationException(raised.Message);
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var accepted = await scope.ServiceProvider.GetRequiredService<TicketWorkflow>().ExecuteAsync(number, new AcceptTicket(technician), Answered("accept", i));
            return accepted.Succeeded ? accepted : throw new InvalidOperationException(accepted.Message);
        }
    }

    /// <summary>A request's receipt and an ephemeral answer to the person, as the Slack adapter passes them.</summary>
    private Inbound Answered(string kind, long i) =>
        new(new InboundReceipt(Platforms.Slack, $"{kind}:{i}"),
            result => new OutboxReply(Platforms.Slack, "C0QUEUE", reporter, result.Message, result.Ticket?.Number, """{"channel":"C0QUEUE","user":"U0REPORTER","ephemeral":true}"""));
}
