using System.ComponentModel.DataAnnotations;

namespace ChatEscalation.Bot.Scheduling;

/// <summary>The <c>Scheduler</c> section: whether Coravel runs the jobs, and how often.</summary>
public sealed class SchedulerOptions
{
    /// <summary>False in tests that drive time with a fake clock and call <see cref="IEscalationRunner"/> themselves.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Seconds between sweeps of due deadlines (5–59: Coravel's second-level schedule). Default 30.</summary>
    [Range(5, 59, ErrorMessage = "Scheduler:SweepEverySeconds must be between 5 and 59 (Coravel schedules 1–59 s).")]
    public int SweepEverySeconds { get; set; } = 30;

    /// <summary>Seconds between outbox passes when nothing woke the dispatcher (1–59). Default 5.</summary>
    [Range(1, 59, ErrorMessage = "Scheduler:DispatchEverySeconds must be between 1 and 59 (Coravel schedules 1–59 s).")]
    public int DispatchEverySeconds { get; set; } = 5;

    /// <summary>How long request receipts (de-duplication of platform redeliveries and replays) are kept. Default 1 day; at least 10 minutes.</summary>
    [Range(typeof(TimeSpan), "00:10:00", "30.00:00:00", ErrorMessage = "Scheduler:KeepReceiptsFor must be between 10 minutes and 30 days.")]
    public TimeSpan KeepReceiptsFor { get; set; } = TimeSpan.FromDays(1);
}
