namespace ChatEscalation.Bot.Teams.Protocol;

/// <summary>A bearer token fresh from the identity provider.</summary>
/// <param name="AccessToken">The token to send as <c>Authorization: Bearer …</c>.</param>
/// <param name="Lifetime">How long it is valid from now.</param>
public sealed record AcquiredToken(string AccessToken, TimeSpan Lifetime);
