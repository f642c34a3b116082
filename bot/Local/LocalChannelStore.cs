using System.Threading.Channels;
using ChatEscalation.Core.Policy;
using Microsoft.Extensions.Options;

namespace ChatEscalation.Bot.Local;

/// <summary>
/// The emulator's chat server: channels from the policy (#it-help, the tier queues, the managers' and on-call channels, one
/// direct conversation per person) and the messages posted to them.
/// </summary>
/// <remarks>
/// Thread-safe. With a <see cref="LocalHistory"/> (the host's default) every message is written to the database before anybody
/// sees it, its id (<c>m17</c>) is the database's and never reused, each channel keeps its newest
/// <see cref="LocalOptions.MaxMessagesPerChannel"/> messages, and <see cref="RestoreAsync"/> reloads them at start: a restart keeps
/// the history and message ids go on where they were. Without one (unit tests) the store lives in memory and ids run from m1.
/// Updating a message keeps its id and bumps its <see cref="LocalMessage.Revision"/>. Every change is also published to the
/// subscribers (the page's event stream).
/// </remarks>
public sealed class LocalChannelStore
{
    /// <summary>The id of the public help channel.</summary>
    public const string HelpChannelId = "it-help";

    private readonly object _gate = new();
    private readonly SemaphoreSlim _writes = new(1, 1);
    private readonly TimeProvider _time;
    private readonly LocalHistory? _history;
    private readonly int _keepPerChannel;
    private readonly List<LocalChannel> _channels = [];
    private readonly List<LocalMessage> _messages = [];
    private readonly List<Channel<LocalStoreChange>> _subscribers = [];
    private long _nextId;

    public LocalChannelStore(EscalationPolicy policy, TimeProvider time, LocalHistory? history = null, IOptions<LocalOptions>? options = null)
    {
        _time = time;
        _history = history;
        _keepPerChannel = options?.Value.MaxMessagesPerChannel ?? new LocalOptions().MaxMessagesPerChannel;
        _channels.Add(new LocalChannel(HelpChannelId, "#it-help", LocalChannelKind.Help));
        foreach (var tier in policy.Tiers)
            _channels.Add(new LocalChannel(tier.Channel.Local ?? $"tier-{tier.Level}", "#" + (tier.Channel.Local ?? $"tier-{tier.Level}"), LocalChannelKind.TierQueue, Tier: tier.Level));
        var managers = policy.ManagerChannel.Local ?? "it-managers";
        _channels.Add(new LocalChannel(managers, "#" + managers, LocalChannelKind.Managers));
        var onCall = policy.OnCallChannel.Local ?? "on-call";
        _channels.Add(new LocalChannel(onCall, "#" + onCall, LocalChannelKind.OnCall));
        foreach (var (key, name) in policy.PeopleNames.OrderBy(p => p.Key, StringComparer.Ordinal))
            _channels.Add(new LocalChannel(LocalChannel.DirectId(key), name, LocalChannelKind.Direct, key));
    }

    public IReadOnlyList<LocalChannel> Channels { get { lock (_gate) return _channels.ToList(); } }

    /// <summary>Loads the kept history from the database (trimming each channel to the limit first); a store without history has nothing to load.</summary>
    public async Task RestoreAsync(CancellationToken cancellationToken = default)
    {
        if (_history is null) return;
        var kept = await _history.LoadAsync(_keepPerChannel, cancellationToken);
        lock (_gate)
        {
            _messages.Clear();
            _messages.AddRange(kept);
            foreach (var dm in kept.Select(m => m.ChannelId).Distinct().Where(id => id.StartsWith("dm:", StringComparison.Ordinal) && _channels.All(c => c.Id != id)))
                _channels.Add(new LocalChannel(dm, dm[3..], LocalChannelKind.Direct, dm[3..]));
        }
    }

    public LocalChannel? Channel(string id)
    {
        lock (_gate) return _channels.FirstOrDefault(c => c.Id == id);
    }

    /// <summary>The direct conversation of a person, created on first use for somebody the policy does not name.</summary>
    public LocalChannel DirectChannel(string personKey, string personName)
    {
        var id = LocalChannel.DirectId(personKey);
        lock (_gate)
        {
            var channel = _channels.FirstOrDefault(c => c.Id == id);
            if (channel is not null) return channel;
            channel = new LocalChannel(id, personName, LocalChannelKind.Direct, personKey.ToLowerInvariant());
            _channels.Add(channel);
            return channel;
        }
    }

    /// <summary>Posts a top-level message (or, with <paramref name="threadOf"/>, a reply in that message's thread).</summary>
    /// <exception cref="ArgumentException">The channel, or the thread's parent message, does not exist.</exception>
    public async Task<LocalMessage> PostAsync(string channelId, LocalMessageDraft draft, string? threadOf = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        LocalMessage message;
        await _writes.WaitAsync(cancellationToken);
        try
        {
            lock (_gate)
            {
                if (_channels.All(c => c.Id != channelId)) throw new ArgumentException($"No emulator channel '{channelId}'.", nameof(channelId));
                if (threadOf is not null && _messages.All(m => m.Id != threadOf)) throw new ArgumentException($"No message '{threadOf}' to reply to.", nameof(threadOf));
            }
            message = Build("", channelId, threadOf, draft, 1);
            long? trimmedUpTo = null;
            if (_history is not null) (message, trimmedUpTo) = await _history.AddAsync(message, _keepPerChannel, cancellationToken);
            else message = message with { Id = LocalHistory.MessageId(++_nextId) };
            lock (_gate)
            {
                _messages.Add(message);
                if (_history is null) TrimInMemory(channelId);
                else if (trimmedUpTo is { } upTo) _messages.RemoveAll(m => m.ChannelId == channelId && LocalHistory.StoredId(m.Id) <= upTo);
            }
        }
        finally
        {
            _writes.Release();
        }
        Publish(new LocalStoreChange("posted", message));
        return message;
    }

    /// <summary>Replaces the content of message <paramref name="messageId"/> in place (same id, channel and thread; next revision).</summary>
    /// <param name="keepPostedAt">Keep the message's time (an edit of a message's buttons); false: stamp it with now (a card that changed).</param>
    /// <returns>The updated message, or null when no such message is kept.</returns>
    public async Task<LocalMessage?> UpdateAsync(string messageId, LocalMessageDraft draft, CancellationToken cancellationToken = default, bool keepPostedAt = false)
    {
        ArgumentNullException.ThrowIfNull(draft);
        LocalMessage message;
        await _writes.WaitAsync(cancellationToken);
        try
        {
            LocalMessage? old;
            lock (_gate) old = _messages.FirstOrDefault(m => m.Id == messageId);
            if (old is null) return null;
            message = Build(old.Id, old.ChannelId, old.ThreadOf, draft, old.Revision + 1);
            if (keepPostedAt) message = message with { At = old.At };
            if (_history is not null) await _history.UpdateAsync(message, cancellationToken);
            lock (_gate)
            {
                var at = _messages.FindIndex(m => m.Id == messageId);
                if (at >= 0) _messages[at] = message;
            }
        }
        finally
        {
            _writes.Release();
        }
        Publish(new LocalStoreChange("updated", message));
        return message;
    }

    public LocalMessage? Find(string messageId)
    {
        lock (_gate) return _messages.FirstOrDefault(m => m.Id == messageId);
    }

    /// <summary>The messages of a channel in posting order, thread replies included.</summary>
    public IReadOnlyList<LocalMessage> Messages(string channelId)
    {
        lock (_gate) return _messages.Where(m => m.ChannelId == channelId).ToList();
    }

    /// <summary>Every message in posting order.</summary>
    public IReadOnlyList<LocalMessage> AllMessages()
    {
        lock (_gate) return _messages.ToList();
    }

    /// <summary>Tells the subscribers that the clock moved.</summary>
    public void ClockMoved(DateTimeOffset now) => Publish(new LocalStoreChange("clock", null, now));

    /// <summary>A stream of every later change; dispose the subscription to stop it.</summary>
    public LocalSubscription Subscribe()
    {
        var channel = System.Threading.Channels.Channel.CreateBounded<LocalStoreChange>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (_gate) _subscribers.Add(channel);
        return new LocalSubscription(channel.Reader, () =>
        {
            lock (_gate) _subscribers.Remove(channel);
            channel.Writer.TryComplete();
        });
    }

    /// <summary>In memory: drops a channel's oldest messages beyond the limit (the database does the same for a stored history).</summary>
    private void TrimInMemory(string channelId)
    {
        var inChannel = _messages.Where(m => m.ChannelId == channelId).ToList();
        if (inChannel.Count <= _keepPerChannel) return;
        var drop = inChannel.Take(inChannel.Count - _keepPerChannel).Select(m => m.Id).ToHashSet();
        _messages.RemoveAll(m => drop.Contains(m.Id));
    }

    private LocalMessage Build(string id, string channelId, string? threadOf, LocalMessageDraft d, int revision) =>
        new(id, channelId, threadOf, d.Kind, d.AuthorKey, d.AuthorName, d.Text, d.Ticket, d.Actions ?? [], d.Urgent,
            d.View, d.BlockKit, d.AdaptiveCard, _time.GetUtcNow(), revision);

    private void Publish(LocalStoreChange change)
    {
        Channel<LocalStoreChange>[] subscribers;
        lock (_gate) subscribers = _subscribers.ToArray();
        foreach (var s in subscribers) s.Writer.TryWrite(change);
    }
}
