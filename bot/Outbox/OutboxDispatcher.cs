using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Views;
using ChatEscalation.Persistence.Outbox;
using ChatEscalation.Persistence.Rows;
using ChatEscalation.Persistence.Workflows;
using ChatEscalation.Bot.Hosting;
using ChatEscalation.Bot.Telemetry;
using ChatEscalation.Persistence.Telemetry;
using Microsoft.Extensions.Options;

namespace ChatEscalation.Bot.Outbox;

/// <summary>Delivers pending outbox messages through the platform senders, in order per ticket, never dropping one.</summary>
/// <remarks>
/// A message whose send fails is retried with exponential backoff (or after the platform's Retry-After); after
/// <see cref="OutboxOptions.MaxAttempts"/> it is parked, logged, and counted on the health endpoint.
/// Card deliveries record where the card sits so later changes edit it in place.
/// </remarks>
public sealed class OutboxDispatcher(
    OutboxStore store,
    TicketWorkflow tickets,
    IPolicyProvider policy,
    IEnumerable<IChatSender> senders,
    TimeProvider time,
    IOptions<OutboxOptions> options,
    Jitter jitter,
    ILogger<OutboxDispatcher> log,
    EscalationMetrics? metrics = null)
{
    /// <summary>Delivers everything due now; returns how many messages were handled.</summary>
    public async Task<int> DispatchAsync(CancellationToken ct)
    {
        var handled = 0;
        for (var pass = 0; pass < 50; pass++)
        {
            var batch = await store.ClaimBatchAsync(time.GetUtcNow(), 100, ct);
            if (batch.Count == 0) break;
            foreach (var message in batch)
            {
                await DeliverOneAsync(message, ct);
                handled++;
            }
        }
        return handled;
    }

    private async Task DeliverOneAsync(OutboxMessage message, CancellationToken ct)
    {
        using var telemetry = OutboxDeliveryTelemetry.Start(message, metrics);
        var now = time.GetUtcNow();
        var sender = senders.FirstOrDefault(s => s.Platform == message.Platform);
        if (sender is null)
        {
            await store.SkipAsync(message.Id, $"platform '{message.Platform}' is not enabled", ct);
            return;
        }
        var ticket = await tickets.GetAsync(message.TicketNumber, ct);
        if (ticket is null)
        {
            await store.ParkAsync(message.Id, $"ticket {message.TicketNumber} not found", ct);
            return;
        }
        var current = policy.Current;
        var audience = message.AudienceOf();
        var card = TicketViews.Card(ticket, current, now, audience.Kind == AudienceKind.TierQueue ? audience.Tier : null);
        var channelId = ChannelFor(audience, message.Platform, current);
        var existing = await store.GetChatMessageAsync(message.TicketNumber, message.Platform, audience.ToString(), ct);
        var delivery = new Delivery(message.Id, message.Platform, message.Kind, audience, message.Text, message.ActionsOf(), message.Urgent,
            ticket, card, channelId, existing is null ? null : new CardRef(existing.ChannelId, existing.MessageId, existing.ConversationId, existing.ServiceUrl));

        DeliveryResult result;
        try
        {
            result = await sender.DeliverAsync(delivery, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            result = new DeliveryResult.Retry($"{e.GetType().Name}: {e.Message}");
        }

        telemetry.Complete(result, parked: message.Attempts + 1 >= options.Value.MaxAttempts);

        switch (result)
        {
            case DeliveryResult.Sent sent:
                if (sent.Card is { } cardRef)
                    await store.UpsertChatMessageAsync(new ChatMessageRow
                    {
                        TicketNumber = message.TicketNumber, Platform = message.Platform, Channel = audience.ToString(),
                        ChannelId = cardRef.ChannelId, MessageId = cardRef.MessageId, ConversationId = cardRef.ConversationId,
                        ServiceUrl = cardRef.ServiceUrl, UpdatedAt = now,
                    }, ct);
                await store.MarkSentAsync(message.Id, sent.MessageId, now, ct);
                break;
            case DeliveryResult.Skipped skipped:
                await store.SkipAsync(message.Id, skipped.Reason, ct);
                break;
            case DeliveryResult.Failed failed:
                log.LogError("Outbox message {Id} ({Platform} {Kind} for {Ticket}) parked: {Error}", message.Id, message.Platform, message.Kind, message.TicketNumber, failed.Error);
                await store.ParkAsync(message.Id, failed.Error, ct);
                break;
            case DeliveryResult.Retry retry when message.Attempts + 1 >= options.Value.MaxAttempts:
                log.LogError("Outbox message {Id} ({Platform} {Kind} for {Ticket}) parked after {Attempts} attempts: {Error}", message.Id, message.Platform, message.Kind, message.TicketNumber, message.Attempts + 1, retry.Error);
                await store.ParkAsync(message.Id, retry.Error, ct);
                break;
            case DeliveryResult.Retry retry:
                var delay = retry.After ?? Backoff(message.Attempts + 1, jitter.Next());
                log.LogWarning("Outbox message {Id} ({Platform}) failed, retrying in {Delay}: {Error}", message.Id, message.Platform, delay, retry.Error);
                await store.MarkRetryAsync(message.Id, retry.Error, now + delay, ct);
                break;
        }
    }

    /// <summary>2 s, 4 s, 8 s … capped at 5 minutes, plus up to 20 % more by <paramref name="jitter"/> (0 to 1).</summary>
    public static TimeSpan Backoff(int attempt, double jitter)
    {
        var seconds = Math.Min(300, Math.Pow(2, Math.Min(attempt, 12)));
        return TimeSpan.FromSeconds(seconds * (1 + Math.Clamp(jitter, 0, 1) * 0.2));
    }

    private static string? ChannelFor(Audience audience, string platform, Core.Policy.EscalationPolicy policy) => audience.Kind switch
    {
        AudienceKind.TierQueue => policy.Tiers.FirstOrDefault(t => t.Level == audience.Tier)?.Channel.For(platform),
        AudienceKind.ManagerChannel => policy.ManagerChannel.For(platform),
        AudienceKind.OnCallChannel => policy.OnCallChannel.For(platform),
        _ => null,
    };
}
