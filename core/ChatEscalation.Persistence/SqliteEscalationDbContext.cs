using Microsoft.EntityFrameworkCore;

namespace ChatEscalation.Persistence;

/// <summary>The SQLite flavour of <see cref="EscalationDbContext"/> (the default); its migrations live in Migrations/Sqlite.</summary>
public sealed class SqliteEscalationDbContext(DbContextOptions<SqliteEscalationDbContext> options) : EscalationDbContext(options)
{
    public override bool SupportsRowLocks => false;
}
