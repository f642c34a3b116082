namespace ChatEscalation.Persistence.Rows;

/// <summary>A named counter (ticket numbers); <see cref="Value"/> is the last number handed out and a concurrency token.</summary>
public sealed class Counter
{
    public const string Tickets = "tickets";

    public string Name { get; set; } = "";
    public long Value { get; set; }
}
