using ChatEscalation.Bot.Outbox;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Policy;
using ChatEscalation.Core.Views;

namespace ChatEscalation.Bot.Local;

/// <summary>The emulator's <see cref="IChatSender"/> (platform <c>local</c>): "delivers" each outbox message into the <see cref="LocalChannelStore"/>.</summary>
/// <remarks>
/// Card: posted to the delivery's channel, or updated in place when the delivery names an existing card that is still in the store.
/// ThreadUpdate: a reply in the card's thread. Direct: a post in the person's direct conversation. Alert: a post in the
/// managers' or on-call channel. Each message carries the view JSON, the Block Kit and the Adaptive Card renderings.
/// </remarks>
public sealed class LocalSender(LocalChannelStore store, LocalRenderings renderings, EscalationPolicy policy) : IChatSender
{
    public const string PlatformName = "local";

    public string Platform => PlatformName;

    public Task<DeliveryResult> DeliverAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        var result = delivery.Kind switch
        {
            NotificationKind.Card => Card(delivery),
            NotificationKind.ThreadUpdate => Thread(delivery),
            NotificationKind.Direct => Direct(delivery),
            _ => Alert(delivery),
        };
        return Task.FromResult(result);
    }

    /// <summary>The emulator answers in the request itself; a reply row is never written for it.</summary>
    public Task<DeliveryResult> DeliverReplyAsync(ReplyDelivery reply, CancellationToken cancellationToken) =>
        Task.FromResult<DeliveryResult>(new DeliveryResult.Skipped("the emulator answers in the request"));

    private DeliveryResult Card(Delivery d)
    {
        var draft = new LocalMessageDraft("card", "bot", "ChatEscalation", $"{d.Card.Key} · {d.Card.Title}", d.Card.Number, d.Card.Actions, d.Urgent,
            LocalRenderings.View(d.Card), renderings.CardBlocks(d.Card), renderings.CardAdaptive(d.Card));
        if (d.ExistingCard is { } existing && store.Update(existing.MessageId, draft) is { } updated)
            return new DeliveryResult.Sent(updated.Id, new CardRef(updated.ChannelId, updated.Id));
        var channel = d.ChannelId ?? ChannelFor(d.To);
        if (channel is null || store.Channel(channel) is null) return new DeliveryResult.Skipped($"No emulator channel for {d.To}.");
        var posted = store.Post(channel, draft);
        return new DeliveryResult.Sent(posted.Id, new CardRef(posted.ChannelId, posted.Id));
    }

    private DeliveryResult Thread(Delivery d)
    {
        var draft = Text("thread", d);
        if (d.ExistingCard is { } card && store.Find(card.MessageId) is not null)
            return new DeliveryResult.Sent(store.Post(card.ChannelId, draft, card.MessageId).Id);
        var channel = d.ChannelId ?? ChannelFor(d.To);
        if (channel is null || store.Channel(channel) is null) return new DeliveryResult.Skipped($"No emulator channel for {d.To}.");
        return new DeliveryResult.Sent(store.Post(channel, draft).Id);
    }

    private DeliveryResult Direct(Delivery d)
    {
        if (d.To.Person is not { } person) return new DeliveryResult.Failed("A direct message without a person.");
        var channel = store.DirectChannel(person.Key, person.Name);
        return new DeliveryResult.Sent(store.Post(channel.Id, Text("direct", d)).Id);
    }

    private DeliveryResult Alert(Delivery d)
    {
        var channel = d.ChannelId ?? ChannelFor(d.To);
        if (channel is null || store.Channel(channel) is null) return new DeliveryResult.Skipped($"No emulator channel for {d.To}.");
        return new DeliveryResult.Sent(store.Post(channel, Text("alert", d)).Id);
    }

    private LocalMessageDraft Text(string kind, Delivery d) =>
        new(kind, "bot", "ChatEscalation", d.Text, d.Ticket.Number, d.Actions, d.Urgent, LocalRenderings.View(d.Card),
            LocalRenderings.MessageBlocks(d.Text, d.Ticket.Number, d.Actions, d.Urgent),
            renderings.MessageAdaptive(d.Text, d.Card, d.Actions));

    private string? ChannelFor(Audience to) => to.Kind switch
    {
        AudienceKind.TierQueue => policy.Tiers.FirstOrDefault(t => t.Level == to.Tier)?.Channel.Local,
        AudienceKind.ManagerChannel => policy.ManagerChannel.Local,
        AudienceKind.OnCallChannel => policy.OnCallChannel.Local,
        _ => to.Person is { } p ? LocalChannel.DirectId(p.Key) : null,
    };
}
