namespace ChatEscalation.Persistence.Knowledge;

/// <summary>One row a search query returns (both providers alias their columns to these names); instants as UTC ticks.</summary>
internal sealed class SearchRow
{
    public string Source { get; set; } = "";
    public long Reference { get; set; }
    public string Title { get; set; } = "";
    public string? Body { get; set; }
    public long SourceTicket { get; set; }
    public string? Category { get; set; }
    public string? Service { get; set; }
    public int People { get; set; }
    public long LastReportTicks { get; set; }
    public double Score { get; set; }
}
