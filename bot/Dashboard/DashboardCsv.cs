using System.Globalization;
using System.Text;

namespace ChatEscalation.Bot.Dashboard;

/// <summary>The dashboard's figures as one CSV table: <c>section,key,subkey,value</c>, one figure per line (RFC 4180 quoting).</summary>
public static class DashboardCsv
{
    public static string Write(EscalationFigures f)
    {
        var sb = new StringBuilder("section,key,subkey,value\r\n");
        void Row(string section, string key, string subkey, string value) =>
            sb.Append(Quote(section)).Append(',').Append(Quote(key)).Append(',').Append(Quote(subkey)).Append(',').Append(Quote(value)).Append("\r\n");
        string N(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
        string H(TimeSpan t) => N(Math.Round(t.TotalHours, 2));

        Row("summary", "computed_at", "", f.At.ToString("O", CultureInfo.InvariantCulture));
        Row("summary", "open_tickets", "", f.OpenTickets.ToString(CultureInfo.InvariantCulture));
        foreach (var o in f.OpenByTierAndSla) Row("open_by_tier_sla", $"tier {o.Tier}", o.Sla.ToString(), o.Count.ToString(CultureInfo.InvariantCulture));
        foreach (var c in f.ByCategory)
        {
            Row("escalations_by_category", c.Category, "manual", c.Manual.ToString(CultureInfo.InvariantCulture));
            Row("escalations_by_category", c.Category, "automatic", c.Automatic.ToString(CultureInfo.InvariantCulture));
        }
        foreach (var t in f.ByTechnician) Row("escalations_by_technician", t.Key, t.Name, t.Count.ToString(CultureInfo.InvariantCulture));
        Row("escalations_by_technician", "system", "automatic", f.AutomaticEscalations.ToString(CultureInfo.InvariantCulture));
        foreach (var r in f.Repeats) Row("repeat_escalations", r.Key, r.Reason, $"T{r.FromTier}->T{r.ToTier}");
        Row("first_contact_resolution", "resolved", "", f.FirstContact.Resolved.ToString(CultureInfo.InvariantCulture));
        Row("first_contact_resolution", "resolved_at_tier1_without_escalation", "", f.FirstContact.ResolvedAtTier1WithoutEscalation.ToString(CultureInfo.InvariantCulture));
        Row("first_contact_resolution", "rate", f.FirstContact.Band, f.FirstContact.Rate is { } rate ? N(rate) : "");
        foreach (var p in f.SlaCompliance)
        {
            Row("sla_compliance", p.Priority.ToString(), "resolved", p.Resolved.ToString(CultureInfo.InvariantCulture));
            Row("sla_compliance", p.Priority.ToString(), "met", p.Met.ToString(CultureInfo.InvariantCulture));
            Row("sla_compliance", p.Priority.ToString(), "rate", p.Rate is { } r ? N(r) : "");
        }
        foreach (var t in f.TimeInTier)
        {
            Row("time_in_tier_hours", $"tier {t.Tier}", "total", H(t.Total));
            Row("time_in_tier_hours", $"tier {t.Tier}", "average_per_ticket", H(t.AveragePerTicket));
        }
        Row("pages", "sent", "", f.Pages.Pages.ToString(CultureInfo.InvariantCulture));
        Row("pages", "acknowledged", "", f.Pages.Acknowledged.ToString(CultureInfo.InvariantCulture));
        Row("pages", "average_minutes_to_acknowledge", "", f.Pages.AverageToAcknowledge is { } a ? N(Math.Round(a.TotalMinutes, 1)) : "");
        foreach (var m in f.Parked) Row("parked_outbox", m.Id.ToString(CultureInfo.InvariantCulture), $"{m.Platform} {m.Audience}", m.LastError ?? "");
        return sb.ToString();
    }

    private static string Quote(string value)
    {
        var safe = value.Length > 0 && "=+-@".Contains(value[0]) && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? "'" + value : value;
        return safe.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + safe.Replace("\"", "\"\"") + "\"" : safe;
    }
}
