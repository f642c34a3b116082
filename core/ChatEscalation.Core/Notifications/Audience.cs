using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Notifications;

/// <summary>A tier queue channel, the manager channel, the on-call channel, or one person (a direct message).</summary>
/// <param name="Origin">For a person who reported the problem on a linked ticket: the platform they reported it on, where their updates go.</param>
public sealed record Audience(AudienceKind Kind, int Tier = 0, UserRef? Person = null, string? Origin = null)
{
    public static Audience Queue(int tier) => new(AudienceKind.TierQueue, tier);
    public static Audience Managers { get; } = new(AudienceKind.ManagerChannel);
    public static Audience OnCall { get; } = new(AudienceKind.OnCallChannel);
    public static Audience To(UserRef person) => new(AudienceKind.Person, 0, person);

    /// <summary>A person reached on the platform they reported from.</summary>
    public static Audience To(UserRef person, string origin) => new(AudienceKind.Person, 0, person, origin);

    public override string ToString() => Kind switch
    {
        AudienceKind.TierQueue => $"tier-{Tier}",
        AudienceKind.ManagerChannel => "managers",
        AudienceKind.OnCallChannel => "on-call",
        _ => $"dm:{Person?.Key}",
    };
}
