using ChatEscalation.Core.Policy;
using ChatEscalation.Core.Tests.Engine.Support;
using ChatEscalation.Core.Views;

namespace ChatEscalation.Core.Tests.Views;

public class TimeTextTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    [Theory]
    // Summer in London (BST, UTC+1): 13:05 UTC is 14:05 local.
    [InlineData("2026-07-10T13:05:00Z", "2026-07-10T08:00:00Z", "14:05")]
    [InlineData("2026-07-11T13:05:00Z", "2026-07-10T08:00:00Z", "Sat 11 Jul 14:05 (London time)")]
    // 23:30 UTC on 10 July is already 00:30 on the 11th in London: not today.
    [InlineData("2026-07-10T23:30:00Z", "2026-07-10T08:00:00Z", "Sat 11 Jul 00:30 (London time)")]
    [InlineData("2027-01-04T09:00:00Z", "2026-12-31T09:00:00Z", "Mon 4 Jan 2027 09:00 (London time)")]
    public void At_TodayOrAnotherDay_TimeAloneOrWithDayAndZone(string instant, string now, string expected) =>
        TimeText.At(DateTimeOffset.Parse(instant), London, DateTimeOffset.Parse(now)).ShouldBe(expected);

    [Theory]
    [InlineData("Europe/London", "London time")]
    [InlineData("America/New_York", "New York time")]
    [InlineData("UTC", "UTC")]
    public void ZoneName_IanaZone_AsPeopleSayIt(string id, string expected) =>
        TimeText.ZoneName(TimeZoneInfo.FindSystemTimeZoneById(id)).ShouldBe(expected);

    [Fact]
    public void OnCallBoard_Describe_WritesTimesInTheCalendarsZoneNotUtc()
    {
        var policy = TestPolicy.Default();
        var friday = At.Utc(2026, 7, 10, 20, 0); // 21:00 London (BST)

        var text = OnCallBoard.Describe(OnCallBoard.At(policy, friday), policy.Staffed.IsOpen(friday));

        text.ShouldNotContain("UTC");
        text.ShouldContain("until Sat 11 Jul 09:00 (London time)"); // the daily Tier 3 handoff at 09:00 local
    }
}
