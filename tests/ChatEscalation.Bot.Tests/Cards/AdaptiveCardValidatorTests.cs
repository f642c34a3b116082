using System.Text.Json.Nodes;

namespace ChatEscalation.Bot.Tests.Cards;

public sealed class AdaptiveCardValidatorTests
{
    [Fact]
    public void ValidateAgainstSchema_TicketCardWithTeamsMentions_HasNoErrors()
    {
        AdaptiveCardValidator.ValidateAgainstSchema(SampleCards.TicketCard()).ShouldBeEmpty();
    }

    [Fact]
    public void ValidateAgainstSchema_TicketCard_LeavesCallersMsteamsMemberInPlace()
    {
        var card = SampleCards.TicketCard();

        AdaptiveCardValidator.ValidateAgainstSchema(card);

        card["msteams"]?["entities"]?.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public void SchemaItself_CardWithMsteamsMember_IsRejectedWhenNotStripped()
    {
        // Proves the schema is strict, i.e. that the stripping in ValidateAgainstSchema matters.
        var schema = OfflineJsonSchema.Load(RepoPaths.AdaptiveCardSchemaFile);

        OfflineJsonSchema.Errors(schema, SampleCards.TicketCard()).ShouldNotBeEmpty();
    }

    [Fact]
    public void ValidateAgainstSchema_UnknownElementType_ReportsErrors()
    {
        AdaptiveCardValidator.ValidateAgainstSchema(SampleCards.UnknownElementCard()).ShouldNotBeEmpty();
    }

    [Fact]
    public void ValidateAgainstSchema_OpenUrlWithoutUrl_ReportsMissingUrl()
    {
        var errors = AdaptiveCardValidator.ValidateAgainstSchema(SampleCards.MissingUrlCard());

        errors.ShouldContain(e => e.Contains("url", StringComparison.Ordinal));
    }

    [Fact]
    public void ValidateAgainstSchema_Version16OnlyProperty_ReportsError()
    {
        var card = SampleCards.TicketCard();
        card["actions"]![1]!["card"]!["body"]![0]!["labelPosition"] = "inline";

        AdaptiveCardValidator.ValidateAgainstSchema(card).ShouldNotBeEmpty();
    }

    [Fact]
    public void ParseWithOfficialRenderer_TicketCard_ParsesAndRendersWithoutErrors()
    {
        var result = AdaptiveCardValidator.ParseWithOfficialRenderer(SampleCards.TicketCard());

        result.Errors.ShouldBeEmpty(string.Join("; ", result.Errors));
        result.Warnings.ShouldBeEmpty(string.Join("; ", result.Warnings));
        result.Rendered.ShouldBeTrue(result.RenderError);
        result.Html.ShouldNotBeNull();
        result.Html.ShouldContain("T-42 printer on fire");
        result.Html.ShouldContain("Accept");
        result.Html.ShouldContain("Escalate");
    }

    [Fact]
    public void ParseWithOfficialRenderer_UnknownElementType_ReportsUnknownElementTypeError()
    {
        var result = AdaptiveCardValidator.ParseWithOfficialRenderer(SampleCards.UnknownElementCard());

        result.Errors.ShouldContain(e => e.Event == "UnknownElementType" && e.Message!.Contains("Fancy.Widget"));
        result.IsClean.ShouldBeFalse();
    }

    [Fact]
    public void ParseWithOfficialRenderer_OpenUrlWithoutUrl_ReportsPropertyCantBeNull()
    {
        var result = AdaptiveCardValidator.ParseWithOfficialRenderer(SampleCards.MissingUrlCard());

        result.Errors.ShouldContain(e => e.Event == "PropertyCantBeNull" && e.Message!.Contains("url"));
    }

    [Fact]
    public void ParseWithOfficialRenderer_InputWithoutId_ReportsError()
    {
        var card = SampleCards.TicketCard();
        card["actions"]![1]!["card"]!["body"]![0]!.AsObject().Remove("id");

        var result = AdaptiveCardValidator.ParseWithOfficialRenderer(card);

        result.Errors.ShouldContain(e => e.Event == "PropertyCantBeNull");
    }

    [Fact]
    public void ParseWithOfficialRenderer_UnknownActionType_ReportsUnknownActionTypeError()
    {
        var card = SampleCards.TicketCard();
        card["actions"]!.AsArray().Add(JsonNode.Parse("""{ "type": "Action.Teleport", "title": "Beam" }"""));

        var result = AdaptiveCardValidator.ParseWithOfficialRenderer(card);

        result.Errors.ShouldContain(e => e.Event == "UnknownActionType");
    }

    [Fact]
    public void ParseWithOfficialRenderer_Batch_ReturnsOneResultPerCardInOrder()
    {
        var results = AdaptiveCardValidator.ParseWithOfficialRenderer(
            [SampleCards.UnknownElementCard(), SampleCards.TicketCard(), SampleCards.MissingUrlCard()]);

        results.Count.ShouldBe(3);
        results.Select(r => r.Source).ShouldBe(["#0", "#1", "#2"]);
        results[0].Errors.ShouldContain(e => e.Event == "UnknownElementType");
        results[1].IsClean.ShouldBeTrue();
        results[2].Errors.ShouldContain(e => e.Event == "PropertyCantBeNull");
    }

    [Fact]
    public void ParseWithOfficialRenderer_EmptyBatch_ReturnsNoResults()
    {
        AdaptiveCardValidator.ParseWithOfficialRenderer(Array.Empty<JsonNode>()).ShouldBeEmpty();
    }
}
