using ChatEscalation.Core.Events;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Policy;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Engine;

/// <summary>Collects one decision: the evolving ticket, its events and notifications.</summary>
/// <remarks>
/// Drops any direct message to the person who acted: nobody is pinged about their own action. A ticket raised from a message in a
/// channel (<see cref="Ticket.SourceThread"/>) gets every status line its reporter is sent by direct message in that thread too, once:
/// the thread and the reporter's DM show the same lines (the raise itself is answered there by the shell).
/// </remarks>
internal sealed class DecisionBuilder(Ticket ticket, EscalationPolicy policy, DateTimeOffset now, UserRef actor)
{
    private readonly Ticket _original = ticket;
    private readonly List<TicketEvent> _events = [];
    private readonly List<Notification> _notifications = [];
    private readonly List<FollowUp> _followUps = [];
    private string _reply = "";

    public Ticket Ticket { get; set; } = ticket;
    public EscalationPolicy Policy { get; } = policy;
    public DateTimeOffset Now { get; } = now;
    public UserRef Actor { get; } = actor;
    /// <summary>Set when a time-based event fires later than it was due (after downtime).</summary>
    public TimeSpan? Late { get; set; }

    public string LatePrefix => Late is { } late ? $"(Late by {DurationText.Humanize(late)}: the bot was not running when this fell due.) " : "";

    public void Event(EventKind kind, string text, int? fromTier = null, HandoffNote? handoff = null, string? note = null) =>
        _events.Add(new TicketEvent(kind, Now, Actor, text, Ticket.Tier, fromTier, handoff, note, Late));

    /// <remarks>Nothing is said in a queue channel while the ticket has no card there yet (<see cref="Ticket.NoCardYet"/>).</remarks>
    /// <param name="mirror">False: a line for the reporter is not repeated in the ticket's source thread (it was written there).</param>
    public void Notify(Notification notification, bool mirror = true)
    {
        if (notification.To.Kind == AudienceKind.Person && notification.To.Person!.Is(Actor)) return;
        if (notification.To.Kind == AudienceKind.TierQueue && Ticket.NoCardYet) return;
        var text = notification.Text.Length > 0 && Late is not null ? LatePrefix + notification.Text : notification.Text;
        Add(notification with { Text = text });
        if (mirror && IsReporterLine(notification))
            Add(Notification.Thread(Audience.SourceThread, text));
    }

    /// <summary>A direct message to the reporter of a ticket raised from a channel message, after the raise.</summary>
    private bool IsReporterLine(Notification n) =>
        n is { Kind: NotificationKind.Direct, To: { Kind: AudienceKind.Person, Origin: null, Person: { } person } }
        && person.Is(Ticket.Reporter) && Ticket.SourceThread is not null && _original.Version > 0;

    private void Add(Notification item)
    {
        if (!_notifications.Contains(item)) _notifications.Add(item);
    }

    /// <summary>Card upsert in the current tier's queue plus a thread line there.</summary>
    public void QueueUpdate(string threadText)
    {
        Notify(Notification.Card(Audience.Queue(Ticket.Tier)));
        if (threadText.Length > 0) Notify(Notification.Thread(Audience.Queue(Ticket.Tier), threadText));
    }

    /// <summary>A direct message to the ticket's reporter only (a question for them, an offer about their report).</summary>
    public void TellReporter(string text, params string[] actions) => Notify(Notification.Direct(Audience.To(Ticket.Reporter), text, actions));

    /// <summary>
    /// A direct message to the reporter that is not repeated in the source thread: a question only they answer (with their buttons), or
    /// a line written in that thread already.
    /// </summary>
    public void TellReporterPrivately(string text, params string[] actions) =>
        Notify(Notification.Direct(Audience.To(Ticket.Reporter), text, actions), mirror: false);

    /// <summary>A status update to everybody affected, once each: the reporter and every linked report's person (on the platform they reported from).</summary>
    public void Broadcast(string text, params string[] actions)
    {
        foreach (var affected in Ticket.AffectedPeople())
        {
            var to = affected.Person.Is(Ticket.Reporter) ? Audience.To(affected.Person) : Audience.To(affected.Person, affected.Origin);
            Notify(Notification.Direct(to, text, actions));
        }
    }

    /// <summary>A command this decision sets off on another ticket (saved together with this decision).</summary>
    public void FollowUp(long ticketNumber, Commands.TicketCommand command) => _followUps.Add(new FollowUp(ticketNumber, command));

    public void Reply(string text) => _reply = text;

    public Decision Build()
    {
        if (_events.Count == 0)
            return new Decision(_original, [], [], DeadlinePlanner.Plan(_original, Policy), _reply);
        var next = Ticket with { Version = _original.Version + 1, DecidedAt = Now };
        return new Decision(next, _events.ToList(), _notifications.ToList(), DeadlinePlanner.Plan(next, Policy), _reply) { FollowUps = _followUps.ToList() };
    }
}
