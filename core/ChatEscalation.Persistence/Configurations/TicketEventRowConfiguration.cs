using ChatEscalation.Persistence.Rows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatEscalation.Persistence.Configurations;

internal sealed class TicketEventRowConfiguration : IEntityTypeConfiguration<TicketEventRow>
{
    public void Configure(EntityTypeBuilder<TicketEventRow> b)
    {
        b.ToTable("TicketEvents");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedOnAdd();
        b.HasIndex(e => new { e.TicketNumber, e.Id });
        b.HasIndex(e => new { e.Kind, e.At });
    }
}
