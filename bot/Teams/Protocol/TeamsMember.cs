namespace ChatEscalation.Bot.Teams.Protocol;

/// <summary>A conversation member as returned by the Teams Connector (<c>TeamsChannelAccount</c>).</summary>
/// <param name="Id">The Teams MRI (<c>29:…</c>).</param>
/// <param name="Name">Display name.</param>
/// <param name="Email">E-mail, when Teams provides it.</param>
/// <param name="UserPrincipalName">UPN.</param>
/// <param name="AadObjectId">Entra object id.</param>
public sealed record TeamsMember(string Id, string? Name, string? Email, string? UserPrincipalName, string? AadObjectId);
