namespace ChatEscalation.Bot.Hosting.Security;

/// <summary>
/// The <c>Auth</c> section: the OpenID Connect provider people sign in with to the dashboard and ticket pages. The same four keys serve
/// Microsoft Entra ID (<c>https://login.microsoftonline.com/{tenant}/v2.0</c>) and Sign in with Slack (<c>https://slack.com</c>).
/// </summary>
public sealed class SignInOptions
{
    public const string SectionName = "Auth";

    /// <summary>The provider's issuer; its discovery document is <c>{Authority}/.well-known/openid-configuration</c>. https (http only for a loopback test issuer).</summary>
    public string? Authority { get; set; }

    /// <summary>The client (application) id registered with the provider.</summary>
    public string? ClientId { get; set; }

    /// <summary>The client secret; sent to the provider's token endpoint only (client_secret_post).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Space-separated scopes asked for (default <c>openid profile email</c>; <c>openid</c> is always added).</summary>
    public string Scopes { get; set; } = "openid profile email";

    /// <summary>How long a sign-in lasts without use (default 8 hours; each visit renews it).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>True when the provider and the client id are set.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);

    /// <summary>The scopes as a list, <c>openid</c> first.</summary>
    public IReadOnlyList<string> ScopeList() =>
        new[] { "openid" }.Concat(Scopes.Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal).ToList();
}
