namespace ChatEscalation.Bot.Dashboard;

/// <summary>
/// After-hours paging: pages sent (re-pages included), runs of paging (from a first page until it is acknowledged or ends), runs
/// acknowledged, and how long acknowledging took (from the first page of a run to its acknowledgement).
/// </summary>
public sealed record PageStats(int Pages, int Runs, int Acknowledged, TimeSpan? AverageToAcknowledge, TimeSpan? LongestToAcknowledge)
{
    /// <summary>Runs acknowledged ÷ runs, 0–1; null when nobody was paged.</summary>
    public double? AcknowledgedRate => Runs == 0 ? null : (double)Acknowledged / Runs;
}
