using Microsoft.Extensions.Options;

namespace ChatEscalation.Bot.Teams.Protocol;

/// <summary>
/// Validates <see cref="TeamsOptions"/> at start-up: URLs must be https (http only for loopback hosts),
/// and a password is required once Teams is enabled.
/// </summary>
public sealed class TeamsOptionsValidator : IValidateOptions<TeamsOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, TeamsOptions options)
    {
        var failures = new List<string>();
        CheckUrl(failures, nameof(TeamsOptions.OpenIdMetadataUrl), options.OpenIdMetadataUrl);
        CheckUrl(failures, nameof(TeamsOptions.TokenEndpoint), options.EffectiveTokenEndpoint);
        foreach (var prefix in options.EffectiveAllowedServiceUrlPrefixes)
        {
            CheckUrl(failures, nameof(TeamsOptions.AllowedServiceUrlPrefixes), prefix);
        }

        if (options.IsEnabled && string.IsNullOrWhiteSpace(options.AppPassword))
        {
            failures.Add("Teams:AppPassword is required when Teams:AppId is set.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckUrl(List<string> failures, string setting, string? url)
    {
        if (!TeamsUrlRules.IsSecureOrLoopback(url))
        {
            failures.Add($"Teams:{setting} '{url}' must be an absolute https URL (http is allowed only for loopback hosts).");
        }
    }
}
