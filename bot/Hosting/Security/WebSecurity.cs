using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HostFiltering;

namespace ChatEscalation.Bot.Hosting.Security;

/// <summary>The web surfaces' protection, registered and put in the pipeline in one place.</summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>AllowedHosts</c> defaults to <see cref="AllowedHostsDefaults"/> (a foreign <c>Host</c> header gets 400).</item>
/// <item>Forwarded headers only from <c>ForwardedHeaders:KnownProxies</c> (<see cref="ForwardedHeadersSetup"/>).</item>
/// <item><see cref="SecurityHeaders"/> and <see cref="RequestBodyLimits"/> on every request.</item>
/// <item>Sign-in for the dashboard and ticket pages (<see cref="SignInRegistration"/>) and antiforgery tokens for their POSTs.</item>
/// </list>
/// The emulator's own access token is <see cref="Local.LocalAccessFilter"/>.
/// </remarks>
public static class WebSecurity
{
    /// <summary>
    /// Where the data-protection keys (sign-in cookies, antiforgery tokens) are kept: a folder every instance shares, on a volume that
    /// outlives a deployment. Unset, ASP.NET Core keeps them under the process user's home folder (in a container, gone with it: people
    /// sign in again after each deployment, and one instance cannot read another's cookies).
    /// </summary>
    public const string KeysFolderSetting = "DataProtection:KeysFolder";

    /// <summary>The data-protection application name shared by every instance using <see cref="KeysFolderSetting"/> (not the content path).</summary>
    public const string ApplicationName = "ChatEscalation";

    /// <summary>The header a page sends its antiforgery token in.</summary>
    public const string AntiforgeryHeader = "X-CSRF-TOKEN";

    public static WebApplicationBuilder AddWebSecurity(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var services = builder.Services;
        if (string.IsNullOrWhiteSpace(configuration["AllowedHosts"]))
        {
            var hosts = AllowedHostsDefaults.For(configuration);
            services.Configure<HostFilteringOptions>(o => o.AllowedHosts = [.. hosts]);
        }
        services.AddSingleton(new ForwardedHeadersEnabled(ForwardedHeadersSetup.Configure(services, configuration)));
        services.AddAntiforgery(o =>
        {
            o.HeaderName = AntiforgeryHeader;
            o.Cookie.Name = "ChatEscalation.Antiforgery";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddSignIn(configuration, WebSignIn.From(configuration));
        if (configuration[KeysFolderSetting] is { Length: > 0 } keys)
            services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToFileSystem(new DirectoryInfo(keys));
        return builder;
    }

    /// <summary>
    /// Takes out ASP.NET Core's start-up load of the data-protection key ring (<c>DataProtectionHostedService</c>, added by antiforgery and
    /// authentication), so the ring is read when something first protects or unprotects: the dashboard's sign-in cookie or a page's
    /// antiforgery token. Webhooks never use it. Loaded at start, the ring (XML key files, System.Private.Xml, the key
    /// encryptors) held 8–9 MiB in a bot that only takes webhooks (idle RSS 143–144 against 134 MiB without,
    /// <c>bench/results/outbox-poll-and-memory-2026-12-04.md</c>). Call it after everything that may register data protection.
    /// </summary>
    public static void LoadKeyRingOnFirstUse(IServiceCollection services)
    {
        foreach (var warmUp in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.FullName == KeyRingWarmUp).ToList())
            services.Remove(warmUp);
    }

    /// <summary>The hosted service that loads the key ring at start (internal to ASP.NET Core, so named here; a test checks it is gone).</summary>
    public const string KeyRingWarmUp = "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService";

    /// <summary>Puts forwarded headers, security headers, body limits, authentication and authorization in the pipeline (before the endpoints).</summary>
    public static WebApplication UseWebSecurity(this WebApplication app)
    {
        if (app.Services.GetRequiredService<ForwardedHeadersEnabled>().Enabled) app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        app.UseRequestBodyLimits();
        if (app.Services.GetRequiredService<WebSignIn>().Active) app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>Whether <c>ForwardedHeaders:KnownProxies</c> listed any proxy.</summary>
    private sealed record ForwardedHeadersEnabled(bool Enabled);
}
