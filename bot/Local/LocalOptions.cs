using System.ComponentModel.DataAnnotations;

namespace ChatEscalation.Bot.Local;

/// <summary>The <c>Local</c> configuration section.</summary>
public sealed class LocalOptions
{
    /// <summary>
    /// Serve the emulator page and register the <c>local</c> sender. Default true, but off while Slack or Teams is connected unless set to
    /// true explicitly together with <see cref="AccessToken"/>.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Register the <see cref="DemoClock"/> as the host's <see cref="TimeProvider"/> and let the page move it. Default false (production clocks do not jump).
    /// Ignored while Slack or Teams is connected: the clock is the whole process's, and real tickets, signatures and tokens run on it.
    /// </summary>
    public bool DemoClock { get; set; }

    /// <summary>
    /// Answer the emulator's page and endpoints only on loopback connections (403 otherwise). Default false. Behind a reverse proxy on the
    /// same host every request is a loopback connection, so this is no protection there: <see cref="AccessToken"/> is.
    /// </summary>
    public bool LoopbackOnly { get; set; }

    /// <summary>
    /// How many messages each emulator channel keeps (thread replies included); older ones are deleted from the database as new
    /// ones arrive, so the history a restart brings back stays bounded. Default 500 (10–100000).
    /// </summary>
    [Range(10, 100_000)]
    public int MaxMessagesPerChannel { get; set; } = 500;

    /// <summary>
    /// A secret every emulator request must carry (<see cref="LocalAccessFilter"/>), whatever address it comes from. Required (at least
    /// <see cref="MinimumAccessTokenLength"/> characters) to keep the emulator next to Slack or Teams: it lets anyone act as anybody in the policy.
    /// </summary>
    public string? AccessToken { get; set; }

    /// <summary>The shortest <see cref="AccessToken"/> accepted.</summary>
    public const int MinimumAccessTokenLength = 24;
}
