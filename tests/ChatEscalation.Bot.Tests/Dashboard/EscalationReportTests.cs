using ChatEscalation.Bot.Dashboard;
using ChatEscalation.Bot.Tests.Local;
using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Policy;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Core.Views;
using ChatEscalation.Persistence;
using ChatEscalation.Persistence.Hosting;
using ChatEscalation.Persistence.Rows;
using ChatEscalation.Persistence.Sweeping;
using ChatEscalation.Persistence.Workflows;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatEscalation.Bot.Tests.Dashboard;

/// <summary>The dashboard's figures over a SQLite file seeded through the real workflow: raise, accept, escalate, resolve, reopen, sweep.</summary>
public sealed class EscalationReportTests : IAsyncLifetime
{
    // Monday 12 Jan 2026 09:00 in London (GMT): the desk is open.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 12, 9, 0, 0, TimeSpan.Zero));
    private readonly string _folder = Directory.CreateTempSubdirectory("chatescalation-report-").FullName;
    private ServiceProvider _services = null!;
    private EscalationFigures _figures = null!;

    private static EscalationPolicy Policy => LocalFixtures.Policy;
    private static UserRef Uma => Policy.Person("uma@demo.local");
    private static UserRef Alice => Policy.Person("alice@demo.local");
    private static UserRef Bob => Policy.Person("bob@demo.local");
    private static UserRef Carol => Policy.Person("carol@demo.local");

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Escalation"] = $"Data Source={Path.Combine(_folder, "report.db")}",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton(Policy);
        services.AddSingleton<TimeProvider>(_time);
        services.AddEscalationPersistence(configuration, _folder);
        services.AddScoped<EscalationReport>();
        _services = services.BuildServiceProvider();
        await PersistenceServiceRegistration.MigrateAsync(_services);
        await SeedAsync();
        await using var scope = _services.CreateAsyncScope();
        _figures = await scope.ServiceProvider.GetRequiredService<EscalationReport>().ComputeAsync();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task SeedAsync()
    {
        // 1: resolved at Tier 1 by Alice, no escalation.
        var vpn = await RaiseAsync("VPN drops every 10 minutes");
        await RunAsync(vpn, new AcceptTicket(Alice));
        _time.Advance(TimeSpan.FromHours(1));
        await RunAsync(vpn, new ResolveTicket(Alice, "Renewed the VPN certificate"));

        // 2: Alice escalates to Tier 2 with a handoff note; Carol resolves.
        var outlook = await RaiseAsync("Outlook crashes when opening the calendar");
        await RunAsync(outlook, new AcceptTicket(Alice));
        _time.Advance(TimeSpan.FromHours(2));
        await RunAsync(outlook, new EscalateTicket(Alice, new HandoffNote("Repaired Office", "Still crashes", "Check the mailbox")));
        await RunAsync(outlook, new AcceptTicket(Carol));
        _time.Advance(TimeSpan.FromHours(1));
        await RunAsync(outlook, new ResolveTicket(Carol, "Rebuilt the calendar folder"));

        // 3: Bob resolves, Uma reopens (back to the queue), Bob accepts again and escalates (a repeat after reopen), Carol resolves.
        var printer = await RaiseAsync("Printer jams on every page");
        await RunAsync(printer, new AcceptTicket(Bob));
        await RunAsync(printer, new ResolveTicket(Bob, "Cleared the paper path"));
        await RunAsync(printer, new ReopenTicket(Uma, "It jams again"));
        await RunAsync(printer, new AcceptTicket(Bob));
        await RunAsync(printer, new EscalateTicket(Bob, new HandoffNote("Cleared the path twice", "Jams again", "Replace the fuser")));
        await RunAsync(printer, new AcceptTicket(Carol));
        await RunAsync(printer, new ResolveTicket(Carol, "Replaced the fuser"));

        // 4: a payroll ticket (critical service, P2 at Tier 2) that nobody touches for two business days.
        await RaiseAsync("Payroll export fails for the whole team");
        for (var i = 0; i < 40; i++)
        {
            _time.Advance(TimeSpan.FromHours(1));
            await using var scope = _services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DeadlineSweeper>().SweepAsync(_time.GetUtcNow());
        }

        await using (var scope = _services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EscalationDbContext>();
            db.OutboxMessages.Add(new OutboxMessage
            {
                TicketNumber = vpn, Platform = "slack", Kind = Core.Notifications.NotificationKind.Direct, Audience = "dm:uma@demo.local",
                AudienceJson = "{}", Text = "x", State = OutboxState.Parked, Attempts = 12, LastError = "user_not_found",
                CreatedAt = _time.GetUtcNow(), NextAttemptAt = _time.GetUtcNow(), IdempotencyKey = "parked-test",
            });
            await db.SaveChangesAsync();
        }
    }

    private async Task<long> RaiseAsync(string title)
    {
        await using var scope = _services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<TicketWorkflow>().RaiseAsync(new RaiseTicket(Uma, "local", title));
        result.Succeeded.ShouldBeTrue(result.Message);
        return result.Ticket!.Number;
    }

    private async Task RunAsync(long number, TicketCommand command)
    {
        await using var scope = _services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<TicketWorkflow>().ExecuteAsync(number, command);
        result.Succeeded.ShouldBeTrue($"{command.GetType().Name}: {result.Message}");
    }

    [Fact]
    public async Task KnowledgeAsync_SeededDesk_FixesFromTier2NewestFirstNotTier1s()
    {
        await using var scope = _services.CreateAsyncScope();

        var drafts = await scope.ServiceProvider.GetRequiredService<EscalationReport>().KnowledgeAsync();

        drafts.Select(d => d.Fix).ShouldBe(["Replaced the fuser", "Rebuilt the calendar folder"]);
        drafts.ShouldAllBe(d => d.FromTier == 2 && d.Author == "Carol (Tier 2)");
        drafts[0].Title.ShouldBe("Printer jams on every page");
        drafts[0].Key.ShouldBe(Core.Tickets.TicketKey.Format(drafts[0].Ticket));
    }

    [Fact]
    public void ComputeAsync_SeededDesk_CountsOneOpenTicketBreachedAfterTwoDays()
    {
        _figures.OpenTickets.ShouldBe(1);
        _figures.OpenByTierAndSla.Sum(o => o.Count).ShouldBe(1);
        _figures.OpenByTierAndSla.Single().Sla.ShouldBe(SlaState.Breached);
    }

    [Fact]
    public void ComputeAsync_SeededDesk_FirstContactResolutionIsOneOfThreeBelowTheBand()
    {
        _figures.FirstContact.Resolved.ShouldBe(3);
        _figures.FirstContact.ResolvedAtTier1WithoutEscalation.ShouldBe(1);
        _figures.FirstContact.Band.ShouldBe("below");
    }

    [Fact]
    public void ComputeAsync_SeededDesk_EscalationsByTechnicianCountPeopleAndAutomaticApartNextToResolutions()
    {
        _figures.ByTechnician.Select(t => (t.Key, t.Count, t.Resolved)).OrderBy(t => t.Key)
            .ShouldBe([("alice@demo.local", 1, 1), ("bob@demo.local", 1, 1), ("carol@demo.local", 0, 2)]);
        _figures.AutomaticEscalations.ShouldBeGreaterThan(0);
        _figures.ByCategory.Sum(c => c.Automatic).ShouldBe(_figures.AutomaticEscalations);
        _figures.ByCategory.Sum(c => c.Manual).ShouldBe(2);
    }

    [Fact]
    public void ComputeAsync_SeededDesk_EscalationAfterReopenIsARepeat()
    {
        _figures.Repeats.ShouldContain(r => r.Ticket == 3 && r.Reason == "after reopen");
        _figures.Repeats.ShouldNotContain(r => r.Ticket == 2);
    }

    [Fact]
    public void ComputeAsync_SeededDesk_SlaComplianceCountsTheOpenBreachAsAMiss()
    {
        _figures.SlaCompliance.Sum(p => p.Resolved).ShouldBe(3);
        _figures.SlaCompliance.Sum(p => p.Met).ShouldBe(3);
        var p2 = _figures.SlaCompliance.Single(p => p.Priority == Priority.P2); // the payroll ticket, open and breached
        p2.OpenBreached.ShouldBe(1);
        p2.Rate.ShouldBe(0.0);
        _figures.SlaCompliance.Where(p => p.Priority != Priority.P2).ShouldAllBe(p => p.Rate == 1.0);
    }

    [Fact]
    public void ComputeAsync_SeededDesk_TimeInTierFollowsTheAuditTrail()
    {
        var tier1 = _figures.TimeInTier.Single(t => t.Tier == 1);
        tier1.Tickets.ShouldBe(3);
        // VPN 1 h + Outlook 2 h at Tier 1 (the printer's stays were instantaneous).
        tier1.Total.ShouldBe(TimeSpan.FromHours(3));
        _figures.TimeInTier.Single(t => t.Tier == 2).Total.ShouldBeGreaterThan(TimeSpan.FromHours(1));
    }

    [Fact]
    public void ComputeAsync_SeededDesk_ListsParkedOutboxMessages()
    {
        _figures.Parked.ShouldHaveSingleItem().LastError.ShouldBe("user_not_found");
    }

    [Fact]
    public void SummaryCsv_SeededDesk_HasOneLinePerFigureWithHeader()
    {
        var csv = DashboardCsv.Write(_figures);
        csv.ShouldStartWith("section,key,subkey,value\r\n");
        csv.ShouldContain("first_contact_resolution,rate,below,0.3333");
        csv.ShouldContain("escalations_by_technician,alice@demo.local,Alice (Tier 1),1");
        csv.ShouldContain("sla_compliance,P2,open_breached,1");
    }

    [Fact]
    public async Task ExportAsync_SeededDesk_OneRowPerTicketWithTimesTiersOwnerPriorityOutcomeAndEscalations()
    {
        await using var scope = _services.CreateAsyncScope();

        var csv = await scope.ServiceProvider.GetRequiredService<EscalationReport>().ExportAsync(DashboardViewer.Everyone, ReportRange.LastDays(30, _time.GetUtcNow()));

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe(TicketCsv.Header);
        lines.Length.ShouldBe(5);
        lines[1].ShouldStartWith("1,INC-000001,VPN drops every 10 minutes,");
        lines[1].ShouldContain(",Alice (Tier 1),Uma (end user),2026-01-12T09:00:00Z,");
        lines[1].ShouldContain(",met,0,0");
        lines[2].ShouldContain("T1 > T2");
        lines[2].ShouldContain(",met,1,0");
        lines[4].ShouldStartWith("4,INC-000004,Payroll export fails for the whole team,P2,");
        lines[4].ShouldContain(",breached,");
    }

    [Fact]
    public void ComputeAsync_SeededDesk_RatesBesideCounts()
    {
        _figures.Raised.ShouldBe(4);
        _figures.RaisedAndEscalated.ShouldBe(3); // Outlook and printer (by people), payroll (by the trigger)
        _figures.EscalationRate.ShouldBe(0.75);
        _figures.Weeks.Sum(w => w.Raised).ShouldBe(4);
        _figures.Weeks.Sum(w => w.Escalations).ShouldBe(2 + _figures.AutomaticEscalations);
    }

    [Fact]
    public async Task TicketsAsync_SeededDesk_OpenListBreachedFirstWithTheEngineView()
    {
        await using var scope = _services.CreateAsyncScope();

        var open = await scope.ServiceProvider.GetRequiredService<EscalationReport>().TicketsAsync(DashboardViewer.Everyone, openOnly: true);

        open.ShouldHaveSingleItem().Key.ShouldBe("INC-000004");
        open[0].SlaState.ShouldBe(SlaState.Breached);
        open[0].SlaMinutesLeft.ShouldNotBeNull().ShouldBeLessThan(0);
    }
}
