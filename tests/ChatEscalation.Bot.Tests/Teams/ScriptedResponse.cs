namespace ChatEscalation.Bot.Tests.Teams;

/// <summary>A response <see cref="LocalTeamsConnector"/> returns for the next Connector request.</summary>
/// <param name="Status">HTTP status.</param>
/// <param name="Body">JSON body (may be empty).</param>
/// <param name="RetryAfter">Raw <c>Retry-After</c> header value, if any.</param>
/// <param name="Delay">How long the connector waits before answering (a stalled service); default at once.</param>
public sealed record ScriptedResponse(int Status, string Body = "", string? RetryAfter = null, TimeSpan Delay = default);
