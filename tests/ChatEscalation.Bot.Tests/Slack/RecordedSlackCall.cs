namespace ChatEscalation.Bot.Tests.Slack;

/// <summary>One request the fake Slack Web API received.</summary>
public sealed record RecordedSlackCall(string HttpMethod, string ApiMethod, string Query, string? Authorization, string? ContentType, string Body, long AtTimestamp);
