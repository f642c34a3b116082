namespace ChatEscalation.Bot.Slack.Protocol;

/// <summary>
/// A Slack Web API call failed: <c>ok:false</c> (logical errors such as <c>channel_not_found</c>, never retried),
/// an HTTP error left after retries (<see cref="Error"/> <c>http_503</c> …) or an unreadable answer
/// (<c>invalid_response</c>). Message: <c>"{method} failed: {error}"</c>.
/// </summary>
public class SlackApiException(string method, string error, Exception? inner = null)
    : Exception($"{method} failed: {error}", inner)
{
    /// <summary>The Web API method, e.g. <c>chat.postMessage</c>.</summary>
    public string Method { get; } = method;

    /// <summary>Slack's <c>error</c> code, e.g. <c>channel_not_found</c>.</summary>
    public string Error { get; } = error;
}
