using System.Globalization;
using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Events;
using ChatEscalation.Core.Incidents;
using ChatEscalation.Core.Knowledge;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Policy;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Engine;

public static partial class EscalationEngine
{
    /// <summary>Most suggestions offered for one ticket.</summary>
    public const int MaxSuggestions = 3;

    /// <summary>
    /// The knowledge step: up to <see cref="MaxSuggestions"/> relevant suggestions go to the reporter ("This fixed it" / "Still broken")
    /// and onto the card; then, if an open ticket of the same category (and service) about the same thing got a report within the
    /// major-incident window, the reporter is asked "Same problem?" and the card waits for the answer (at most
    /// <see cref="MajorIncidentPolicy.AskFor"/>); otherwise the card goes to the queue now. Only while the ticket waits for this step.
    /// </summary>
    public static Outcome CompleteIntake(Ticket t, CompleteIntake c, EscalationPolicy policy, DateTimeOffset now)
    {
        var b = new DecisionBuilder(t, policy, now, c.Actor);
        if (t.Intake != IntakeStage.Searching || t.Status != TicketStatus.Queued) return b.Build();

        var stems = SearchTerms.Stems(t.Title);
        var suggestions = PickSuggestions(t, stems, c.Findings.Suggestions);
        b.Ticket = t with { Suggestions = [.. suggestions] };
        if (suggestions.Count > 0)
        {
            var labels = string.Join(", ", suggestions.Select(s => s.Label));
            b.Event(EventKind.SuggestionsOffered, $"{suggestions.Count} suggestion{(suggestions.Count == 1 ? "" : "s")} offered to {t.Reporter.Name}: {labels}.",
                note: suggestions.Count.ToString(CultureInfo.InvariantCulture));
            var lines = suggestions.Select((s, i) => $"{i + 1}. {s.Title} — {s.Excerpt} ({s.Label})");
            // Questions only the reporter answers (with their buttons): not in the thread the ticket was raised from.
            b.TellReporterPrivately($"{t.Key}: these fixed similar problems:\n{string.Join("\n", lines)}\nDid one of them fix it?",
                TicketActions.Fixed, TicketActions.StillBroken);
        }

        if (PickSimilar(t, stems, c.Findings.Similar, policy, now) is { } similar)
        {
            var key = TicketKey.Format(similar.Number);
            var reports = similar.People == 1 ? "1 report" : $"{similar.People} reports";
            b.Ticket = b.Ticket with { Intake = IntakeStage.Asking, IntakeUntil = now + policy.MajorIncident.AskFor, SimilarTo = similar.Number };
            b.Event(EventKind.SimilarOffered, $"Looks like {key} \"{similar.Title}\" ({reports}); {t.Reporter.Name} asked whether it is the same problem.");
            b.TellReporterPrivately($"Looks like {key}: \"{similar.Title}\" ({reports}). Same problem?", TicketActions.MeToo, TicketActions.NotSame);
            return b.Build();
        }

        b.Event(EventKind.Queued, suggestions.Count > 0
            ? $"Sent to the {policy.TierName(t.Tier)} queue with {suggestions.Count} suggestion{(suggestions.Count == 1 ? "" : "s")} on the card."
            : $"Sent to the {policy.TierName(t.Tier)} queue (no suggestions found).");
        OpenInQueue(b);
        return b.Build();
    }

    /// <summary>"This fixed it": only the reporter, only with suggestions offered, not on a ticket others' reports share; resolved as self-service.</summary>
    public static Outcome ResolveSelfService(Ticket t, ResolveSelfService c, EscalationPolicy policy, DateTimeOffset now)
    {
        if (RequireOpen(t) is { } closed) return closed;
        if (!c.Actor.Is(t.Reporter)) return Outcome.Refuse(RefusalCode.NotAllowed, $"Only {t.Reporter.Name}, who reported {t.Key}, can say a suggestion fixed it.");
        if (t.Suggestions.Count == 0) return Outcome.Refuse(RefusalCode.InvalidState, $"No suggestions were offered for {t.Key}.");
        if (t.Reports.Count > 0)
            return Outcome.Refuse(RefusalCode.InvalidState, $"{t.Key} is shared: {t.AffectedPeople().Count} people reported this problem, so a technician resolves it for everybody.");

        var b = new DecisionBuilder(t, policy, now, c.Actor);
        var fix = $"Fixed by the reporter with a suggestion: {string.Join("; ", t.Suggestions.Select(s => $"{s.Title} ({s.Label})"))}.";
        b.Ticket = t with
        {
            Status = TicketStatus.Resolved,
            ResolvedAt = now,
            Resolution = TextCut.Prefix(fix, TextLimits.Note),
            SelfService = true,
            Intake = IntakeStage.Done,
            IntakeUntil = null,
            SimilarTo = null,
            Page = null,
            HeldUntil = null,
            Sla = SlaMath.Pause(t.Sla, now),
            TierClock = SlaMath.Pause(t.TierClock, now),
        };
        b.Event(EventKind.Deflected, $"Resolved by {c.Actor.Name} with a suggestion (self-service).", note: b.Ticket.Resolution);
        b.QueueUpdate($"Resolved by {c.Actor.Name} with a suggestion: no technician needed.");
        if (t.Owner is { } owner) b.Notify(Notification.Direct(Audience.To(owner), $"{t.Key} \"{t.Title}\" was resolved by {c.Actor.Name} with a suggestion."));
        b.Reply($"Glad it is fixed: {t.Key} is resolved. If it comes back, reopen it within {DurationText.Humanize(policy.ReopenWindow)}.");
        return b.Build();
    }

    /// <summary>"Still broken": nothing changes; the reply says what happens next.</summary>
    public static Outcome KeepTicketOpen(Ticket t, KeepTicketOpen c, EscalationPolicy policy, DateTimeOffset now)
    {
        if (RequireOpen(t) is { } closed) return closed;
        var next = t.Intake == IntakeStage.Asking && t.SimilarTo is { } similar
            ? $"Please also say whether it is the same problem as {TicketKey.Format(similar)}."
            : t.Owner is { } owner ? $"{owner.Name} is working on it." : $"A {policy.TierName(t.Tier)} technician will pick it up.";
        return new DecisionBuilder(t, policy, now, c.Actor).Build() with { Reply = $"Thanks for trying: {t.Key} stays open. {next}" };
    }

    /// <summary>"No, something else": the reporter's answer to "Same problem?"; the card goes to the queue now.</summary>
    public static Outcome DeclineIncident(Ticket t, DeclineIncident c, EscalationPolicy policy, DateTimeOffset now)
    {
        if (NoQuestionFor(t, c.Actor, policy) is { } refused) return refused;
        var similar = t.SimilarTo!.Value;

        var b = new DecisionBuilder(t, policy, now, c.Actor);
        b.Event(EventKind.Queued, $"{c.Actor.Name} says it is not the same problem as {TicketKey.Format(similar)}: sent to the {policy.TierName(t.Tier)} queue.");
        OpenInQueue(b);
        b.Reply($"OK: {t.Key} is in the {policy.TierName(t.Tier)} queue as its own ticket; a technician will pick it up (response target {ResponseTarget(b.Ticket, b.Policy)}).");
        return b.Build();
    }

    /// <summary>Why <paramref name="actor"/> cannot answer "Same problem?" on the ticket (not the reporter, nothing asked), or null when they can.</summary>
    private static Refusal? NoQuestionFor(Ticket t, UserRef actor, EscalationPolicy policy)
    {
        if (RequireOpen(t) is { } closed) return closed;
        if (!actor.Is(t.Reporter)) return new Refusal(RefusalCode.NotAllowed, $"Only {t.Reporter.Name}, who reported {t.Key}, can answer that.");
        return t.Intake == IntakeStage.Asking && t.SimilarTo is not null
            ? null
            : new Refusal(RefusalCode.InvalidState, $"{t.Key} is already in the {policy.TierName(t.Tier)} queue as its own ticket; a technician can link it to another.");
    }

    /// <summary>The held card's time is up (the knowledge step did not run, or the reporter did not answer): it goes to the queue.</summary>
    private static void IntakeEnds(DecisionBuilder b)
    {
        var t = b.Ticket;
        b.Event(EventKind.Queued, t.Intake == IntakeStage.Asking && t.SimilarTo is { } similar
            ? $"{t.Reporter.Name} did not say whether it is the same problem as {TicketKey.Format(similar)}: sent to the {b.Policy.TierName(t.Tier)} queue."
            : $"The knowledge step did not run in time: sent to the {b.Policy.TierName(t.Tier)} queue without suggestions.");
        OpenInQueue(b);
    }

    /// <summary>A refusal for commands on a ticket whose card is still held for the knowledge step or the reporter's answer.</summary>
    private static Refusal HeldForIntake(Ticket t, EscalationPolicy policy) => new(RefusalCode.InvalidState, t.Intake == IntakeStage.Asking && t.SimilarTo is { } similar
        ? $"{t.Key} waits for {t.Reporter.Name} to say whether it is the same problem as {TicketKey.Format(similar)}; it reaches the {policy.TierName(t.Tier)} queue after that."
        : $"{t.Key} was just raised and is being checked against the knowledge base; it reaches the {policy.TierName(t.Tier)} queue in a moment.");

    private static List<Suggestion> PickSuggestions(Ticket t, IReadOnlySet<string> stems, IReadOnlyList<Suggestion> found)
    {
        var picked = new List<Suggestion>();
        foreach (var s in found)
        {
            if (s.Source == SuggestionSource.ResolvedTicket && s.Reference == t.Number) continue;
            if (!Relevance.Matches(stems, $"{s.Title} {s.Excerpt}")) continue;
            var cut = s with { Title = TextCut.Prefix(s.Title, TextLimits.Title), Excerpt = Excerpt(s.Excerpt) };
            var same = picked.FindIndex(p => p.SourceTicket == s.SourceTicket);
            if (same >= 0)
            {
                // An article and the fix it was written from: offer the reviewed article.
                if (s.Source == SuggestionSource.Article && picked[same].Source == SuggestionSource.ResolvedTicket) picked[same] = cut;
                continue;
            }

            if (picked.Count < MaxSuggestions) picked.Add(cut);
        }

        return picked;
    }

    private static SimilarTicket? PickSimilar(Ticket t, IReadOnlySet<string> stems, IReadOnlyList<SimilarTicket> found, EscalationPolicy policy, DateTimeOffset now) =>
        found
            .Where(s => s.Number != t.Number && string.Equals(s.Category, t.Category, StringComparison.OrdinalIgnoreCase))
            .Where(s => s.AffectedService is not { Length: > 0 } a || t.AffectedService is not { Length: > 0 } b || string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase))
            .Where(s => s.LastReportAt >= now - policy.MajorIncident.Window && Relevance.Matches(stems, s.Title))
            .OrderByDescending(s => Relevance.Shared(stems, s.Title))
            .ThenByDescending(s => s.People)
            .ThenBy(s => s.Number)
            .FirstOrDefault();

    private static string Excerpt(string text)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= Suggestion.MaxExcerpt ? flat : TextCut.Prefix(flat, Suggestion.MaxExcerpt - 1).TrimEnd() + "…";
    }
}
