using ChatEscalation.Persistence.Rows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatEscalation.Persistence.Configurations;

/// <summary>The small keyed tables: inbound de-duplication, card references, knowledge drafts, user caches, counters.</summary>
internal sealed class SmallTablesConfiguration :
    IEntityTypeConfiguration<InboundEvent>,
    IEntityTypeConfiguration<ChatMessageRow>,
    IEntityTypeConfiguration<KnowledgeArticle>,
    IEntityTypeConfiguration<PlatformUser>,
    IEntityTypeConfiguration<ConversationReferenceRow>,
    IEntityTypeConfiguration<Counter>
{
    public void Configure(EntityTypeBuilder<InboundEvent> b)
    {
        b.ToTable("InboundEvents");
        b.HasKey(e => new { e.Platform, e.EventId });
        b.Property(e => e.Platform).HasMaxLength(16);
        b.Property(e => e.EventId).HasMaxLength(200);
        b.HasIndex(e => e.ReceivedAt);
    }

    public void Configure(EntityTypeBuilder<ChatMessageRow> b)
    {
        b.ToTable("ChatMessages");
        b.HasKey(m => new { m.TicketNumber, m.Platform, m.Channel });
        b.Property(m => m.Platform).HasMaxLength(16);
        b.Property(m => m.Channel).HasMaxLength(400);
    }

    public void Configure(EntityTypeBuilder<KnowledgeArticle> b)
    {
        b.ToTable("KnowledgeArticles");
        b.HasKey(k => k.Id);
        b.Property(k => k.Id).ValueGeneratedOnAdd();
        b.HasIndex(k => k.TicketNumber);
        b.HasIndex(k => k.Category);
        b.HasIndex(k => new { k.Status, k.TicketNumber });
        b.Property(k => k.ReviewedByKey).HasMaxLength(320);
    }

    public void Configure(EntityTypeBuilder<PlatformUser> b)
    {
        b.ToTable("PlatformUsers");
        b.HasKey(u => new { u.Platform, u.PlatformUserId });
        b.Property(u => u.Platform).HasMaxLength(16);
        b.Property(u => u.PlatformUserId).HasMaxLength(200);
        b.HasIndex(u => u.Email);
    }

    public void Configure(EntityTypeBuilder<ConversationReferenceRow> b)
    {
        b.ToTable("ConversationReferences");
        b.HasKey(r => new { r.Platform, r.Key });
        b.Property(r => r.Platform).HasMaxLength(16);
        b.Property(r => r.Key).HasMaxLength(400);
    }

    public void Configure(EntityTypeBuilder<Counter> b)
    {
        b.ToTable("Counters");
        b.HasKey(c => c.Name);
        b.Property(c => c.Name).HasMaxLength(50);
        b.Property(c => c.Value).IsConcurrencyToken();
        b.HasData(new Counter { Name = Counter.Tickets, Value = 0 });
    }
}
