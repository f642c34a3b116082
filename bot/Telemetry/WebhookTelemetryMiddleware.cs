namespace ChatEscalation.Bot.Telemetry;

/// <summary>
/// Wraps each inbound webhook request in a <see cref="WebhookTelemetry"/>: <c>POST /slack/events|commands|interactions</c> (Slack),
/// <c>POST /api/messages</c> (Teams) and <c>POST /local/messages|actions</c> (the emulator). Other requests pass untouched.
/// </summary>
public sealed class WebhookTelemetryMiddleware(RequestDelegate next)
{
    /// <summary>The platform and kind of a webhook path, or null for any other request.</summary>
    public static (string Platform, string Kind)? Classify(HttpRequest request) =>
        !HttpMethods.IsPost(request.Method) ? null
        : request.Path.Value switch
        {
            "/slack/events" => ("slack", "events"),
            "/slack/commands" => ("slack", "commands"),
            "/slack/interactions" => ("slack", "interactions"),
            "/api/messages" => ("teams", "activity"),
            "/local/messages" => ("local", "message"),
            "/local/actions" => ("local", "action"),
            _ => null,
        };

    public async Task InvokeAsync(HttpContext http)
    {
        if (Classify(http.Request) is not var (platform, kind))
        {
            await next(http);
            return;
        }

        using var webhook = WebhookTelemetry.Start(http, platform, kind);
        try
        {
            await next(http);
            if (http.Response.StatusCode >= 500) webhook.Fail($"HTTP {http.Response.StatusCode}");
        }
        catch (Exception e)
        {
            webhook.Fail(e.GetType().Name);
            throw;
        }
    }
}
