namespace ChatEscalation.Bot.Hosting.Health;

/// <summary>Tags that sort the health checks into the endpoints.</summary>
public static class HealthTags
{
    /// <summary>Checks <c>/healthz/ready</c> runs: everything the bot needs to take traffic.</summary>
    public const string Ready = "ready";
}
