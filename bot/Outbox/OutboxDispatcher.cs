using ChatEscalation.Bot.Hosting;
using ChatEscalation.Bot.Telemetry;
using ChatEscalation.Persistence.Telemetry;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Views;
using ChatEscalation.Persistence.Outbox;
using ChatEscalation.Persistence.Rows;
using ChatEscalation.Persistence.Workflows;
using Microsoft.Extensions.Options;

namespace ChatEscalation.Bot.Outbox;

/// <summary>Delivers pending outbox messages through the platform senders, in order per lane, never dropping one.</summary>
/// <remarks>
/// <list type="bullet">
/// <item>Each message is claimed right before its send (<see cref="OutboxStore.ClaimAsync"/>), and one send may run at most
/// <see cref="OutboxOptions.SendTimeout"/>, shorter than the claim's lease: no second dispatcher (another instance) sends it meanwhile.</item>
/// <item>A failed send is retried with exponential backoff (or after the platform's Retry-After); after <see cref="OutboxOptions.MaxAttempts"/>
/// it is parked, logged, and counted on the health endpoint. A send that may have reached the platform (timeout, server error, a
/// dispatcher that stopped mid-send) is retried as <c>Uncertain</c>: the sender checks first where the platform allows, or reports it
/// unconfirmed rather than send it twice.</item>
/// <item>A stop (the host shutting down) abandons the send in flight: the message stays pending, uncertain, for the next start.</item>
/// <item>Card deliveries record where the card sits so later changes edit it in place; so do messages with buttons and the reporter's
/// answer card, and a <c>copies</c> row brings every such copy up to date (<see cref="CopyUpdates"/>). A message's buttons are those
/// that still apply to the ticket when it is delivered (<see cref="TicketCopies.StillOffered"/>).</item>
/// <item>A page skipped or parked on every platform is reported to the managers (<see cref="UnreachedPages"/>).</item>
/// </list>
/// </remarks>
public sealed class OutboxDispatcher(
    OutboxStore store,
    TicketWorkflow tickets,
    IPolicyProvider policy,
    IEnumerable<IChatSender> senders,
    CopyUpdates copies,
    UnreachedPages unreached,
    TimeProvider time,
    IOptions<OutboxOptions> options,
    Jitter jitter,
    ILogger<OutboxDispatcher> log,
    EscalationMetrics? metrics = null)
{
    /// <summary>Delivers everything due now; returns how many messages were handled.</summary>
    public async Task<int> DispatchAsync(CancellationToken ct)
    {
        await using var connection = await store.KeepConnectionOpenAsync(ct);
        var handled = 0;
        for (var pass = 0; pass < 50; pass++)
        {
            var due = await store.DueAsync(time.GetUtcNow(), 100, ct);
            if (due.Count == 0) break;
            foreach (var candidate in due)
            {
                ct.ThrowIfCancellationRequested();
                if (await store.ClaimAsync(candidate, time.GetUtcNow(), options.Value.ClaimLease, ct) is not { } message) continue; // another dispatcher has it
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
            await unreached.ReportIfUnreachedAsync(message, time.GetUtcNow(), ct); // it may be the last copy of a page to finish
            return;
        }

        var ticket = message.TicketNumber == 0 ? null : await tickets.GetAsync(message.TicketNumber, ct);
        if (ticket is null && message.Kind != NotificationKind.Reply)
        {
            await store.ParkAsync(message.Id, $"ticket {message.TicketNumber} not found", ct);
            return;
        }

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(options.Value.SendTimeout);
        DeliveryResult result;
        try
        {
            result = message.Kind == NotificationKind.Reply
                ? await DeliverReplyAsync(sender, message, ticket, now, budget.Token)
                : await DeliverNotificationAsync(sender, message, ticket!, now, budget.Token);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping: the request may be out. Leave it pending and uncertain for the next start (no cancellation: one quick write).
            await store.MarkRetryAsync(message.Id, "stopped while sending", now, uncertain: true, CancellationToken.None);
            throw;
        }
        catch (OperationCanceledException)
        {
            result = new DeliveryResult.Retry($"no answer within {options.Value.SendTimeout.TotalSeconds:0} s", Uncertain: true);
        }
        catch (Exception e)
        {
            result = new DeliveryResult.Retry($"{e.GetType().Name}: {e.Message}");
        }

        telemetry.Complete(result, parked: message.Attempts + 1 >= options.Value.MaxAttempts);
        await RecordAsync(message, result, now, ct);
    }

    private async Task<DeliveryResult> DeliverNotificationAsync(IChatSender sender, OutboxMessage message, Core.Tickets.Ticket ticket, DateTimeOffset now, CancellationToken ct)
    {
        var current = policy.Current;
        var audience = message.AudienceOf();
        if (audience.Kind == AudienceKind.Copies) return await copies.UpdateAllAsync(sender, message, ticket, now, ct);
        var card = TicketViews.Card(ticket, current, now, audience.Kind == AudienceKind.TierQueue ? audience.Tier : null);
        var delivery = new Delivery(message.Id, message.Platform, message.Kind, audience, message.Text, TicketCopies.StillOffered(ticket, current, message.ActionsOf()), message.Urgent,
            ticket, card, ChannelFor(audience, message.Platform, current), await ThreadOrCardAsync(message, audience, ticket, ct))
        {
            Uncertain = message.Uncertain,
            CreatedAt = message.CreatedAt,
        };
        var result = await sender.DeliverAsync(delivery, ct);
        await copies.RecordAsync(message, delivery, result, now, ct);
        return result;
    }

    /// <summary>
    /// Where a delivery replies or edits: the thread the ticket was raised from (<see cref="AudienceKind.SourceThread"/>: a thread update
    /// under that message), else the ticket's card already posted for the audience, if any.
    /// </summary>
    private async Task<CardRef?> ThreadOrCardAsync(OutboxMessage message, Audience audience, Core.Tickets.Ticket ticket, CancellationToken ct)
    {
        if (audience.Kind == AudienceKind.SourceThread)
            return ticket.SourceThread is { } thread ? new CardRef(thread.Conversation, thread.ThreadId, thread.Conversation, thread.Endpoint) : null;
        var existing = await store.GetChatMessageAsync(message.TicketNumber, message.Platform, audience.ToString(), ct);
        return existing is null ? null : new CardRef(existing.ChannelId, existing.MessageId, existing.ConversationId, existing.ServiceUrl);
    }

    private async Task<DeliveryResult> DeliverReplyAsync(IChatSender sender, OutboxMessage message, Core.Tickets.Ticket? ticket, DateTimeOffset now, CancellationToken ct)
    {
        var reply = new ReplyDelivery(message.Id, message.Platform, message.RouteJson ?? "{}", message.Text, ticket,
            ticket is null ? null : TicketViews.Card(ticket, policy.Current, now), message.Uncertain, message.CreatedAt) { To = message.AudienceOf().Person };
        var result = await sender.DeliverReplyAsync(reply, ct);
        await copies.RecordReplyAsync(message, reply, result, now, ct);
        return result;
    }

    private async Task RecordAsync(OutboxMessage message, DeliveryResult result, DateTimeOffset now, CancellationToken ct)
    {
        var what = $"{message.Id} ({message.Platform} {message.Kind} for {message.TicketNumber})";
        switch (result)
        {
            case DeliveryResult.Sent sent:
                await store.MarkSentAsync(message.Id, sent.MessageId, now, ct);
                break;
            case DeliveryResult.Skipped skipped:
                await store.SkipAsync(message.Id, skipped.Reason, ct);
                await unreached.ReportIfUnreachedAsync(message, now, ct);
                break;
            case DeliveryResult.Failed failed:
                log.LogError("Outbox message {Message} parked: {Error}", what, failed.Error);
                await store.ParkAsync(message.Id, failed.Error, ct);
                await unreached.ReportIfUnreachedAsync(message, now, ct);
                break;
            case DeliveryResult.Unconfirmed unconfirmed:
                log.LogWarning("Outbox message {Message} may or may not have arrived and cannot be checked; not sent again on its own: {Error}", what, unconfirmed.Error);
                await store.MarkUnconfirmedAsync(message.Id, unconfirmed.Error, ct);
                break;
            case DeliveryResult.Retry retry when message.Attempts + 1 >= options.Value.MaxAttempts:
                log.LogError("Outbox message {Message} parked after {Attempts} attempts: {Error}", what, message.Attempts + 1, retry.Error);
                await store.ParkAsync(message.Id, retry.Error, ct);
                await unreached.ReportIfUnreachedAsync(message, now, ct);
                break;
            case DeliveryResult.Retry retry:
                var delay = retry.After ?? Backoff(message.Attempts + 1, jitter.Next());
                log.LogWarning("Outbox message {Message} failed, retrying in {Delay}{Uncertain}: {Error}", what, delay, retry.Uncertain ? " (it may have arrived: checked first)" : "", retry.Error);
                await store.MarkRetryAsync(message.Id, retry.Error, now + delay, retry.Uncertain, ct);
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
