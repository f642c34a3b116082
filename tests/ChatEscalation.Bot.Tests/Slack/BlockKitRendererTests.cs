using System.Text.Json.Nodes;
using ChatEscalation.Bot.Slack;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Core.Views;

namespace ChatEscalation.Bot.Tests.Slack;

/// <summary>Block Kit rendering of the ticket card: content, buttons, limits (cut with a link, never an error), mrkdwn escaping, date tokens.</summary>
public sealed class BlockKitRendererTests
{
    private const string BaseUrl = "https://desk.example.com/";
    private static readonly DateTimeOffset Due = new(2026, 3, 10, 14, 30, 0, TimeSpan.Zero);

    private static TicketCardView View(string title = "VPN drops", string description = "Every 10 minutes", HandoffNote? handoff = null,
        IReadOnlyList<string>? actions = null, string reporter = "Uma") => new(
        "INC-000042", 42, title, description, "Network", Priority.P2, "Category Network → Tier 1", 1, "Tier 1 – Service Desk",
        new UserRef("uma@demo.local", reporter), new UserRef("alice@demo.local", "Alice"), TicketStatus.Accepted, "Accepted by Alice",
        "VPN", false, false, Due, SlaState.OnTrack, "resolve by 14:30", handoff, null, null, null,
        actions ?? [TicketActions.Escalate, TicketActions.Resolve], 3);

    [Fact]
    public void TicketCard_OrdinaryTicket_HeaderFieldsAndButtonsCarryingTheNumber()
    {
        var blocks = BlockKitRenderer.TicketCard(View(handoff: new HandoffNote("Reinstalled", "Still drops", "Logs")));

        blocks[0]!["type"]!.GetValue<string>().ShouldBe("header");
        blocks[0]!["text"]!["text"]!.GetValue<string>().ShouldBe("INC-000042 · VPN drops");
        var fields = blocks[1]!["fields"]!.AsArray().Select(f => f!["text"]!.GetValue<string>()).ToList();
        fields.ShouldContain("*Priority*\nP2");
        fields.ShouldContain("*Owner*\nAlice");
        fields.ShouldContain("*Status*\nAccepted by Alice");
        Texts(blocks).ShouldContain(t => t.Contains("*Tried:* Reinstalled") && t.Contains("*Needs:* Logs"));
        var buttons = blocks[^1]!["elements"]!.AsArray();
        buttons.Select(b => b!["action_id"]!.GetValue<string>()).ShouldBe([TicketActions.Escalate, TicketActions.Resolve]);
        buttons.ShouldAllBe(b => b!["value"]!.GetValue<string>() == "42");
    }

    [Fact]
    public void TicketCard_SlaDue_DateTokenWithUtcFallback()
    {
        var sla = BlockKitRenderer.TicketCard(View())[1]!["fields"]!.AsArray().Select(f => f!["text"]!.GetValue<string>()).Single(t => t.StartsWith("*SLA due*"));

        sla.ShouldContain($"<!date^{Due.ToUnixTimeSeconds()}^{{date_short_pretty}} {{time}}|2026-03-10 14:30 UTC>");
    }

    [Fact]
    public void TicketCard_UserTextWithMentionsAndLinks_Escaped()
    {
        var blocks = BlockKitRenderer.TicketCard(View(title: "<!channel> help", description: "see <https://evil.example|here> & <@U123>", reporter: "<@U999>"));

        var all = string.Join("\n", Texts(blocks).Skip(1)); // the header is plain_text, where Slack renders no markup
        all.ShouldContain("see &lt;https://evil.example|here&gt; &amp; &lt;@U123&gt;");
        all.ShouldContain("Reported by &lt;@U999&gt;");
        all.ShouldNotContain("<@U123>");
        all.ShouldNotContain("<https://evil");
    }

    [Fact]
    public void TicketCard_LongTexts_CutToLimitsWithLinkToTicket()
    {
        var longText = string.Concat(Enumerable.Repeat("word & more ", 1000));
        var blocks = BlockKitRenderer.TicketCard(View(title: longText, description: longText, handoff: new HandoffNote(longText, longText, longText)),
            [TicketActions.Escalate], BaseUrl);

        blocks[0]!["text"]!["text"]!.GetValue<string>().Length.ShouldBeLessThanOrEqualTo(BlockKitRenderer.MaxHeaderText);
        foreach (var section in blocks.OfType<JsonObject>().Where(b => b["type"]!.GetValue<string>() == "section" && b["text"] is not null))
        {
            var text = section["text"]!["text"]!.GetValue<string>();
            text.Length.ShouldBeLessThanOrEqualTo(BlockKitRenderer.MaxSectionText);
            text.ShouldEndWith("<https://desk.example.com/tickets/42|full text>");
            text.ShouldNotContain("&am…"); // never half an escape
        }

        blocks[1]!["fields"]!.AsArray().ShouldAllBe(f => f!["text"]!.GetValue<string>().Length <= BlockKitRenderer.MaxFieldText);
    }

    [Fact]
    public void Message_ManyActionsAndLongValues_ButtonLimitsRespected()
    {
        var actions = Enumerable.Range(0, 40).Select(i => new string('a', 300) + i).ToList();
        var blocks = BlockKitRenderer.Message("text", 42, actions, urgent: true);

        blocks[0]!["text"]!["text"]!.GetValue<string>().ShouldStartWith(":rotating_light: ");
        var elements = blocks[1]!["elements"]!.AsArray();
        elements.Count.ShouldBe(BlockKitRenderer.MaxActionsPerBlock);
        elements.ShouldAllBe(e => e!["action_id"]!.GetValue<string>().Length <= BlockKitRenderer.MaxActionId);
        elements.ShouldAllBe(e => e!["text"]!["text"]!.GetValue<string>().Length <= BlockKitRenderer.MaxButtonText);
    }

    [Fact]
    public void Reply_WithCard_TextThenCardWithoutButtons()
    {
        var blocks = BlockKitRenderer.Reply("Here it is", View());
        blocks.Count.ShouldBeLessThanOrEqualTo(BlockKitRenderer.MaxBlocks);
        blocks[1]!["type"]!.GetValue<string>().ShouldBe("header");
        blocks.OfType<JsonObject>().ShouldNotContain(b => b["type"]!.GetValue<string>() == "actions"); // replies show the card without buttons
    }

    [Fact]
    public void SuggestRaise_UnknownText_RaiseButtonCarriesTheTitle()
    {
        var blocks = BlockKitRenderer.SuggestRaise("Shall I raise it?", "printer on fire");
        var button = blocks[1]!["elements"]![0]!;
        button["action_id"]!.GetValue<string>().ShouldBe(TicketActions.Raise);
        button["value"]!.GetValue<string>().ShouldBe("printer on fire");
    }

    [Fact]
    public void TicketCard_SingleParameterOverload_IsTheOnlyOneTheEmulatorCanFind()
    {
        var candidates = typeof(BlockKitRenderer).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(m => m.GetParameters() is [{ ParameterType: var p }] && p == typeof(TicketCardView) && typeof(JsonNode).IsAssignableFrom(m.ReturnType))
            .ToList();
        candidates.ShouldHaveSingleItem().Name.ShouldBe(nameof(BlockKitRenderer.TicketCard));
    }

    private static IEnumerable<string> Texts(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "text" && p.Value is JsonValue v ? [v.GetValue<string>()] : Texts(p.Value)),
        JsonArray a => a.SelectMany(Texts),
        _ => [],
    };
}
