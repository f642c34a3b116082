using System.Net;

namespace ChatEscalation.Bot.Teams.Protocol;

/// <summary>
/// The Connector answered 429. Not retried here: the caller (the outbox dispatcher) reschedules after
/// <see cref="RetryAfter"/>, or with its own backoff with jitter when that is null.
/// </summary>
public sealed class TeamsThrottledException(TimeSpan? retryAfter, string? errorCode)
    : TeamsConnectorException(HttpStatusCode.TooManyRequests, errorCode, $"Teams Connector throttled the bot (Retry-After: {retryAfter?.ToString() ?? "absent"}).")
{
    /// <summary>Delay requested by the <c>Retry-After</c> header; null when absent or unparsable.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
