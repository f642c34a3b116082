namespace ChatEscalation.Bot.Slack.Protocol;

/// <summary>
/// Slack answered HTTP 429. The call is not retried here: the caller (the outbox dispatcher) reschedules it
/// no sooner than <see cref="RetryAfter"/> (from the <c>Retry-After</c> header in seconds), or after its own backoff when Slack gave none.
/// </summary>
public sealed class SlackRateLimitedException(string method, TimeSpan? retryAfter)
    : SlackApiException(method, "ratelimited")
{
    /// <summary>How long Slack asked the app to wait before calling <see cref="SlackApiException.Method"/> again; null when it did not say.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
