using ChatEscalation.Core.Engine;
using ChatEscalation.Core.Events;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Tests.Engine.Support;

/// <summary>Readable queries over a decision's notifications and events.</summary>
internal static class DecisionExtensions
{
    public static IReadOnlyList<Notification> DirectsTo(this Decision d, UserRef person) =>
        d.Notifications.Where(n => n.To.Kind == AudienceKind.Person && n.To.Person!.Is(person)).ToList();

    /// <summary>The one direct message to a person; fails when there is none or more than one.</summary>
    public static Notification DirectTo(this Decision d, UserRef person) => d.DirectsTo(person).ShouldHaveSingleItem();

    public static IReadOnlyList<Notification> ManagerAlerts(this Decision d) =>
        d.Notifications.Where(n => n.To.Kind == AudienceKind.ManagerChannel).ToList();

    public static IReadOnlyList<Notification> OnCallAlerts(this Decision d) =>
        d.Notifications.Where(n => n.To.Kind == AudienceKind.OnCallChannel).ToList();

    /// <summary>Tiers whose queue card is upserted by the decision.</summary>
    public static IReadOnlyList<int> CardTiers(this Decision d) =>
        d.Notifications.Where(n => n.Kind == NotificationKind.Card && n.To.Kind == AudienceKind.TierQueue).Select(n => n.To.Tier).Order().ToList();

    public static IReadOnlyList<EventKind> Kinds(this Decision d) => d.Events.Select(e => e.Kind).ToList();

    public static TicketEvent Single(this Decision d, EventKind kind) => d.Events.Where(e => e.Kind == kind).ShouldHaveSingleItem();
}
