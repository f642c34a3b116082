using ChatEscalation.Bot.Slack;

namespace ChatEscalation.Bot.Tests.Slack;

public class SlackMessageOriginTests
{
    [Fact]
    public void FormatThenTryParse_TopLevelMessage_ItsOwnThread()
    {
        var origin = SlackMessageOrigin.TryParse(new SlackMessageOrigin("C0GENERAL", "1773136700.000200", "U0UMA").Format())!;

        origin.ShouldBe(new SlackMessageOrigin("C0GENERAL", "1773136700.000200", "U0UMA"));
        origin.ThreadRoot.ShouldBe("1773136700.000200");
    }

    [Fact]
    public void FormatThenTryParse_ReplyInAThread_TheThreadItIsIn()
    {
        var origin = SlackMessageOrigin.TryParse(new SlackMessageOrigin("C0GENERAL", "1773136800.000300", "U0UMA", "1773136700.000200").Format())!;

        origin.Ts.ShouldBe("1773136800.000300"); // the permalink is the message's own
        origin.ThreadRoot.ShouldBe("1773136700.000200");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("42")]
    [InlineData("message:C0GENERAL::U0UMA")]
    public void TryParse_NotAMessageOrigin_Null(string? metadata) => SlackMessageOrigin.TryParse(metadata).ShouldBeNull();
}
