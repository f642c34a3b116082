using System.Text.Json.Nodes;
using ChatEscalation.Bot.Home;
using ChatEscalation.Bot.Teams;
using Microsoft.Extensions.DependencyInjection;

namespace ChatEscalation.Bot.Tests.Teams;

/// <summary>
/// Issue 14, the Teams home card refreshed in place: a ticket change that concerns the person updates the last home card the bot sent them
/// (<c>PUT</c> of that activity), debounced per person; a 429 waits Retry-After; a card Teams no longer has (404) is forgotten.
/// </summary>
public sealed partial class TeamsHomeTests
{
    private TeamsHomeRefresher Homes => host.Services.GetRequiredService<TeamsHomeRefresher>();

    [Fact]
    public async Task HomeCard_TicketRaisedIntoTheirTier_ThatCardUpdatedOnceListingIt()
    {
        var card = await AskHomeAsync(Alice);
        var before = host.Connector.ConnectorRequests.Count;

        await SayAsync(Uma, "ticket Printer on floor 3 jams");
        host.Connector.ConnectorRequests.Skip(before).Select(ConnectorCall.From).ShouldNotContain(c => c.Method == "PUT" && c.Path.Contains(Alice.PersonalConversationId));
        host.Time.Advance(HomeRefresh.Debounce);
        await WaitIdleAsync();

        var calls = host.Connector.ConnectorRequests.Skip(before).Select(ConnectorCall.From).ToList();
        var put = calls.Where(c => c.Method == "PUT" && c.Path.Contains(Alice.PersonalConversationId, StringComparison.Ordinal)).ShouldHaveSingleItem();
        put.Path.ShouldBe($"/v3/conversations/{Alice.PersonalConversationId}/activities/{card}");
        put.Body!["id"]!.GetValue<string>().ShouldBe(card);
        var text = AllText(put.Card);
        text.ShouldContain("Tier 1 – Service Desk: waiting for a technician");
        text.ShouldContain("Printer on floor 3 jams");
        calls.ShouldNotContain(c => c.Method == "POST" && c.Path.Contains(Alice.PersonalConversationId, StringComparison.Ordinal)); // in place: nothing new posted
    }

    [Fact]
    public async Task HomeCard_BurstOfThreeChanges_OneUpdateShowingAllOfThem()
    {
        var card = await AskHomeAsync(Alice);
        var before = host.Connector.ConnectorRequests.Count;

        await SayAsync(Uma, "ticket Printer on floor 3 jams");
        host.Time.Advance(TimeSpan.FromSeconds(1));
        await SayAsync(Uma, "ticket VPN drops every 10 minutes");
        host.Time.Advance(TimeSpan.FromMilliseconds(500));
        await SayAsync(Uma, "ticket Outlook crashes at start");

        Homes.DueOf(Alice.Email).ShouldBe(RunningTeamsHost.T0 + HomeRefresh.Debounce); // the first change's update, which the others joined
        host.Time.Advance(TimeSpan.FromMilliseconds(500));
        await WaitIdleAsync();
        host.Time.Advance(HomeRefresh.Debounce * 2); // nothing else was left waiting
        await WaitIdleAsync();

        var put = PutsTo(before, Alice, card).ShouldHaveSingleItem();
        var text = AllText(put.Card);
        foreach (var title in new[] { "Printer on floor 3 jams", "VPN drops every 10 minutes", "Outlook crashes at start" }) text.ShouldContain(title);
    }

    [Fact]
    public async Task HomeCard_UpdateThrottled_TriedAgainAfterRetryAfter()
    {
        var card = await AskHomeAsync(Alice);
        await SayAsync(Uma, "ticket Printer on floor 3 jams");
        var before = host.Connector.ConnectorRequests.Count;
        host.Connector.Enqueue(new ScriptedResponse(429, """{"error":{"code":"TooManyRequests","message":"slow down"}}""", RetryAfter: "3"));

        host.Time.Advance(HomeRefresh.Debounce);
        var due = await RescheduledAsync(Alice, after: RunningTeamsHost.T0 + HomeRefresh.Debounce);

        due.ShouldBe(RunningTeamsHost.T0 + HomeRefresh.Debounce + TimeSpan.FromSeconds(3));
        PutsTo(before, Alice, card).Count.ShouldBe(1); // the throttled one
        host.Time.Advance(TimeSpan.FromSeconds(3) - TimeSpan.FromMilliseconds(1));
        Homes.DueOf(Alice.Email).ShouldBe(due); // still waiting just before Retry-After
        host.Time.Advance(TimeSpan.FromMilliseconds(1));
        await WaitIdleAsync();
        var puts = PutsTo(before, Alice, card);
        puts.Count.ShouldBe(2);
        AllText(puts[1].Card).ShouldContain("Printer on floor 3 jams");
        Homes.TargetOf(Alice.Email).ShouldNotBeNull(); // still remembered
    }

    [Fact]
    public async Task HomeCard_PersonNeverAskedForHome_NothingSentToThem()
    {
        var card = await AskHomeAsync(Alice);
        (await host.PostAsync(activities.PersonalInstall(TeamsTestUser.Bob))).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        var before = host.Connector.ConnectorRequests.Count;

        await SayAsync(Uma, "ticket Printer on floor 3 jams"); // concerns Uma (reporter), Alice and Bob (Tier 1), Lena (lead)
        var afterRaise = host.Connector.ConnectorRequests.Count;
        host.Time.Advance(HomeRefresh.Debounce);
        await WaitIdleAsync();

        var calls = host.Connector.ConnectorRequests.Skip(afterRaise).Select(ConnectorCall.From).ToList();
        calls.ShouldHaveSingleItem().ToString().ShouldBe($"PUT /v3/conversations/{Alice.PersonalConversationId}/activities/{card}");
        Homes.Remembered.ShouldBe(1);
        foreach (var other in new[] { TeamsTestUser.Bob, Uma }) Homes.TargetOf(other.Email).ShouldBeNull();
        host.Connector.ConnectorRequests.Skip(before).Select(ConnectorCall.From)
            .ShouldNotContain(c => c.Path.Contains(TeamsTestUser.Bob.PersonalConversationId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task HomeCard_AskedAgain_OnlyTheNewerCardIsUpdated()
    {
        var older = await AskHomeAsync(Alice);
        var newer = await AskHomeAsync(Alice);
        var before = host.Connector.ConnectorRequests.Count;

        await SayAsync(Uma, "ticket Printer on floor 3 jams");
        host.Time.Advance(HomeRefresh.Debounce);
        await WaitIdleAsync();

        newer.ShouldNotBe(older);
        PutsTo(before, Alice, newer).Count.ShouldBe(1);
        PutsTo(before, Alice, older).ShouldBeEmpty();
    }

    [Fact]
    public async Task HomeCard_GoneFromTeams_ForgottenUntilAskedAgain()
    {
        var card = await AskHomeAsync(Alice);
        host.Simulator.Delete(Alice.PersonalConversationId, card);
        var before = host.Connector.ConnectorRequests.Count;

        await SayAsync(Uma, "ticket Printer on floor 3 jams");
        host.Time.Advance(HomeRefresh.Debounce);
        await WaitIdleAsync();

        PutsTo(before, Alice, card).Count.ShouldBe(1); // answered 404
        Homes.TargetOf(Alice.Email).ShouldBeNull();
        await SayAsync(Uma, "ticket VPN drops every 10 minutes");
        Homes.DueOf(Alice.Email).ShouldBeNull(); // nothing is scheduled for a forgotten card
        host.Time.Advance(HomeRefresh.Debounce);
        await WaitIdleAsync();
        PutsTo(before, Alice, card).Count.ShouldBe(1);

        var again = await AskHomeAsync(Alice); // the next home starts it again
        Homes.TargetOf(Alice.Email)!.ActivityId.ShouldBe(again);
    }

    /// <summary>Alice types <c>home</c>; returns the activity id the Connector gave the card.</summary>
    private async Task<string> AskHomeAsync(TeamsTestUser user)
    {
        await SayAsync(user, "home");
        var id = host.Simulator.LastActivityIn(user.PersonalConversationId);
        Homes.TargetOf(user.Email).ShouldBe(new TeamsHomeCardRef(host.Connector.ServiceUrl, user.PersonalConversationId, id, user.UserId));
        return id;
    }

    private List<ConnectorCall> PutsTo(int after, TeamsTestUser user, string activityId) => host.Connector.ConnectorRequests.Skip(after).Select(ConnectorCall.From)
        .Where(c => c.ToString() == $"PUT /v3/conversations/{user.PersonalConversationId}/activities/{activityId}").ToList();

    private static string AllText(JsonNode? card) => string.Join("\n", Descendants(card).Select(o => o["text"]?.GetValue<string>()).Where(t => t is not null));

    /// <summary>Waits (10 s at most) until the refresher has nothing waiting or under way.</summary>
    private async Task WaitIdleAsync()
    {
        for (var i = 0; i < 500 && Homes.Pending > 0; i++) await Task.Delay(20);
        Homes.Pending.ShouldBe(0);
    }

    /// <summary>Waits (10 s at most) until the person's update is scheduled for later than <paramref name="after"/>, and returns when.</summary>
    private async Task<DateTimeOffset> RescheduledAsync(TeamsTestUser user, DateTimeOffset after)
    {
        for (var i = 0; i < 500; i++)
        {
            if (Homes.DueOf(user.Email) is { } due && due > after) return due;
            await Task.Delay(20);
        }

        throw new TimeoutException("The update was not scheduled again.");
    }
}
