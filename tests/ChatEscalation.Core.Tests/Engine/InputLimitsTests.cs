using System.Globalization;
using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Engine;
using ChatEscalation.Core.Tests.Engine.Support;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Tests.Engine;

/// <summary>The documented input limits: refused with the field and the limit named, nothing cut silently except the title.</summary>
public class InputLimitsTests
{
    private static Outcome Raise(string title, string? description = null) =>
        EscalationEngine.Raise(new RaiseTicket(People.Uma, "local", title, description), 1, TestPolicy.Default(), At.MondayNine);

    [Fact]
    public void Raise_DescriptionOverFourThousandCharacters_RefusedNamingFieldAndLimit()
    {
        var outcome = Raise("VPN drops every 10 minutes", new string('x', TextLimits.Description + 1));

        outcome.IsDecision.ShouldBeFalse();
        outcome.Refusal.Code.ShouldBe(RefusalCode.InvalidInput);
        outcome.Refusal.Field.ShouldBe("description");
        outcome.Refusal.Reason.ShouldContain("4,001 characters");
        outcome.Refusal.Reason.ShouldContain("the limit is 4,000");
    }

    [Fact]
    public void Raise_DescriptionExactlyAtLimit_KeptWhole()
    {
        var description = new string('x', TextLimits.Description);

        var outcome = Raise("VPN drops every 10 minutes", description);

        outcome.Decision!.Ticket.Description.ShouldBe(description);
    }

    [Fact]
    public void Raise_EmojiCountAsTheirTwoCodeUnits_TwoThousandEmojiAtTheLimitAccepted_OneMoreRefused()
    {
        var atLimit = string.Concat(Enumerable.Repeat("🔥", TextLimits.Description / 2)); // 4,000 UTF-16 units, as a form's maxlength counts them

        Raise("Server room is hot", atLimit).IsDecision.ShouldBeTrue();
        Raise("Server room is hot", atLimit + "🔥").Refusal!.Reason.ShouldContain("4,002 characters");
    }

    [Fact]
    public void Raise_TwoHundredThousandCharacterTitle_RefusedNamingTheTitle()
    {
        var outcome = Raise("Printer " + new string(' ', 100_000) + new string('y', 100_000));

        outcome.IsDecision.ShouldBeFalse();
        outcome.Refusal.Field.ShouldBe("title");
        outcome.Refusal.Reason.ShouldContain("the limit is 4,000");
    }

    [Fact]
    public void Raise_LongTitleOfEmoji_CutBetweenEmojiNeverInsideOne()
    {
        var title = string.Concat(Enumerable.Repeat("VPN 🔥 ", 40)); // 280 UTF-16 units, each 🔥 a surrogate pair

        var ticket = Raise(title).Decision!.Ticket;

        ticket.Title.Length.ShouldBeLessThanOrEqualTo(TextLimits.Title);
        ticket.Title.ShouldEndWith("…");
        ticket.Title.ShouldNotContain('\uFFFD');
        ticket.Title.Where(char.IsSurrogate).Count().ShouldBe(2 * ticket.Title.Count(c => char.IsHighSurrogate(c)));
        ticket.Title.Zip(ticket.Title.Skip(1)).Where(p => char.IsHighSurrogate(p.First)).ShouldAllBe(p => char.IsLowSurrogate(p.Second));
        ticket.Description.ShouldBe(title.Trim());
    }

    [Fact]
    public void CutTitle_FamilyEmojiAtTheCut_KeepsOrDropsTheWholeGrapheme()
    {
        const string family = "👨‍👩‍👧"; // 5 scalar values, one grapheme
        var title = new string('a', TextLimits.Title - 3) + family + " and more";

        var cut = InputLimits.CutTitle(title);

        cut.ShouldBe(new string('a', TextLimits.Title - 3) + "…"); // the family would not fit whole before the "…"
        StringInfo.ParseCombiningCharacters(cut).Length.ShouldBe(TextLimits.Title - 2);
    }

    [Fact]
    public void CutTitle_AccentedLettersAtTheCut_NeverSeparatedFromTheirAccents()
    {
        var title = string.Concat(Enumerable.Repeat("e\u0301", 100)); // 200 characters, 100 graphemes

        var cut = InputLimits.CutTitle(title);

        cut.ShouldEndWith("e\u0301…");
        cut.Length.ShouldBeLessThanOrEqualTo(TextLimits.Title);
    }

    [Fact]
    public void AddNote_OverTwoThousandCharacters_RefusedNamingTheNoteAndLimit()
    {
        var desk = new Desk();
        desk.Raise();

        var refusal = desk.Refuse(new AddNote(People.Uma, new string('n', TextLimits.Note + 1)));

        refusal.Code.ShouldBe(RefusalCode.InvalidInput);
        refusal.Field.ShouldBe("note");
        refusal.Reason.ShouldBe("The note is too long: 2,001 characters; the limit is 2,000.");
        desk.Ticket.LastNote.ShouldBeNull();
    }

    [Fact]
    public void AddNote_ExactlyTwoThousandCharacters_Stored()
    {
        var desk = new Desk();
        desk.Raise();
        desk.Accept();
        var text = new string('n', TextLimits.Note);

        desk.Do(new AddNote(People.Alice, text)).Ticket.LastNote.ShouldBe(text);
    }

    [Theory]
    [InlineData("tried")]
    [InlineData("outcome")]
    [InlineData("needs")]
    public void Escalate_HandoffPartOverLimit_RefusedNamingThatPart(string part)
    {
        var desk = new Desk();
        desk.Raise();
        desk.Accept();
        var huge = new string('h', TextLimits.Note + 1);
        var note = new HandoffNote(part == "tried" ? huge : "Restarted it", part == "outcome" ? huge : "Still broken", part == "needs" ? huge : "Check the logs");

        var refusal = desk.Refuse(new EscalateTicket(People.Alice, note));

        refusal.Field.ShouldBe(part);
        refusal.Reason.ShouldContain("the limit is 2,000");
        desk.Ticket.Tier.ShouldBe(1);
    }

    [Fact]
    public void Resolve_ResolutionOverLimit_RefusedAndStillOpen()
    {
        var desk = new Desk();
        desk.Raise();
        desk.Accept();

        var refusal = desk.Refuse(new ResolveTicket(People.Alice, new string('r', TextLimits.Note + 1)));

        refusal.Field.ShouldBe("resolution");
        desk.Ticket.Status.ShouldBe(TicketStatus.Accepted);
    }

    [Fact]
    public void LinkVendorCase_CaseIdOverLimit_RefusedNamingTheCaseId()
    {
        var desk = new Desk();
        desk.Raise();

        var refusal = desk.Refuse(new LinkVendorCase(People.Alice, "Contoso Networks", new string('c', TextLimits.Short + 1)));

        refusal.Field.ShouldBe("case");
        refusal.Reason.ShouldContain("the limit is 200");
    }
}
