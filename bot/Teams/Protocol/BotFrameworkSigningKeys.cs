using Microsoft.IdentityModel.Tokens;

namespace ChatEscalation.Bot.Teams.Protocol;

/// <summary>
/// One fetched snapshot of the Bot Framework signing keys, with each key's endorsements
/// (the channel ids it may sign for) and the algorithms the metadata advertises.
/// </summary>
/// <param name="KeysById">Signing keys by <c>kid</c> (ordinal).</param>
/// <param name="EndorsementsById">Endorsed channel ids by <c>kid</c>; a key without the member has none.</param>
/// <param name="SupportedAlgorithms">The metadata's <c>id_token_signing_alg_values_supported</c>; empty when absent.</param>
/// <param name="FetchedAt">When this snapshot was fetched (from the injected TimeProvider).</param>
public sealed record BotFrameworkSigningKeys(
    IReadOnlyDictionary<string, SecurityKey> KeysById,
    IReadOnlyDictionary<string, IReadOnlyList<string>> EndorsementsById,
    IReadOnlyList<string> SupportedAlgorithms,
    DateTimeOffset FetchedAt);
