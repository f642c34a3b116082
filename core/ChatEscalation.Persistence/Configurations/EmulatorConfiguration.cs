using ChatEscalation.Persistence.Rows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatEscalation.Persistence.Configurations;

/// <summary>The local emulator's tables: its chat history and its demo clock.</summary>
internal sealed class EmulatorConfiguration : IEntityTypeConfiguration<EmulatorMessageRow>, IEntityTypeConfiguration<DemoClockRow>
{
    public void Configure(EntityTypeBuilder<EmulatorMessageRow> b)
    {
        b.ToTable("EmulatorMessages");
        b.HasKey(m => m.Id);
        // Never reuse an id, even the highest one once trimmed: card references point at messages by id.
        b.Property(m => m.Id).ValueGeneratedOnAdd().HasAnnotation("Sqlite:Autoincrement", true);
        b.Property(m => m.ChannelId).HasMaxLength(400);
        b.Property(m => m.Kind).HasMaxLength(16);
        b.Property(m => m.AuthorKey).HasMaxLength(320);
        b.HasIndex(m => new { m.ChannelId, m.Id });
    }

    public void Configure(EntityTypeBuilder<DemoClockRow> b)
    {
        b.ToTable("DemoClock");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
    }
}
