namespace ChatEscalation.Bot.Teams;

/// <summary>A Teams user as the adapter knows them.</summary>
/// <param name="AadObjectId">Entra object id (stable key).</param>
/// <param name="UserId">The <c>29:…</c> channel account id (mention target, refresh user id, 1:1 member).</param>
/// <param name="Email">Lower-case e-mail (or UPN) from the Connector's member lookup; null when unknown.</param>
/// <param name="Name">Display name.</param>
public sealed record TeamsPerson(string AadObjectId, string UserId, string? Email, string Name);
