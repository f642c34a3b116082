using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatEscalation.Persistence.Rows;
using ChatEscalation.Persistence.Storage;

namespace ChatEscalation.Bot.Local;

/// <summary>
/// Where the emulator keeps its chat history and its demo clock: the database (<see cref="EmulatorStore"/>), one scope per call,
/// so <see cref="LocalChannelStore"/> and <see cref="DemoClock"/> (singletons) survive a restart of the demo.
/// </summary>
public sealed class LocalHistory(IServiceScopeFactory scopes)
{
    /// <summary>The emulator's message id of a stored message: <c>m17</c>.</summary>
    public static string MessageId(long id) => "m" + id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The stored id of an emulator message id (<c>m17</c> → 17); null for anything else.</summary>
    public static long? StoredId(string? messageId) =>
        messageId is { Length: > 1 } && messageId[0] == 'm' && long.TryParse(messageId.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    public async Task<IReadOnlyList<LocalMessage>> LoadAsync(int keepPerChannel, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<EmulatorStore>();
        await store.TrimAllAsync(keepPerChannel, ct);
        return (await store.LoadAsync(ct)).Select(ToMessage).ToList();
    }

    /// <summary>Stores a new message and returns it with its id; <paramref name="trimmedUpTo"/> is the highest id trimmed from its channel.</summary>
    public async Task<(LocalMessage Message, long? TrimmedUpTo)> AddAsync(LocalMessage draft, int keepPerChannel, CancellationToken ct)
    {
        var row = ToRow(draft);
        await using var scope = scopes.CreateAsyncScope();
        var trimmed = await scope.ServiceProvider.GetRequiredService<EmulatorStore>().AddAsync(row, keepPerChannel, ct);
        return (draft with { Id = MessageId(row.Id) }, trimmed);
    }

    public async Task UpdateAsync(LocalMessage message, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<EmulatorStore>().UpdateAsync(ToRow(message), ct);
    }

    /// <summary>The saved offset, and the instant the restarted clock must not read below (the saved reading or anything recorded later).</summary>
    public async Task<(TimeSpan Offset, DateTimeOffset? Floor)> LoadClockAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<EmulatorStore>();
        var saved = await store.LoadClockAsync(ct);
        var recorded = await store.LatestRecordedAsync(ct);
        DateTimeOffset? floor = saved is null ? recorded : recorded is { } r && r > saved.ReadAt ? r : saved.ReadAt;
        return (saved?.Offset ?? TimeSpan.Zero, floor);
    }

    public async Task SaveClockAsync(TimeSpan offset, DateTimeOffset readAt, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<EmulatorStore>().SaveClockAsync(offset, readAt, ct);
    }

    private static EmulatorMessageRow ToRow(LocalMessage m) => new()
    {
        Id = StoredId(m.Id) ?? 0,
        ChannelId = m.ChannelId,
        ThreadOf = StoredId(m.ThreadOf),
        Kind = m.Kind,
        AuthorKey = m.AuthorKey,
        AuthorName = m.AuthorName,
        Text = m.Text,
        Ticket = m.Ticket,
        Actions = JsonSerializer.Serialize(m.Actions),
        Urgent = m.Urgent,
        View = m.View?.ToJsonString(),
        BlockKit = m.BlockKit?.ToJsonString(),
        AdaptiveCard = m.AdaptiveCard?.ToJsonString(),
        At = m.At,
        Revision = m.Revision,
    };

    private static LocalMessage ToMessage(EmulatorMessageRow r) => new(
        MessageId(r.Id), r.ChannelId, r.ThreadOf is { } parent ? MessageId(parent) : null, r.Kind, r.AuthorKey, r.AuthorName, r.Text, r.Ticket,
        JsonSerializer.Deserialize<List<string>>(r.Actions) ?? [], r.Urgent, Parse(r.View), Parse(r.BlockKit), Parse(r.AdaptiveCard), r.At, r.Revision);

    private static JsonNode? Parse(string? json) => json is null ? null : JsonNode.Parse(json);
}
