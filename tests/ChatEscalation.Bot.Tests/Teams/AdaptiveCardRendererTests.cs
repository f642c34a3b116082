using System.Text;
using System.Text.Json.Nodes;
using ChatEscalation.Bot.Teams.Cards;
using ChatEscalation.Bot.Tests.Cards;
using ChatEscalation.Bot.Tests.Local;
using ChatEscalation.Core.Forms;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Tickets;
using static ChatEscalation.Bot.Tests.Teams.TeamsCardFixtures;

namespace ChatEscalation.Bot.Tests.Teams;

public sealed class AdaptiveCardRendererTests
{
    /// <summary>Every card the Teams adapter can produce, by name.</summary>
    public static IReadOnlyList<(string Name, JsonObject Card)> AllCards()
    {
        var cards = new List<(string, JsonObject)>();
        foreach (var (name, view) in AllViews())
        {
            cards.Add(($"ticket:{name}", AdaptiveCardRenderer.TicketCard(view, view.Actions, Options(refresh: ["29:tom", "29:mia"]))));
        }

        cards.Add(("ticket:no-options", AdaptiveCardRenderer.TicketCard(Queued(), Queued().Actions, TeamsCardOptions.Plain)));
        cards.Add(("alert:manager", AdaptiveCardRenderer.MessageCard("SLA at risk: 30 minutes left.", Breached(),
            [TicketActions.TakeOver, TicketActions.Reassign, TicketActions.Escalate], Options(mentioned: [Manager], reassign: Reassign))));
        cards.Add(("alert:manager-long", AdaptiveCardRenderer.MessageCard(LongText().Description, LongText(),
            [TicketActions.TakeOver, TicketActions.Reassign, TicketActions.Escalate], Options(mentioned: [Manager], reassign: Reassign))));
        cards.Add(("alert:on-call", AdaptiveCardRenderer.MessageCard("Paging Tom Tech (page 2)", Paged(), [TicketActions.AckPage, TicketActions.Accept], Options(mentioned: [Tech]))));
        cards.Add(("direct:reporter", AdaptiveCardRenderer.MessageCard("Tom Tech is working on your ticket.", Accepted(), [TicketActions.EscalateManager], Options())));
        cards.Add(("direct:long", AdaptiveCardRenderer.MessageCard(LongText().Description, LongText(), [TicketActions.Reopen], Options())));
        cards.Add(("thread:update", AdaptiveCardRenderer.MessageCard("Escalated to Network team.", Escalated(), [], Options())));
        cards.Add(("raise", AdaptiveCardRenderer.RaiseCard(TicketForms.Raise(LocalFixtures.Policy, "VPN broken for the whole office since 9"))));
        cards.Add(("raise:long", AdaptiveCardRenderer.RaiseCard(TicketForms.Raise(LocalFixtures.Policy, LongText().Title + "\n" + LongText().Description))));
        return cards;
    }

    public static TheoryData<string> CardNames() => new(AllCards().Select(c => c.Name));

    [Theory]
    [MemberData(nameof(CardNames))]
    public void Card_AgainstOfficialSchema15_IsValid(string name)
    {
        var card = AllCards().Single(c => c.Name == name).Card;
        AdaptiveCardValidator.ValidateAgainstSchema(card).ShouldBeEmpty();
        card["version"]!.GetValue<string>().ShouldBe("1.5");
    }

    [Theory]
    [MemberData(nameof(CardNames))]
    public void Card_Serialized_StaysUnder28KB(string name)
    {
        var card = AllCards().Single(c => c.Name == name).Card;
        AdaptiveCardRenderer.SizeInBytes(card).ShouldBeLessThanOrEqualTo(AdaptiveCardRenderer.MaxCardBytes);
    }

    [Fact]
    public void SizeInBytes_IsTheUtf8LengthOfTheCardsJson_AndDoesNotCarryOverBetweenCards()
    {
        var cards = AllCards().Select(c => (JsonNode)c.Card).Append(new JsonObject { ["text"] = "Tier 1 · Service Desk — “quoted” 🚀" }).ToList();
        foreach (var card in cards.Concat(cards.AsEnumerable().Reverse())) // a small card measured after a large one: its own size
            AdaptiveCardRenderer.SizeInBytes(card).ShouldBe(Encoding.UTF8.GetByteCount(card.ToJsonString()));
    }

    [Fact]
    public void AllCards_OfficialJsRenderer_ParseWithoutErrorsOrWarnings()
    {
        var cards = AllCards();
        var results = AdaptiveCardValidator.ParseWithOfficialRenderer(cards.Select(c => (JsonNode)c.Card).ToList());
        var problems = cards.Zip(results)
            .Where(p => !p.Second.IsClean || p.Second.Warnings.Count > 0)
            .Select(p => $"{p.First.Name}: {string.Join("; ", p.Second.Errors.Concat(p.Second.Warnings))} {p.Second.RenderError}")
            .ToList();
        problems.ShouldBeEmpty();
    }

    [Fact]
    public void TicketCard_LongTexts_AreCutWithLinkToTicketPage()
    {
        var card = AdaptiveCardRenderer.TicketCard(LongText(), LongText().Actions, Options());
        var json = card.ToJsonString();
        json.ShouldContain("[Read more](https://desk.example.com/tickets/42)");
        Texts(card).ShouldContain(t => t.Contains("… [Read more]("));
        AdaptiveCardRenderer.SizeInBytes(card).ShouldBeGreaterThan(4_000);
        AdaptiveCardRenderer.SizeInBytes(card).ShouldBeLessThanOrEqualTo(AdaptiveCardRenderer.MaxCardBytes);
    }

    [Fact]
    public void TicketCard_UserText_CannotInjectMentionsOrDateFunctions()
    {
        var json = AdaptiveCardRenderer.TicketCard(LongText(), [], TeamsCardOptions.Plain).ToJsonString();
        json.ShouldNotContain("<at>drops");
        json.ShouldNotContain("{{DATE(x)");
    }

    [Fact]
    public void TicketCard_Accepted_MentionsOwnerWithMatchingEntity()
    {
        var card = AdaptiveCardRenderer.TicketCard(Accepted(), Accepted().Actions, Options());
        var entity = card["msteams"]!["entities"]!.AsArray().ShouldHaveSingleItem()!;
        entity["type"]!.GetValue<string>().ShouldBe("mention");
        entity["text"]!.GetValue<string>().ShouldBe("<at>Tom Tech</at>");
        entity["mentioned"]!["id"]!.GetValue<string>().ShouldBe("29:tom");
        Texts(card).ShouldContain(t => t.Contains("<at>Tom Tech</at>"));
    }

    [Fact]
    public void MessageCard_ManagerAlert_MentionsManagersAndOffersTakeOver()
    {
        var card = AdaptiveCardRenderer.MessageCard("SLA breached", Breached(), [TicketActions.TakeOver], Options(mentioned: [Manager]));
        card["msteams"]!["entities"]!.AsArray().Select(e => e!["mentioned"]!["id"]!.GetValue<string>())
            .ShouldBe(["00000000-0000-0000-0000-0000000000aa"]);
        Verbs(card).ShouldBe(["takeOver"]);
    }

    [Fact]
    public void MessageCard_ManagerAlert_ReassignFormHasTierAndPersonChoicesAndRequiredReason()
    {
        var card = AdaptiveCardRenderer.MessageCard("SLA breached", Breached(), [TicketActions.TakeOver, TicketActions.Reassign], Options(reassign: Reassign));

        var show = card["actions"]!.AsArray().Single(a => a!["title"]!.GetValue<string>() == "Reassign")!;
        show["type"]!.GetValue<string>().ShouldBe("Action.ShowCard");
        var inputs = show["card"]!["body"]!.AsArray();
        inputs.Select(i => i!["id"]!.GetValue<string>()).ShouldBe(["reassign.tier", "reassign.owner", "reassign.reason"]);
        inputs[0]!["choices"]!.AsArray().Select(c => c!["value"]!.GetValue<string>()).ShouldBe(["1", "2", "3", "4"]);
        var people = inputs[1]!["choices"]!.AsArray();
        people.Count.ShouldBe(AdaptiveCardRenderer.MaxChoices);
        people[0]!["title"]!.GetValue<string>().ShouldBe("Tom Tech (Tier 1)");
        inputs[2]!["isRequired"]!.GetValue<bool>().ShouldBeTrue();
        var execute = show["card"]!["actions"]!.AsArray().ShouldHaveSingleItem()!;
        execute["verb"]!.GetValue<string>().ShouldBe("reassign");
        execute["data"]!.ToJsonString().ShouldBe("""{"ticket":42}""");
    }

    [Fact]
    public void MessageCard_ReassignWithoutChoices_LeftOut()
    {
        var card = AdaptiveCardRenderer.MessageCard("SLA breached", Breached(), [TicketActions.TakeOver, TicketActions.Reassign], Options());

        Verbs(card).ShouldBe(["takeOver"]);
    }

    [Fact]
    public void TicketCard_UnknownPerson_WrittenAsPlainNameWithoutEntity()
    {
        var card = AdaptiveCardRenderer.TicketCard(Accepted() with { Owner = Reporter }, [], Options());
        card["msteams"]!["entities"].ShouldBeNull();
        Texts(card).ShouldContain(t => t.Contains("Owner: Rita Reporter"));
    }

    [Fact]
    public void TicketCard_Escalate_ShowCardHasThreeRequiredMultilineInputsATierChoiceAndExecute()
    {
        var card = AdaptiveCardRenderer.TicketCard(Accepted(), Accepted().Actions, Options());
        var show = card["actions"]!.AsArray().Single(a => a!["title"]!.GetValue<string>() == "Escalate")!;
        show["type"]!.GetValue<string>().ShouldBe("Action.ShowCard");
        var inputs = show["card"]!["body"]!.AsArray();
        inputs.Select(i => i!["id"]!.GetValue<string>()).ShouldBe(["escalate.tried", "escalate.outcome", "escalate.needs", "escalate.tier"]);
        inputs.Take(3).ShouldAllBe(i => i!["isMultiline"]!.GetValue<bool>() && i["isRequired"]!.GetValue<bool>()
            && i["maxLength"]!.GetValue<int>() == TextLimits.Note && i["errorMessage"] != null);
        inputs[3]!["type"]!.GetValue<string>().ShouldBe("Input.ChoiceSet");
        inputs[3]!["isRequired"].ShouldBeNull();
        var execute = show["card"]!["actions"]!.AsArray().ShouldHaveSingleItem()!;
        execute["verb"]!.GetValue<string>().ShouldBe("escalate");
        execute["data"]!.ToJsonString().ShouldBe("""{"ticket":42}""");
    }

    [Fact]
    public void TicketCard_Resolve_ShowCardHasResolutionInput()
    {
        var card = AdaptiveCardRenderer.TicketCard(Accepted(), Accepted().Actions, Options());
        var show = card["actions"]!.AsArray().Single(a => a!["title"]!.GetValue<string>() == "Resolve")!;
        show["card"]!["body"]![0]!["id"]!.GetValue<string>().ShouldBe("resolve.resolution");
        show["card"]!["actions"]![0]!["verb"]!.GetValue<string>().ShouldBe("resolve");
    }

    [Fact]
    public void TicketCard_EveryVerb_CarriesOnlyTheTicketNumber()
    {
        var card = AdaptiveCardRenderer.TicketCard(Paged(), [.. TicketActions.All], Options());
        Verbs(card).ShouldBe(["accept", "escalate", "escalateManager", "resolve", "ackPage", "takeOver", "reopen", "vendorUpdate", "wait", "resume", "note", "cancel",
            "fixed", "stillBroken", "meToo", "notSame", "link", "unlink", "publish", "editDraft", "discard"], ignoreOrder: true);
        Executes(card).ShouldAllBe(e => e["data"]!.ToJsonString() == """{"ticket":42}""");
    }

    [Fact]
    public void TicketCard_RefreshUserIds_CappedAt60AndVerbRefresh()
    {
        var ids = Enumerable.Range(0, 75).Select(i => $"29:user{i}").ToList();
        var card = AdaptiveCardRenderer.TicketCard(Queued(), [], Options(refresh: ids));
        card["refresh"]!["userIds"]!.AsArray().Count.ShouldBe(60);
        card["refresh"]!["action"]!["verb"]!.GetValue<string>().ShouldBe(TeamsVerbs.Refresh);
        card["refresh"]!["action"]!["type"]!.GetValue<string>().ShouldBe("Action.Execute");
    }

    [Fact]
    public void TicketCard_WithoutRefreshIds_HasNoRefresh()
    {
        AdaptiveCardRenderer.TicketCard(Queued(), [], Options())["refresh"].ShouldBeNull();
    }

    [Fact]
    public void TicketCard_SlaDue_UsesDateAndTimeFunctionsInUtc()
    {
        var card = AdaptiveCardRenderer.TicketCard(Queued(), [], Options());
        Texts(card).ShouldContain("SLA due {{DATE(2031-03-04T14:30:00Z, SHORT)}} {{TIME(2031-03-04T14:30:00Z)}}");
    }

    [Fact]
    public void TicketCard_Facts_ShowPriorityTierOwnerStatusSla()
    {
        var card = AdaptiveCardRenderer.TicketCard(Escalated(), [], Options());
        var facts = card["body"]!.AsArray().Single(e => e!["type"]!.GetValue<string>() == "FactSet")!["facts"]!.AsArray()
            .ToDictionary(f => f!["title"]!.GetValue<string>(), f => f!["value"]!.GetValue<string>());
        facts["Priority"].ShouldBe("P2");
        facts["Tier"].ShouldBe("2 · Network team");
        facts["Owner"].ShouldBe("Nobody yet");
        facts["SLA"].ShouldBe("1h left (warning)");
        Texts(card).ShouldContain(t => t.Contains("Check the concentrator logs"));
    }

    [Fact]
    public void RaiseCard_FromText_PrefillsTitleCategoryImpactUrgency()
    {
        var card = AdaptiveCardRenderer.RaiseCard(TicketForms.Raise(LocalFixtures.Policy, "The VPN drops for the whole office, no rush"));
        var inputs = card["body"]!.AsArray().Where(e => e!["id"] is not null).ToDictionary(e => e!["id"]!.GetValue<string>());
        inputs["raise.title"]!["value"]!.GetValue<string>().ShouldBe("The VPN drops for the whole office, no rush");
        inputs["raise.category"]!["value"]!.GetValue<string>().ShouldBe("Network");
        inputs["raise.impact"]!["value"]!.GetValue<string>().ShouldBe("High");
        inputs["raise.urgency"]!["value"]!.GetValue<string>().ShouldBe("Low");
        Verbs(card).ShouldBe([TeamsVerbs.Raise]);
    }

    [Fact]
    public void Verbs_RoundTrip_EveryTeamsAction()
    {
        foreach (var id in TicketActions.All)
        {
            TeamsVerbs.ToAction(TeamsVerbs.ToVerb(id)).ShouldBe(id);
        }

        TeamsVerbs.ToAction(null).ShouldBeNull();
        TeamsVerbs.ToAction("escalateManager").ShouldBe(TicketActions.EscalateManager);
    }

    internal static IEnumerable<JsonObject> Executes(JsonNode? node) => node switch
    {
        JsonObject o when o["type"]?.GetValue<string>() == "Action.Execute" => [o],
        JsonObject o => o.Where(c => c.Key != "refresh").SelectMany(c => Executes(c.Value)),
        JsonArray a => a.SelectMany(Executes),
        _ => [],
    };

    internal static List<string> Verbs(JsonNode card) => Executes(card).Select(e => e["verb"]!.GetValue<string>()).ToList();

    internal static List<string> Texts(JsonNode? node) => node switch
    {
        JsonObject o when o["type"]?.GetValue<string>() == "TextBlock" => [o["text"]!.GetValue<string>()],
        JsonObject o => o.SelectMany(c => Texts(c.Value)).ToList(),
        JsonArray a => a.SelectMany(Texts).ToList(),
        _ => [],
    };
}
