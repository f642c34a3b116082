using ChatEscalation.Bot.Conversations;
using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Forms;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Bot.Tests.Conversations;

public class ChatCommandTextTests
{
    private static readonly UserRef Maria = new("maria@demo.local", "Maria");

    private static TicketCommand? Parse(string text) =>
        ChatCommandText.ToForm(ChatIntentParser.Parse(text)) is { } form ? TicketForms.ToCommand(form, Maria).Command : null;

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
    public void ToCommand_PriorityWithoutAValue_RefusedNamingTheChoices()
    {
        var read = TicketForms.ToCommand(ChatCommandText.ToForm(ChatIntentParser.Parse("priority INC-42 urgent"))!, Maria);

        read.Refusal.ShouldNotBeNull().Field.ShouldBe(FieldNames.Priority);
        read.Refusal.Reason.ShouldContain("P1, P2, P3 or P4");
    }

    [Fact]
    public void ToForm_NotATicketVerb_Null() => ChatCommandText.ToForm(ChatIntentParser.Parse("mine")).ShouldBeNull();

    [Theory]
    [InlineData("vendor INC-42 responded", null)]
    [InlineData("vendor INC-42 Responded: they are on it", "they are on it")]
    [InlineData("vendor INC-42 update Firmware fix ships tonight", "Firmware fix ships tonight")]
    public void ToCommand_VendorAnswer_RecordsTheUpdate(string text, string? update)
    {
        Parse(text).ShouldBe(new RecordVendorUpdate(Maria, update));
    }

    [Fact]
    public void ToForm_VendorArgumentOf200000Spaces_ParsedWithoutBacktracking()
    {
        // The old pattern backtracked quadratically here (10 s of CPU); the non-backtracking engine reads it in one pass.
        var form = ChatCommandText.ToForm(ChatIntentParser.Parse("vendor INC-42 Contoso" + new string(' ', 200_000) + "x"))!;

        form[FieldNames.Vendor].ShouldStartWith("Contoso");
        form[FieldNames.Case].ShouldBeEmpty();
    }
}
