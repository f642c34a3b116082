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
/// A copy posted before (<see cref="Delivery.EditCopy"/>: an earlier queue's card, the reporter's answer card, a message with buttons) is
/// updated in place, keeping its words; one no longer in the store is Failed (and forgotten). Alerts and direct messages with buttons
/// return where they sit, so they are kept up to date.
/// </remarks>
public sealed class LocalSender(LocalChannelStore store, LocalRenderings renderings, EscalationPolicy policy) : IChatSender
{
    public const string PlatformName = "local";

    public string Platform => PlatformName;

    public Task<DeliveryResult> DeliverAsync(Delivery delivery, CancellationToken cancellationToken) => delivery switch
    {
        { Kind: NotificationKind.Card } => CardAsync(delivery, cancellationToken),
        { Kind: NotificationKind.ThreadUpdate } => ThreadAsync(delivery, cancellationToken),
        { EditCopy: { } copy } => EditAsync(copy, delivery, cancellationToken),
        { Kind: NotificationKind.Direct } => DirectAsync(delivery, cancellationToken),
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
        if (d.EditCopy is not null) return new DeliveryResult.Failed("the copy is no longer in the emulator");
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
        return Posted(d, await store.PostAsync(channel.Id, Text("direct", d), cancellationToken: ct));
    }

    private async Task<DeliveryResult> AlertAsync(Delivery d, CancellationToken ct)
    {
        var channel = d.ChannelId ?? ChannelFor(d.To);
        if (channel is null || store.Channel(channel) is null) return new DeliveryResult.Skipped($"No emulator channel for {d.To}.");
        return Posted(d, await store.PostAsync(channel, Text("alert", d), cancellationToken: ct));
    }

    /// <summary>A posted message; one with buttons says where it sits, to be kept up to date.</summary>
    private static DeliveryResult Posted(Delivery d, LocalMessage posted) =>
        new DeliveryResult.Sent(posted.Id, d.Actions.Count > 0 ? new CardRef(posted.ChannelId, posted.Id) : null);

    /// <summary>
    /// Brings a copy up to date in place, with the words it was posted with: the reporter's answer card, or a message's buttons. It keeps
    /// the time it was posted at (as an edited Slack or Teams message does), so the history still says when it was sent.
    /// </summary>
    private async Task<DeliveryResult> EditAsync(CardRef copy, Delivery d, CancellationToken ct)
    {
        if (store.Find(copy.MessageId) is not { } old) return new DeliveryResult.Failed("the copy is no longer in the emulator");
        var draft = d.Kind == NotificationKind.Reply
            ? renderings.Answer(old.Text, d.Card)
            : Text(old.Kind, d) with { Text = old.Text };
        return await store.UpdateAsync(copy.MessageId, draft, ct, keepPostedAt: true) is { } updated
            ? new DeliveryResult.Sent(updated.Id, copy)
            : new DeliveryResult.Failed("the copy is no longer in the emulator");
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
