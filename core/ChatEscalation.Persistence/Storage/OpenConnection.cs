using Microsoft.EntityFrameworkCore;

namespace ChatEscalation.Persistence.Storage;

/// <summary>
/// Keeps a context's connection open for a stretch of work, so its many small reads and writes share one open: on SQLite every open
/// and close registers and removes EF's SQL functions on the native connection again (opening and closing were 6 % of an Accept's
/// samples, and a dispatch pass delivering an Accept's messages opened it 32 times). Holds no transaction, so nothing is locked.
/// </summary>
public sealed class OpenConnection : IAsyncDisposable
{
    private readonly EscalationDbContext db;

    private OpenConnection(EscalationDbContext db) => this.db = db;

    /// <summary>Opens <paramref name="db"/>'s connection (or counts one more use of it, already open) until the result is disposed.</summary>
    public static async Task<OpenConnection> HoldAsync(EscalationDbContext db, CancellationToken ct = default)
    {
        await db.Database.OpenConnectionAsync(ct);
        return new OpenConnection(db);
    }

    public async ValueTask DisposeAsync() => await db.Database.CloseConnectionAsync();
}
