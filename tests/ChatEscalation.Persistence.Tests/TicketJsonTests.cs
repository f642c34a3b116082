using System.Collections.Immutable;
using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Engine;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Persistence.Storage;
using Microsoft.EntityFrameworkCore;
using static ChatEscalation.Persistence.Tests.TestPolicy;

namespace ChatEscalation.Persistence.Tests;

public sealed class TicketJsonTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    [Fact]
    public async Task ToTicket_ComplexTicketSavedAndLoaded_RoundTripsEveryField()
    {
        var raised = EscalationEngine.Raise(new RaiseTicket(Uma, "teams", "VPN drops every 10 minutes", "Since Monday", Impact: Impact.High, Urgency: Urgency.High), 4242, Policy, T0).Decision!.Ticket;
        var at = T0.ToOffset(TimeSpan.FromHours(1));
        var original = raised with
        {
            Owner = Carol,
            Status = TicketStatus.WaitingOnUser,
            Marks = ImmutableSortedSet.Create("warn:T1", "manager", "breach", "vendor-respond"),
            LastHandoff = new HandoffNote("Reset the profile", "Still drops", "Concentrator logs"),
            LastNote = "Asked the user for the client log",
            Vendor = new VendorCase("Contoso Networks", "Gold 24x7", "CN-991", at, at.AddHours(2), at.AddDays(1), at.AddHours(4)),
            Page = new ActivePage(2, 1, "dave@demo.local", 2, at, at.AddMinutes(10)),
            HeldUntil = at.AddHours(8),
            Sla = new BusinessClock(T0, TimeSpan.FromMinutes(95), at.AddMinutes(30)),
            FirstAcceptedAt = at.AddMinutes(3),
            EscalationCount = 2,
            ReopenCount = 1,
            HighestTier = 3,
            ManagerEngaged = true,
            Version = 7,
        };

        await using (var db = database.NewContext())
        {
            db.Tickets.Add(RowMapper.ToRow(original));
            await db.SaveChangesAsync();
        }
        await using var read = database.NewContext();
        var loaded = RowMapper.ToTicket(await read.Tickets.SingleAsync(t => t.Number == 4242));

        loaded.Marks.ShouldBeOfType<ImmutableSortedSet<string>>();
        loaded.Marks.ShouldBe(["breach", "manager", "vendor-respond", "warn:T1"]);
        (loaded with { Marks = original.Marks }).ShouldBe(original);
        loaded.Terms.ShouldBe(original.Terms);
        loaded.Vendor!.RespondBy.Offset.ShouldBe(TimeSpan.FromHours(1));
        TicketJson.Serialize(loaded).ShouldBe(TicketJson.Serialize(original));
    }
}
