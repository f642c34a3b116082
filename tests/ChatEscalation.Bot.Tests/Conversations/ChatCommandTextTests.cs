using ChatEscalation.Bot.Conversations;
using ChatEscalation.Bot.Hosting;
using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Policy;
using ChatEscalation.Core.Tickets;
using Microsoft.Extensions.Configuration;

namespace ChatEscalation.Bot.Tests.Conversations;

public class ChatCommandTextTests
{
    private static readonly EscalationPolicy Policy = PolicyLoader.Load(
        new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json")).Build());

    private static readonly UserRef Maria = new("maria@demo.local", "Maria");

    private static TicketCommand? Parse(string text) => ChatCommandText.ToCommand(ChatIntentParser.Parse(text), Maria, Policy);

    [Fact]
    public void ToCommand_EscalateWithThreeParts_HandoffNoteAndTargetTier()
    {
        var command = Parse("escalate INC-42 tried: restarted the client; outcome: still drops; needs: gateway logs to tier 3")
            .ShouldBeOfType<EscalateTicket>();

        command.Note.ShouldBe(new HandoffNote("restarted the client", "still drops", "gateway logs"));
        command.ToTier.ShouldBe(3);
    }

    [Fact]
    public void ToCommand_EscalateWithoutParts_EmptyNoteForTheEngineToRefuse()
    {
        var command = Parse("escalate INC-42 please").ShouldBeOfType<EscalateTicket>();

        command.Note.MissingParts().ShouldBe(["tried", "outcome", "needs"]);
    }

    [Theory]
    [InlineData("reassign INC-42 to tier 3 needs the network team", 3, null, "needs the network team")]
    [InlineData("reassign INC-42 to carol@demo.local: she knows the app", null, "carol@demo.local", "she knows the app")]
    public void ToCommand_Reassign_TierOrPersonAndReason(string text, int? tier, string? owner, string reason)
    {
        var command = Parse(text).ShouldBeOfType<ReassignTicket>();

        command.ToTier.ShouldBe(tier);
        command.ToOwner?.Key.ShouldBe(owner);
        command.Reason.ShouldBe(reason);
    }

    [Fact]
    public void ToCommand_Vendor_VendorNameAndCaseNumber()
    {
        var command = Parse("vendor INC-42 Contoso Networks case CN-1234").ShouldBeOfType<LinkVendorCase>();

        (command.Vendor, command.ExternalCaseId).ShouldBe(("Contoso Networks", "CN-1234"));
    }

    [Fact]
    public void ToCommand_Priority_ValueAndReason()
    {
        var command = Parse("priority INC-42 P1 the whole office is down").ShouldBeOfType<OverridePriority>();

        (command.Priority, command.Reason).ShouldBe((Priority.P1, "the whole office is down"));
    }

    [Fact]
    public void ToCommand_PriorityWithoutAValue_NoCommand() => Parse("priority INC-42 urgent").ShouldBeNull();
}
