using ChatEscalation.Persistence.Rows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatEscalation.Persistence.Configurations;

internal sealed class TicketRowConfiguration : IEntityTypeConfiguration<TicketRow>
{
    public void Configure(EntityTypeBuilder<TicketRow> b)
    {
        b.ToTable("Tickets");
        b.HasKey(t => t.Number);
        b.Property(t => t.Number).ValueGeneratedNever();
        b.Property(t => t.Version).IsConcurrencyToken();
        b.Property(t => t.Category).HasMaxLength(100);
        b.Property(t => t.OwnerKey).HasMaxLength(320);
        b.Property(t => t.ReporterKey).HasMaxLength(320);
        b.Property(t => t.Origin).HasMaxLength(16);
        b.HasIndex(t => new { t.Status, t.Tier });
        // A person's open tickets (`mine`): owner or reporter AND status, both in the index, so the lookup stays a search of that
        // person's rows and never falls back to every open ticket (the status index alone) as the table grows.
        b.HasIndex(t => new { t.OwnerKey, t.Status });
        b.HasIndex(t => new { t.ReporterKey, t.Status });
        b.HasIndex(t => t.RaisedAt);
        b.Property(t => t.Title).HasMaxLength(200);
        b.Property(t => t.AffectedService).HasMaxLength(200);
        b.HasIndex(t => t.ParentNumber);
        // The tickets still waiting for their knowledge step: a partial index of those few rows (the flag is true for seconds), so
        // finding them is not a scan of every ticket ever raised ("WHERE IntakePending" cannot use an index on the flag itself).
        b.HasIndex(t => t.Number, "IX_Tickets_IntakePending").HasFilter("\"IntakePending\"");
        b.HasIndex(t => new { t.Status, t.Category, t.LastReportAt });
        // A reply in a channel thread finds the ticket raised from that thread's message.
        b.Property(t => t.SourceThreadKey).HasMaxLength(450);
        b.HasIndex(t => t.SourceThreadKey);
    }
}
