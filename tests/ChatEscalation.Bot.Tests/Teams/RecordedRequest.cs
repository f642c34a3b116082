namespace ChatEscalation.Bot.Tests.Teams;

/// <summary>One request received by <see cref="LocalTeamsConnector"/>.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="RawTarget">Path and query exactly as sent (still percent-encoded).</param>
/// <param name="Authorization">The Authorization header, if any.</param>
/// <param name="ContentType">The Content-Type header, if any.</param>
/// <param name="Body">The body as text.</param>
public sealed record RecordedRequest(string Method, string RawTarget, string? Authorization, string? ContentType, string Body);
