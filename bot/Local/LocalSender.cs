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

    public Task<DeliveryResult> DeliverAsync(Delivery delivery, CancellationToken cancellationToken) => delivery.Kind switch
    {
        NotificationKind.Card => CardAsync(delivery, cancellationToken),
        NotificationKind.ThreadUpdate => ThreadAsync(delivery, cancellationToken),
        NotificationKind.Direct => DirectAsync(delivery, cancellationToken),
        _ => AlertAsync(delivery, cancellationToken),
    };

    /// <summary>The emulator answers in the request itself; a reply row is never written for it.</summary>
    public Task<DeliveryResult> DeliverReplyAsync(ReplyDelivery reply, CancellationToken cancellationToken) =>
        Task.FromResult<DeliveryResult>(new DeliveryResult.Skipped("the emulator answers in the request"));

    private async Task<DeliveryResult> CardAsync(Delivery d, CancellationToken ct)
    {
        var draft = new LocalMessageDraft("card", "bot", "ChatEscalation", $"{d.Card.Key} · {d.Card.Title}", d.Card.Number, d.Card.Actions, d.Urgent,
            LocalRenderings.View(d.Card), renderings.CardBlocks(d.Card), renderings.CardAdaptive(d.Card));
        if (d.ExistingCard is { } existing && await store.UpdateAsync(existing.MessageId, draft, ct) is { } updated)
            return new DeliveryResult.Sent(updated.Id, new CardRef(updated.ChannelId, updated.Id));
        var channel = d.ChannelId ?? ChannelFor(d.To);
        if (channel is null || store.Channel(channel) is null) return new DeliveryResult.Skipped($"No emulator channel for {d.To}.");
        var posted = await store.PostAsync(channel, draft, cancellationToken: ct);
        return new DeliveryResult.Sent(posted.Id, new CardRef(posted.ChannelId, posted.Id));
    }

    private async Task<DeliveryResult> ThreadAsync(Delivery d, CancellationToken ct)
    {
        var draft = Text("thread", d);
        if (d.ExistingCard is { } card && store.Find(card.MessageId) is not null)
            return new DeliveryResult.Sent((await store.PostAsync(card.ChannelId, draft, card.MessageId, ct)).Id);
        var channel = d.ChannelId ?? ChannelFor(d.To);
        if (channel is null || store.Channel(channel) is null) return new DeliveryResult.Skipped($"No emulator channel for {d.To}.");
        return new DeliveryResult.Sent((await store.PostAsync(channel, draft, cancellationToken: ct)).Id);
    }

    private async Task<DeliveryResult> DirectAsync(Delivery d, CancellationToken ct)
    {
        if (d.To.Person is not { } person) return new DeliveryResult.Failed("A direct message without a person.");
        var channel = store.DirectChannel(person.Key, person.Name);
        return new DeliveryResult.Sent((await store.PostAsync(channel.Id, Text("direct", d), cancellationToken: ct)).Id);
    }

    private async Task<DeliveryResult> AlertAsync(Delivery d, CancellationToken ct)
    {
        var channel = d.ChannelId ?? ChannelFor(d.To);
        if (channel is null || store.Channel(channel) is null) return new DeliveryResult.Skipped($"No emulator channel for {d.To}.");
        return new DeliveryResult.Sent((await store.PostAsync(channel, Text("alert", d), cancellationToken: ct)).Id);
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
