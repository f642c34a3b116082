using System.Threading.Channels;
using ChatEscalation.Bot.Slack;
using ChatEscalation.Bot.Slack.Protocol;

namespace ChatEscalation.Bot.Tests.Slack;

/// <summary>An <see cref="ISlackInbound"/> that records every call, answers <see cref="Reply"/> (or throws <see cref="Failure"/>).</summary>
public sealed class RecordingSlackInbound : ISlackInbound
{
    private readonly Channel<object> received = Channel.CreateUnbounded<object>();
    private readonly List<object> calls = [];

    /// <summary>What every call answers.</summary>
    public SlackReply Reply { get; set; } = SlackReply.Empty;

    /// <summary>When set, every call throws it (after recording).</summary>
    public Exception? Failure { get; set; }

    /// <summary>Everything received so far, in order.</summary>
    public IReadOnlyList<object> Calls { get { lock (calls) return calls.ToArray(); } }

    public Task<SlackReply> OnEventAsync(SlackEventCallback callback, CancellationToken ct) => Record(callback);

    public Task<SlackReply> OnCommandAsync(SlackSlashCommand command, CancellationToken ct) => Record(command);

    public Task<SlackReply> OnInteractionAsync(SlackInteraction interaction, CancellationToken ct) => Record(interaction);

    /// <summary>Waits (up to 10 s) for the next call and checks its type.</summary>
    public async Task<T> NextAsync<T>()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var item = await received.Reader.ReadAsync(timeout.Token);
        return item.ShouldBeOfType<T>();
    }

    private Task<SlackReply> Record(object call)
    {
        // Read the scripted failure before signalling the test, which may change it as soon as it sees the call.
        var failure = Failure;
        lock (calls) calls.Add(call);
        received.Writer.TryWrite(call);
        return failure is null ? Task.FromResult(Reply) : Task.FromException<SlackReply>(failure);
    }
}
