using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ChatEscalation.Bot.Local;

/// <summary>
/// With <c>Local:AccessToken</c> set, every emulator request (the page, its files, state, events, clock, messages and actions) must carry the
/// token, whatever address it comes from: the <c>X-Emulator-Token</c> header, or the cookie the page gets when it is opened once as
/// <c>/?token=…</c> (that GET is answered with a redirect to the same address without the token, so it leaves no trace in the history).
/// Anything else gets 401. Without a token configured the filter lets everything through (the local demo).
/// </summary>
/// <remarks>
/// The connection's address is never trusted: behind a reverse proxy on the same host every caller is 127.0.0.1. The cookie holds a
/// hash of the token, not the token; it is HttpOnly and SameSite=Strict, so another site cannot make a browser send it.
/// Comparisons take the same time whatever matches.
/// </remarks>
public sealed class LocalAccessFilter(IOptions<LocalOptions> options) : IEndpointFilter
{
    /// <summary>The header scripts and tools send the token in.</summary>
    public const string HeaderName = "X-Emulator-Token";

    /// <summary>The cookie a browser keeps after opening <c>/?token=…</c>.</summary>
    public const string CookieName = "ChatEscalation.Emulator";

    /// <summary>The query parameter the page is opened with once.</summary>
    public const string QueryName = "token";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var token = options.Value.AccessToken;
        if (string.IsNullOrEmpty(token)) return await next(context);
        var http = context.HttpContext;
        var request = http.Request;
        if (Matches(request.Headers[HeaderName].ToString(), token) || Matches(request.Cookies[CookieName], CookieValue(token)))
            return await next(context);
        if (HttpMethods.IsGet(request.Method) && Matches(request.Query[QueryName].ToString(), token))
        {
            http.Response.Cookies.Append(CookieName, CookieValue(token), new CookieOptions
            {
                HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = request.IsHttps, Path = "/", IsEssential = true,
            });
            var rest = request.Query.Where(q => q.Key != QueryName).Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}");
            var query = string.Join('&', rest);
            return Results.Redirect(request.PathBase + request.Path + (query.Length > 0 ? "?" + query : ""));
        }
        return Results.Problem(
            "The emulator needs its access token (Local:AccessToken): open the page once as /?token=…, or send the X-Emulator-Token header.",
            statusCode: StatusCodes.Status401Unauthorized);
    }

    /// <summary>What the cookie holds: the token's SHA-256, hex.</summary>
    private static string CookieValue(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("chatescalation-emulator:" + token)));

    /// <summary>Compares hashes, so the time taken depends on neither value nor its length.</summary>
    private static bool Matches(string? presented, string expected) =>
        !string.IsNullOrEmpty(presented) &&
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
