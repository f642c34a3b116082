namespace ChatEscalation.Bot.Hosting.Security;

/// <summary>
/// Headers on every response: a Content-Security-Policy that allows scripts and styles only from the bot's own files (no inline script,
/// no inline event handlers, no <c>eval</c>) and no framing (<c>frame-ancestors 'none'</c>, and <c>X-Frame-Options: DENY</c> for old
/// browsers), <c>X-Content-Type-Options: nosniff</c> and <c>Referrer-Policy: same-origin</c> (ticket addresses never leave in a Referer).
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The policy every page is served with.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    });
}
