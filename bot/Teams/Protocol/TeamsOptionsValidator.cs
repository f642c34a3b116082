using Microsoft.Extensions.Options;

namespace ChatEscalation.Bot.Teams.Protocol;

/// <summary>
/// Validates <see cref="TeamsOptions"/> at start-up: a known cloud, URLs in https (http only for loopback hosts), a token endpoint
/// MSAL can use, Entra issuers naming <c>{tenant}</c>, and the credential the chosen <see cref="TeamsOptions.Credential"/> needs
/// once Teams is enabled.
/// </summary>
public sealed class TeamsOptionsValidator : IValidateOptions<TeamsOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, TeamsOptions options)
    {
        var failures = new List<string>();
        if (TeamsCloud.Find(options.Cloud) is null)
        {
            failures.Add($"Teams:Cloud '{options.Cloud}' is unknown; use one of {string.Join(", ", TeamsCloud.All.Select(c => c.Name))}.");
        }

        CheckUrl(failures, nameof(TeamsOptions.OpenIdMetadataUrl), options.EffectiveOpenIdMetadataUrl);
        CheckUrl(failures, nameof(TeamsOptions.EntraOpenIdMetadataUrl), options.EntraOpenIdMetadataUrlFor("tenant"));
        CheckUrl(failures, nameof(TeamsOptions.TokenEndpoint), options.EffectiveTokenEndpoint);
        if (!options.EffectiveTokenEndpoint.EndsWith(TeamsOptions.TokenPathSuffix, StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"Teams:TokenEndpoint '{options.EffectiveTokenEndpoint}' must end with {TeamsOptions.TokenPathSuffix} (an Entra ID v2 token endpoint).");
        }

        foreach (var prefix in options.EffectiveAllowedServiceUrlPrefixes)
        {
            CheckUrl(failures, nameof(TeamsOptions.AllowedServiceUrlPrefixes), prefix);
        }

        foreach (var issuer in options.EffectiveEntraIssuers.Where(i => !i.Contains(TeamsCloud.TenantPlaceholder, StringComparison.Ordinal)))
        {
            failures.Add($"Teams:EntraIssuers '{issuer}' must contain {TeamsCloud.TenantPlaceholder}, where the tenant id goes.");
        }

        if (options.IsEnabled) CheckCredential(failures, options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckCredential(List<string> failures, TeamsOptions options)
    {
        switch (options.Credential)
        {
            case TeamsCredentialKind.Secret when string.IsNullOrWhiteSpace(options.AppPassword):
                failures.Add("Teams:AppPassword is required when Teams:AppId is set (or choose Teams:Credential=Certificate or ManagedIdentity).");
                break;
            case TeamsCredentialKind.Certificate when string.IsNullOrWhiteSpace(options.CertificatePath) == string.IsNullOrWhiteSpace(options.CertificateThumbprint):
                failures.Add("Teams:Credential=Certificate needs exactly one of Teams:CertificatePath and Teams:CertificateThumbprint.");
                break;
            case TeamsCredentialKind.Certificate when !string.IsNullOrWhiteSpace(options.CertificatePath) && !File.Exists(options.CertificatePath):
                failures.Add($"Teams:CertificatePath '{options.CertificatePath}' does not exist.");
                break;
        }
    }

    private static void CheckUrl(List<string> failures, string setting, string? url)
    {
        if (!TeamsUrlRules.IsSecureOrLoopback(url))
        {
            failures.Add($"Teams:{setting} '{url}' must be an absolute https URL (http is allowed only for loopback hosts).");
        }
    }
}
