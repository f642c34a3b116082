namespace ChatEscalation.Bot.Tests.Teams;

/// <summary>A person of the demo policy as Teams knows them: MRI, Entra object id, 1:1 chat with the bot, e-mail.</summary>
/// <param name="Email">The policy's e-mail (what the Connector's member lookup returns).</param>
/// <param name="Name">Display name.</param>
/// <param name="UserId">Teams user MRI, <c>29:…</c>.</param>
/// <param name="AadObjectId">Entra object id.</param>
/// <param name="PersonalConversationId">The 1:1 chat with the bot, <c>a:…</c>.</param>
public sealed record TeamsTestUser(string Email, string Name, string UserId, string AadObjectId, string PersonalConversationId)
{
    /// <summary>A user named after the local part of <paramref name="email"/> (uma@demo.local → 29:uma, aad-uma, a:uma).</summary>
    public static TeamsTestUser For(string email, string name)
    {
        var local = email.Split('@')[0];
        return new TeamsTestUser(email, name, "29:" + local, "aad-" + local, "a:" + local);
    }

    public static TeamsTestUser Uma { get; } = For("uma@demo.local", "Uma (end user)");
    public static TeamsTestUser Alice { get; } = For("alice@demo.local", "Alice (Tier 1)");
    public static TeamsTestUser Bob { get; } = For("bob@demo.local", "Bob (Tier 1)");
    public static TeamsTestUser Carol { get; } = For("carol@demo.local", "Carol (Tier 2)");
    public static TeamsTestUser Maria { get; } = For("maria@demo.local", "Maria (IT manager)");

    /// <summary>Everyone above.</summary>
    public static IReadOnlyList<TeamsTestUser> All { get; } = [Uma, Alice, Bob, Carol, Maria];

    public static TeamsTestUser Dave { get; } = For("dave@demo.local", "Dave (Tier 2)");
    public static TeamsTestUser Lena { get; } = For("lena@demo.local", "Lena (Tier 1 lead)");
    public static TeamsTestUser Mike { get; } = For("mike@demo.local", "Mike (Tier 2 lead)");

    /// <summary>Somebody in the team whom the policy does not name.</summary>
    public static TeamsTestUser Zoe { get; } = For("zoe@demo.local", "Zoe (marketing)");

    /// <summary>People in the team's roster whom the member lookup does not answer for (they never wrote to the bot).</summary>
    public static IReadOnlyList<TeamsTestUser> RosterOnly { get; } = [Dave, Lena, Mike, Zoe];
}
