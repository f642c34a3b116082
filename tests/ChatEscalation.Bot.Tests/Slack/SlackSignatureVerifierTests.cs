using System.Text;
using ChatEscalation.Bot.Slack;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ChatEscalation.Bot.Slack.Protocol;

namespace ChatEscalation.Bot.Tests.Slack;

public sealed class SlackSignatureVerifierTests
{
    // Slack's published example (docs "Verifying requests from Slack"): secret, timestamp, body and signature.
    private const string DocSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string DocTimestamp = "1531420618";
    private const string DocSignature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private static readonly byte[] DocBody = Encoding.UTF8.GetBytes(
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar"
        + "&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com"
        + "%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c");

    private static readonly DateTimeOffset DocTime = DateTimeOffset.FromUnixTimeSeconds(1531420618);

    private static SlackSignatureVerifier Create(DateTimeOffset now, string? secret = DocSecret) =>
        new(new TestOptionsMonitor(new SlackOptions { SigningSecret = secret }), new FakeTimeProvider(now));

    [Fact]
    public void Verify_PublishedSlackExample_Valid() =>
        Create(DocTime).Verify(DocTimestamp, DocSignature, DocBody).ShouldBe(SlackSignatureResult.Valid);

    [Fact]
    public void ComputeSignature_PublishedSlackExample_MatchesSlack() =>
        SlackSignatureVerifier.ComputeSignature(DocSecret, DocTimestamp, DocBody).ShouldBe(DocSignature);

    [Fact]
    public void Verify_WrongSecret_Mismatch() =>
        Create(DocTime, "00000000000000000000000000000000").Verify(DocTimestamp, DocSignature, DocBody).ShouldBe(SlackSignatureResult.Mismatch);

    [Fact]
    public void Verify_BodyAlteredByOneByte_Mismatch()
    {
        var altered = (byte[])DocBody.Clone();
        altered[^1] ^= 0x01;
        Create(DocTime).Verify(DocTimestamp, DocSignature, altered).ShouldBe(SlackSignatureResult.Mismatch);
    }

    [Fact]
    public void Verify_TimestampChangedButSignatureKept_Mismatch() =>
        Create(DocTime).Verify("1531420619", DocSignature, DocBody).ShouldBe(SlackSignatureResult.Mismatch);

    [Theory]
    // Two-sided 300 s window: the edges are accepted, one second beyond is refused.
    [InlineData(300, SlackSignatureResult.Valid)]
    [InlineData(301, SlackSignatureResult.StaleTimestamp)]
    [InlineData(3600, SlackSignatureResult.StaleTimestamp)]
    [InlineData(-300, SlackSignatureResult.Valid)]
    [InlineData(-301, SlackSignatureResult.FutureTimestamp)]
    public void Verify_ClockAwayFromTimestamp_WindowIsTwoSided(int nowMinusTimestampSeconds, SlackSignatureResult expected) =>
        Create(DocTime.AddSeconds(nowMinusTimestampSeconds)).Verify(DocTimestamp, DocSignature, DocBody).ShouldBe(expected);

    [Fact]
    public void Verify_StaleRequestOnFakeClock_RefusedAfterAdvance()
    {
        var time = new FakeTimeProvider(DocTime);
        var verifier = new SlackSignatureVerifier(new TestOptionsMonitor(new SlackOptions { SigningSecret = DocSecret }), time);
        verifier.Verify(DocTimestamp, DocSignature, DocBody).ShouldBe(SlackSignatureResult.Valid);
        time.Advance(TimeSpan.FromSeconds(301));
        verifier.Verify(DocTimestamp, DocSignature, DocBody).ShouldBe(SlackSignatureResult.StaleTimestamp);
    }

    [Theory]
    [InlineData(null, DocSignature, SlackSignatureResult.MissingTimestamp)]
    [InlineData("", DocSignature, SlackSignatureResult.MissingTimestamp)]
    [InlineData(DocTimestamp, null, SlackSignatureResult.MissingSignature)]
    [InlineData(DocTimestamp, "", SlackSignatureResult.MissingSignature)]
    [InlineData("1531420618.5", DocSignature, SlackSignatureResult.MalformedTimestamp)]
    [InlineData("abc", DocSignature, SlackSignatureResult.MalformedTimestamp)]
    [InlineData("-1531420618", DocSignature, SlackSignatureResult.MalformedTimestamp)]
    [InlineData(" 1531420618", DocSignature, SlackSignatureResult.MalformedTimestamp)]
    [InlineData("99999999999999999999", DocSignature, SlackSignatureResult.MalformedTimestamp)]
    [InlineData(DocTimestamp, "v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", SlackSignatureResult.UnsupportedVersion)]
    [InlineData(DocTimestamp, "a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", SlackSignatureResult.UnsupportedVersion)]
    [InlineData(DocTimestamp, "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b5", SlackSignatureResult.MalformedSignature)]
    [InlineData(DocTimestamp, "v0=zz114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", SlackSignatureResult.MalformedSignature)]
    public void Verify_BadHeaders_Refused(string? timestamp, string? signature, SlackSignatureResult expected) =>
        Create(DocTime).Verify(timestamp, signature, DocBody).ShouldBe(expected);

    [Fact]
    public void Verify_NoSecretConfigured_NotConfigured() =>
        Create(DocTime, secret: null).Verify(DocTimestamp, DocSignature, DocBody).ShouldBe(SlackSignatureResult.NotConfigured);

    private sealed class TestOptionsMonitor(SlackOptions value) : IOptionsMonitor<SlackOptions>
    {
        public SlackOptions CurrentValue => value;
        public SlackOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<SlackOptions, string?> listener) => null;
    }
}
