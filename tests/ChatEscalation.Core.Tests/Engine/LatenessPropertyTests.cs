using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Engine;
using ChatEscalation.Core.Policy;
using ChatEscalation.Core.Policy.Options;
using ChatEscalation.Core.Tests.Engine.Support;
using ChatEscalation.Core.Tickets;
using Xunit.Abstractions;

namespace ChatEscalation.Core.Tests.Engine;

/// <summary>
/// The property behind "Late by …": it may only be said when the bot really was not running. So when every deadline is fired at
/// exactly its due instant, as a sweep that never stops would, nothing is ever late, whatever the ticket, the policy, the clock
/// and whatever people do in between. Many random desks are driven through the engine deadline by deadline.
/// </summary>
public class LatenessPropertyTests(ITestOutputHelper output)
{
    private const int Desks = 250;
    private const int MaxSteps = 250;

    private static readonly UserRef[] Staff = [People.Alice, People.Bob, People.Lena, People.Carol, People.Dave, People.Mike, People.Erin, People.Frank, People.Gina, People.Maria];
    private static readonly UserRef[] Reporters = [People.Uma, People.Victor];
    private static readonly string[] Titles = ["VPN drops every 10 minutes", "Payroll export fails", "Printer on floor 3 jams", "SQL replication lag", "Outlook will not start", "Something odd"];

    [Fact]
    public void Tick_EveryDeadlineFiredAtItsDueInstant_NothingIsEverLate()
    {
        var fired = 0;
        var acted = 0;
        for (var seed = 1; seed <= Desks; seed++)
        {
            var random = new Random(seed);
            var policy = RandomPolicy(random);
            var raisedAt = At.Utc(2026, 1, 5) + TimeSpan.FromMinutes(random.Next(0, 60 * 24 * 90)); // any minute of a quarter, DST and holidays included
            var command = new RaiseTicket(Pick(random, Reporters), "local", Pick(random, Titles), null, null,
                (Impact)random.Next(0, 3), (Urgency)random.Next(0, 3), random.Next(4) == 0 ? "Payroll" : null);
            var raised = EscalationEngine.Raise(command, seed, policy, raisedAt).Decision!;
            var ticket = raised.Ticket;
            var now = raisedAt;
            AssertNotLate(seed, raised, now);

            for (var step = 0; step < MaxSteps && DeadlinePlanner.Next(ticket, policy) is { } next; step++)
            {
                next.DueAt.ShouldBeGreaterThanOrEqualTo(now, $"seed {seed}: {next.Kind} planned before the decision that armed it");
                if (random.Next(3) == 0)
                {
                    // Somebody acts before the next deadline (refusals are fine: they change nothing).
                    var at = now + TimeSpan.FromTicks((long)((next.DueAt - now).Ticks * random.NextDouble()));
                    var outcome = EscalationEngine.Decide(ticket, RandomCommand(random, ticket), policy, at);
                    now = at;
                    if (outcome.IsDecision)
                    {
                        AssertNotLate(seed, outcome.Decision!, now);
                        ticket = outcome.Decision!.Ticket;
                        acted++;
                    }
                    continue;
                }
                now = next.DueAt;
                var decision = EscalationEngine.Tick(ticket, policy, now);
                AssertNotLate(seed, decision, now);
                decision.Events.ShouldNotBeEmpty($"seed {seed}: {next.Kind} was due at {now:u} but nothing fired");
                ticket = decision.Ticket;
                fired++;
            }
        }
        output.WriteLine($"{Desks} desks, {fired} deadlines fired at their due instant, {acted} commands in between: none late.");
        fired.ShouldBeGreaterThan(Desks * 10);
    }

    private static void AssertNotLate(int seed, Decision decision, DateTimeOffset now)
    {
        foreach (var e in decision.Events) e.Late.ShouldBeNull($"seed {seed}: {e.Kind} at {now:u} marked late: {e.Text}");
        foreach (var n in decision.Notifications) n.Text.ShouldNotContain("Late by", Case.Sensitive, $"seed {seed} at {now:u}");
        foreach (var d in decision.Deadlines) d.DueAt.ShouldBeGreaterThanOrEqualTo(now, $"seed {seed}: {d.Kind} planned in the past at {now:u}");
    }

    private static EscalationPolicy RandomPolicy(Random random) => TestPolicy.With(o =>
    {
        o.OnCall.RepageEvery = Pick(random, ["5m", "10m", "15m"]);
        o.OnCall.AttemptsPerLevel = random.Next(1, 4);
        o.OnCall.ManagerRepageEvery = Pick(random, ["30m", "1h"]);
        o.OnCall.HoldWhenUncovered = random.Next(2) == 0;
        if (random.Next(3) == 0)
            o.OnCall.Rotations["desktop-apps"].Overrides.Add(new RotationOverrideOptions { From = "2026-01-09T18:00", To = "2026-01-12T09:00" });
        if (random.Next(3) == 0) o.Tiers[random.Next(0, 3)].Leads.Clear();
        if (random.Next(2) == 0) o.Categories["Network"].Vendor = "Contoso Networks";
        o.Priorities["P1"].EscalateAfter = Pick(random, ["20m", "30m", "1h"]);
        o.Priorities["P2"].EscalateAfter = Pick(random, ["2h", "4h", "1d"]);
        o.Priorities["P2"].Calendar = Pick(random, ["business", "24x7"]);
    });

    private static TicketCommand RandomCommand(Random random, Ticket t)
    {
        var actor = Pick(random, Staff);
        var manager = People.Maria;
        return random.Next(14) switch
        {
            0 or 1 => new AcceptTicket(actor),
            2 => new EscalateTicket(t.Owner ?? actor, Handoffs.Good, random.Next(3) == 0 ? random.Next(1, 5) : null),
            3 => new ResolveTicket(t.Owner ?? actor, "Replaced the cable and tested it twice"),
            4 => new ReopenTicket(t.Reporter, "Still broken after the fix"),
            5 => new WaitOnUser(t.Owner ?? actor, "Which floor are you on?"),
            6 => new AddNote(random.Next(2) == 0 ? t.Reporter : actor, "More detail about the problem"),
            7 => new AcknowledgePage(t.Page?.Person is { } paged ? new UserRef(paged, paged) : actor),
            8 => new ReassignTicket(manager, "Better placed there", random.Next(2) == 0 ? random.Next(1, 5) : null, random.Next(2) == 0 ? actor : null),
            9 => new TakeOverTicket(random.Next(2) == 0 ? manager : actor),
            10 => new OverridePriority(manager, (Priority)random.Next(1, 5), "Business impact changed"),
            11 => new LinkVendorCase(t.Owner ?? actor, "Contoso Networks", "CN-1234"),
            12 => new EscalateToManager(t.Reporter, "Nobody has called me back"),
            _ => new ResumeTicket(t.Reporter),
        };
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
