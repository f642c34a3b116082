using ChatEscalation.Bot.Outbox;
using ChatEscalation.Bot.Scheduling;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Policy;
using ChatEscalation.Core.Views;
using ChatEscalation.Persistence;
using ChatEscalation.Persistence.Outbox;
using ChatEscalation.Persistence.Rows;
using ChatEscalation.Persistence.Storage;
using ChatEscalation.Persistence.Sweeping;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatEscalation.Bot.Tests.Browser;

/// <summary>
/// The test host's <see cref="IEscalationRunner"/>: sweeps due deadlines and hands the due outbox messages to the registered
/// senders, one at a time. Stands in for the host's own dispatcher until Program.cs wires it.
/// </summary>
public sealed class TestEscalationRunner(IServiceScopeFactory scopes, TimeProvider time, EscalationPolicy policy) : IEscalationRunner
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task SweepNowAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DeadlineSweeper>().SweepAsync(time.GetUtcNow(), ct: cancellationToken);
        }
        finally { _gate.Release(); }
    }

    public async Task DispatchNowAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            for (var round = 0; round < 20; round++)
            {
                await using var scope = scopes.CreateAsyncScope();
                var store = scope.ServiceProvider.GetRequiredService<OutboxStore>();
                var db = scope.ServiceProvider.GetRequiredService<EscalationDbContext>();
                var senders = scope.ServiceProvider.GetServices<IChatSender>().ToDictionary(s => s.Platform);
                var batch = await store.ClaimBatchAsync(time.GetUtcNow(), ct: cancellationToken);
                if (batch.Count == 0) return;
                foreach (var m in batch) await DeliverAsync(m, store, db, senders, cancellationToken);
            }
        }
        finally { _gate.Release(); }
    }

    private async Task DeliverAsync(OutboxMessage m, OutboxStore store, EscalationDbContext db, Dictionary<string, IChatSender> senders, CancellationToken ct)
    {
        if (!senders.TryGetValue(m.Platform, out var sender))
        {
            await store.SkipAsync(m.Id, $"No sender for {m.Platform}.", ct);
            return;
        }
        var row = await db.Tickets.AsNoTracking().SingleAsync(t => t.Number == m.TicketNumber, ct);
        var ticket = TicketJson.DeserializeTicket(row.State);
        var audience = TicketJson.DeserializeAudience(m.AudienceJson);
        var existing = await store.GetChatMessageAsync(m.TicketNumber, m.Platform, m.Audience, ct);
        var delivery = new Delivery(m.Id, m.Platform, m.Kind, audience, m.Text, TicketJson.DeserializeActions(m.ActionsJson), m.Urgent, ticket,
            TicketViews.Card(ticket, policy, time.GetUtcNow()), Channel(audience, m.Platform),
            existing is null ? null : new CardRef(existing.ChannelId, existing.MessageId));
        switch (await sender.DeliverAsync(delivery, ct))
        {
            case DeliveryResult.Sent sent:
                if (sent.Card is { } card)
                    await store.UpsertChatMessageAsync(new ChatMessageRow
                    {
                        TicketNumber = m.TicketNumber, Platform = m.Platform, Channel = m.Audience, ChannelId = card.ChannelId,
                        MessageId = card.MessageId, UpdatedAt = time.GetUtcNow(),
                    }, ct);
                await store.MarkSentAsync(m.Id, sent.MessageId, time.GetUtcNow(), ct);
                break;
            case DeliveryResult.Skipped skipped: await store.SkipAsync(m.Id, skipped.Reason, ct); break;
            case DeliveryResult.Retry retry: await store.MarkRetryAsync(m.Id, retry.Error, time.GetUtcNow() + (retry.After ?? TimeSpan.FromSeconds(5)), ct); break;
            case DeliveryResult.Failed failed: await store.ParkAsync(m.Id, failed.Error, ct); break;
        }
    }

    private string? Channel(Audience to, string platform) => to.Kind switch
    {
        AudienceKind.TierQueue => policy.Tiers.FirstOrDefault(t => t.Level == to.Tier)?.Channel.For(platform),
        AudienceKind.ManagerChannel => policy.ManagerChannel.For(platform),
        AudienceKind.OnCallChannel => policy.OnCallChannel.For(platform),
        _ => null,
    };
}
