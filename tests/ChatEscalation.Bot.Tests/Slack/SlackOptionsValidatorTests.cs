using ChatEscalation.Bot.Slack;
using ChatEscalation.Bot.Slack.Protocol;

namespace ChatEscalation.Bot.Tests.Slack;

public sealed class SlackOptionsValidatorTests
{
    private static SlackOptions Enabled(string apiBaseUrl) => new() { SigningSecret = "s", BotToken = "xoxb-1", ApiBaseUrl = apiBaseUrl };

    [Theory]
    [InlineData("https://slack.com/api/")]
    [InlineData("http://127.0.0.1:5555/api/")]
    [InlineData("http://127.8.9.10/api/")]
    [InlineData("http://localhost:8080/api")]
    [InlineData("http://[::1]:8080/api/")]
    public void Validate_HttpsOrLoopbackHttp_Succeeds(string url) =>
        new SlackOptionsValidator().Validate(null, Enabled(url)).Succeeded.ShouldBeTrue();

    [Theory]
    [InlineData("http://slack.com/api/")]
    [InlineData("http://10.0.0.5/api/")]
    [InlineData("http://localhost.evil.example/api/")]
    [InlineData("ftp://127.0.0.1/api/")]
    [InlineData("/api/")]
    public void Validate_InsecureOrRelativeUrl_FailsNamingTheSetting(string url)
    {
        var result = new SlackOptionsValidator().Validate(null, Enabled(url));
        result.Failed.ShouldBeTrue();
        result.FailureMessage!.ShouldContain("Slack:ApiBaseUrl");
    }

    [Fact]
    public void Validate_EnabledWithoutBotToken_Fails() =>
        new SlackOptionsValidator().Validate(null, new SlackOptions { SigningSecret = "s" }).FailureMessage!.ShouldContain("Slack:BotToken");

    [Fact]
    public void Validate_NotConfigured_SucceedsWhateverTheUrl() =>
        new SlackOptionsValidator().Validate(null, new SlackOptions { ApiBaseUrl = "http://slack.com/api/" }).Succeeded.ShouldBeTrue();

    [Theory]
    [InlineData(SlackMode.Http, "secret", null, true)]
    [InlineData(SlackMode.Http, null, "xapp-1", false)]
    [InlineData(SlackMode.Socket, null, "xapp-1", true)]
    [InlineData(SlackMode.Socket, "secret", null, false)]
    public void IsEnabled_DependsOnModeCredential(SlackMode mode, string? secret, string? appToken, bool expected) =>
        new SlackOptions { Mode = mode, SigningSecret = secret, AppToken = appToken }.IsEnabled.ShouldBe(expected);
}
