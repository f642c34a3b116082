using System.ComponentModel.DataAnnotations;

namespace ChatEscalation.Bot.Teams.Protocol;

/// <summary>
/// Settings for the Teams (Bot Framework) adapter, bound from configuration section <c>"Teams"</c>.
/// </summary>
/// <remarks>
/// Teams is enabled only when <see cref="AppId"/> is set; otherwise <c>POST /api/messages</c> answers 503.
/// Every URL must be <c>https</c>, except that plain <c>http</c> is accepted for loopback hosts
/// (127.0.0.0/8, ::1, localhost) so that local test doubles of the issuer and the Connector can run.
/// </remarks>
public sealed class TeamsOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Teams";

    /// <summary>Public-cloud OpenID metadata of the Bot Framework channel service (note: no hyphen).</summary>
    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>The Microsoft App ID of the bot (a GUID). Inbound tokens must have it as audience.</summary>
    public string? AppId { get; set; }

    /// <summary>The client secret used to obtain outbound Connector tokens.</summary>
    public string? AppPassword { get; set; }

    /// <summary>
    /// The bot's Entra tenant (single-tenant bots, the default since 2025): the token authority uses it, activities from any other
    /// tenant are refused with 403, and Entra-issued tokens must come from it. Empty: a legacy multi-tenant bot, no tenant check.
    /// </summary>
    public string? TenantId { get; set; }

    /// <summary>
    /// More tenants whose activities (and Entra-issued tokens) are accepted besides <see cref="TenantId"/>, for a bot installed in
    /// several tenants. Empty by default.
    /// </summary>
    public List<string> AllowedTenantIds { get; set; } = [];

    /// <summary>Public base URL of the bot's web pages; cards link long texts to <c>{PublicBaseUrl}/tickets/{number}</c>. Null: no links.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// The Microsoft cloud: <c>Public</c> (default; also Teams GCC) or <c>USGov</c> (GCC High, DoD). It gives the defaults of the
    /// issuer, metadata, authority and scope settings below (<see cref="TeamsCloud"/>); each can still be set on its own.
    /// </summary>
    public string? Cloud { get; set; }

    /// <summary>Where the Bot Service signing keys are discovered (its <c>jwks_uri</c> is followed). Default: the cloud's.</summary>
    public string? OpenIdMetadataUrl { get; set; }

    /// <summary>The issuer of Bot Service tokens. Default: the cloud's (<c>https://api.botframework.com</c>).</summary>
    public string? BotServiceIssuer { get; set; }

    /// <summary>Whether Entra-issued tokens (Microsoft 365 Agents era) are accepted besides Bot Service tokens. Default true.</summary>
    public bool AcceptEntraTokens { get; set; } = true;

    /// <summary>
    /// Where the Entra signing keys of a tenant are discovered, with <c>{tenant}</c> for the tenant id. Default:
    /// <c>{login host}/{tenant}/v2.0/.well-known/openid-configuration</c> of the cloud.
    /// </summary>
    public string? EntraOpenIdMetadataUrl { get; set; }

    /// <summary>Accepted issuers of Entra tokens, with <c>{tenant}</c> for an allowed tenant id. Default: the cloud's v1 and v2 issuers.</summary>
    public List<string> EntraIssuers { get; set; } = [];

    /// <summary>
    /// The OAuth 2.0 token endpoint for client-credentials; its authority (everything before <c>/oauth2/v2.0/token</c>) is given to MSAL.
    /// When null, it is <c>{login host}/{TenantId or botframework.com}/oauth2/v2.0/token</c> of the cloud.
    /// </summary>
    public string? TokenEndpoint { get; set; }

    /// <summary>The scope of Connector tokens. Default: the cloud's (<c>https://api.botframework.com/.default</c>).</summary>
    public string? Scope { get; set; }

    /// <summary>How outbound tokens are obtained: <c>Secret</c> (default), <c>Certificate</c> or <c>ManagedIdentity</c>.</summary>
    public TeamsCredentialKind Credential { get; set; } = TeamsCredentialKind.Secret;

    /// <summary>For <c>Certificate</c>: a PFX (PKCS#12) file, or a PEM file holding the certificate and its private key.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>For <c>Certificate</c>: the PFX password, or the password of an encrypted PEM key; empty when none.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>For <c>Certificate</c>: instead of a file, the SHA-1 thumbprint of a certificate in the current user's <c>My</c> store.</summary>
    public string? CertificateThumbprint { get; set; }

    /// <summary>For <c>Certificate</c>: send the certificate chain (<c>x5c</c>) with each assertion (subject name + issuer authentication).</summary>
    public bool CertificateSendX5c { get; set; }

    /// <summary>For <c>ManagedIdentity</c>: the client id of a user-assigned identity; empty for the system-assigned identity.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>
    /// Service URL prefixes the bot's bearer token may be sent to. A Connector call to any other
    /// serviceUrl throws before anything is sent.
    /// </summary>
    public List<string> AllowedServiceUrlPrefixes { get; set; } = [];

    /// <summary>
    /// Minimum time since the last key fetch before an unknown key id may trigger another fetch.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan MetadataMinRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Maximum age of cached signing keys before they are fetched again (protocol: at most 24 h).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MetadataMaxAge { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Base delay of the exponential backoff applied to Connector 412/502/503/504 answers.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan ConnectorRetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many times a Connector call answered 412/502/503/504 is retried.</summary>
    [Range(0, 10)]
    public int ConnectorMaxRetries { get; set; } = 3;

    /// <summary>
    /// Longest wait for the Connector's member lookup (and the token it needs) while answering an activity; past it the sender
    /// acts as <c>teams:&lt;aadObjectId&gt;</c> for this activity and is looked up again next time. Default 2 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:10")]
    public TimeSpan PeopleLookupBudget { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>True when <see cref="AppId"/> is set.</summary>
    public bool IsEnabled => !string.IsNullOrWhiteSpace(AppId);

    /// <summary>The cloud named by <see cref="Cloud"/>; <see cref="TeamsCloud.Public"/> when empty or unknown (start-up refuses an unknown name).</summary>
    public TeamsCloud EffectiveCloud => TeamsCloud.Find(Cloud) ?? TeamsCloud.Public;

    /// <summary>The Bot Service metadata actually used: <see cref="OpenIdMetadataUrl"/> or the cloud's.</summary>
    public string EffectiveOpenIdMetadataUrl => Or(OpenIdMetadataUrl, EffectiveCloud.BotServiceOpenIdMetadataUrl);

    /// <summary>The Bot Service issuer actually accepted: <see cref="BotServiceIssuer"/> or the cloud's.</summary>
    public string EffectiveBotServiceIssuer => Or(BotServiceIssuer, EffectiveCloud.BotServiceIssuer);

    /// <summary>The Entra issuer templates actually accepted: <see cref="EntraIssuers"/> or the cloud's.</summary>
    public IReadOnlyList<string> EffectiveEntraIssuers => EntraIssuers.Count > 0 ? EntraIssuers : EffectiveCloud.EntraIssuers;

    /// <summary>The Entra metadata URL of <paramref name="tenantId"/>.</summary>
    public string EntraOpenIdMetadataUrlFor(string tenantId) =>
        Or(EntraOpenIdMetadataUrl, EffectiveCloud.LoginHost + "/" + TeamsCloud.TenantPlaceholder + "/v2.0/.well-known/openid-configuration")
            .Replace(TeamsCloud.TenantPlaceholder, tenantId, StringComparison.Ordinal);

    /// <summary><see cref="TenantId"/> and <see cref="AllowedTenantIds"/>, without blanks or repeats; empty means no tenant check.</summary>
    public IReadOnlyList<string> AllowedTenants =>
        new[] { TenantId }.Concat(AllowedTenantIds).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase).ToArray();

    /// <summary>The token endpoint actually used: <see cref="TokenEndpoint"/> or the tenant-derived default of the cloud.</summary>
    public string EffectiveTokenEndpoint => string.IsNullOrWhiteSpace(TokenEndpoint)
        ? $"{EffectiveCloud.LoginHost}/{(string.IsNullOrWhiteSpace(TenantId) ? EffectiveCloud.MultiTenantAuthorityTenant : TenantId.Trim())}{TokenPathSuffix}"
        : TokenEndpoint;

    /// <summary>The scope actually requested: <see cref="Scope"/> or the cloud's.</summary>
    public string EffectiveScope => Or(Scope, EffectiveCloud.ConnectorScope);

    /// <summary>The path every Entra v2 token endpoint ends with; what precedes it is the authority.</summary>
    public const string TokenPathSuffix = "/oauth2/v2.0/token";

    /// <summary>The service URL prefixes actually used: the configured ones, or the four Teams clouds.</summary>
    public IReadOnlyList<string> EffectiveAllowedServiceUrlPrefixes => AllowedServiceUrlPrefixes.Count > 0
        ? AllowedServiceUrlPrefixes
        : DefaultAllowedServiceUrlPrefixes;

    /// <summary>Teams public cloud, GCC, GCC High and DoD Connector prefixes.</summary>
    public static IReadOnlyList<string> DefaultAllowedServiceUrlPrefixes { get; } =
    [
        "https://smba.trafficmanager.net/",
        "https://smba.infra.gcc.teams.microsoft.com/",
        "https://smba.infra.gov.teams.microsoft.us/",
        "https://smba.infra.dod.teams.microsoft.us/",
    ];

    private static string Or(string? value, string fallback) => string.IsNullOrWhiteSpace(value) ? fallback : value.Trim();
}
