using ChatEscalation.Core.Events;
using ChatEscalation.Core.Notifications;

namespace ChatEscalation.Core.Engine;

/// <summary>One line of a dry run: at this instant, this happens (an event) or this is said to that audience (a notification).</summary>
/// <param name="Urgent">For a notification: a page or a breach.</param>
/// <param name="Actions">For a notification: its buttons (<see cref="TicketActions"/>); a page offers <see cref="TicketActions.AckPage"/>.</param>
/// <param name="Late">For an event: how late it fired (never, in a dry run of a bot that runs all along).</param>
/// <param name="Tier">The ticket's tier after this step.</param>
public sealed record TimelineEntry(
    DateTimeOffset At,
    TimeSpan SinceRaised,
    string What,
    EventKind? Event,
    Audience? To,
    NotificationKind? Kind,
    bool Urgent = false,
    IReadOnlyList<string>? Actions = null,
    TimeSpan? Late = null,
    int Tier = 0);
