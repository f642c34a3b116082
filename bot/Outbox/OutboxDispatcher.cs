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
/// <item>A platform's 429 holds back its other new sends for as long as it asked, 2 s when it did not say (<see cref="PlatformPauses"/>); they
/// stay pending.</item>
/// <item>A stop (the host shutting down) abandons the send in flight: the message stays pending, uncertain, for the next start.</item>
/// <item>Card deliveries record where the card sits so later changes edit it in place; so do messages with buttons and the reporter's
/// answer card, and a <c>copies</c> row brings every such copy up to date (<see cref="CopyUpdates"/>). Where a copy sits is written in
/// the same commit as its message's result: should that commit fail, the message stays claimed and is taken again, uncertain, after
/// the lease, never sent again blind. A message's buttons are those
/// that still apply to the ticket when it is delivered (<see cref="TicketCopies.StillOffered"/>).</item>
/// <item>A page skipped or parked on every platform is reported to the managers (<see cref="UnreachedPages"/>).</item>
/// </list>
/// </remarks>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    OutboxStore store,
    TicketWorkflow tickets,
    IPolicyProvider policy,
    IEnumerable<IChatSender> senders,
    CopyUpdates copies,
    UnreachedPages unreached,
    TimeProvider time,
    IOptions<OutboxOptions> options,
    Jitter jitter,
    PlatformPauses pauses,
    ILogger<OutboxDispatcher> log,
    EscalationMetrics? metrics = null)
{
    /// <summary>The most messages one <see cref="DispatchAsync"/> call handles before it returns (the next pass goes on).</summary>
    public const int MaxPerCall = 5000;

    /// <summary>
    /// Delivers everything due now; returns how many messages were handled. Up to <see cref="OutboxOptions.Concurrency"/> sends run at
    /// once per platform; each lane's (a ticket on one platform, a conversation's replies) one at a time and in order, and so are a
    /// ticket's messages on one platform across lanes (its card before the answer that names it, as written).
    /// </summary>
    /// <remarks>
    /// Each worker has its own scope (its own database context, connection and senders); this dispatcher's scope is the first
    /// worker's. Only a lane's oldest pending message is ever due (<see cref="OutboxStore.DueAsync"/>), and a message stays out of
    /// the next query from its claim until its result is written, so two workers never hold messages of one lane; nor of one ticket
    /// on one platform (<c>Pass.TakeStartable</c>). A worker with
    /// nothing to start waits for another's send to finish (which may make its lane's next message due) and stops when nothing is
    /// due and nothing is in flight. The limit is per platform so that a platform answering slowly or not at all (each send up to
    /// <see cref="OutboxOptions.SendTimeout"/>) holds up only its own messages.
    /// </remarks>
    public async Task<int> DispatchAsync(CancellationToken ct)
    {
        var perPlatform = Math.Max(1, options.Value.Concurrency);
        var pass = new Pass(perPlatform, perPlatform * Math.Max(1, senders.Select(s => s.Platform).Distinct().Count()),
            platform => pauses.IsPaused(platform, time.GetUtcNow()));
        pass.Started(WorkAsync(pass, ct));
        Exception? failure = null;
        while (pass.Workers() is { Count: > 0 } running)
        {
            try
            {
                await Task.WhenAll(running);
            }
            catch (Exception e)
            {
                failure ??= e; // the other workers finish their sends first: none is left running after this call returns
            }
        }

        if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        return pass.Handled;
    }

    /// <summary>One worker: takes what is due (querying with its own context when nothing is queued) and delivers it, until the pass ends.</summary>
    /// <remarks>While more is waiting than workers are running, it starts another in its own scope, up to the pass's limit.</remarks>
    private async Task WorkAsync(Pass pass, CancellationToken ct)
    {
        await using var connection = await store.KeepConnectionOpenAsync(ct);
        while (await pass.NextAsync(max => store.DueAsync(time.GetUtcNow(), max, ct), ct) is { } candidate)
        {
            pass.AddWorkerIfNeeded(() => WorkInOwnScopeAsync(pass, ct));
            try
            {
                ct.ThrowIfCancellationRequested();
                if (await NothingToSendAsync(candidate, pass, ct)) continue;
                if (await store.ClaimAsync(candidate, time.GetUtcNow(), options.Value.ClaimLease, ct) is not { } message) continue; // another dispatcher has it
                await DeliverOneAsync(message, ct);
                pass.Delivered();
            }
            finally
            {
                pass.Finished(candidate);
            }
        }
    }

    /// <summary>
    /// A copies row with no copy to edit is done without a claim: one conditional write instead of a claim and a result, and no send
    /// (each change writes one per platform, and most have nothing there). True when it was done here or another dispatcher has it.
    /// </summary>
    private async Task<bool> NothingToSendAsync(OutboxMessage candidate, Pass pass, CancellationToken ct)
    {
        if (candidate.AudienceOf().Kind != AudienceKind.Copies || !senders.Any(s => s.Platform == candidate.Platform)) return false;
        if ((await copies.ToEditAsync(candidate, ct)).Count > 0) return false;
        if (!await store.CompleteUnsentAsync(candidate, time.GetUtcNow(), ct)) return true; // another dispatcher got it first
        using var telemetry = OutboxDeliveryTelemetry.Start(candidate, metrics);
        telemetry.Complete(new DeliveryResult.Sent("0"));
        pass.Delivered();
        return true;
    }

    private async Task WorkInOwnScopeAsync(Pass pass, CancellationToken ct)
    {
        await Task.Yield();
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().WorkAsync(pass, ct);
    }

    /// <summary>What the workers of one <see cref="DispatchAsync"/> share: the queue of due messages and what is in flight, per platform.</summary>
    /// <param name="paused">Whether a platform starts no new send now (<see cref="PlatformPauses"/>): its messages wait for a later pass.</param>
    private sealed class Pass(int perPlatform, int maxWorkers, Func<string, bool> paused)
    {
        private readonly Lock sync = new();
        private readonly List<Task> workers = [];
        private readonly SemaphoreSlim querying = new(1, 1); // one worker queries at a time
        private readonly List<OutboxMessage> queued = [];
        private readonly HashSet<long> taken = []; // queued or in flight: never handed out twice
        private readonly Dictionary<string, int> busy = new(StringComparer.Ordinal);
        private readonly HashSet<string> busyTickets = new(StringComparer.Ordinal);
        private TaskCompletionSource finishedOne = NewSignal();
        /// <summary>How often a worker with nothing to start looks for new messages while others' sends are still in flight.</summary>
        private static readonly TimeSpan IdleLookAgain = TimeSpan.FromSeconds(1);

        private int inFlight, handed, handled, finishes, awaited;
        private bool drained; // the last query found nothing new and nothing has finished since it started

        public int Handled => Volatile.Read(ref handled);

        public void Delivered() => Interlocked.Increment(ref handled);

        public void Started(Task worker)
        {
            lock (sync) workers.Add(worker);
        }

        /// <summary>The workers started since the last call (empty once every worker has been awaited).</summary>
        public List<Task> Workers()
        {
            lock (sync)
            {
                var fresh = workers.Skip(awaited).ToList();
                awaited = workers.Count;
                return fresh;
            }
        }

        /// <summary>Starts another worker when a message this pass may start is waiting and fewer than the limit of workers run.</summary>
        /// <param name="start">Starts a worker; it must return at once (its work begins after a yield), as it runs under the pass's lock.</param>
        public void AddWorkerIfNeeded(Func<Task> start)
        {
            lock (sync)
            {
                if (workers.Count < maxWorkers && queued.Exists(Free)) workers.Add(start());
            }
        }

        /// <summary>The next message to deliver, or null when the pass is over for this worker.</summary>
        public async Task<OutboxMessage?> NextAsync(Func<int, Task<IReadOnlyList<OutboxMessage>>> due, CancellationToken ct)
        {
            while (true)
            {
                lock (sync)
                {
                    if (handed >= MaxPerCall) return null;
                    if (TakeStartable() is { } ready) return ready;
                }

                Task wait;
                await querying.WaitAsync(ct);
                try
                {
                    int before;
                    bool query;
                    lock (sync)
                    {
                        if (TakeStartable() is { } ready) return ready; // another worker's query found it
                        (before, query) = (finishes, !drained);
                    }

                    var found = query ? await due(100) : [];
                    lock (sync)
                    {
                        var added = 0;
                        foreach (var message in found)
                        {
                            if (!taken.Add(message.Id)) continue;
                            queued.Add(message);
                            added++;
                        }

                        queued.Sort((a, b) => a.Id.CompareTo(b.Id));

                        if (query && finishes == before) drained = added == 0;
                        if (TakeStartable() is { } fresh) return fresh;
                        if (inFlight == 0) return null; // nothing this pass may start, and nothing in flight to change that
                        wait = finishedOne.Task;
                    }
                }
                finally
                {
                    querying.Release();
                }

                // A send finishing frees a slot or makes its lane's next message due. Messages written meanwhile wake no one (the
                // process's wake-up waits for this pass to end), so an idle worker also looks again after a while: a platform whose
                // sends hang holds up no other platform's new messages for longer than that.
                await Task.WhenAny(wait, Task.Delay(IdleLookAgain, ct));
                ct.ThrowIfCancellationRequested();
                lock (sync) drained = false;
            }
        }

        public void Finished(OutboxMessage message)
        {
            TaskCompletionSource signal;
            lock (sync)
            {
                busy[message.Platform]--;
                busyTickets.Remove(TicketOf(message));
                taken.Remove(message.Id);
                inFlight--;
                finishes++;
                drained = false;
                signal = finishedOne;
                finishedOne = NewSignal();
            }

            signal.TrySetResult();
        }

        /// <summary>
        /// The oldest queued message whose platform has a free slot and whose ticket (on that platform) has nothing in flight nor an older
        /// message queued: a ticket's messages in different lanes (its card, its reporter's answer) reach each platform in the order written.
        /// </summary>
        private OutboxMessage? TakeStartable()
        {
            var index = -1;
            HashSet<string>? passed = null;
            for (var i = 0; i < queued.Count && index < 0; i++)
            {
                var ticket = TicketOf(queued[i]);
                if (Free(queued[i]) && passed?.Contains(ticket) != true) index = i;
                else (passed ??= new(StringComparer.Ordinal)).Add(ticket);
            }

            if (index < 0) return null;
            var message = queued[index];
            queued.RemoveAt(index);
            busyTickets.Add(TicketOf(message));
            busy[message.Platform] = busy.GetValueOrDefault(message.Platform) + 1;
            inFlight++;
            handed++;
            return message;
        }

        /// <summary>
        /// True when <paramref name="message"/>'s platform has a free slot and is not paused, and nothing of its ticket there is in flight.
        /// </summary>
        private bool Free(OutboxMessage message) =>
            busy.GetValueOrDefault(message.Platform) < perPlatform && !busyTickets.Contains(TicketOf(message)) && !paused(message.Platform);

        /// <summary>What may not run twice at once: the ticket on the message's platform, or for a message about no ticket its lane.</summary>
        private static string TicketOf(OutboxMessage message) => message.TicketNumber > 0 ? $"{message.Platform}/{message.TicketNumber}" : "lane:" + message.Lane;

        private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
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
        ChatMessageRow? copy = null;
        try
        {
            (result, copy) = message.Kind == NotificationKind.Reply
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
        await RecordAsync(message, result, copy, now, ct);
    }

    /// <summary>Sends a notification; returns the result and where the copy it posted sits, to record with the result (null: none to keep).</summary>
    private async Task<(DeliveryResult Result, ChatMessageRow? Copy)> DeliverNotificationAsync(IChatSender sender, OutboxMessage message, Core.Tickets.Ticket ticket,
        DateTimeOffset now, CancellationToken ct)
    {
        var current = policy.Current;
        var audience = message.AudienceOf();
        if (audience.Kind == AudienceKind.Copies) return (await copies.UpdateAllAsync(sender, message, ticket, now, ct), null);
        var card = TicketViews.Card(ticket, current, now, audience.Kind == AudienceKind.TierQueue ? audience.Tier : null);
        var delivery = new Delivery(message.Id, message.Platform, message.Kind, audience, message.Text, TicketCopies.StillOffered(ticket, current, message.ActionsOf()), message.Urgent,
            ticket, card, ChannelFor(audience, message.Platform, current), await ThreadOrCardAsync(message, audience, ticket, ct))
        {
            Uncertain = message.Uncertain,
            CreatedAt = message.CreatedAt,
        };
        var result = await sender.DeliverAsync(delivery, ct);
        return (result, CopyUpdates.CopyOf(message, delivery, result, now));
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

    private async Task<(DeliveryResult Result, ChatMessageRow? Copy)> DeliverReplyAsync(IChatSender sender, OutboxMessage message, Core.Tickets.Ticket? ticket,
        DateTimeOffset now, CancellationToken ct)
    {
        var reply = new ReplyDelivery(message.Id, message.Platform, message.RouteJson ?? "{}", message.Text, ticket,
            ticket is null ? null : TicketViews.Card(ticket, policy.Current, now), message.Uncertain, message.CreatedAt) { To = message.AudienceOf().Person };
        var result = await sender.DeliverReplyAsync(reply, ct);
        return (result, CopyUpdates.CopyOf(message, reply, result, now));
    }

    /// <summary>Writes the message's result; a sent one with a copy to keep up to date records where it sits in the same commit.</summary>
    private async Task RecordAsync(OutboxMessage message, DeliveryResult result, ChatMessageRow? copy, DateTimeOffset now, CancellationToken ct)
    {
        var what = $"{message.Id} ({message.Platform} {message.Kind} for {message.TicketNumber})";
        switch (result)
        {
            case DeliveryResult.Sent sent:
                await store.MarkSentAsync(message.Id, sent.MessageId, now, copy, ct);
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
                // The platform's pause lasts what it asked, or the first backoff step: a message's own backoff grows with its attempts.
                var pause = retry.Throttled ? retry.After ?? Backoff(1, 0) : TimeSpan.Zero;
                if (retry.Throttled) pauses.Pause(message.Platform, now + pause);
                log.LogWarning("Outbox message {Message} failed, retrying in {Delay}{Uncertain}{Paused}: {Error}", what, delay,
                    retry.Uncertain ? " (it may have arrived: checked first)" : "", retry.Throttled ? $"; other {message.Platform} sends wait {pause}" : "", retry.Error);
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
