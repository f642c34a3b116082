namespace ChatEscalation.Bot.Local;

/// <summary>The <c>Local</c> configuration section.</summary>
public sealed class LocalOptions
{
    /// <summary>Serve the emulator page and register the <c>local</c> sender. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Register the <see cref="DemoClock"/> as the host's <see cref="TimeProvider"/> and let the page move it. Default false (production clocks do not jump).</summary>
    public bool DemoClock { get; set; }
}
