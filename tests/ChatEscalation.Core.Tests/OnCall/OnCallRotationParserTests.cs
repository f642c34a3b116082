using ChatEscalation.Core.OnCall;
using static ChatEscalation.Core.Tests.OnCall.OnCallFixtures;

namespace ChatEscalation.Core.Tests.OnCall;

public class OnCallRotationParserTests
{
    private static RotationLayerSpec Primary(string turn = "Weekly", string start = "2026-01-05", string handoff = "09:00", string name = "primary") =>
        new(name, ["alice", " bob "], turn, start, handoff);

    private static OnCallRotation Parse(RotationLayerSpec layer, params RotationOverrideSpec[] overrides) =>
        OnCallRotationParser.Parse("tier2", "Europe/London", [layer], overrides);

    [Fact]
    public void Parse_ValidLayer_BuildsLayerFromText()
    {
        var rotation = Parse(Primary(turn: "daily", handoff: "08:30"));

        rotation.Name.ShouldBe("tier2");
        rotation.Zone.Id.ShouldBe("Europe/London");
        var layer = rotation.Layers.ShouldHaveSingleItem();
        layer.Name.ShouldBe("primary");
        layer.Participants.ShouldBe(["alice", "bob"]);
        layer.Turn.ShouldBe(TurnLength.Daily);
        layer.StartDate.ShouldBe(new DateOnly(2026, 1, 5));
        layer.HandoffTime.ShouldBe(new TimeSpan(8, 30, 0));
    }

    [Fact]
    public void Parse_OverrideLocalDateTimeInSummer_IsLondonLocalTime()
    {
        var rotation = Parse(Primary(), new RotationOverrideSpec("primary", "2026-07-01T18:00", "2026-07-02T08:00", "dave"));

        rotation.ShiftAt(0, Utc(2026, 7, 1, 20, 0)).ShouldBe(new OnCallShift("primary", "dave", Utc(2026, 7, 1, 17, 0), Utc(2026, 7, 2, 7, 0)));
    }

    [Fact]
    public void Parse_OverrideDates_MeanLocalMidnight()
    {
        var rotation = Parse(Primary(), new RotationOverrideSpec(null, "2026-12-24", "2026-12-27", " "));

        rotation.ShiftAt(0, Utc(2026, 12, 25)).ShouldBe(new OnCallShift("primary", null, Utc(2026, 12, 24), Utc(2026, 12, 27)));
    }

    [Theory]
    [InlineData("Fortnightly", "2026-01-05", "09:00", "Turn 'Fortnightly'")]
    [InlineData("1", "2026-01-05", "09:00", "Turn '1'")]
    [InlineData("", "2026-01-05", "09:00", "Turn ''")]
    [InlineData("Weekly", "05/01/2026", "09:00", "StartDate '05/01/2026'")]
    [InlineData("Weekly", "2026-02-30", "09:00", "StartDate '2026-02-30'")]
    [InlineData("Weekly", "2026-01-05", "9am", "HandoffTime '9am'")]
    [InlineData("Weekly", "2026-01-05", "24:00", "HandoffTime '24:00'")]
    public void Parse_BadLayerField_ThrowsNamingRotationLayerFieldAndValue(string turn, string start, string handoff, string expected)
    {
        var error = Should.Throw<FormatException>(() => Parse(Primary(turn, start, handoff)));

        error.Message.ShouldStartWith("On-call rotation 'tier2': layer 'primary' ");
        error.Message.ShouldContain(expected);
    }

    [Fact]
    public void Parse_TurnFortnightly_HasExactMessage()
    {
        Should.Throw<FormatException>(() => Parse(Primary(turn: "Fortnightly")))
            .Message.ShouldBe("On-call rotation 'tier2': layer 'primary' Turn 'Fortnightly' is not Daily or Weekly.");
    }

    [Fact]
    public void Parse_BlankParticipant_ThrowsNamingParticipants()
    {
        var layer = new RotationLayerSpec("primary", ["alice", " "], "Weekly", "2026-01-05", "09:00");

        Should.Throw<FormatException>(() => Parse(layer)).Message.ShouldContain("layer 'primary' Participants[1]");
    }

    [Fact]
    public void Parse_DuplicateLayerName_ThrowsNamingLayer()
    {
        Should.Throw<FormatException>(() => OnCallRotationParser.Parse("tier2", "Europe/London", [Primary(), Primary()], []))
            .Message.ShouldContain("layer 'primary' Name 'primary' is declared twice");
    }

    [Fact]
    public void Parse_UnknownTimeZone_ThrowsNamingTimeZone()
    {
        Should.Throw<FormatException>(() => OnCallRotationParser.Parse("tier2", "Mars/Olympus", [Primary()], []))
            .Message.ShouldStartWith("On-call rotation 'tier2': TimeZone 'Mars/Olympus'");
    }

    [Theory]
    [InlineData("primary", "24/12/2026", "2026-12-27", "From '24/12/2026'")]
    [InlineData("primary", "2026-12-24", "2026-12-27T25:00", "To '2026-12-27T25:00'")]
    [InlineData("primary", "2026-12-27", "2026-12-24", "To '2026-12-24' is not after From '2026-12-27'")]
    [InlineData("tertiary", "2026-12-24", "2026-12-27", "Layer 'tertiary'")]
    public void Parse_BadOverrideField_ThrowsNamingRotationOverrideFieldAndValue(string layer, string from, string to, string expected)
    {
        var error = Should.Throw<FormatException>(() => Parse(Primary(), new RotationOverrideSpec(null, "2026-01-01", "2026-01-02", null), new RotationOverrideSpec(layer, from, to, "dave")));

        error.Message.ShouldStartWith("On-call rotation 'tier2': override #1 ");
        error.Message.ShouldContain(expected);
    }
}
