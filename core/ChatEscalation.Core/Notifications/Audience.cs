using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Notifications;

/// <summary>A tier queue channel, the manager channel, the on-call channel, or one person (a direct message).</summary>
/// <param name="Origin">For a person who reported the problem on a linked ticket: the platform they reported it on, where their updates go.</param>
public sealed record Audience(AudienceKind Kind, int Tier = 0, UserRef? Person = null, string? Origin = null)
{
    public static Audience Queue(int tier) => new(AudienceKind.TierQueue, tier);
    /// <summary>The thread the ticket was raised from (<see cref="Ticket.SourceThread"/>).</summary>
    public static Audience SourceThread { get; } = new(AudienceKind.SourceThread);
    public static Audience Managers { get; } = new(AudienceKind.ManagerChannel);
    public static Audience OnCall { get; } = new(AudienceKind.OnCallChannel);
    public static Audience To(UserRef person) => new(AudienceKind.Person, 0, person);

    /// <summary>
    /// Every copy the bot posted of the ticket (<see cref="AudienceKind.Copies"/>) except the queue card of tier
    /// <paramref name="exceptQueue"/> (0: none), which a card notification of the same change already updates.
    /// </summary>
    public static Audience Copies(int exceptQueue) => new(AudienceKind.Copies, exceptQueue);

    /// <summary>A person reached on the platform they reported from.</summary>
    public static Audience To(UserRef person, string origin) => new(AudienceKind.Person, 0, person, origin);

    public override string ToString() => Kind switch
    {
        AudienceKind.TierQueue => $"tier-{Tier}",
        AudienceKind.ManagerChannel => "managers",
        AudienceKind.OnCallChannel => "on-call",
        AudienceKind.Copies => "copies",
        AudienceKind.SourceThread => "source-thread",
        _ => $"dm:{Person?.Key}",
    };
}
