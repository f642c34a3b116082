namespace ChatEscalation.Core.Incidents;

/// <summary>An open ticket the search found for a new report: a candidate for "me too".</summary>
/// <param name="People">Distinct people affected so far (its reporter and every linked report).</param>
/// <param name="LastReportAt">When it was raised or last got a linked report.</param>
public sealed record SimilarTicket(long Number, string Title, string Category, string? AffectedService, int People, DateTimeOffset LastReportAt);
