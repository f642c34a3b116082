using System.ComponentModel.DataAnnotations;

namespace ChatEscalation.Bot.Scheduling;

/// <summary>The <c>Scheduler</c> section: whether Coravel runs the jobs, and how often.</summary>
public sealed class SchedulerOptions
{
    /// <summary>False in tests that drive time with a fake clock and call <see cref="IEscalationRunner"/> themselves.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Seconds between sweeps of due deadlines. Default 30.</summary>
    [Range(5, 3600)]
    public int SweepEverySeconds { get; set; } = 30;

    /// <summary>Seconds between outbox passes when nothing woke the dispatcher. Default 5.</summary>
    [Range(1, 600)]
    public int DispatchEverySeconds { get; set; } = 5;
}
