namespace ChatEscalation.Bot.Teams.Protocol;

/// <summary>Matches an unvalidated <c>iss</c> against the Entra issuer templates and the allowed tenants.</summary>
public static class EntraIssuerMatch
{
    /// <summary>
    /// The allowed tenant whose issuer <paramref name="issuer"/> is exactly (one of <paramref name="templates"/> with <c>{tenant}</c>
    /// replaced by that tenant id, tenant compared case-insensitively), or null.
    /// </summary>
    public static string? TenantOf(string? issuer, IReadOnlyList<string> templates, IReadOnlyList<string> allowedTenants)
    {
        if (string.IsNullOrEmpty(issuer)) return null;
        foreach (var tenant in allowedTenants)
        {
            foreach (var template in templates)
            {
                if (string.Equals(issuer, template.Replace(TeamsCloud.TenantPlaceholder, tenant, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase))
                {
                    return tenant;
                }
            }
        }

        return null;
    }
}
