namespace ChatEscalation.Persistence.Rows;

/// <summary>A platform event id already handled; its primary key makes a platform's retry a duplicate.</summary>
public sealed class InboundEvent
{
    public string Platform { get; set; } = "";
    public string EventId { get; set; } = "";
    public DateTimeOffset ReceivedAt { get; set; }
}
