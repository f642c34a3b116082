using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ChatEscalation.Persistence.Storage;

/// <summary>Turns on WAL (readers never block the writer) and a busy timeout on every SQLite connection as it opens.</summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    /// <summary>How long a writer waits for the lock before SQLite gives up.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    private static readonly string Sql = $"PRAGMA journal_mode=WAL; PRAGMA busy_timeout={(int)BusyTimeout.TotalMilliseconds}; PRAGMA synchronous=NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
