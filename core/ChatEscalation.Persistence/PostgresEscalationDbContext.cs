using ChatEscalation.Persistence.Knowledge;
using ChatEscalation.Persistence.Rows;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace ChatEscalation.Persistence;

/// <summary>The PostgreSQL flavour of <see cref="EscalationDbContext"/>; its migrations live in Migrations/Postgres.</summary>
/// <remarks>
/// Tickets and knowledge articles carry a stored, generated <c>tsvector</c> column (English configuration; title weighted A, the fix
/// or article B, the description C) with a GIN index, which <see cref="PostgresKnowledgeSearch"/> queries.
/// </remarks>
public sealed class PostgresEscalationDbContext(DbContextOptions<PostgresEscalationDbContext> options) : EscalationDbContext(options)
{
    /// <summary>The shadow column holding each row's search vector.</summary>
    public const string SearchVector = "SearchVector";

    public override bool SupportsRowLocks => true;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        var tickets = modelBuilder.Entity<TicketRow>();
        tickets.Property<NpgsqlTsVector>(SearchVector).HasComputedColumnSql(
            """setweight(to_tsvector('english', coalesce("Title", '')), 'A') || setweight(to_tsvector('english', coalesce("Resolution", '')), 'B') || setweight(to_tsvector('english', coalesce("Description", '')), 'C')""",
            stored: true);
        tickets.HasIndex(SearchVector).HasMethod("GIN");
        var articles = modelBuilder.Entity<KnowledgeArticle>();
        articles.Property<NpgsqlTsVector>(SearchVector).HasComputedColumnSql(
            """setweight(to_tsvector('english', coalesce("Title", '')), 'A') || setweight(to_tsvector('english', coalesce("Body", '')), 'B')""",
            stored: true);
        articles.HasIndex(SearchVector).HasMethod("GIN");
        // The outbox poll in Id order through the messages still to send, stopping after the first n due ones. Without it PostgreSQL 15
        // walked the primary key from the first message ever written; SQLite reads the State index in Id order and needs no such index.
        modelBuilder.Entity<OutboxMessage>().HasIndex(o => o.Id, "IX_OutboxMessages_Unsent").HasFilter(OutboxMessage.UnsentFilter);
    }
}
