namespace ChatEscalation.Bot.Slack.Protocol;

/// <summary>Outcome of checking a Slack request signature; safe to log (it carries no secret or signature).</summary>
public enum SlackSignatureResult
{
    /// <summary>The signature matches and the timestamp is within the window.</summary>
    Valid,

    /// <summary>No signing secret is configured, so nothing can be verified.</summary>
    NotConfigured,

    /// <summary><c>X-Slack-Request-Timestamp</c> is absent or empty.</summary>
    MissingTimestamp,

    /// <summary><c>X-Slack-Request-Timestamp</c> is not a whole number of Unix seconds.</summary>
    MalformedTimestamp,

    /// <summary>The timestamp is more than the window older than now (possible replay).</summary>
    StaleTimestamp,

    /// <summary>The timestamp is more than the window ahead of now.</summary>
    FutureTimestamp,

    /// <summary><c>X-Slack-Signature</c> is absent or empty.</summary>
    MissingSignature,

    /// <summary>The signature does not start with the supported version prefix <c>v0=</c>.</summary>
    UnsupportedVersion,

    /// <summary>The signature is not 64 hexadecimal characters after the prefix.</summary>
    MalformedSignature,

    /// <summary>The signature is well formed but does not match the body and timestamp.</summary>
    Mismatch,
}
