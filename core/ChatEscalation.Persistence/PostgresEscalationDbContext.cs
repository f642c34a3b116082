using Microsoft.EntityFrameworkCore;

namespace ChatEscalation.Persistence;

/// <summary>The PostgreSQL flavour of <see cref="EscalationDbContext"/>; its migrations live in Migrations/Postgres.</summary>
public sealed class PostgresEscalationDbContext(DbContextOptions<PostgresEscalationDbContext> options) : EscalationDbContext(options)
{
    public override bool SupportsRowLocks => true;
}
