using System.Net;

namespace ChatEscalation.Bot.Teams.Protocol;

/// <summary>
/// The Connector refused a call with a non-retryable status (after any retries), e.g. 400 <c>BadArgument</c>,
/// 403 <c>BotNotInConversationRoster</c>, 404 <c>ConversationNotFound</c>, 413 <c>MessageSizeTooBig</c>.
/// </summary>
public class TeamsConnectorException(HttpStatusCode status, string? errorCode, string message) : Exception(message)
{
    /// <summary>HTTP status the Connector answered.</summary>
    public HttpStatusCode Status { get; } = status;

    /// <summary>The Teams error code from the body's <c>error.code</c>, when present.</summary>
    public string? ErrorCode { get; } = errorCode;
}
