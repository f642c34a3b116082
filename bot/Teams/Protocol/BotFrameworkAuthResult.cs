using System.Security.Claims;

namespace ChatEscalation.Bot.Teams.Protocol;

/// <summary>
/// Outcome of validating an inbound Bot Framework token. On failure only <see cref="FailureReason"/> is set;
/// the reason is for logs and must not be returned to the caller.
/// </summary>
/// <param name="Identity">Validated claims (claim names as in the token, e.g. <c>serviceurl</c>), on success.</param>
/// <param name="KeyId">The <c>kid</c> of the signing key, on success.</param>
/// <param name="Endorsements">Channel ids the signing key endorses, on success (none for Entra keys).</param>
/// <param name="FailureReason">Why the token was refused, on failure.</param>
public sealed record BotFrameworkAuthResult(
    ClaimsIdentity? Identity,
    string? KeyId,
    IReadOnlyList<string> Endorsements,
    string? FailureReason)
{
    /// <summary>Who issued the token, on success: Bot Service tokens are bound to the activity by endorsement and <c>serviceurl</c>.</summary>
    public TokenIssuerKind IssuerKind { get; init; } = TokenIssuerKind.BotService;

    /// <summary>For an Entra token, the allowed tenant it was issued in (its <c>tid</c>); null for Bot Service tokens.</summary>
    public string? TenantId { get; init; }

    /// <summary>True when every check so far passed.</summary>
    public bool Succeeded => FailureReason is null && Identity is not null;

    /// <summary>A refusal with a log-safe reason.</summary>
    public static BotFrameworkAuthResult Fail(string reason) => new(null, null, [], reason);
}
