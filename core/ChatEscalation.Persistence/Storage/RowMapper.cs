using ChatEscalation.Core.Deadlines;
using ChatEscalation.Core.Events;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Persistence.Rows;

namespace ChatEscalation.Persistence.Storage;

/// <summary>Converts between core values and rows. A ticket row maps back to a <see cref="Ticket"/> from its JSON state alone.</summary>
public static class RowMapper
{
    public static TicketRow ToRow(Ticket t) => Copy(t, new TicketRow { Number = t.Number });

    /// <summary>Writes the ticket into an existing (tracked) row; the row's Version becomes the ticket's.</summary>
    public static TicketRow Copy(Ticket t, TicketRow row)
    {
        row.Status = t.Status;
        row.Tier = t.Tier;
        row.Priority = t.Priority;
        row.Category = t.Category;
        row.OwnerKey = t.Owner?.Key;
        row.ReporterKey = t.Reporter.Key;
        row.Origin = t.Origin;
        row.RaisedAt = t.RaisedAt;
        row.ResolvedAt = t.ResolvedAt;
        row.ClosedAt = t.ClosedAt;
        row.FirstAcceptedAt = t.FirstAcceptedAt;
        row.EscalationCount = t.EscalationCount;
        row.ReopenCount = t.ReopenCount;
        row.IsVip = t.IsVip;
        row.Title = t.Title;
        row.Description = t.Description;
        row.Resolution = t.Resolution;
        row.AffectedService = t.AffectedService;
        row.ParentNumber = t.ParentNumber;
        row.PeopleAffected = t.AffectedPeople().Count;
        row.LastReportAt = t.Reports.Count == 0 ? t.RaisedAt : t.Reports.Max(r => r.At);
        row.IntakePending = t.Intake == IntakeStage.Searching && t.Status == TicketStatus.Queued;
        row.SelfService = t.SelfService;
        row.IsMajorIncident = t.Major is not null;
        row.SourceThreadKey = t.SourceThread?.Key(t.Origin);
        row.State = TicketJson.Serialize(t);
        row.Version = t.Version;
        return row;
    }

    public static Ticket ToTicket(TicketRow row) => TicketJson.DeserializeTicket(row.State) with { Version = row.Version };

    public static TicketEventRow ToRow(long ticketNumber, TicketEvent e) => new()
    {
        TicketNumber = ticketNumber,
        Kind = e.Kind,
        At = e.At,
        ActorKey = e.Actor.Key,
        ActorName = e.Actor.Name,
        Text = e.Text,
        Tier = e.Tier,
        FromTier = e.FromTier,
        Handoff = TicketJson.Serialize(e.Handoff),
        Note = e.Note,
        Late = e.Late,
    };

    public static TicketEvent ToEvent(TicketEventRow r) =>
        new(r.Kind, r.At, new UserRef(r.ActorKey, r.ActorName), r.Text, r.Tier, r.FromTier, TicketJson.DeserializeHandoff(r.Handoff), r.Note, r.Late);

    public static DeadlineRow ToRow(long ticketNumber, Deadline d) => new() { TicketNumber = ticketNumber, Kind = d.Kind, DueAt = d.DueAt, Tier = d.Tier };
}
