using ChatEscalation.Persistence.Knowledge;
using ChatEscalation.Persistence.Rows;
using Microsoft.EntityFrameworkCore;

namespace ChatEscalation.Persistence;

/// <summary>The SQLite flavour of <see cref="EscalationDbContext"/> (the default); its migrations live in Migrations/Sqlite.</summary>
/// <remarks>
/// Tickets and knowledge articles feed FTS5 tables through AFTER triggers (<see cref="SqliteSearchSchema"/>); SQLite refuses
/// <c>RETURNING</c> on tables with such triggers, so EF saves those two without it.
/// </remarks>
public sealed class SqliteEscalationDbContext(DbContextOptions<SqliteEscalationDbContext> options) : EscalationDbContext(options)
{
    public override bool SupportsRowLocks => false;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<TicketRow>().ToTable(t => t.UseSqlReturningClause(false));
        modelBuilder.Entity<KnowledgeArticle>().ToTable(t => t.UseSqlReturningClause(false));
    }
}
