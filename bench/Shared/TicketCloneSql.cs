using ChatEscalation.Persistence.Rows;

namespace ChatEscalation.Bench.Shared;

/// <summary>
/// SQLite statements that replace every ticket with <c>count</c> clones of template tickets raised through the real workflow: numbered
/// 1 to <c>count</c>, each clone's number written into its JSON state, its deadlines copied from its template's, the ticket counter
/// set. One recursive CTE per table, so a million tickets take well under a minute. Run inside the caller's transaction.
/// </summary>
/// <remarks>Linked into both bench projects (the sweep bench and the full-path seeder), so the clone is written once.</remarks>
internal static class TicketCloneSql
{
    /// <param name="count">How many tickets the database holds afterwards.</param>
    /// <param name="templateNumber">SQL over <c>i</c> (0-based clone index): the number of the template ticket clone <c>i</c> copies.</param>
    /// <param name="dueAt">SQL over <c>i</c> and the template deadline <c>d</c>: the clone's deadline time (<c>d.DueAt</c> to keep it).</param>
    public static string Statements(long count, string templateNumber, string dueAt = "d.DueAt")
    {
        var sequence = $"WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i < {count - 1})";
        return $"""
            CREATE TEMP TABLE TplTickets AS SELECT * FROM Tickets;
            CREATE TEMP TABLE TplDeadlines AS SELECT * FROM Deadlines;
            DELETE FROM Deadlines; DELETE FROM TicketEvents; DELETE FROM OutboxMessages; DELETE FROM Tickets;
            INSERT INTO Tickets (Number, Status, Tier, Priority, Category, OwnerKey, ReporterKey, Origin, RaisedAt, ResolvedAt, ClosedAt,
                                 FirstAcceptedAt, EscalationCount, ReopenCount, IsVip, State, Version, AffectedService, Description,
                                 IntakePending, IsMajorIncident, LastReportAt, ParentNumber, PeopleAffected, Resolution, SelfService, Title,
                                 SourceThreadKey)
            {sequence}
            SELECT 1 + i, t.Status, t.Tier, t.Priority, t.Category, t.OwnerKey, t.ReporterKey, t.Origin, t.RaisedAt, t.ResolvedAt, t.ClosedAt,
                   t.FirstAcceptedAt, t.EscalationCount, t.ReopenCount, t.IsVip,
                   replace(t.State, '"number":' || t.Number || ',', '"number":' || (1 + i) || ','), t.Version, t.AffectedService, t.Description,
                   t.IntakePending, t.IsMajorIncident, t.LastReportAt, t.ParentNumber, t.PeopleAffected, t.Resolution, t.SelfService, t.Title,
                   t.SourceThreadKey
            FROM seq JOIN TplTickets t ON t.Number = {templateNumber};
            INSERT INTO Deadlines (TicketNumber, Kind, DueAt, Tier, ClaimedUntil)
            {sequence}
            SELECT 1 + i, d.Kind, {dueAt}, d.Tier, NULL
            FROM seq JOIN TplDeadlines d ON d.TicketNumber = {templateNumber};
            UPDATE Counters SET Value = {count} WHERE Name = '{Counter.Tickets}';
            """;
    }
}
