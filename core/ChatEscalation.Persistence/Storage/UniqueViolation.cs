using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ChatEscalation.Persistence.Storage;

/// <summary>Recognises a primary-key or unique-index violation on SQLite and PostgreSQL.</summary>
public static class UniqueViolation
{
    private const int SqliteConstraint = 19;
    private const string PostgresUniqueViolation = "23505";

    public static bool Is(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException e => e.SqliteErrorCode == SqliteConstraint,
        PostgresException e => e.SqlState == PostgresUniqueViolation,
        _ => false,
    };
}
