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

    /// <summary>The bot's Entra tenant for single-tenant bots; when set the default token endpoint uses it.</summary>
    public string? TenantId { get; set; }

    /// <summary>Public base URL of the bot's web pages; cards link long texts to <c>{PublicBaseUrl}/tickets/{number}</c>. Null: no links.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Where the inbound signing keys are discovered (its <c>jwks_uri</c> is followed).</summary>
    public string OpenIdMetadataUrl { get; set; } = DefaultOpenIdMetadataUrl;

    /// <summary>
    /// The OAuth 2.0 token endpoint for client-credentials. When null, it is
    /// <c>https://login.microsoftonline.com/{TenantId or botframework.com}/oauth2/v2.0/token</c>.
    /// </summary>
    public string? TokenEndpoint { get; set; }

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

    /// <summary>The token endpoint actually used: <see cref="TokenEndpoint"/> or the tenant-derived default.</summary>
    public string EffectiveTokenEndpoint => string.IsNullOrWhiteSpace(TokenEndpoint)
        ? $"https://login.microsoftonline.com/{(string.IsNullOrWhiteSpace(TenantId) ? "botframework.com" : TenantId)}/oauth2/v2.0/token"
        : TokenEndpoint;

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
}
