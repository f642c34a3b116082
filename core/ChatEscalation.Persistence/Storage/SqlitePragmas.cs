using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ChatEscalation.Persistence.Storage;

/// <summary>Turns on WAL (readers never block the writer), a busy timeout, full syncing and in-memory temporary storage on every SQLite connection as it opens.</summary>
/// <remarks>
/// <para><c>synchronous=FULL</c>: a commit returns only once its WAL frames are on disk, so work whose acknowledgement the platform has
/// received (a receipt commits with its work, then the answer goes out) survives a power loss or an operating-system crash, not only a
/// crash of the process (which <c>NORMAL</c> would already survive). Its cost is one disk sync per commit, which the group-commit writer
/// shares among every request of a batch.</para>
/// <para><c>temp_store=MEMORY</c>: the group-commit writer wraps each request of a batch in a savepoint, and SQLite keeps the original of
/// every page a savepoint changes in a statement journal so that one request can be rolled back alone. On a file, the default, that
/// journal spilled to a temporary file after 64 KiB: under load about 12.6 writes to a deleted file per Accept, four out of five of the
/// bot's file writes (the WAL took 2.7 per Accept). In memory it is a copy, dropped at the commit; nothing in it has to survive a
/// crash, since the transaction it belongs to does not either.</para>
/// <para>Microsoft.Data.Sqlite pools native connections, and the settings stay with the native connection: they are set once per native
/// connection (remembered by its handle), not on every logical open.</para>
/// </remarks>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    private static readonly ConditionalWeakTable<object, object> Configured = new();

    /// <summary>How long a writer waits for the lock before SQLite gives up.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    private static readonly string Sql = $"PRAGMA journal_mode=WAL; PRAGMA busy_timeout={(int)BusyTimeout.TotalMilliseconds}; PRAGMA synchronous=FULL; PRAGMA temp_store=MEMORY;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!FirstOpen(connection)) return;
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!FirstOpen(connection)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>True the first time this native connection is seen (always true for a connection that is not SQLite's).</summary>
    private static bool FirstOpen(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || Configured.TryAdd(handle, handle);
}
