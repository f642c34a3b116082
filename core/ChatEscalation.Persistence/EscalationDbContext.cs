using ChatEscalation.Persistence.Rows;
using ChatEscalation.Persistence.Storage;
using Microsoft.EntityFrameworkCore;

namespace ChatEscalation.Persistence;

/// <summary>The escalation database: tickets (state as JSON plus queryable columns), audit events, deadlines, outbox, platform caches, and the local emulator's history and clock.</summary>
/// <remarks>
/// Instants are stored as UTC ticks and durations as ticks; enums as strings. Use the provider-specific
/// <see cref="SqliteEscalationDbContext"/> or <see cref="PostgresEscalationDbContext"/>, which own the migrations.
/// </remarks>
public abstract class EscalationDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<TicketRow> Tickets => Set<TicketRow>();
    public DbSet<TicketEventRow> TicketEvents => Set<TicketEventRow>();
    public DbSet<DeadlineRow> Deadlines => Set<DeadlineRow>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboundEvent> InboundEvents => Set<InboundEvent>();
    public DbSet<ChatMessageRow> ChatMessages => Set<ChatMessageRow>();
    public DbSet<KnowledgeArticle> KnowledgeArticles => Set<KnowledgeArticle>();
    public DbSet<PlatformUser> PlatformUsers => Set<PlatformUser>();
    public DbSet<ConversationReferenceRow> ConversationReferences => Set<ConversationReferenceRow>();
    public DbSet<Counter> Counters => Set<Counter>();
    public DbSet<EmulatorMessageRow> EmulatorMessages => Set<EmulatorMessageRow>();
    public DbSet<DemoClockRow> DemoClock => Set<DemoClockRow>();

    /// <summary>True on PostgreSQL, where the sweeper claims rows with <c>FOR UPDATE SKIP LOCKED</c> instead of a lease.</summary>
    public abstract bool SupportsRowLocks { get; }

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        builder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        builder.Properties<TimeSpan>().HaveConversion<TimeSpanTicksConverter>();
        builder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(EscalationDbContext).Assembly);
}
