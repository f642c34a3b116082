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
        // The parked and unconfirmed counts (health, gauges) and, on SQLite, the poll: SQLite reads each state of
        // "State IN ('Pending', 'Sending') ORDER BY Id LIMIT n" in Id order and stops after n rows per state, so a poll costs the same
        // with 10 waiting messages or 100,000. (An index on State and NextAttemptAt read the whole backlog and sorted it on every poll.)
        b.HasIndex(o => o.State);
        b.Property(o => o.Lane).HasMaxLength(450);
        b.HasIndex(o => new { o.TicketNumber, o.Platform, o.Id });
        // "Is an older message of this lane still waiting?", asked of every message the poll looks at: only unsent rows are indexed, so
        // a conversation's long history of sent replies is never walked.
        b.HasIndex(o => new { o.Lane, o.Id }).HasFilter(OutboxMessage.UnsentFilter);
        // A reply in the thread under one of the bot's messages (a DM about a ticket, a Teams card) finds that message's ticket.
        b.HasIndex(o => new { o.Platform, o.PlatformMessageId });
    }
}
