namespace ChatEscalation.Persistence.Rows;

/// <summary>Cache of a Slack or Teams user id → e-mail and display name.</summary>
public sealed class PlatformUser
{
    public string Platform { get; set; } = "";
    public string PlatformUserId { get; set; } = "";
    public string? Email { get; set; }
    public string Name { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
}
