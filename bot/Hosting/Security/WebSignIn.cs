namespace ChatEscalation.Bot.Hosting.Security;

/// <summary>Whether the dashboard and ticket pages need sign-in on this deployment, and whether a provider is configured for it.</summary>
/// <param name="Required">Slack or Teams is connected (the pages hold real tickets), or <c>Auth:Authority</c> is set.</param>
/// <param name="Configured">A provider is configured (<see cref="SignInOptions.IsConfigured"/>). Required but not configured: the pages stay closed (503).</param>
public sealed record WebSignIn(bool Required, bool Configured)
{
    /// <summary>The cookie holding a signed-in session.</summary>
    public const string SessionCookie = "ChatEscalation.Session";

    /// <summary>Where the provider sends people back after signing in.</summary>
    public const string CallbackPath = "/signin-oidc";

    /// <summary>Pages are served with sign-in.</summary>
    public bool Active => Required && Configured;

    public static WebSignIn From(IConfiguration configuration)
    {
        var options = configuration.GetSection(SignInOptions.SectionName).Get<SignInOptions>() ?? new SignInOptions();
        return new WebSignIn(ConnectedPlatforms.Any(configuration) || !string.IsNullOrWhiteSpace(options.Authority), options.IsConfigured);
    }
}
