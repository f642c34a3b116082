using System.Text.Json.Nodes;
using ChatEscalation.Bot.Slack;
using ChatEscalation.Bot.Teams.Cards;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Core.Views;

namespace ChatEscalation.Bot.Tests.Cards;

/// <summary>The home as Block Kit and as an Adaptive Card (pure): limits, escaping, Accept only where the reader may accept.</summary>
public sealed class HomeRenderingTests
{
    private static readonly UserRef Lena = new("lena@demo.local", "Lena <lead> & *boss*");

    [Fact]
    public void SlackRender_HomeLongerThanSlackAllows_CutAt100BlocksAndSaysSo()
    {
        var queues = Enumerable.Range(1, 4).Select(t => new HomeQueue(t, $"Tier {t}", Tickets(HomeViews.ListLimit, canAccept: true), 3)).ToList();
        var home = new HomeView(Lena, "manager, Tier 1 lead", Tickets(HomeViews.ListLimit, false), 2, queues, [], Tickets(HomeViews.ListLimit, false), 7,
            "London time", DateTimeOffset.UnixEpoch, "10:00");

        var view = SlackHomeRenderer.Render(home);

        var blocks = view["blocks"]!.AsArray();
        blocks.Count.ShouldBe(SlackHomeRenderer.MaxBlocks);
        Text(blocks[^1]!).ShouldContain("more lines");
        view["type"]!.GetValue<string>().ShouldBe("home");
    }

    [Fact]
    public void SlackRender_UserText_EscapedAndAcceptOnlyWhereAllowed()
    {
        var home = new HomeView(Lena, "", [Line(1, "Printer <jams> & *smokes*", canAccept: false)], 0,
            [new HomeQueue(1, "Tier 1", [Line(2, "VPN", canAccept: true)], 4)], [], null, 0, "London time", DateTimeOffset.UnixEpoch, "10:00");

        var blocks = SlackHomeRenderer.Render(home)["blocks"]!.AsArray().OfType<JsonObject>().ToList();

        var mine = blocks.Single(b => Text(b).Contains("INC-000001"));
        Text(mine).ShouldContain("Printer &lt;jams&gt; &amp; *smokes*", Case.Sensitive);
        mine["accessory"].ShouldBeNull();
        blocks.Single(b => Text(b).Contains("INC-000002"))["accessory"]!["action_id"]!.GetValue<string>().ShouldBe("accept");
        blocks.ShouldContain(b => Text(b) == "and 4 more");
        Text(blocks[1]).ShouldContain("Lena &lt;lead&gt; &amp;");
    }

    [Fact]
    public void TeamsRender_Home_AcceptCarriesTheHomeMarkAndTheCardHasRefreshForItsReader()
    {
        var home = new HomeView(Lena, "", [], 0, [new HomeQueue(1, "Tier 1", [Line(2, "VPN", canAccept: true)], 0)], [], null, 0, "London time",
            DateTimeOffset.UnixEpoch, "10:00");

        var card = TeamsHomeCard.Render(home, "29:lena");

        var json = card.ToJsonString();
        json.ShouldContain("\"verb\":\"accept\"");
        json.ShouldContain("\"home\":true");
        card["refresh"]!["action"]!["verb"]!.GetValue<string>().ShouldBe(TeamsHomeCard.RefreshVerb);
        card["actions"]!.AsArray().ShouldContain(a => a!["verb"]!.GetValue<string>() == TeamsHomeCard.RefreshVerb);
        TeamsHomeCard.Render(home)["refresh"].ShouldBeNull();
    }

    [Fact]
    public void TeamsRender_FullHome_ValidAgainstTheSchemaAndParsedByTheOfficialRenderer()
    {
        var home = new HomeView(Lena, "manager, Tier 1 lead", Tickets(HomeViews.ListLimit, false), 2,
            [new HomeQueue(1, "Tier 1", Tickets(HomeViews.ListLimit, true), 5)],
            [new HomeShift("service-desk", "primary", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(7), "now", "Mon 16 Mar 09:00 (London time)")],
            Tickets(3, false), 0, "London time", DateTimeOffset.UnixEpoch, "10:00");
        var card = TeamsHomeCard.Render(home, "29:lena");

        AdaptiveCardValidator.ValidateAgainstSchema(card).ShouldBeEmpty();
        var rendered = AdaptiveCardValidator.ParseWithOfficialRenderer(card);
        rendered.IsClean.ShouldBeTrue(string.Join("; ", rendered.Errors));
        AdaptiveCardRenderer.SizeInBytes(card).ShouldBeLessThan(AdaptiveCardRenderer.MaxCardBytes);
    }

    [Fact]
    public void TeamsRender_HomeTooBigForOneCard_ListsShortenedUnderTheSizeLimitWithTheRestCounted()
    {
        var queues = Enumerable.Range(1, 4).Select(t => new HomeQueue(t, $"Tier {t}", Tickets(HomeViews.ListLimit, true, new string('x', 150)), 0)).ToList();
        var home = new HomeView(Lena, "", Tickets(HomeViews.ListLimit, false, new string('y', 150)), 0, queues, [], Tickets(HomeViews.ListLimit, false, new string('z', 150)), 0,
            "London time", DateTimeOffset.UnixEpoch, "10:00");

        var card = TeamsHomeCard.Render(home, "29:lena");

        AdaptiveCardRenderer.SizeInBytes(card).ShouldBeLessThanOrEqualTo(AdaptiveCardRenderer.MaxCardBytes);
        card.ToJsonString().ShouldContain("and ");
        card.ToJsonString().ShouldContain("more");
    }

    private static List<HomeTicket> Tickets(int count, bool canAccept, string title = "Ticket") =>
        Enumerable.Range(1, count).Select(n => Line(n, $"{title} {n}", canAccept)).ToList();

    private static HomeTicket Line(long n, string title, bool canAccept) =>
        new(n, TicketKey.Format(n), title, Priority.P3, "Waiting", "Tier 1", null, "14:00, 4 h left", SlaState.OnTrack, canAccept);

    private static string Text(JsonNode block) => block["text"]?["text"]?.GetValue<string>()
        ?? string.Join(" ", block["elements"]?.AsArray().Select(e => e?["text"]?.GetValue<string>()) ?? []);
}
