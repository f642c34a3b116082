namespace ChatEscalation.Bot.Tests.Slack.ChatFixtures;

/// <summary>A person of the demo policy as Slack knows them: user id, e-mail (what users.info returns), name, DM channel id, and the
/// time zone users.info gives as <c>tz</c> (null: none).</summary>
public sealed record SlackChatUser(string Id, string Email, string Name, string? Tz = null)
{
    /// <summary>The DM channel <c>conversations.open</c> answers for this user on the fake Web API.</summary>
    public string DmChannel => "D" + Id[1..];

    public static SlackChatUser Uma { get; } = new("U0UMA", "uma@demo.local", "Uma (end user)");
    public static SlackChatUser Alice { get; } = new("U0ALICE", "alice@demo.local", "Alice (Tier 1)");
    public static SlackChatUser Bob { get; } = new("U0BOB", "bob@demo.local", "Bob (Tier 1)");
    public static SlackChatUser Carol { get; } = new("U0CAROL", "carol@demo.local", "Carol (Tier 2)", "America/New_York");
    public static SlackChatUser Dave { get; } = new("U0DAVE", "dave@demo.local", "Dave (Tier 2)");
    public static SlackChatUser Maria { get; } = new("U0MARIA", "maria@demo.local", "Maria (IT manager)");
    public static SlackChatUser Victor { get; } = new("U0VICTOR", "victor@demo.local", "Victor (CFO, VIP)");

    /// <summary>Someone outside the policy whose e-mail Slack does not reveal.</summary>
    public static SlackChatUser Guest { get; } = new("U0GUEST", "", "Guest");

    public static IReadOnlyList<SlackChatUser> All { get; } = [Uma, Alice, Bob, Carol, Dave, Maria, Victor, Guest];
}
