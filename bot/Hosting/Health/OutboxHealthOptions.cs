using System.ComponentModel.DataAnnotations;

namespace ChatEscalation.Bot.Hosting.Health;

/// <summary>Readiness settings of the outbox, bound from the <c>Outbox</c> section.</summary>
public sealed class OutboxHealthOptions
{
    /// <summary><c>Outbox:StaleAfter</c>: readiness fails when the oldest undelivered message is older than this. Default 10 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(10);
}
