using System.Text;

namespace ChatEscalation.Bot.Dashboard;

/// <summary>
/// The summary export (the second file beside the per-ticket <see cref="TicketCsv"/>): the dashboard's figures as one table,
/// <c>section,key,subkey,value</c>, one figure per line.
/// </summary>
public static class DashboardCsv
{
    public static string Write(EscalationFigures f)
    {
        var sb = new StringBuilder("section,key,subkey,value\r\n");
        void Row(string section, string key, string subkey, string value) => sb.Line(section, key, subkey, value);
        string N(int v) => CsvText.Number(v);
        string Rate(double? r) => r is { } v ? CsvText.Number(v) : "";
        string H(TimeSpan t) => CsvText.Number(Math.Round(t.TotalHours, 2));

        Row("summary", "computed_at", "", CsvText.Time(f.At));
        Row("summary", "range_from", "", CsvText.Time(f.Range.From));
        Row("summary", "range_to", "", CsvText.Time(f.Range.To));
        Row("summary", "open_tickets", "", N(f.OpenTickets));
        Row("summary", "raised", "", N(f.Raised));
        Row("summary", "raised_and_escalated", "", N(f.RaisedAndEscalated));
        Row("summary", "escalation_rate", "", Rate(f.EscalationRate));
        foreach (var o in f.OpenByTierAndSla) Row("open_by_tier_sla", $"tier {o.Tier}", o.Sla.ToString(), N(o.Count));
        foreach (var c in f.ByCategory)
        {
            Row("escalations_by_category", c.Category, "manual", N(c.Manual));
            Row("escalations_by_category", c.Category, "automatic", N(c.Automatic));
        }
        foreach (var t in f.ByTechnician)
        {
            Row("escalations_by_technician", t.Key, t.Name, N(t.Count));
            Row("resolutions_by_technician", t.Key, t.Name, N(t.Resolved));
        }
        Row("escalations_by_technician", "system", "automatic", N(f.AutomaticEscalations));
        foreach (var l in f.Load) Row("open_owned_now", l.Key, l.Name, N(l.Open));
        foreach (var r in f.Repeats) Row("repeat_escalations", r.Key, r.Reason, $"T{r.FromTier}->T{r.ToTier}");
        Row("first_contact_resolution", "resolved", "", N(f.FirstContact.Resolved));
        Row("first_contact_resolution", "resolved_at_tier1_without_escalation", "", N(f.FirstContact.ResolvedAtTier1WithoutEscalation));
        Row("first_contact_resolution", "rate", f.FirstContact.Band, Rate(f.FirstContact.Rate));
        foreach (var p in f.SlaCompliance)
        {
            Row("sla_compliance", p.Priority.ToString(), "resolved", N(p.Resolved));
            Row("sla_compliance", p.Priority.ToString(), "met", N(p.Met));
            Row("sla_compliance", p.Priority.ToString(), "open_breached", N(p.OpenBreached));
            Row("sla_compliance", p.Priority.ToString(), "rate", Rate(p.Rate));
        }
        foreach (var t in f.TimeInTier)
        {
            Row("time_in_tier_hours", $"tier {t.Tier}", "total", H(t.Total));
            Row("time_in_tier_hours", $"tier {t.Tier}", "average_per_ticket", H(t.AveragePerTicket));
        }
        Row("pages", "sent", "", N(f.Pages.Pages));
        Row("pages", "runs", "", N(f.Pages.Runs));
        Row("pages", "acknowledged", "", N(f.Pages.Acknowledged));
        Row("pages", "acknowledged_rate", "", Rate(f.Pages.AcknowledgedRate));
        Row("pages", "average_minutes_to_acknowledge", "", f.Pages.AverageToAcknowledge is { } a ? CsvText.Number(Math.Round(a.TotalMinutes, 1)) : "");
        foreach (var w in f.Weeks)
        {
            var week = w.WeekStart.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            Row("weekly", week, "raised", N(w.Raised));
            Row("weekly", week, "escalations", N(w.Escalations));
            Row("weekly", week, "first_contact_rate", Rate(w.FirstContactRate));
        }
        foreach (var m in f.Parked) Row(m.Unconfirmed ? "unconfirmed_outbox" : "parked_outbox", CsvText.Number(m.Id), $"{m.Platform} {m.Audience}", m.LastError ?? "");
        return sb.ToString();
    }
}
