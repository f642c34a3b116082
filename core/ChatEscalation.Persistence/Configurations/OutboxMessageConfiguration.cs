using ChatEscalation.Persistence.Rows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatEscalation.Persistence.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("OutboxMessages");
        b.HasKey(o => o.Id);
        b.Property(o => o.Id).ValueGeneratedOnAdd();
        b.Property(o => o.Platform).HasMaxLength(16);
        b.Property(o => o.Audience).HasMaxLength(400);
        b.Property(o => o.IdempotencyKey).HasMaxLength(200);
        b.Property(o => o.TraceParent).HasMaxLength(64);
        b.HasIndex(o => o.IdempotencyKey).IsUnique();
        b.HasIndex(o => new { o.State, o.NextAttemptAt });
        b.Property(o => o.Lane).HasMaxLength(450);
        b.HasIndex(o => new { o.TicketNumber, o.Platform, o.Id });
        b.HasIndex(o => new { o.Lane, o.Id });
        // A reply in the thread under one of the bot's messages (a DM about a ticket, a Teams card) finds that message's ticket.
        b.HasIndex(o => new { o.Platform, o.PlatformMessageId });
    }
}
