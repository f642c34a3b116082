using ChatEscalation.Core.Engine;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Policy;
using ChatEscalation.Persistence.Rows;
using ChatEscalation.Persistence.Storage;

namespace ChatEscalation.Persistence.Outbox;

/// <summary>Turns a decision's channel-neutral notifications into outbox rows, one per platform that should carry each.</summary>
/// <remarks>
/// Rows are written for the enabled platforms (the emulator's, <c>local</c>, only while it runs): a row for a platform that is off
/// could only be claimed and skipped, two more writes for nothing. A channel audience (tier queue, manager or on-call channel) gets a
/// row on every enabled platform whose channel id the policy sets. The reporter and the thread the ticket was raised from get a row
/// on the ticket's origin only; any other person one row per enabled platform, and the sender resolves or skips people it does not
/// know. When no enabled platform can carry a notification, it is still written for the platforms that could (for a person: the
/// emulator's), so it is skipped visibly and a page that reached nobody is reported (<see cref="UnreachedPages"/>). A change of an
/// existing ticket that says anything also gets one <see cref="Audience.Copies"/> row per enabled platform, last in its lane: every
/// copy posted before (earlier tiers' cards, the reporter's answer card, messages with buttons) is brought up to date. The caller adds
/// the rows to the same SaveChanges as the ticket.
/// </remarks>
public sealed class OutboxWriter(IEnumerable<string> enabledPlatforms)
{
    private readonly IReadOnlyList<string> _enabled = Platforms.All
        .Where(p => enabledPlatforms.Contains(p, StringComparer.OrdinalIgnoreCase))
        .ToList();

    /// <summary>The platforms rows are written for (a direct message to somebody other than the reporter: one on each).</summary>
    public IReadOnlyList<string> EnabledPlatforms => _enabled;

    public IReadOnlyList<OutboxMessage> Write(Decision decision, EscalationPolicy policy, DateTimeOffset now)
    {
        var ticket = decision.Ticket;
        var rows = new List<OutboxMessage>();
        for (var i = 0; i < decision.Notifications.Count; i++)
        {
            var n = decision.Notifications[i];
            foreach (var platform in PlatformsFor(n.To, decision, policy))
            {
                rows.Add(Notify(ticket.Number, ticket.Version, platform, n, now, $"{ticket.Number}/{ticket.Version}/{i}/{platform}"));
            }
        }

        if (ticket.Version > 1 && decision.Notifications.Count > 0) rows.AddRange(Copies(decision, now));
        return rows;
    }

    /// <summary>
    /// The pending row of notification <paramref name="n"/> about ticket <paramref name="ticketNumber"/> (at <paramref name="version"/>)
    /// for <paramref name="platform"/>, in the ticket's lane on it; <paramref name="key"/> must be unique (it makes a row written twice fail).
    /// </summary>
    public static OutboxMessage Notify(long ticketNumber, int version, string platform, Notification n, DateTimeOffset now, string key) => new()
    {
        TicketNumber = ticketNumber,
        Platform = platform,
        Kind = n.Kind,
        Audience = n.To.ToString(),
        AudienceJson = TicketJson.Serialize(n.To),
        Text = n.Text,
        ActionsJson = TicketJson.Serialize(n.Actions),
        Urgent = n.Urgent,
        TicketVersion = version,
        State = OutboxState.Pending,
        NextAttemptAt = now,
        CreatedAt = now,
        IdempotencyKey = key,
        Lane = OutboxMessage.TicketLane(ticketNumber, platform),
    };

    /// <summary>The copies rows of a change: the current queue's card is left out when the change updates it itself.</summary>
    private IEnumerable<OutboxMessage> Copies(Decision decision, DateTimeOffset now)
    {
        var ticket = decision.Ticket;
        var queue = Audience.Queue(ticket.Tier);
        var to = Audience.Copies(decision.Notifications.Any(n => n.Kind == NotificationKind.Card && n.To == queue) ? ticket.Tier : 0);
        return _enabled.Select(platform => Notify(ticket.Number, ticket.Version, platform, new Notification(NotificationKind.Card, to, "", []), now,
            $"{ticket.Number}/{ticket.Version}/copies/{platform}"));
    }

    /// <summary>The row of a reply to the person who acted (<see cref="NotificationKind.Reply"/>), in its conversation's lane.</summary>
    public static OutboxMessage Reply(OutboxReply reply, InboundReceipt? receipt, DateTimeOffset now) => new()
    {
        TicketNumber = reply.TicketNumber ?? 0,
        Platform = reply.Platform,
        Kind = NotificationKind.Reply,
        Audience = $"reply:{reply.Conversation}",
        AudienceJson = TicketJson.Serialize(Audience.To(reply.To)),
        Text = reply.Text,
        ActionsJson = "[]",
        RouteJson = reply.RouteJson,
        State = OutboxState.Pending,
        NextAttemptAt = now,
        CreatedAt = now,
        IdempotencyKey = receipt is null ? $"reply/{reply.Platform}/{Guid.NewGuid():N}" : $"reply/{receipt.Platform}/{receipt.Hash}",
        Lane = $"reply:{reply.Platform}:{reply.Conversation}",
    };

    private IEnumerable<string> PlatformsFor(Audience to, Decision decision, EscalationPolicy policy)
    {
        var channel = to.Kind switch
        {
            AudienceKind.TierQueue => policy.Tiers.FirstOrDefault(t => t.Level == to.Tier)?.Channel,
            AudienceKind.ManagerChannel => policy.ManagerChannel,
            AudienceKind.OnCallChannel => policy.OnCallChannel,
            _ => null,
        };
        if (to.Kind == AudienceKind.SourceThread) return decision.Ticket.SourceThread is null ? [] : [decision.Ticket.Origin];
        if (to.Kind == AudienceKind.Person) return to.Person!.Is(decision.Ticket.Reporter) ? [decision.Ticket.Origin] : _enabled.Count > 0 ? _enabled : [Platforms.Local];
        return channel is null ? [] : PlatformsFor(channel);
    }

    /// <summary>
    /// The platforms a message to <paramref name="channel"/> is written for: those enabled whose channel id the policy sets; when no
    /// enabled platform has one, every platform that has (the row is skipped visibly, never dropped in silence).
    /// </summary>
    public IReadOnlyList<string> PlatformsFor(ChannelAddress channel)
    {
        var configured = Platforms.All.Where(p => channel.For(p) is not null).ToList();
        var enabled = configured.Where(_enabled.Contains).ToList();
        return enabled.Count > 0 ? enabled : configured;
    }
}
