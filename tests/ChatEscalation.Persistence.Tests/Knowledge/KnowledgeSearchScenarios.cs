using ChatEscalation.Core.Knowledge;
using ChatEscalation.Persistence.Knowledge;
using Microsoft.EntityFrameworkCore;
using static ChatEscalation.Persistence.Tests.TestPolicy;

namespace ChatEscalation.Persistence.Tests.Knowledge;

/// <summary>
/// The search scenarios, run on SQLite FTS5 (<see cref="SqliteKnowledgeSearchTests"/>) and PostgreSQL full-text search
/// (<see cref="PostgresTests"/>). Each scenario uses its own words, so they share one database.
/// </summary>
public static class KnowledgeSearchScenarios
{
    /// <summary>The ranking case, and what is never suggested: open tickets, self-service and linked reports' "fixes".</summary>
    public static async Task RankingAndWhatIsNeverSuggestedAsync(Func<EscalationDbContext> newContext, Func<EscalationDbContext, IKnowledgeSearch> search)
    {
        var tickets = new KnowledgeTickets(newContext, 1000);
        var onlyVpn = await tickets.ResolvedAsync("VPN client will not start", "Reinstalled the VPN client from the portal");
        var vpnAndTenMinutes = await tickets.ResolvedAsync("VPN drops every 10 minutes at the office", "Replaced the expired VPN profile");
        var open = await tickets.OpenAsync("VPN drops every 10 minutes on floor 2");
        var selfService = await tickets.SelfServiceAsync("VPN drops every 10 minutes since Monday");
        await tickets.LinkedAsync(open, "VPN drops every 10 minutes again", resolved: true);

        await using var db = newContext();
        var found = await search(db).SuggestAsync("My VPN drops every 10 minutes", 10);

        found.Select(s => s.Reference).ShouldBe([vpnAndTenMinutes.Number, onlyVpn.Number]);
        found[0].ShouldBe(new Suggestion(SuggestionSource.ResolvedTicket, vpnAndTenMinutes.Number, "VPN drops every 10 minutes at the office", "Replaced the expired VPN profile", vpnAndTenMinutes.Number));
        found.ShouldNotContain(s => s.Reference == selfService.Number || s.Reference == open.Number);
        (await search(db).SuggestAsync("VPN", 1)).ShouldHaveSingleItem();
        (await search(db).SuggestAsync("please help, it is not working", 10)).ShouldBeEmpty();
    }

    /// <summary>Only published articles are suggested, stemmed words match ("dropping" finds "drops"), and an article carries its source ticket.</summary>
    public static async Task PublishedArticlesOnlyAsync(Func<EscalationDbContext> newContext, Func<EscalationDbContext, IKnowledgeSearch> search)
    {
        var tickets = new KnowledgeTickets(newContext, 2000);
        var source = await tickets.ResolvedAsync("Printer on floor 3 jams", "Cleaned the fuser of the floor 3 printer");
        var published = await tickets.ArticleAsync(source, "Floor 3 printer jamming", "Clean the fuser; order a new one after 100,000 pages.", DraftState.Published);
        await tickets.ArticleAsync(source, "Printer jams: pending draft", "Not reviewed yet.", DraftState.Pending);
        await tickets.ArticleAsync(source, "Printer jams: discarded draft", "Wrong fix.", DraftState.Discarded);

        await using var db = newContext();
        var found = await search(db).SuggestAsync("the printer keeps jamming", 10);

        found.Select(s => (s.Source, s.Reference)).ShouldBe([(SuggestionSource.Article, published.Id), (SuggestionSource.ResolvedTicket, source.Number)], ignoreOrder: true);
        found.Single(s => s.Source == SuggestionSource.Article).SourceTicket.ShouldBe(source.Number);
    }

    /// <summary>The indexes follow every change: a ticket resolved later becomes a fix, reopened it is open again; a draft published later is found.</summary>
    public static async Task IndexesFollowChangesAsync(Func<EscalationDbContext> newContext, Func<EscalationDbContext, IKnowledgeSearch> search)
    {
        var tickets = new KnowledgeTickets(newContext, 4000);
        var ticket = await tickets.OpenAsync("Projector in the boardroom shows no signal");
        var draft = await tickets.ArticleAsync(ticket, "Boardroom projector: no signal", "Switch the projector input to HDMI 2.", DraftState.Pending);
        async Task<IReadOnlyList<Suggestion>> Suggest()
        {
            await using var db = newContext();
            return await search(db).SuggestAsync("boardroom projector no signal", 10);
        }

        async Task<int> OpenFound()
        {
            await using var db = newContext();
            return (await search(db).SimilarOpenAsync("boardroom projector no signal", ticket.Category, tickets.Now - TimeSpan.FromMinutes(30), 0, 10, [])).Count;
        }

        (await Suggest()).ShouldBeEmpty();
        (await OpenFound()).ShouldBe(1);

        await tickets.UpdateAsync(ticket, new Core.Commands.AcceptTicket(Alice));
        ticket = await tickets.UpdateAsync(ticket, new Core.Commands.ResolveTicket(Alice, "Switched the projector input to HDMI 2"));
        (await Suggest()).Select(s => s.Reference).ShouldBe([ticket.Number]);
        (await OpenFound()).ShouldBe(0);

        await using (var db = newContext())
        {
            var row = await db.KnowledgeArticles.SingleAsync(a => a.Id == draft.Id);
            row.Status = DraftState.Published;
            await db.SaveChangesAsync();
        }

        (await Suggest()).Select(s => s.Source).ShouldBe([SuggestionSource.Article, SuggestionSource.ResolvedTicket], ignoreOrder: true);

        await tickets.UpdateAsync(ticket, new Core.Commands.ReopenTicket(Uma, "No signal again this morning"));
        (await Suggest()).Select(s => s.Source).ShouldBe([SuggestionSource.Article]);
        (await OpenFound()).ShouldBe(1);
    }

    /// <summary>Open tickets for "me too": same category, latest report since the window, not linked, not waiting, not itself.</summary>
    public static async Task SimilarOpenTicketsAsync(Func<EscalationDbContext> newContext, Func<EscalationDbContext, IKnowledgeSearch> search)
    {
        var tickets = new KnowledgeTickets(newContext, 3000);
        var old = await tickets.OpenAsync("Wifi disconnects in the canteen");
        tickets.Now += TimeSpan.FromMinutes(40);
        var parent = await tickets.OpenAsync("Wifi disconnects in meeting room B", service: "Wifi");
        await tickets.OpenAsync("Wifi password expired");
        await tickets.LinkedAsync(parent, "Wifi disconnects in meeting room B too");
        var waiting = await tickets.WaitingForIntakeAsync("Wifi disconnects in meeting room B again");
        var self = await tickets.OpenAsync("Wifi disconnects in the meeting rooms");
        await tickets.OpenAsync("Disconnects from the printer"); // General, not Network

        await using var db = newContext();
        var found = await search(db).SimilarOpenAsync("Wifi disconnects in the meeting rooms", "Network", tickets.Now - TimeSpan.FromMinutes(30), self.Number, 10, []);

        found.Select(s => s.Number).First().ShouldBe(parent.Number);
        found.ShouldNotContain(s => s.Number == old.Number || s.Number == self.Number);
        found.Select(s => s.Title).ShouldAllBe(t => !t.EndsWith("too") && !t.EndsWith("again"));
        var top = found[0];
        (top.Category, top.AffectedService, top.People, top.LastReportAt).ShouldBe(("Network", "Wifi", 2, tickets.Now));

        // A ticket still waiting for its step counts once its step is decided (saved with others: the knowledge step names it).
        var withWaiting = await search(db).SimilarOpenAsync("Wifi disconnects in the meeting rooms", "Network", tickets.Now - TimeSpan.FromMinutes(30), self.Number, 10, [waiting.Number]);
        withWaiting.Select(s => s.Number).ShouldBe([.. found.Select(s => s.Number), waiting.Number], ignoreOrder: true);
    }
}
