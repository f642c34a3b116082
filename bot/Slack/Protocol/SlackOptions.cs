using System.ComponentModel.DataAnnotations;

namespace ChatEscalation.Bot.Slack.Protocol;

/// <summary>Settings for the Slack adapter, bound from configuration section <c>"Slack"</c>.</summary>
/// <remarks>
/// Slack is enabled when <see cref="SigningSecret"/> is set in <see cref="SlackMode.Http"/> mode, or when
/// <see cref="AppToken"/> is set in <see cref="SlackMode.Socket"/> mode. When it is not enabled the HTTP
/// endpoints answer 503 (404 in Socket mode) with a text reason and the Socket Mode client does not start.
/// <see cref="ApiBaseUrl"/> must be <c>https</c>; plain <c>http</c> is accepted only for loopback hosts
/// (127.0.0.0/8, ::1, localhost) so that local test doubles can run.
/// </remarks>
public sealed class SlackOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Slack";

    /// <summary>The public Slack Web API base URL.</summary>
    public const string DefaultApiBaseUrl = "https://slack.com/api/";

    /// <summary>The app's signing secret; verifies the HMAC of every HTTP callback. Never logged.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>The bot token (<c>xoxb-…</c>) sent as <c>Authorization: Bearer</c> on Web API calls.</summary>
    public string? BotToken { get; set; }

    /// <summary>The app-level token (<c>xapp-…</c>, scope <c>connections:write</c>) used only for <c>apps.connections.open</c>.</summary>
    public string? AppToken { get; set; }

    /// <summary>Transport for inbound traffic. Default <see cref="SlackMode.Http"/>.</summary>
    public SlackMode Mode { get; set; } = SlackMode.Http;

    /// <summary>Base URL of the Web API, with or without a trailing slash. Default <c>https://slack.com/api/</c>.</summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>How many times a Web API call that failed with 5xx or a network error is retried. Default 3.</summary>
    [Range(0, 10)]
    public int ApiMaxRetries { get; set; } = 3;

    /// <summary>Base delay of the exponential, jittered backoff between Web API retries. Default 1 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan ApiRetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Timeout of one Web API attempt (a timed-out attempt is retried). Default 10 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan ApiAttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Longest wait for <c>users.info</c> while answering a request (Slack wants an answer within 3 s); past it the person acts
    /// as <c>slack:&lt;id&gt;</c> for this request and is looked up again next time. Default 1.5 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:02.500")]
    public TimeSpan PeopleLookupBudget { get; set; } = TimeSpan.FromSeconds(1.5);

    /// <summary>First delay before reconnecting a dropped Socket Mode connection; doubles per failure. Default 1 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan SocketReconnectBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Cap of the Socket Mode reconnect backoff. Default 1 minute.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan SocketReconnectMaxDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long closing a Socket Mode connection may take (sending our close, then waiting for Slack's) before the connection is
    /// simply dropped. Default 5 s, well inside the host's 30 s shutdown.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:20")]
    public TimeSpan SocketCloseTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Interval of WebSocket keep-alive pings (a connection that stops answering is dropped). Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan SocketKeepAliveInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>True when Slack is configured for the current <see cref="Mode"/>.</summary>
    public bool IsEnabled => Mode == SlackMode.Socket
        ? !string.IsNullOrWhiteSpace(AppToken)
        : !string.IsNullOrWhiteSpace(SigningSecret);
}
