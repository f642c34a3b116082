using System.Globalization;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Core.Views;
using ChatEscalation.Persistence.Outbox;
using ChatEscalation.Persistence.Rows;
using ChatEscalation.Persistence.Workflows;

namespace ChatEscalation.Bot.Outbox;

/// <summary>
/// Keeps every copy of a ticket the bot posted up to date (<see cref="TicketCopies"/>): says what to record of each copy once it is posted
/// (<see cref="CopyOf(OutboxMessage, Delivery, DeliveryResult, DateTimeOffset)"/>: the dispatcher records it with the message's result), and after
/// each change of the ticket (an outbox row for <see cref="Audience.Copies"/>) edits them all in place through the platform's sender.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Queue cards (<c>tier-N</c>) and the reporter's answer cards (<c>reply:…</c>) are re-rendered after every change (unless rendered from
/// that change's version or a later one already, like a queue card the same change updated itself): an earlier
/// tier's card shows where the ticket went or how it ended, without buttons; the answer card the status and the reporter's buttons.</item>
/// <item>Messages with buttons (<c>msg:…</c>: alerts, pages, direct messages) are edited only when the buttons that still apply
/// (<see cref="TicketCopies.StillOffered"/>) differ from those they show; once they show none they are forgotten.</item>
/// <item>A copy the platform no longer has, or will not let the bot edit (Failed or Skipped), is forgotten. A retryable failure (429,
/// an outage) stops the pass and the outbox row is retried later; the copies edited so far are recorded, so the retry goes on
/// from there (edits are idempotent anyway).</item>
/// </list>
/// </remarks>
public sealed class CopyUpdates(CardCopyStore copies, IPolicyProvider policies, ILogger<CopyUpdates> log)
{
    /// <summary>Edits every recorded copy of <paramref name="ticket"/> on the sender's platform, except the queue card the row names.</summary>
    public async Task<DeliveryResult> UpdateAllAsync(IChatSender sender, OutboxMessage message, Ticket ticket, DateTimeOffset now, CancellationToken ct)
    {
        var edited = 0;
        foreach (var copy in await ToEditAsync(message, ct))
        {
            if (await DeliveryForAsync(copy, message, ticket, now, ct) is not { } delivery) continue;
            var result = await sender.DeliverAsync(delivery, ct);
            switch (result)
            {
                case DeliveryResult.Sent:
                    var messageCopy = copy.Channel.StartsWith(CardCopyStore.MessagePrefix, StringComparison.Ordinal);
                    if (messageCopy && delivery.Actions.Count == 0) await copies.ForgetAsync(copy, ct);
                    else await copies.ShownAsync(copy, ticket.Version, messageCopy ? CardCopyStore.Join(delivery.Actions) : null, now, ct);
                    edited++;
                    break;
                case DeliveryResult.Retry retry:
                    return retry with { Error = $"copy {copy.Channel}: {retry.Error}" };
                default:
                    log.LogWarning("Copy {Copy} of ticket {Ticket} on {Platform} cannot be brought up to date any more ({Result}); forgotten",
                        copy.Channel, ticket.Number, message.Platform, result);
                    await copies.ForgetAsync(copy, ct);
                    break;
            }
        }

        return new DeliveryResult.Sent(edited.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// The recorded copies a <see cref="Audience.Copies"/> row may edit: those of its ticket on its platform, except the queue card the row
    /// names, and except cards rendered from its change or a later one already. None: the row has nothing to send.
    /// </summary>
    public async Task<IReadOnlyList<ChatMessageRow>> ToEditAsync(OutboxMessage message, CancellationToken ct)
    {
        var except = message.AudienceOf().Tier;
        var named = except > 0 ? Audience.Queue(except).ToString() : null;
        return [.. (await copies.ListAsync(message.TicketNumber, message.Platform, ct))
            .Where(copy => copy.Channel != named && !(copy.ShownVersion >= message.TicketVersion && copy.Actions is null))];
    }

    /// <summary>
    /// After a notification's delivery: where the queue card, or the message with buttons, it posted sits (<see cref="DeliveryResult.Sent.Card"/>),
    /// to record with the message's result (<see cref="OutboxStore.MarkSentAsync(long, string?, DateTimeOffset, ChatMessageRow?, CancellationToken)"/>); null when there is nothing to keep up to date.
    /// </summary>
    public static ChatMessageRow? CopyOf(OutboxMessage message, Delivery delivery, DeliveryResult result, DateTimeOffset now)
    {
        if (result is not DeliveryResult.Sent { Card: { } where }) return null;
        var card = delivery.Kind == NotificationKind.Card;
        if (!card && delivery.Actions.Count == 0) return null;
        return Row(message, card ? delivery.To.ToString() : CardCopyStore.MessageKey(message.Id), where, now,
            card ? null : CardCopyStore.Join(delivery.Actions), delivery.Ticket.Version);
    }

    /// <summary>After an answer's delivery: the reporter's answer card it posted, to record with the result and keep up to date.</summary>
    public static ChatMessageRow? CopyOf(OutboxMessage message, ReplyDelivery reply, DeliveryResult result, DateTimeOffset now) =>
        result is DeliveryResult.Sent { Card: { } where } && reply.Ticket is { } ticket
            ? Row(message, CardCopyStore.ReplyKey(message.Id.ToString(CultureInfo.InvariantCulture)), where, now, null, ticket.Version)
            : null;

    private async Task<Delivery?> DeliveryForAsync(ChatMessageRow copy, OutboxMessage row, Ticket ticket, DateTimeOffset now, CancellationToken ct)
    {
        var policy = policies.Current;
        var where = new CardRef(copy.ChannelId, copy.MessageId, copy.ConversationId, copy.ServiceUrl);
        Delivery Make(NotificationKind kind, Audience to, string text, IReadOnlyList<string> actions, bool urgent, TicketCardView view) =>
            new(row.Id, row.Platform, kind, to, text, actions, urgent, ticket, view, null, where) { EditCopy = where, CreatedAt = row.CreatedAt };

        if (copy.Channel.StartsWith("tier-", StringComparison.Ordinal) &&
            int.TryParse(copy.Channel.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var tier))
        {
            var view = TicketViews.Card(ticket, policy, now, tier);
            return Make(NotificationKind.Card, Audience.Queue(tier), "", view.Actions, false, view);
        }

        var original = CardCopyStore.OutboxIdOf(copy.Channel) is { } id ? await copies.OriginalAsync(id, ct) : null;
        if (copy.Channel.StartsWith(CardCopyStore.ReplyPrefix, StringComparison.Ordinal))
        {
            var view = TicketCopies.Reporter(TicketViews.Card(ticket, policy, now));
            return Make(NotificationKind.Reply, Audience.To(ticket.Reporter), original?.Text ?? "", view.Actions, false, view);
        }

        if (!copy.Channel.StartsWith(CardCopyStore.MessagePrefix, StringComparison.Ordinal) || original is null) return null;
        var actions = TicketCopies.StillOffered(ticket, policy, original.ActionsOf());
        if (CardCopyStore.Join(actions) == copy.Actions) return null; // it shows the right buttons already
        return Make(original.Kind, original.AudienceOf(), original.Text, actions, original.Urgent, TicketViews.Card(ticket, policy, now));
    }

    private static ChatMessageRow Row(OutboxMessage message, string key, CardRef where, DateTimeOffset now, string? actions, int version) => new()
    {
        TicketNumber = message.TicketNumber, Platform = message.Platform, Channel = key, ChannelId = where.ChannelId, MessageId = where.MessageId,
        ConversationId = where.ConversationId, ServiceUrl = where.ServiceUrl, UpdatedAt = now, Actions = actions, ShownVersion = version,
    };
}
