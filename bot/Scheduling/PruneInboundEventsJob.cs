using ChatEscalation.Persistence.Storage;
using Coravel.Invocable;
using Microsoft.Extensions.Options;

namespace ChatEscalation.Bot.Scheduling;

/// <summary>Coravel job (hourly): forgets request receipts older than <see cref="SchedulerOptions.KeepReceiptsFor"/>.</summary>
/// <remarks>Platforms stop redelivering within minutes and a Slack signature is good for five, so a day of receipts is plenty.</remarks>
public sealed class PruneInboundEventsJob(IServiceScopeFactory scopes, TimeProvider time, IOptions<SchedulerOptions> options, ILogger<PruneInboundEventsJob> log)
    : IInvocable, ICancellableInvocable
{
    public CancellationToken CancellationToken { get; set; }

    public async Task Invoke()
    {
        await using var scope = scopes.CreateAsyncScope();
        var pruned = await scope.ServiceProvider.GetRequiredService<InboundEventStore>()
            .PruneAsync(time.GetUtcNow() - options.Value.KeepReceiptsFor, CancellationToken);
        if (pruned > 0) log.LogInformation("Forgot {Count} request receipts older than {KeepFor}", pruned, options.Value.KeepReceiptsFor);
    }
}
