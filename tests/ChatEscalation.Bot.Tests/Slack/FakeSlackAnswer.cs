namespace ChatEscalation.Bot.Tests.Slack;

/// <summary>A scripted answer of the fake Slack Web API.</summary>
public sealed record FakeSlackAnswer(int Status, string Body, string? RetryAfter = null)
{
    public static FakeSlackAnswer Ok(string json) => new(200, json);
}
