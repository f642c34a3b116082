using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Policy;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Views;

/// <summary>
/// Which copies of a ticket the bot posts, and what each may show, so no copy ever offers a button that could only be refused.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>A <b>queue card</b> per tier the ticket reached (<see cref="TicketViews.Card"/> with <c>shownInQueue</c>): the current tier's card
/// offers the card's buttons; an earlier tier's card says where the ticket went, or how it ended, and offers none.</item>
/// <item>The <b>answer card</b> a person gets when they raise a ticket or ask about it (<see cref="Answer"/>): the reporter's copy shows the
/// status and the reporter's own actions only (<see cref="ReporterActions"/>); anybody else's shows the status without buttons.</item>
/// <item><b>Messages with buttons</b> (manager and on-call alerts, pages, direct messages): only their own buttons that still apply to the
/// ticket as it is now (<see cref="StillOffered"/>); once none does, they show none.</item>
/// </list>
/// The shell records every copy it posted and brings each up to date after every change (an <see cref="Audience.Copies"/> row of the
/// outbox). Whom a message addresses by name (a mention) is <see cref="Addressed"/>.
/// </remarks>
public static class TicketCopies
{
    /// <summary>What the reporter may do from their copy: add a note, cancel, ask for a manager while open; reopen once resolved.</summary>
    public static IReadOnlyList<string> ReporterActions(TicketStatus status) => status switch
    {
        TicketStatus.Queued or TicketStatus.Accepted or TicketStatus.WaitingOnUser => [TicketActions.Note, TicketActions.Cancel, TicketActions.EscalateManager],
        TicketStatus.Resolved => [TicketActions.Reopen],
        _ => [],
    };

    /// <summary>
    /// The card <paramref name="to"/> is answered with (a raise confirmation, a status): the reporter's copy for the ticket's reporter,
    /// the same status without buttons for anybody else, or when nobody is named (what they may do is on the queue card).
    /// </summary>
    public static TicketCardView Answer(TicketCardView view, UserRef? to)
    {
        ArgumentNullException.ThrowIfNull(view);
        return view with { Actions = view.Reporter.Is(to) ? ReporterActions(view.Status) : [] };
    }

    /// <summary>The reporter's copy of <paramref name="view"/>: its status, and the reporter's own actions only.</summary>
    public static TicketCardView Reporter(TicketCardView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return view with { Actions = ReporterActions(view.Status) };
    }

    /// <summary>
    /// The buttons of a message posted earlier (<paramref name="actions"/>: what it was written with) that still apply to
    /// <paramref name="t"/> as it is now, in their order: no take over or reassign once it is closed, no escalate at the last tier, no
    /// acknowledge once no page is waiting, no accept once somebody owns it.
    /// </summary>
    public static IReadOnlyList<string> StillOffered(Ticket t, EscalationPolicy policy, IReadOnlyList<string> actions)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(policy);
        return actions.Where(a => Applies(a, t, policy)).ToList();
    }

    /// <summary>
    /// The people a message in <paramref name="to"/> addresses, to be mentioned where the platform can: the managers on the manager
    /// channel, the paged person on the on-call channel, and on a queue card the owner and the paged person. Nobody for threads and
    /// direct messages (a direct message reaches its person anyway).
    /// </summary>
    public static IReadOnlyList<UserRef> Addressed(Ticket t, Audience to, NotificationKind kind, EscalationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(policy);
        var paged = t.Page?.Person is { } person ? new[] { policy.Person(person) } : [];
        var owner = t.Owner is { } o ? new[] { policy.Named(o) } : [];
        IEnumerable<UserRef> people = (to.Kind, kind) switch
        {
            (AudienceKind.ManagerChannel, NotificationKind.Alert) => policy.Managers.Order(StringComparer.Ordinal).Select(policy.Person),
            (AudienceKind.OnCallChannel, NotificationKind.Alert) => paged,
            (AudienceKind.TierQueue, NotificationKind.Card) when to.Tier == t.Tier => owner.Concat(paged),
            _ => [],
        };
        return people.DistinctBy(p => p.Key.ToLowerInvariant()).ToList();
    }

    /// <summary>
    /// True when the queue of tier <paramref name="tier"/> is addressed as a whole (its user group mentioned): its current card while
    /// nobody owns the ticket and nobody is paged for it.
    /// </summary>
    public static bool AddressesQueue(Ticket t, int tier) => t.Tier == tier && t.IsOpen && t.Owner is null && t.Page is null;

    private static bool Applies(string action, Ticket t, EscalationPolicy policy) => action switch
    {
        TicketActions.Accept => t.Status == TicketStatus.Queued && t.Owner is null,
        TicketActions.AckPage => t.Page is not null,
        TicketActions.Escalate => t.IsOpen && t.Tier < policy.MaxTier,
        TicketActions.Resolve => t.Status is TicketStatus.Accepted or TicketStatus.WaitingOnUser,
        TicketActions.Reopen => t.Status == TicketStatus.Resolved,
        TicketActions.Wait => t.Status == TicketStatus.Accepted,
        TicketActions.Resume => t.Status == TicketStatus.WaitingOnUser,
        TicketActions.VendorUpdate => t.IsOpen && t.Vendor is not null,
        TicketActions.EscalateManager or TicketActions.TakeOver or TicketActions.Reassign or TicketActions.Note or TicketActions.Cancel => t.IsOpen,
        _ => t.IsOpen,
    };
}
