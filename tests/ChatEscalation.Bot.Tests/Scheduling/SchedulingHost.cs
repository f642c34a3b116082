using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatEscalation.Bot.Hosting;
using ChatEscalation.Bot.Outbox;
using ChatEscalation.Bot.Scheduling;
using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Policy;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Persistence;
using ChatEscalation.Persistence.Rows;
using ChatEscalation.Persistence.Workflows;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ChatEscalation.Bot.Tests.Scheduling;

/// <summary>
/// The bot's real composition root (<see cref="ServiceRegistration.AddChatEscalation"/> + <see cref="ServiceRegistration.UseChatEscalationAsync"/>
/// over the repository's appsettings.json) on a TestServer, with a temporary SQLite file, <c>Scheduler:Enabled=false</c> and
/// <c>Local:DemoClock=false</c> unless overridden, and a <see cref="FakeTimeProvider"/> registered AFTER the host's registrations.
/// A given <see cref="IChatSender"/> replaces the host's senders (the emulator's <c>local</c> one); <c>services</c> adds registrations last.
/// </summary>
/// <remarks>Program.cs itself is not hosted through WebApplicationFactory: it compiles the policy before <c>Build()</c>, where the factory's
/// configuration is not yet applied. The two extension methods are the whole of Program.</remarks>
public sealed class SchedulingHost : IAsyncDisposable
{
    /// <summary>Tuesday 10 March 2026, 10:00 in London (GMT): business hours, no holiday, so nobody is paged.</summary>
    public static readonly DateTimeOffset T0 = new(2026, 3, 10, 10, 0, 0, TimeSpan.Zero);

    private readonly WebApplication _app;
    private readonly string _folder;
    private readonly bool _ownsFolder;

    private SchedulingHost(WebApplication app, string folder, bool ownsFolder, FakeTimeProvider time)
    {
        _app = app;
        _folder = folder;
        _ownsFolder = ownsFolder;
        Time = time;
    }

    public FakeTimeProvider Time { get; }

    public IServiceProvider Services => _app.Services;

    public EscalationPolicy Policy => Services.GetRequiredService<EscalationPolicy>();

    /// <summary>The folder holding the SQLite file (pass it to a second host to restart on the same database).</summary>
    public string Folder => _folder;

    public IEscalationRunner Runner => Services.GetRequiredService<IEscalationRunner>();

    public static async Task<SchedulingHost> StartAsync(
        IChatSender? sender = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        FakeTimeProvider? time = null,
        string? folder = null,
        Action<IServiceCollection>? services = null)
    {
        var ownsFolder = folder is null;
        folder ??= Directory.CreateTempSubdirectory("chatescalation-sched-").FullName;
        time ??= new FakeTimeProvider(T0);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Development" });
        builder.Configuration.UseRootAppSettings();
        var values = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Escalation"] = $"Data Source={Path.Combine(folder, "sched.db")}",
            ["Scheduler:Enabled"] = "false",
            ["Outbox:DispatchOnCommit"] = "false", // the tests dispatch when they choose
            ["Local:DemoClock"] = "false",
            ["Knowledge:AtIntake"] = "false", // cards reach their queue at the raise: these tests are about the clock, not the knowledge step
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        builder.Configuration.AddInMemoryCollection(values);
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.AddChatEscalation();
        builder.Services.AddSingleton<TimeProvider>(time);
        if (sender is not null)
        {
            builder.Services.RemoveAll<IChatSender>();
            builder.Services.AddSingleton(sender);
        }
        services?.Invoke(builder.Services);
        var app = builder.Build();
        await app.UseChatEscalationAsync();
        await app.StartAsync();
        return new SchedulingHost(app, folder, ownsFolder, time);
    }

    public UserRef Person(string email) => Policy.Person(email);

    public async Task<long> RaiseAsync(string title, Impact? impact = null, Urgency? urgency = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<TicketWorkflow>()
            .RaiseAsync(new RaiseTicket(Person("uma@demo.local"), "local", title, Impact: impact, Urgency: urgency));
        result.Succeeded.ShouldBeTrue(result.Message);
        return result.Ticket!.Number;
    }

    public async Task RunAsync(long number, TicketCommand command)
    {
        await using var scope = Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<TicketWorkflow>().ExecuteAsync(number, command);
        result.Succeeded.ShouldBeTrue($"{command.GetType().Name}: {result.Message}");
    }

    public async Task<List<OutboxMessage>> OutboxAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EscalationDbContext>().OutboxMessages.AsNoTracking().OrderBy(o => o.Id).ToListAsync();
    }

    public async Task<List<TicketEventRow>> EventsAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EscalationDbContext>().TicketEvents.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
    }

    /// <summary>A client of the host's TestServer (its requests have no remote address: they are not loopback connections).</summary>
    public HttpClient Client() => _app.GetTestClient();

    /// <summary>GET /healthz through the host's pipeline.</summary>
    public async Task<JsonObject> HealthAsync()
    {
        using var client = _app.GetTestClient();
        return (await client.GetFromJsonAsync<JsonObject>("/healthz"))!;
    }

    /// <summary>Moves the fake clock by <paramref name="step"/> until <paramref name="until"/>, dispatching (and sweeping) at each step.</summary>
    public async Task StepAsync(TimeSpan step, DateTimeOffset until, bool sweep = false)
    {
        while (Time.GetUtcNow() < until)
        {
            Time.Advance(step);
            if (sweep) await Runner.SweepNowAsync();
            await Runner.DispatchNowAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_ownsFolder)
            try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* best effort */ }
    }
}
