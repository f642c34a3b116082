namespace ChatEscalation.Bot.Dashboard;

/// <summary>After-hours paging: pages sent, pages acknowledged, and how long acknowledging took (from the first page of each run to its acknowledgement).</summary>
public sealed record PageStats(int Pages, int Acknowledged, TimeSpan? AverageToAcknowledge, TimeSpan? LongestToAcknowledge);
