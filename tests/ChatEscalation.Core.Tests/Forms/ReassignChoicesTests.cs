using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Forms;
using ChatEscalation.Core.Tests.Engine.Support;

namespace ChatEscalation.Core.Tests.Forms;

public class ReassignChoicesTests
{
    [Fact]
    public void From_Policy_EveryTierAndOnlyStaff_LowestTierFirstManagersLast()
    {
        var choices = ReassignChoices.From(TestPolicy.Default());

        choices.Tiers.Select(t => t.Value).ShouldBe(["1", "2", "3", "4"]);
        choices.Tiers[1].Label.ShouldBe("Tier 2 · Tier 2 – Desktop & Apps");
        var keys = choices.People.Select(p => p.Value).ToList();
        keys.ShouldNotContain("uma@demo.local");
        keys.ShouldNotContain("victor@demo.local");
        keys[0].ShouldBe("alice@demo.local");
        keys[^1].ShouldBe("maria@demo.local");
        keys.IndexOf("carol@demo.local").ShouldBeLessThan(keys.IndexOf("erin@demo.local"));
    }

    [Fact]
    public void From_PlainNames_RoleAdded_NameThatSaysItAlready_NotRepeated()
    {
        var policy = TestPolicy.With(o =>
        {
            o.People.RemoveAll(p => p.Email == "frank@demo.local");
            o.People.Add(new() { Email = "frank@demo.local", Name = "Frank" });
        });

        var people = ReassignChoices.From(policy).People;

        people.Single(p => p.Value == "frank@demo.local").Label.ShouldBe("Frank (Tier 3 lead)");
        people.Single(p => p.Value == "carol@demo.local").Label.ShouldBe("Carol (Tier 2)");
    }

    [Theory]
    [InlineData("3", "", "Needs infra", 3, null)]
    [InlineData("", "Carol@Demo.local", "Knows it", null, "carol@demo.local")]
    [InlineData("x", " ", " ", null, null)]
    public void FromForm_ReadsTierOwnerAndReason(string tier, string owner, string reason, int? toTier, string? toOwner)
    {
        var c = ReassignTicket.FromForm(People.Maria, tier, owner, reason);

        c.ToTier.ShouldBe(toTier);
        c.ToOwner?.Key.ShouldBe(toOwner);
        c.Reason.ShouldBe(reason.Trim());
    }

    [Fact]
    public void AnyCommand_ActorKnownToThePolicyUnderAnotherName_NamedAsThePolicyNamesThem()
    {
        var desk = new Desk();
        desk.RaiseP(Tickets.Priority.P3);

        var d = desk.Do(new AcceptTicket(new Tickets.UserRef("alice@demo.local", "U0ALICE"))); // e.g. a platform lookup without a name

        d.Ticket.Owner!.Name.ShouldBe("Alice (Tier 1)");
        d.Events.ShouldAllBe(e => e.Actor.Name == "Alice (Tier 1)");
    }

    [Fact]
    public void Reassign_FromFormWithOnlyAnEmail_NamesThePersonFromThePolicy()
    {
        var desk = new Desk();
        desk.RaiseP(Tickets.Priority.P3);

        var d = desk.Do(ReassignTicket.FromForm(People.Maria, "", "carol@demo.local", "Carol knows this printer"));

        d.Ticket.Owner.ShouldBe(People.Carol);
        d.Ticket.Owner!.Name.ShouldBe("Carol (Tier 2)");
    }
}
