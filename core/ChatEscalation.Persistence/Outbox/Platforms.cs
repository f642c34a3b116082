namespace ChatEscalation.Persistence.Outbox;

/// <summary>The chat platforms, as stored in outbox rows, ticket origins and card references.</summary>
public static class Platforms
{
    public const string Slack = "slack";
    public const string Teams = "teams";
    public const string Local = "local";

    public static IReadOnlyList<string> All { get; } = [Slack, Teams, Local];
}
