using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatEscalation.Bot.Slack.Protocol;

/// <summary>Maps Slack's HTTP callbacks: <c>POST /slack/events</c>, <c>/slack/commands</c>, <c>/slack/interactions</c>.</summary>
/// <remarks>
/// Order of checks, the same on all three (an unsigned caller learns nothing about its body):
/// <list type="number">
/// <item>Slack not configured → 503 (or 404 in Socket Mode, where HTTP callbacks are not used), text reason.</item>
/// <item>The raw body is read once as bytes (over <see cref="MaxBodyBytes"/> → 413).</item>
/// <item>Signature and timestamp (<see cref="SlackSignatureVerifier"/>) → 401 with an empty body; the reason is
/// logged, never the secret or the signature. <c>url_verification</c> and <c>ssl_check</c> are checked too.</item>
/// <item>Parse: malformed JSON, form or <c>payload</c> → 400 with a short text reason.</item>
/// <item><c>url_verification</c> → <c>{"challenge":…}</c>; <c>ssl_check=1</c> → empty 200; other envelope types
/// (e.g. <c>app_rate_limited</c>) → logged, empty 200.</item>
/// <item>Otherwise <see cref="ISlackInbound"/> is called and its <see cref="SlackReply"/> written as the 200 body;
/// if it throws → logged, 500 with an empty body (Slack redelivers events).</item>
/// </list>
/// Retries (<c>X-Slack-Retry-Num</c>) are not refused: the first delivery may have failed before it was stored.
/// De-duplication by <c>event_id</c> is <see cref="ISlackInbound"/>'s job (it owns the database).
/// </remarks>
public static class SlackEndpoints
{
    /// <summary>Events API request URL.</summary>
    public const string EventsPath = "/slack/events";

    /// <summary>Slash command request URL.</summary>
    public const string CommandsPath = "/slack/commands";

    /// <summary>Interactivity request URL.</summary>
    public const string InteractionsPath = "/slack/interactions";

    /// <summary>Largest body read: 1 MiB (Slack payloads are far smaller; a view is at most about 250 kB).</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>Maps the three POST endpoints.</summary>
    public static IEndpointRouteBuilder MapSlackEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(EventsPath, (HttpContext http, [AsParameters] SlackRequestServices services) => HandleAsync(http, services, EventsAsync)).DisableAntiforgery();
        endpoints.MapPost(CommandsPath, (HttpContext http, [AsParameters] SlackRequestServices services) => HandleAsync(http, services, CommandsAsync)).DisableAntiforgery();
        endpoints.MapPost(InteractionsPath, (HttpContext http, [AsParameters] SlackRequestServices services) => HandleAsync(http, services, InteractionsAsync)).DisableAntiforgery();
        return endpoints;
    }

    private delegate Task<IResult> SignedHandler(HttpContext http, byte[] body, ISlackInbound inbound, ILogger logger);

    private static async Task<IResult> HandleAsync(HttpContext http, SlackRequestServices services, SignedHandler next)
    {
        var options = services.Options.CurrentValue;
        if (options.Mode == SlackMode.Socket)
        {
            return Results.Text("Slack runs in Socket Mode on this bot (Slack:Mode=Socket); HTTP callbacks are not used.", statusCode: StatusCodes.Status404NotFound);
        }

        if (!options.IsEnabled)
        {
            return Results.Text("Slack is not configured on this bot (Slack:SigningSecret is empty).", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var logger = services.Loggers.CreateLogger(typeof(SlackEndpoints));
        var body = await ReadBodyAsync(http.Request, http.RequestAborted);
        if (body is null) return Results.Text("Body too large.", statusCode: StatusCodes.Status413PayloadTooLarge);

        var headers = http.Request.Headers;
        var verdict = services.Verifier
            .Verify(headers[SlackSignatureVerifier.TimestampHeader], headers[SlackSignatureVerifier.SignatureHeader], body);
        if (verdict != SlackSignatureResult.Valid)
        {
            logger.LogWarning("Refused Slack request to {Path}: signature check {Result}", http.Request.Path, verdict);
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }

        try
        {
            return await next(http, body, services.Inbound, logger);
        }
        catch (SlackPayloadException ex)
        {
            logger.LogInformation("Rejected Slack request to {Path}: {Reason}", http.Request.Path, ex.Message);
            return Results.Text(ex.Message, statusCode: StatusCodes.Status400BadRequest);
        }
        catch (Exception ex) when (!http.RequestAborted.IsCancellationRequested)
        {
            // 500 so that Slack redelivers events (the handler de-duplicates); commands and actions show an error.
            logger.LogError(ex, "Slack inbound handler failed on {Path}", http.Request.Path);
            return Results.StatusCode(StatusCodes.Status500InternalServerError);
        }
    }

    private static async Task<IResult> EventsAsync(HttpContext http, byte[] body, ISlackInbound inbound, ILogger logger)
    {
        var root = SlackPayloadParser.ParseJsonObject(body);
        switch (SlackPayloadParser.TypeOf(root))
        {
            case "url_verification":
                if (!root.TryGetProperty("challenge", out var c) || c.ValueKind != JsonValueKind.String)
                {
                    throw new SlackPayloadException("url_verification has no 'challenge'.");
                }

                return Results.Json(new { challenge = c.GetString() });
            case "event_callback":
                var headers = http.Request.Headers;
                var retryNum = int.TryParse(headers["X-Slack-Retry-Num"], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
                var callback = SlackPayloadParser.ReadEventCallback(root, retryNum, headers["X-Slack-Retry-Reason"].ToString() is { Length: > 0 } r ? r : null);
                if (retryNum > 0) logger.LogInformation("Slack redelivered event {EventId} (retry {RetryNum}, {Reason})", callback.EventId, retryNum, callback.RetryReason);
                return ToResult(await inbound.OnEventAsync(callback, http.RequestAborted));
            case null:
                throw new SlackPayloadException("Envelope has no 'type'.");
            case var other:
                logger.LogInformation("Acknowledged Slack envelope of type {Type} without handling it", other);
                return Results.Ok();
        }
    }

    private static async Task<IResult> CommandsAsync(HttpContext http, byte[] body, ISlackInbound inbound, ILogger logger)
    {
        var fields = SlackPayloadParser.ParseForm(body);
        if (fields.TryGetValue("ssl_check", out var ssl) && ssl == "1") return Results.Ok();
        var command = SlackPayloadParser.ReadCommand(fields);
        return ToResult(await inbound.OnCommandAsync(command, http.RequestAborted));
    }

    private static async Task<IResult> InteractionsAsync(HttpContext http, byte[] body, ISlackInbound inbound, ILogger logger)
    {
        var interaction = SlackPayloadParser.ReadInteractionForm(body);
        return ToResult(await inbound.OnInteractionAsync(interaction, http.RequestAborted));
    }

    private static IResult ToResult(SlackReply reply) => reply.Kind switch
    {
        SlackReplyKind.Json => Results.Text(reply.Body!.ToJsonString(SlackJson.Options), "application/json; charset=utf-8", statusCode: StatusCodes.Status200OK),
        SlackReplyKind.Text => Results.Text(reply.Text!, "text/plain; charset=utf-8", statusCode: StatusCodes.Status200OK),
        _ => Results.Ok(),
    };

    /// <summary>
    /// The whole body, or null beyond <see cref="MaxBodyBytes"/>. With a Content-Length (Slack always sends one; the server ends the
    /// body there) it is read into one array of that size, without a copy.
    /// </summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBodyBytes) return null;
        if (request.ContentLength is { } length)
        {
            var exact = new byte[length];
            var filled = 0;
            int got;
            while (filled < exact.Length && (got = await request.Body.ReadAsync(exact.AsMemory(filled), ct)) > 0) filled += got;
            return filled == exact.Length ? exact : exact[..filled]; // ended early: what arrived (the signature check decides)
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) return null;
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
