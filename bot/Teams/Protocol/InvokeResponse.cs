using System.Text.Json.Nodes;

namespace ChatEscalation.Bot.Teams.Protocol;

/// <summary>
/// What the bot answers to an <c>invoke</c> activity. <see cref="Body"/> is written as the JSON body of
/// an HTTP 200; the outer HTTP status is always 200 (an outer non-2xx makes Teams show
/// "Something went wrong"). <see cref="Status"/> is the inner status the body reports, kept for logging.
/// </summary>
/// <param name="Status">Inner status code carried by the body (e.g. the body's <c>statusCode</c>).</param>
/// <param name="Body">JSON body of the HTTP reply; null for an empty body.</param>
public sealed record InvokeResponse(int Status, JsonNode? Body)
{
    /// <summary>Universal Actions reply replacing the card: <c>application/vnd.microsoft.card.adaptive</c>.</summary>
    public static InvokeResponse AdaptiveCard(JsonNode card) =>
        Universal(200, "application/vnd.microsoft.card.adaptive", card);

    /// <summary>Universal Actions reply showing a transient text: <c>application/vnd.microsoft.activity.message</c>.</summary>
    public static InvokeResponse Message(string text) =>
        Universal(200, "application/vnd.microsoft.activity.message", JsonValue.Create(text));

    /// <summary>Universal Actions error shown on the card: <c>application/vnd.microsoft.error</c>.</summary>
    public static InvokeResponse Error(int code, string message) => Error(code, code.ToString(System.Globalization.CultureInfo.InvariantCulture), message);

    /// <summary>Universal Actions error with its own <paramref name="errorCode"/> (e.g. <c>UnknownInvoke</c>) in <c>value.code</c>.</summary>
    public static InvokeResponse Error(int status, string errorCode, string message) =>
        Universal(status, "application/vnd.microsoft.error", new JsonObject
        {
            ["code"] = errorCode,
            ["message"] = message,
        });

    /// <summary>An empty 200, e.g. for <c>Action.Submit</c> or to close a dialog.</summary>
    public static InvokeResponse Empty { get; } = new(200, null);

    private static InvokeResponse Universal(int statusCode, string type, JsonNode? value) =>
        new(statusCode, new JsonObject { ["statusCode"] = statusCode, ["type"] = type, ["value"] = value });
}
