using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Knowledge;
using ChatEscalation.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using static ChatEscalation.Persistence.Tests.TestPolicy;

namespace ChatEscalation.Persistence.Tests.Knowledge;

/// <summary>
/// Decisions that set off commands on other tickets (a link, an unlink, resolving a parent) are saved with them in one transaction,
/// and a refusal of any refuses all; a draft's review reaches its article row.
/// </summary>
public sealed class FollowUpTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    private static readonly UserRef Lena = new("lena@demo.local", "Lena");

    [Fact]
    public async Task ExecuteAsync_LinkToAResolvedTicket_RefusedAndNeitherTicketChanged()
    {
        using var h = new Harness(database.NewContext, T0);
        var parent = await RaiseAsync(h, "Printer on floor 4 jams");
        await h.Workflow().ExecuteAsync(parent, new AcceptTicket(Alice));
        (await h.Workflow().ExecuteAsync(parent, new ResolveTicket(Alice, "Cleared the paper path and replaced the roller"))).Succeeded.ShouldBeTrue();
        var report = await RaiseAsync(h, "Printer on floor 4 keeps jamming");
        var before = (await h.Workflow().GetAsync(report))!.Version;

        var result = await h.Workflow().ExecuteAsync(report, new LinkTicket(Alice, parent));

        result.Succeeded.ShouldBeFalse();
        result.Refusal!.Reason.ShouldContain("takes no more reports");
        var unchanged = (await h.Workflow().GetAsync(report))!;
        (unchanged.Status, unchanged.ParentNumber, unchanged.Version).ShouldBe((TicketStatus.Queued, (long?)null, before));
        (await h.Workflow().GetAsync(parent))!.Reports.ShouldBeEmpty();
        (await h.Workflow().ExecuteAsync(report, new LinkTicket(Alice, 999_999))).Refusal!.Reason.ShouldContain("does not exist");
    }

    [Fact]
    public async Task ExecuteAsync_LinkThenResolveTheParent_ReportLinkedThenResolvedWithTheSameFix()
    {
        using var h = new Harness(database.NewContext, T0);
        var parent = await RaiseAsync(h, "Wifi down in building B");
        var report = await RaiseAsync(h, "No wifi in building B", new UserRef("ravi@demo.local", "Ravi"));

        (await h.Workflow().ExecuteAsync(report, new LinkTicket(Alice, parent))).Succeeded.ShouldBeTrue();
        var linked = (await h.Workflow().GetAsync(parent))!;
        linked.Reports.Select(r => r.TicketNumber).ShouldBe([report]);
        linked.AffectedPeople().Count.ShouldBe(2);
        (await h.Workflow().GetAsync(report))!.Status.ShouldBe(TicketStatus.Linked);

        await h.Workflow().ExecuteAsync(parent, new AcceptTicket(Alice));
        (await h.Workflow().ExecuteAsync(parent, new ResolveTicket(Alice, "Restarted the building B access points"))).Succeeded.ShouldBeTrue();
        var resolved = (await h.Workflow().GetAsync(report))!;
        (resolved.Status, resolved.Resolution).ShouldBe((TicketStatus.Resolved, "Restarted the building B access points"));

        // Unlinking is refused once the report is resolved; the parent keeps its report.
        (await h.Workflow().ExecuteAsync(report, new UnlinkTicket(Alice))).Succeeded.ShouldBeFalse();
        (await h.Workflow().GetAsync(parent))!.Reports.Count.ShouldBe(1);
    }

    [Fact]
    public async Task ExecuteAsync_PublishEditedDraft_ArticleRowPublishedWithTheEditAndTheReviewer()
    {
        using var h = new Harness(database.NewContext, T0);
        var number = await RaiseAsync(h, "Outlook search finds nothing");
        await h.Workflow().ExecuteAsync(number, new AcceptTicket(Alice));
        await h.Workflow().ExecuteAsync(number, new EscalateTicket(Alice, Scenarios.ToTier2));
        await h.Workflow().ExecuteAsync(number, new AcceptTicket(Carol));
        await h.Workflow().ExecuteAsync(number, new ResolveTicket(Carol, "Rebuilt the Outlook search index"));
        await using (var db = database.NewContext())
            (await db.KnowledgeArticles.SingleAsync(a => a.TicketNumber == number)).Status.ShouldBe(DraftState.Pending);

        (await h.Workflow().ExecuteAsync(number, new PublishDraft(Lena, "Outlook search finds nothing", "Rebuild the search index: Options > Search > Indexing Options > Rebuild"))).Succeeded.ShouldBeTrue();

        await using var check = database.NewContext();
        var article = await check.KnowledgeArticles.SingleAsync(a => a.TicketNumber == number);
        (article.Status, article.Body, article.AuthorName, article.ReviewedByName, article.FromTier)
            .ShouldBe((DraftState.Published, "Rebuild the search index: Options > Search > Indexing Options > Rebuild", "Carol", "Lena", 2));
    }

    private static async Task<long> RaiseAsync(Harness h, string title, UserRef? reporter = null) =>
        (await h.Workflow().RaiseAsync(new RaiseTicket(reporter ?? Uma, "local", title))).Ticket!.Number;
}
