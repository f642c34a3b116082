using System.Threading.Channels;
using ChatEscalation.Core.Policy;

namespace ChatEscalation.Bot.Local;

/// <summary>
/// The emulator's chat server, in memory: channels from the policy (#it-help, the tier queues, the managers' and
/// on-call channels, one direct conversation per person) and the messages posted to them.
/// </summary>
/// <remarks>
/// Thread-safe. Message ids are <c>m1</c>, <c>m2</c> … in posting order. Updating a message keeps its id and bumps its
/// <see cref="LocalMessage.Revision"/>. Every change is also published to the subscribers (the page's event stream).
/// Nothing survives a restart: the tickets are in the database, the emulator's chat history is not.
/// </remarks>
public sealed class LocalChannelStore
{
    /// <summary>The id of the public help channel.</summary>
    public const string HelpChannelId = "it-help";

    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly List<LocalChannel> _channels = [];
    private readonly List<LocalMessage> _messages = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<Channel<LocalStoreChange>> _subscribers = [];
    private long _nextId;

    public LocalChannelStore(EscalationPolicy policy, TimeProvider time)
    {
        _time = time;
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
    public LocalMessage Post(string channelId, LocalMessageDraft draft, string? threadOf = null)
    {
        LocalMessage message;
        lock (_gate)
        {
            if (_channels.All(c => c.Id != channelId)) throw new ArgumentException($"No emulator channel '{channelId}'.", nameof(channelId));
            if (threadOf is not null && !_index.ContainsKey(threadOf)) throw new ArgumentException($"No message '{threadOf}' to reply to.", nameof(threadOf));
            message = Build("m" + ++_nextId, channelId, threadOf, draft, 1);
            _index[message.Id] = _messages.Count;
            _messages.Add(message);
        }
        Publish(new LocalStoreChange("posted", message));
        return message;
    }

    /// <summary>Replaces the content of message <paramref name="messageId"/> in place (same id, channel and thread; next revision).</summary>
    /// <returns>The updated message, or null when no such message exists.</returns>
    public LocalMessage? Update(string messageId, LocalMessageDraft draft)
    {
        LocalMessage message;
        lock (_gate)
        {
            if (!_index.TryGetValue(messageId, out var at)) return null;
            var old = _messages[at];
            message = Build(old.Id, old.ChannelId, old.ThreadOf, draft, old.Revision + 1);
            _messages[at] = message;
        }
        Publish(new LocalStoreChange("updated", message));
        return message;
    }

    public LocalMessage? Find(string messageId)
    {
        lock (_gate) return _index.TryGetValue(messageId, out var at) ? _messages[at] : null;
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
