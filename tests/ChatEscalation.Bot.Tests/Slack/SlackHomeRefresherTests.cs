using ChatEscalation.Bot.Home;
using ChatEscalation.Bot.Slack;
using ChatEscalation.Bot.Tests.Local;
using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Engine;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Core.Views;
using ChatEscalation.Persistence.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ChatEscalation.Bot.Tests.Slack;

/// <summary>The refresher's bookkeeping, without its worker: whom it remembers, what it schedules and when.</summary>
public sealed class SlackHomeRefresherTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 10, 10, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider time = new(T0);

    private SlackHomeRefresher Refresher() => new(new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(),
        new FixedPolicyProvider(LocalFixtures.Policy), time, NullLogger<SlackHomeRefresher>.Instance);

    [Fact]
    public void Opened_MoreThanTheLimit_TheLeastRecentlyOpenedIsForgotten()
    {
        var homes = Refresher();

        for (var i = 0; i <= HomeRefresh.MaxPeople; i++)
        {
            homes.Opened(new UserRef($"person{i}@demo.local", $"Person {i}"), $"U{i}");
            time.Advance(TimeSpan.FromMilliseconds(1));
        }

        homes.Remembered.ShouldBe(HomeRefresh.MaxPeople);
        homes.Staged(Change("person0@demo.local"));
        homes.DueOf("person0@demo.local").ShouldBe(T0); // only its open, nothing new: it is forgotten
    }

    [Fact]
    public void Staged_SeveralChangesWhileAPublishWaits_JoinItOneEntryPerPerson()
    {
        var homes = Refresher();
        foreach (var (key, id) in new[] { ("uma@demo.local", "U0UMA"), ("alice@demo.local", "U0ALICE"), ("victor@demo.local", "U0VICTOR") })
            homes.Opened(new UserRef(key, key), id);
        var openedAt = time.GetUtcNow();

        time.Advance(TimeSpan.FromSeconds(1));
        homes.Staged(Change("uma@demo.local"));
        time.Advance(TimeSpan.FromSeconds(1));
        homes.Staged(Change("uma@demo.local"));

        homes.Pending.ShouldBe(3); // one entry per person, however many changes (the worker is not running here)
        homes.DueOf("uma@demo.local").ShouldBe(openedAt); // the open's publish, still waiting, shows the changes too
        homes.DueOf("alice@demo.local").ShouldBe(openedAt);
        homes.DueOf("victor@demo.local").ShouldBe(openedAt); // not concerned: only the open
    }

    [Fact]
    public void Staged_NobodyOpenedAHome_NothingScheduled()
    {
        var homes = Refresher();

        homes.Staged(Change("uma@demo.local"));

        homes.Pending.ShouldBe(0);
    }

    /// <summary>A new Tier 1 ticket raised by <paramref name="reporter"/>.</summary>
    private HomeChange Change(string reporter)
    {
        var raised = EscalationEngine.Raise(new RaiseTicket(new UserRef(reporter, reporter), "slack", "Printer jams", null, null, null, null, null), 1,
            LocalFixtures.Policy, time.GetUtcNow());
        return new HomeChange(null, null, null, raised.Decision!.Ticket);
    }
}
