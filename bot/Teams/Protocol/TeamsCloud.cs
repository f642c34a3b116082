namespace ChatEscalation.Bot.Teams.Protocol;

/// <summary>
/// The endpoints and issuers of one Microsoft cloud, chosen by <c>Teams:Cloud</c>. Every value can still be overridden by its own
/// setting (<see cref="TeamsOptions"/>), for a cloud not listed here or a local test double.
/// </summary>
/// <param name="Name">The value of <c>Teams:Cloud</c>.</param>
/// <param name="BotServiceIssuer">The <c>iss</c> of Bot Service (channel) tokens.</param>
/// <param name="BotServiceOpenIdMetadataUrl">The OpenID metadata whose JWKS (with <c>endorsements</c>) signs Bot Service tokens.</param>
/// <param name="LoginHost">The Entra ID login host (<c>https://login.microsoftonline.com</c>): authority of outbound tokens and of Entra metadata.</param>
/// <param name="MultiTenantAuthorityTenant">The tenant segment of the token authority when <c>Teams:TenantId</c> is empty (legacy multi-tenant bots).</param>
/// <param name="ConnectorScope">The scope requested for Connector tokens (<c>…/.default</c>).</param>
/// <param name="EntraIssuers">Accepted issuers of Entra-issued tokens, with <c>{tenant}</c> standing for an allowed tenant id.</param>
public sealed record TeamsCloud(
    string Name,
    string BotServiceIssuer,
    string BotServiceOpenIdMetadataUrl,
    string LoginHost,
    string MultiTenantAuthorityTenant,
    string ConnectorScope,
    IReadOnlyList<string> EntraIssuers)
{
    /// <summary>The placeholder for a tenant id in <see cref="EntraIssuers"/> and <c>Teams:EntraOpenIdMetadataUrl</c>.</summary>
    public const string TenantPlaceholder = "{tenant}";

    /// <summary>The public cloud (also Teams GCC, which runs on it). The default.</summary>
    public static TeamsCloud Public { get; } = new(
        "Public",
        "https://api.botframework.com",
        TeamsOptions.DefaultOpenIdMetadataUrl,
        "https://login.microsoftonline.com",
        "botframework.com",
        "https://api.botframework.com/.default",
        ["https://sts.windows.net/{tenant}/", "https://login.microsoftonline.com/{tenant}/v2.0"]);

    /// <summary>Azure Government (Teams GCC High and DoD).</summary>
    public static TeamsCloud USGov { get; } = new(
        "USGov",
        "https://api.botframework.us",
        "https://login.botframework.azure.us/v1/.well-known/openidconfiguration",
        "https://login.microsoftonline.us",
        "MicrosoftServices.onmicrosoft.us",
        "https://api.botframework.us/.default",
        ["https://sts.windows.net/{tenant}/", "https://login.microsoftonline.us/{tenant}/", "https://login.microsoftonline.us/{tenant}/v2.0"]);

    /// <summary>Every known cloud.</summary>
    public static IReadOnlyList<TeamsCloud> All { get; } = [Public, USGov];

    /// <summary>The cloud named <paramref name="name"/> (case-insensitive; empty means <see cref="Public"/>), or null when unknown.</summary>
    public static TeamsCloud? Find(string? name) => string.IsNullOrWhiteSpace(name)
        ? Public
        : All.FirstOrDefault(c => string.Equals(c.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));
}
