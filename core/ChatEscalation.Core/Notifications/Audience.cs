using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Notifications;

/// <summary>A tier queue channel, the manager channel, the on-call channel, or one person (a direct message).</summary>
public sealed record Audience(AudienceKind Kind, int Tier = 0, UserRef? Person = null)
{
    public static Audience Queue(int tier) => new(AudienceKind.TierQueue, tier);
    public static Audience Managers { get; } = new(AudienceKind.ManagerChannel);
    public static Audience OnCall { get; } = new(AudienceKind.OnCallChannel);
    public static Audience To(UserRef person) => new(AudienceKind.Person, 0, person);

    /// <summary>
    /// Every copy the bot posted of the ticket (<see cref="AudienceKind.Copies"/>) except the queue card of tier
    /// <paramref name="exceptQueue"/> (0: none), which a card notification of the same change already updates.
    /// </summary>
    public static Audience Copies(int exceptQueue) => new(AudienceKind.Copies, exceptQueue);

    public override string ToString() => Kind switch
    {
        AudienceKind.TierQueue => $"tier-{Tier}",
        AudienceKind.ManagerChannel => "managers",
        AudienceKind.OnCallChannel => "on-call",
        AudienceKind.Copies => "copies",
        _ => $"dm:{Person?.Key}",
    };
}
