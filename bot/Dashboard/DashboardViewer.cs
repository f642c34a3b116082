using ChatEscalation.Core.Policy;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Persistence.Rows;

namespace ChatEscalation.Bot.Dashboard;

/// <summary>The person looking at the dashboard or a ticket page, and what they may see (set by <see cref="DashboardAccessFilter"/>).</summary>
/// <param name="Email">The signed-in e-mail address (lower case); null when sign-in is off.</param>
/// <param name="Tiers">The tiers a <see cref="ViewerRole.Staff"/> viewer is a member or lead of.</param>
public sealed record DashboardViewer(string? Email, string Name, ViewerRole Role, IReadOnlyList<int> Tiers)
{
    /// <summary>Where <see cref="DashboardAccessFilter"/> leaves the viewer for the endpoint.</summary>
    public const string ItemKey = "ChatEscalation.DashboardViewer";

    /// <summary>The viewer when sign-in is off.</summary>
    public static DashboardViewer Everyone { get; } = new(null, "everyone (sign-in is off)", ViewerRole.Everyone, []);

    /// <summary>The aggregate figures and charts: managers and tier staff (and everyone when sign-in is off), not reporters.</summary>
    public bool SeesFigures => Role is ViewerRole.Everyone or ViewerRole.Manager or ViewerRole.Staff;

    /// <summary>Parked outbox messages and their retry: managers (and everyone when sign-in is off).</summary>
    public bool SeesParked => Role is ViewerRole.Everyone or ViewerRole.Manager;

    /// <summary>The role the policy gives an e-mail address: manager, staff (tier member or lead), or null for anybody else.</summary>
    public static DashboardViewer? FromPolicy(string email, EscalationPolicy policy)
    {
        var user = policy.Person(email);
        if (policy.IsManager(user)) return new DashboardViewer(user.Key, user.Name, ViewerRole.Manager, []);
        var tiers = policy.TiersOf(user);
        return tiers.Count > 0 ? new DashboardViewer(user.Key, user.Name, ViewerRole.Staff, tiers) : null;
    }

    /// <summary>
    /// Whether this viewer may see a ticket: everything for managers; for staff a ticket at one of their tiers now or earlier (its trail
    /// records the tier), or one they own or reported; for a reporter the tickets they reported.
    /// </summary>
    public bool Sees(TicketRow ticket, IReadOnlyList<TicketEventRow> trail) => Role switch
    {
        ViewerRole.Everyone or ViewerRole.Manager => true,
        ViewerRole.Staff => Tiers.Contains(ticket.Tier) || Is(ticket.OwnerKey) || Is(ticket.ReporterKey)
            || trail.Any(e => Tiers.Contains(e.Tier) || (e.FromTier is { } from && Tiers.Contains(from))),
        _ => Is(ticket.ReporterKey),
    };

    private bool Is(string? key) => Email is not null && string.Equals(key, Email, StringComparison.OrdinalIgnoreCase);

    /// <summary>The viewer <see cref="DashboardAccessFilter"/> left for this request (filters run after parameter binding, so endpoints ask here).</summary>
    public static DashboardViewer Of(HttpContext context) =>
        context.Items[ItemKey] as DashboardViewer
            ?? throw new InvalidOperationException($"{context.Request.Path} has no {nameof(DashboardAccessFilter)}: nobody decided who is looking.");
}
