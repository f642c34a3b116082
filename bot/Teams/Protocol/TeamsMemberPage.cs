namespace ChatEscalation.Bot.Teams.Protocol;

/// <summary>One page of a roster from <c>pagedmembers</c>.</summary>
/// <param name="Members">The page's members (Teams gives each its <c>29:</c> id, Entra object id, e-mail, UPN and name).</param>
/// <param name="ContinuationToken">Ask for the next page with this; null on the last page.</param>
public sealed record TeamsMemberPage(IReadOnlyList<TeamsMember> Members, string? ContinuationToken);
