using Microsoft.AspNetCore.Http.Features;

namespace ChatEscalation.Bot.Hosting.Security;

/// <summary>
/// The largest request body each route accepts; a larger one gets 413 before the handler reads it (Content-Length over the limit is
/// refused at once, a chunked body when the server reads past the limit).
/// </summary>
/// <remarks>
/// The engine's own limits (<see cref="Core.Engine.InputLimits"/>) are far below these: a body limit only keeps a caller from making the
/// process buffer megabytes before anything can refuse them.
/// </remarks>
public static class RequestBodyLimits
{
    /// <summary>Slack callbacks and Bot Framework activities: 1 MiB (Slack's views are about 250 kB at most, Teams activities far less).</summary>
    public const long PlatformBytes = 1024 * 1024;

    /// <summary>The emulator's messages, actions and clock: 64 KiB (a 4,000-character description is at most 16 KB of UTF-8).</summary>
    public const long EmulatorBytes = 64 * 1024;

    /// <summary>Dashboard POSTs (retry a parked message, which has no body): 4 KiB.</summary>
    public const long DashboardBytes = 4 * 1024;

    /// <summary>Anything else: 64 KiB.</summary>
    public const long OtherBytes = 64 * 1024;

    /// <summary>The limit for a request path.</summary>
    public static long For(PathString path)
    {
        if (path.StartsWithSegments("/slack") || path.StartsWithSegments("/api/messages")) return PlatformBytes;
        if (path.StartsWithSegments("/local")) return EmulatorBytes;
        if (path.StartsWithSegments("/dashboard")) return DashboardBytes;
        return OtherBytes;
    }

    public static IApplicationBuilder UseRequestBodyLimits(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var limit = For(context.Request.Path);
        if (context.Request.ContentLength > limit)
            return Results.Problem(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The request body is over this address's limit of {limit:N0} bytes."), statusCode: StatusCodes.Status413PayloadTooLarge).ExecuteAsync(context);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature) feature.MaxRequestBodySize = limit;
        return next(context);
    });
}
