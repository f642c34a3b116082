namespace ChatEscalation.Bot.Local;

/// <summary>One emulator channel.</summary>
/// <param name="Id">The id the policy uses for the local platform (<c>tier-1</c>, <c>it-managers</c> …), or <c>dm:&lt;email&gt;</c> for a direct conversation.</param>
/// <param name="Name">What the page shows (<c>#tier-1</c>, <c>Uma (end user)</c>).</param>
/// <param name="Person">For a direct conversation: the e-mail key of the person talking to the bot.</param>
/// <param name="Tier">For a tier queue: the tier level.</param>
public sealed record LocalChannel(string Id, string Name, LocalChannelKind Kind, string? Person = null, int? Tier = null)
{
    /// <summary>The id of the direct conversation of the person with <paramref name="personKey"/>.</summary>
    public static string DirectId(string personKey) => "dm:" + personKey.ToLowerInvariant();
}
