using ChatEscalation.Bot.Dashboard;

namespace ChatEscalation.Bot.Tests.Dashboard;

public sealed class ReportRangeTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly DateTimeOffset Now = new(2026, 7, 15, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Parse_Nothing_TheLastThirtyDays()
    {
        var range = ReportRange.Parse(null, null, null, London, Now, out var error);

        error.ShouldBeNull();
        range.ShouldBe(new ReportRange(Now - TimeSpan.FromDays(30), Now));
    }

    [Theory]
    [InlineData("7", 7)]
    [InlineData("90", 90)]
    public void Parse_Days_ThatManyDaysUpToNow(string days, int expected) =>
        ReportRange.Parse(days, null, null, London, Now, out _).ShouldBe(new ReportRange(Now - TimeSpan.FromDays(expected), Now));

    [Fact]
    public void Parse_FromTo_WholeDaysInTheDesksZoneBothIncluded()
    {
        var range = ReportRange.Parse(null, "2026-07-01", "2026-07-02", London, Now, out _)!;

        range.From.ShouldBe(new DateTimeOffset(2026, 6, 30, 23, 0, 0, TimeSpan.Zero)); // midnight BST
        range.To.ShouldBe(new DateTimeOffset(2026, 7, 2, 23, 0, 0, TimeSpan.Zero) - TimeSpan.FromTicks(1));
    }

    [Theory]
    [InlineData("0", null, null)]
    [InlineData("abc", null, null)]
    [InlineData(null, "2026-07-02", "2026-07-01")]
    [InlineData(null, "2026-07-01", null)]
    [InlineData(null, "01/07/2026", "2026-07-02")]
    [InlineData(null, "2025-01-01", "2026-07-01")]
    public void Parse_Nonsense_NullWithAReason(string? days, string? from, string? to)
    {
        ReportRange.Parse(days, from, to, London, Now, out var error).ShouldBeNull();
        error.ShouldNotBeNullOrWhiteSpace();
    }
}
