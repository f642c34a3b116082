namespace ChatEscalation.Bench;

/// <summary>The instants of the benchmark's desk: Monday 12 January 2026 in London (GMT, so UTC), inside business hours.</summary>
/// <remarks>
/// The due tickets are P3s raised at 09:00 and still unaccepted: their acceptance timeout (4 business hours) fell due at 13:00.
/// The other open tickets are P3s raised at 13:00: nothing of theirs falls due before 17:00. The sweep runs at 13:30.
/// </remarks>
public static class BenchScenario
{
    public static readonly DateTimeOffset DueRaisedAt = new(2026, 1, 12, 9, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset OpenRaisedAt = new(2026, 1, 12, 13, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset SweepAt = new(2026, 1, 12, 13, 30, 0, TimeSpan.Zero);

    /// <summary>The title of every ticket: a hardware P3 routed to Tier 1.</summary>
    public const string Title = "Printer jams on every page";

    /// <summary>The sweep's batch size in the host (<c>EscalationRunner</c>).</summary>
    public const int SweepBatch = 500;
}
