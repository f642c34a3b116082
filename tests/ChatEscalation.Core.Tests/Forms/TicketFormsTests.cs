using System.Reflection;
using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Forms;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Tests.Engine.Support;
using ChatEscalation.Core.Tickets;
using static ChatEscalation.Core.Tests.Engine.Support.People;

namespace ChatEscalation.Core.Tests.Forms;

public class TicketFormsTests
{
    private static readonly HandoffNote Note = new("Restarted the client", "Still drops", "Gateway logs");

    /// <summary>Every action a form can carry, the fields a person fills in, and the one command it must become.</summary>
    public static TheoryData<string, (string, string)[], TicketCommand> Table() => new()
    {
        { TicketActions.Accept, [], new AcceptTicket(Alice) },
        { TicketActions.AckPage, [], new AcknowledgePage(Alice) },
        { TicketActions.TakeOver, [], new TakeOverTicket(Alice) },
        { TicketActions.Resume, [], new ResumeTicket(Alice) },
        { TicketActions.Escalate, [(FieldNames.Tried, Note.Tried), (FieldNames.Outcome, Note.Outcome), (FieldNames.Needs, Note.Needs)], new EscalateTicket(Alice, Note) },
        { TicketActions.Escalate, [(FieldNames.Tried, Note.Tried), (FieldNames.Outcome, Note.Outcome), (FieldNames.Needs, Note.Needs), (FieldNames.Tier, "3")], new EscalateTicket(Alice, Note, 3) },
        { TicketActions.Resolve, [(FieldNames.Resolution, "Renewed the certificate")], new ResolveTicket(Alice, "Renewed the certificate") },
        { TicketActions.EscalateManager, [(FieldNames.Reason, "Needs budget")], new EscalateToManager(Alice, "Needs budget") },
        { TicketActions.Reopen, [(FieldNames.Reason, "Still broken")], new ReopenTicket(Alice, "Still broken") },
        { TicketActions.Reassign, [(FieldNames.Tier, "2"), (FieldNames.Reason, "Wrong queue")], new ReassignTicket(Alice, "Wrong queue", 2) },
        { TicketActions.Reassign, [(FieldNames.Owner, "Carol@demo.local"), (FieldNames.Reason, "She knows it")], new ReassignTicket(Alice, "She knows it", null, new UserRef("carol@demo.local", "Carol@demo.local")) },
        { TicketActions.Note, [(FieldNames.Note, "Tried again at 10:00")], new AddNote(Alice, "Tried again at 10:00") },
        { TicketActions.Cancel, [], new CancelTicket(Alice) },
        { TicketActions.Cancel, [(FieldNames.Reason, "Works now")], new CancelTicket(Alice, "Works now") },
        { TicketActions.Wait, [(FieldNames.Question, "Which laptop?")], new WaitOnUser(Alice, "Which laptop?") },
        { TicketActions.Vendor, [(FieldNames.Vendor, "Contoso Networks"), (FieldNames.Case, "CN-1234")], new LinkVendorCase(Alice, "Contoso Networks", "CN-1234") },
        { TicketActions.VendorUpdate, [], new RecordVendorUpdate(Alice) },
        { TicketActions.VendorUpdate, [(FieldNames.Update, "Fix ships tonight")], new RecordVendorUpdate(Alice, "Fix ships tonight") },
        { TicketActions.Priority, [(FieldNames.Priority, "p1"), (FieldNames.Reason, "Whole office down")], new OverridePriority(Alice, Priority.P1, "Whole office down") },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void ToCommand_EveryAction_TheCommandItAsksFor(string action, (string, string)[] fields, TicketCommand expected)
    {
        var read = TicketForms.ToCommand(TicketForm.Of(action, fields.Select(f => (f.Item1, (string?)f.Item2)).ToArray()), Alice);

        read.Command.ShouldBe(expected);
        read.Refusal.ShouldBeNull();
    }

    [Fact]
    public void Table_CoversEveryActionButRaise()
    {
        var covered = Table().Select(row => (string)row[0]).ToHashSet();
        var all = typeof(TicketActions).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);

        all.Where(a => a != TicketActions.Raise).ShouldAllBe(a => covered.Contains(a));
    }

    [Theory]
    [InlineData("frobnicate", null, "'frobnicate' is not something a ticket can do.")]
    [InlineData(TicketActions.Priority, FieldNames.Priority, "Choose a priority: P1, P2, P3 or P4.")]
    public void ToCommand_UnreadableForm_RefusedNamingTheField(string action, string? field, string reason)
    {
        var read = TicketForms.ToCommand(TicketForm.Of(action, (FieldNames.Priority, "urgent")), Alice);

        read.IsCommand.ShouldBeFalse();
        (read.Refusal!.Field, read.Refusal.Reason).ShouldBe((field, reason));
    }

    [Fact]
    public void ToCommand_EscalateToATierThatIsNotANumber_RefusedOnTheTierField() =>
        TicketForms.ToCommand(TicketForm.Of(TicketActions.Escalate, (FieldNames.Tier, "the network team")), Alice).Refusal!.Field.ShouldBe(FieldNames.Tier);

    [Fact]
    public void ToRaise_RaiseForm_EveryFieldReadAndLevelsInAnyCase()
    {
        var raise = TicketForms.ToRaise(TicketForm.Of(TicketActions.Raise,
            (FieldNames.Title, " VPN drops "), (FieldNames.Description, "Since 9"), (FieldNames.Category, "Network"),
            (FieldNames.Impact, "high"), (FieldNames.Urgency, "LOW"), (FieldNames.Service, "VPN")), Uma, "slack");

        raise.ShouldBe(new RaiseTicket(Uma, "slack", "VPN drops", "Since 9", "Network", Impact.High, Urgency.Low, "VPN"));
    }

    [Theory]
    [InlineData("2")]
    [InlineData("very")]
    [InlineData("")]
    public void ToRaise_LevelThatIsNotANamedLevel_NotGiven(string level) =>
        TicketForms.ToRaise(TicketForm.Of(TicketActions.Raise, (FieldNames.Title, "x"), (FieldNames.Impact, level)), Uma, "local").Impact.ShouldBeNull();

    [Fact]
    public void For_EveryFormAction_HasADefinitionWhoseFieldsTheCommandReads()
    {
        var policy = TestPolicy.Default();
        var known = typeof(FieldNames).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!).ToHashSet();
        foreach (var action in TicketForms.FormActions)
        {
            var form = TicketForms.For(action, policy).ShouldNotBeNull(action);
            form.Action.ShouldBe(action);
            form.Fields.ShouldNotBeEmpty();
            form.Fields.ShouldAllBe(f => known.Contains(f.Name));
            form.Fields.Where(f => f.Kind != FormFieldKind.Choice).ShouldAllBe(f => f.MaxLength > 0);
        }

        TicketForms.For(TicketActions.Accept, policy).ShouldBeNull();
        TicketForms.For(TicketActions.AckPage, policy).ShouldBeNull();
    }

    [Fact]
    public void For_EscalateFromTier2_OffersOnlyTheTiersAbove() =>
        TicketForms.For(TicketActions.Escalate, TestPolicy.Default(), 2)!.Fields.Single(f => f.Name == FieldNames.Tier).Choices!
            .Select(c => c.Value).ShouldBe(["3", "4"]);

    [Fact]
    public void Raise_FromText_PrefillsTitleDetailsAndGuesses()
    {
        var form = TicketForms.Raise(TestPolicy.Default(), "The VPN drops for the whole office\nsince 9, urgent");
        var fields = form.Fields.ToDictionary(f => f.Name);

        fields[FieldNames.Title].Value.ShouldBe("The VPN drops for the whole office");
        fields[FieldNames.Description].Value.ShouldBe("The VPN drops for the whole office\nsince 9, urgent");
        fields[FieldNames.Category].Value.ShouldBe("Network");
        fields[FieldNames.Impact].Value.ShouldBe("High");
        fields[FieldNames.Urgency].Value.ShouldBe("High");
    }

    [Fact]
    public void Raise_TitleLongerThanTheLimit_CutWithoutSplittingAnEmoji()
    {
        var text = new string('a', TextLimits.Title - 1) + "👍🏽 more";

        var title = TicketForms.Raise(TestPolicy.Default(), text).Fields.Single(f => f.Name == FieldNames.Title).Value!;

        title.ShouldBe(new string('a', TextLimits.Title - 1));
    }
}
