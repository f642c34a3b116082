using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ChatEscalation.Bot.Hosting.Security;

/// <summary>
/// Sign-in for the dashboard and ticket pages: OpenID Connect (authorization code with PKCE, answer in the query) against
/// <c>Auth:Authority</c>, then a cookie session. Registered only when <see cref="WebSignIn.Active"/>.
/// </summary>
/// <remarks>
/// Claims keep the provider's names (<c>email</c>, <c>preferred_username</c>, <c>name</c>); a token whose <c>email_verified</c> is false is
/// refused. Browsers are sent to the provider; requests under <c>/dashboard/api</c> get 401 instead (a script cannot follow that redirect).
/// The session cookie is HttpOnly, SameSite=Lax, and Secure whenever the request is https (behind a proxy: see
/// <see cref="ForwardedHeadersSetup"/>). Who may see what is decided per request from the policy, not here.
/// </remarks>
public static class SignInRegistration
{
    public static IServiceCollection AddSignIn(this IServiceCollection services, IConfiguration configuration, WebSignIn signIn)
    {
        services.AddSingleton(signIn);
        services.AddAuthorization();
        if (!signIn.Active) return services;

        var options = configuration.GetSection(SignInOptions.SectionName).Get<SignInOptions>()!;
        var authority = new Uri(options.Authority!.TrimEnd('/') + "/", UriKind.Absolute);
        var loopback = authority.IsLoopback || (IPAddress.TryParse(authority.Host, out var ip) && IPAddress.IsLoopback(ip));
        if (authority.Scheme != Uri.UriSchemeHttps && !(authority.Scheme == Uri.UriSchemeHttp && loopback))
            throw new InvalidOperationException($"Auth:Authority must be an https address (http only for a loopback test issuer): '{options.Authority}'.");

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(o =>
            {
                o.Cookie.Name = WebSignIn.SessionCookie;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = options.SessionLifetime;
                o.SlidingExpiration = true;
                o.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            })
            .AddOpenIdConnect(o =>
            {
                o.Authority = options.Authority!.TrimEnd('/');
                o.ClientId = options.ClientId;
                o.ClientSecret = options.ClientSecret;
                o.ResponseType = OpenIdConnectResponseType.Code;
                o.ResponseMode = OpenIdConnectResponseMode.Query;
                o.UsePkce = true;
                o.CallbackPath = WebSignIn.CallbackPath;
                o.RequireHttpsMetadata = !loopback;
                o.Scope.Clear();
                foreach (var scope in options.ScopeList()) o.Scope.Add(scope);
                o.MapInboundClaims = false;
                o.TokenValidationParameters.NameClaimType = "name";
                o.SaveTokens = false;
                o.GetClaimsFromUserInfoEndpoint = false;
                // The answer comes back as a top-level GET (response_mode=query), so Lax cookies are enough; Secure when on https.
                o.CorrelationCookie.SameSite = SameSiteMode.Lax;
                o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.NonceCookie.SameSite = SameSiteMode.Lax;
                o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.Events.OnRedirectToIdentityProvider = context =>
                {
                    if (context.Request.Path.StartsWithSegments("/dashboard/api"))
                    {
                        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                        context.HandleResponse();
                    }
                    return Task.CompletedTask;
                };
                o.Events.OnTokenValidated = context =>
                {
                    if (string.Equals(context.Principal?.FindFirst("email_verified")?.Value, "false", StringComparison.OrdinalIgnoreCase))
                        context.Fail("The provider says this e-mail address is not verified.");
                    return Task.CompletedTask;
                };
                o.Events.OnRemoteFailure = context =>
                {
                    context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SignInRegistration))
                        .LogWarning(context.Failure, "Sign-in failed");
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    context.Response.ContentType = "text/plain; charset=utf-8";
                    context.HandleResponse();
                    return context.Response.WriteAsync("Sign-in did not complete: the provider's answer was refused. Open the page again to retry.");
                };
            });
        return services;
    }
}
