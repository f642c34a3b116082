namespace ChatEscalation.Bot.Dashboard;

/// <summary>The figures as the page reads them (JSON): counts with their rates, durations in minutes for the browser to write out.</summary>
public static class DashboardView
{
    public static object Of(EscalationFigures f) => new
    {
        f.At,
        range = new { from = f.Range.From, to = f.Range.To },
        f.OpenTickets,
        openByTierAndSla = f.OpenByTierAndSla,
        f.Raised,
        f.RaisedAndEscalated,
        f.EscalationRate,
        byCategory = f.ByCategory,
        byTechnician = f.ByTechnician,
        f.AutomaticEscalations,
        load = f.Load,
        repeats = f.Repeats,
        firstContact = new { f.FirstContact.Resolved, f.FirstContact.ResolvedAtTier1WithoutEscalation, f.FirstContact.Rate, f.FirstContact.Band, low = FirstContactResolution.TargetLow, high = FirstContactResolution.TargetHigh },
        slaCompliance = f.SlaCompliance.Select(p => new { p.Priority, p.Resolved, p.Met, p.OpenBreached, p.Counted, p.Rate }),
        timeInTier = f.TimeInTier.Select(t => new { t.Tier, t.TierName, t.Tickets, totalMinutes = Math.Round(t.Total.TotalMinutes), averageMinutes = Math.Round(t.AveragePerTicket.TotalMinutes) }),
        pages = new { f.Pages.Pages, f.Pages.Runs, f.Pages.Acknowledged, f.Pages.AcknowledgedRate, averageMinutes = f.Pages.AverageToAcknowledge?.TotalMinutes, longestMinutes = f.Pages.LongestToAcknowledge?.TotalMinutes },
        weeks = f.Weeks.Select(w => new { weekStart = w.WeekStart.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), w.Raised, w.Escalations, w.Resolved, w.ResolvedAtFirstContact, w.FirstContactRate }),
        parked = f.Parked,
        knowledge = new
        {
            f.Knowledge.Raised, f.Knowledge.TicketsOffered, f.Knowledge.SuggestionsShown, f.Knowledge.SuggestionsUsed, f.Knowledge.DeflectionRate,
            withSuggestions = new { f.Knowledge.WithSuggestions.Resolved, f.Knowledge.WithSuggestions.ResolvedAtTier1WithoutEscalation, f.Knowledge.WithSuggestions.Rate, f.Knowledge.WithSuggestions.Band },
            withoutSuggestions = new { f.Knowledge.WithoutSuggestions.Resolved, f.Knowledge.WithoutSuggestions.ResolvedAtTier1WithoutEscalation, f.Knowledge.WithoutSuggestions.Rate, f.Knowledge.WithoutSuggestions.Band },
        },
        majorIncidents = f.MajorIncidents,
    };
}
