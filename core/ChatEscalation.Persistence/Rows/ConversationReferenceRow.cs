namespace ChatEscalation.Persistence.Rows;

/// <summary>What Teams needs to message a person or channel proactively; <see cref="Key"/> is an e-mail or a channel id.</summary>
/// <remarks><see cref="Json"/> keeps the whole conversation reference as received.</remarks>
public sealed class ConversationReferenceRow
{
    public string Platform { get; set; } = "";
    public string Key { get; set; } = "";
    public string ServiceUrl { get; set; } = "";
    public string ConversationId { get; set; } = "";
    public string? TenantId { get; set; }
    public string? BotId { get; set; }
    public string? UserId { get; set; }
    public string? Json { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
