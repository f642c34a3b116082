namespace ChatEscalation.Persistence.Rows;

/// <summary>The emulator's demo clock, kept so a restart does not send it back to real time (a single row, <see cref="Id"/> 1).</summary>
/// <remarks><see cref="Offset"/> is how far the demo clock runs ahead of the system clock; <see cref="ReadAt"/> the demo time when
/// it was saved, below which the clock never goes again.</remarks>
public sealed class DemoClockRow
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public TimeSpan Offset { get; set; }
    public DateTimeOffset ReadAt { get; set; }
}
