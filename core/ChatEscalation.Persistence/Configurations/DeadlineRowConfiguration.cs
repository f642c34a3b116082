using ChatEscalation.Persistence.Rows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatEscalation.Persistence.Configurations;

internal sealed class DeadlineRowConfiguration : IEntityTypeConfiguration<DeadlineRow>
{
    public void Configure(EntityTypeBuilder<DeadlineRow> b)
    {
        b.ToTable("Deadlines");
        b.HasKey(d => d.Id);
        b.Property(d => d.Id).ValueGeneratedOnAdd();
        b.HasIndex(d => d.DueAt);
        b.HasIndex(d => d.TicketNumber);
    }
}
