using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Engine;
using ChatEscalation.Core.Events;
using ChatEscalation.Core.Forms;
using ChatEscalation.Core.Knowledge;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Tests.Engine.Support;
using static ChatEscalation.Core.Tests.Engine.Support.People;

namespace ChatEscalation.Core.Tests.Engine;

/// <summary>Drafts from Tier 2 up go to the Tier 1 lead with Publish / Edit / Discard; only a Tier 1 lead or a manager reviews.</summary>
public class KnowledgeReviewTests
{
    private const string Fix = "Replaced the VPN profile with the 2026 one";

    private static Desk ResolvedAtTier2()
    {
        var desk = new Desk();
        desk.Raise("VPN drops every 10 minutes");
        desk.Accept();
        desk.Escalate(Alice);
        desk.Accept(Carol);
        desk.Do(new ResolveTicket(Carol, Fix));
        return desk;
    }

    [Fact]
    public void Resolve_AtTier2_DraftPendingAndTheLeadAskedWithPublishEditDiscard()
    {
        var desk = ResolvedAtTier2();

        desk.Ticket.Draft.ShouldBe(new KnowledgeDraft("VPN drops every 10 minutes", Fix, 2, Carol, desk.Now));
        var ask = desk.Last.DirectTo(Lena);
        ask.Actions.ShouldBe([TicketActions.Publish, TicketActions.EditDraft, TicketActions.Discard]);
        ask.Text.ShouldContain("Carol (Tier 2)");
        ask.Text.ShouldContain(Fix);
    }

    [Fact]
    public void PublishDraft_ByTheTier1Lead_PublishedAndTheAuthorTold()
    {
        var desk = ResolvedAtTier2();
        desk.Advance(TimeSpan.FromHours(2));

        var d = desk.Do(new PublishDraft(Lena));

        desk.Ticket.Draft.ShouldBe(new KnowledgeDraft("VPN drops every 10 minutes", Fix, 2, Carol, desk.Now - TimeSpan.FromHours(2), DraftState.Published, Lena, desk.Now));
        d.Single(EventKind.KnowledgePublished).Text.ShouldBe(
            "Knowledge-base article \"VPN drops every 10 minutes\" published by Lena (Tier 1 lead): written by Carol (Tier 2) at Tier 2 – Desktop & Apps.");
        d.DirectTo(Carol).Text.ShouldContain("is now a knowledge-base article");
        desk.Refuse(new DiscardDraft(Maria)).Reason.ShouldBe("The draft from INC-000042 was already published by Lena (Tier 1 lead).");
    }

    [Fact]
    public void PublishDraft_Edited_PublishedWithTheNewTitleAndText()
    {
        var desk = ResolvedAtTier2();

        desk.Do(new PublishDraft(Maria, "VPN drops every few minutes", "Download the 2026 VPN profile from the portal and import it."));

        (desk.Ticket.Draft!.Title, desk.Ticket.Draft.Body, desk.Ticket.Draft.State).ShouldBe(
            ("VPN drops every few minutes", "Download the 2026 VPN profile from the portal and import it.", DraftState.Published));
        desk.Last.Single(EventKind.KnowledgePublished).Text.ShouldContain("(edited)");
    }

    [Theory]
    [InlineData("ok", null, FieldNames.Title)]
    [InlineData(null, "too short", FieldNames.Body)]
    public void PublishDraft_EditTooShort_RefusedNamingTheField(string? title, string? body, string field) =>
        ResolvedAtTier2().Refuse(new PublishDraft(Lena, title, body)).Field.ShouldBe(field);

    [Fact]
    public void PublishDraft_NotATier1LeadOrManager_Refused()
    {
        var desk = ResolvedAtTier2();

        foreach (var who in new[] { Alice, Carol, Mike, Uma })
            desk.Refuse(new PublishDraft(who)).Reason.ShouldBe("Only a Tier 1 – Service Desk lead or a manager can publish knowledge-base drafts.");
    }

    [Fact]
    public void DiscardDraft_ByTheLead_NeverPublishedAfterwards()
    {
        var desk = ResolvedAtTier2();

        desk.Do(new DiscardDraft(Lena)).Single(EventKind.KnowledgeDiscarded);

        desk.Ticket.Draft!.State.ShouldBe(DraftState.Discarded);
        desk.Refuse(new PublishDraft(Lena)).Code.ShouldBe(RefusalCode.InvalidState);
    }

    [Fact]
    public void PublishDraft_TicketResolvedAtTier1_NoDraftToReview()
    {
        var desk = new Desk();
        desk.Raise();
        desk.Accept();
        desk.Do(new ResolveTicket(Alice, "Cleared the print spooler"));

        desk.Refuse(new PublishDraft(Lena)).Reason.ShouldBe("INC-000042 has no knowledge-base draft.");
    }
}
