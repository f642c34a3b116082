using ChatEscalation.Persistence.Rows;
using Microsoft.EntityFrameworkCore;

namespace ChatEscalation.Persistence.Outbox;

/// <summary>
/// The copies of tickets the bot posted (ChatMessages rows): queue cards, answer cards, messages with buttons. The dispatcher records
/// each after it is posted and edits every one after each change of its ticket (an <c>copies</c> row of the outbox).
/// </summary>
/// <remarks>Writes take this process's turn at SQLite's write lock (<see cref="Storage.SqliteWriteGate"/>). Copy keys (<see cref="ChatMessageRow.Channel"/>): <c>tier-N</c>, <see cref="ReplyKey"/>, <see cref="MessageKey"/>.</remarks>
public sealed class CardCopyStore(EscalationDbContext db, OutboxStore outbox, Storage.SqliteWriteGate? gate = null)
{
    private readonly Storage.SqliteWriteGate gate = gate ?? Storage.SqliteWriteGate.Open;

    /// <summary>The key prefix of answer cards (a raise confirmation, a status) shown to the reporter.</summary>
    public const string ReplyPrefix = "reply:";

    /// <summary>The key prefix of messages with buttons (alerts, pages, direct messages).</summary>
    public const string MessagePrefix = "msg:";

    /// <summary>Most copies of one ticket on one platform brought up to date per change (the newest); older ones keep what they show.</summary>
    public const int MaxCopiesPerChange = 100;

    /// <summary>The key of an answer card: its outbox message id, or the emulator's message id.</summary>
    public static string ReplyKey(string id) => ReplyPrefix + id;

    /// <summary>The key of a message with buttons: its outbox message id.</summary>
    public static string MessageKey(long outboxId) => MessagePrefix + outboxId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The outbox message id in a <see cref="ReplyKey"/> or <see cref="MessageKey"/>; null for queue cards and emulator answers.</summary>
    public static long? OutboxIdOf(string key)
    {
        var at = key.IndexOf(':', StringComparison.Ordinal);
        return at > 0 && long.TryParse(key.AsSpan(at + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    /// <summary>The ticket's copies on <paramref name="platform"/>, newest first, at most <see cref="MaxCopiesPerChange"/>.</summary>
    public async Task<IReadOnlyList<ChatMessageRow>> ListAsync(long ticketNumber, string platform, CancellationToken ct = default) =>
        await db.ChatMessages.AsNoTracking().Where(m => m.TicketNumber == ticketNumber && m.Platform == platform)
            .OrderByDescending(m => m.UpdatedAt).ThenBy(m => m.Channel).Take(MaxCopiesPerChange).ToListAsync(ct);

    /// <summary>Records (or moves) a copy; safe when two dispatchers race.</summary>
    public Task RecordAsync(ChatMessageRow copy, CancellationToken ct = default) => outbox.UpsertChatMessageAsync(copy, ct);

    /// <summary>A copy was edited: it shows ticket version <paramref name="version"/> and <paramref name="actions"/> now (messages; null for cards).</summary>
    public Task ShownAsync(ChatMessageRow copy, int version, string? actions, DateTimeOffset now, CancellationToken ct = default) => gate.RunAsync(() =>
        db.ChatMessages.Where(m => m.TicketNumber == copy.TicketNumber && m.Platform == copy.Platform && m.Channel == copy.Channel)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Actions, actions).SetProperty(m => m.ShownVersion, version).SetProperty(m => m.UpdatedAt, now), ct), ct);

    /// <summary>Stops keeping a copy up to date (it shows no buttons any more, or it is gone from the platform).</summary>
    public Task ForgetAsync(ChatMessageRow copy, CancellationToken ct = default) => gate.RunAsync(() =>
        db.ChatMessages.Where(m => m.TicketNumber == copy.TicketNumber && m.Platform == copy.Platform && m.Channel == copy.Channel)
            .ExecuteDeleteAsync(ct), ct);

    /// <summary>The outbox message a reply or message copy was posted from (its words, buttons and audience), or null.</summary>
    public Task<OutboxMessage?> OriginalAsync(long outboxId, CancellationToken ct = default) =>
        db.OutboxMessages.AsNoTracking().SingleOrDefaultAsync(o => o.Id == outboxId, ct);

    /// <summary>The stored form of a list of action ids.</summary>
    public static string Join(IEnumerable<string> actions) => string.Join(',', actions);
}
