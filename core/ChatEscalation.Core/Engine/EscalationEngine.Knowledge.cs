using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Events;
using ChatEscalation.Core.Forms;
using ChatEscalation.Core.Knowledge;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Policy;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Engine;

public static partial class EscalationEngine
{
    /// <summary>The shortest article title accepted, in characters.</summary>
    public const int MinArticleTitleLength = 3;

    /// <summary>Publish (as written, or edited): a Tier 1 lead or a manager, while the draft waits for review. Published articles are searchable.</summary>
    public static Outcome PublishDraft(Ticket t, PublishDraft c, EscalationPolicy policy, DateTimeOffset now)
    {
        if (Reviewable(t, c.Actor, policy, "publish") is { } refused) return refused;
        var draft = t.Draft!;
        var title = (c.Title ?? draft.Title).Trim();
        var body = (c.Body ?? draft.Body).Trim();
        if (title.Length < MinArticleTitleLength)
            return Outcome.Refuse(RefusalCode.InvalidInput, $"Give the article a title (at least {MinArticleTitleLength} characters).", FieldNames.Title);
        if (body.Length < MinResolutionLength)
            return Outcome.Refuse(RefusalCode.InvalidInput, $"Write what fixes it (at least {MinResolutionLength} characters).", FieldNames.Body);

        var edited = title != draft.Title || body != draft.Body;
        var b = new DecisionBuilder(t, policy, now, c.Actor);
        b.Ticket = t with { Draft = draft with { Title = title, Body = body, State = DraftState.Published, ReviewedBy = c.Actor, ReviewedAt = now } };
        b.Event(EventKind.KnowledgePublished,
            $"Knowledge-base article \"{title}\" published by {c.Actor.Name}{(edited ? " (edited)" : "")}: written by {draft.Author.Name} at {policy.TierName(draft.FromTier)}.",
            note: body);
        b.Notify(Notification.Direct(Audience.To(draft.Author),
            $"Your fix for {t.Key} \"{t.Title}\" is now a knowledge-base article (published by {c.Actor.Name}): it is suggested to people with similar problems."));
        b.Reply($"Published \"{title}\": it is suggested from now on to people with similar problems.");
        return b.Build();
    }

    /// <summary>Discard: a Tier 1 lead or a manager, while the draft waits for review; a discarded draft is never suggested.</summary>
    public static Outcome DiscardDraft(Ticket t, DiscardDraft c, EscalationPolicy policy, DateTimeOffset now)
    {
        if (Reviewable(t, c.Actor, policy, "discard") is { } refused) return refused;
        var b = new DecisionBuilder(t, policy, now, c.Actor);
        b.Ticket = t with { Draft = t.Draft! with { State = DraftState.Discarded, ReviewedBy = c.Actor, ReviewedAt = now } };
        b.Event(EventKind.KnowledgeDiscarded, $"Knowledge-base draft \"{t.Draft!.Title}\" discarded by {c.Actor.Name}.");
        b.Reply($"Discarded the draft from {t.Key}.");
        return b.Build();
    }

    /// <summary>The resolution becomes a draft for the Tier 1 leads, who get it with Publish / Edit / Discard.</summary>
    private static void DraftKnowledge(DecisionBuilder b, string fix)
    {
        var t = b.Ticket;
        b.Ticket = t with { Draft = new KnowledgeDraft(t.Title, fix, t.Tier, b.Actor, b.Now) };
        b.Event(EventKind.KnowledgeDrafted, $"Knowledge-base draft for Tier 1: \"{t.Title}\" ({t.Category}).", note: fix);
        foreach (var lead in b.Policy.Tiers[0].Leads)
            b.Notify(Notification.Direct(Audience.To(b.Policy.Person(lead)),
                $"New knowledge-base draft from {b.Policy.TierName(t.Tier)} ({b.Actor.Name}) for {t.Key} \"{t.Title}\" ({t.Category}): {fix}\nPublish it so the next person with this problem gets it as a suggestion?",
                TicketActions.Publish, TicketActions.EditDraft, TicketActions.Discard));
    }

    private static Refusal? Reviewable(Ticket t, UserRef actor, EscalationPolicy policy, string verb)
    {
        if (!policy.IsKnowledgeReviewer(actor))
            return new Refusal(RefusalCode.NotAllowed, $"Only a {policy.TierName(policy.Tiers[0].Level)} lead or a manager can {verb} knowledge-base drafts.");
        return t.Draft switch
        {
            null => new Refusal(RefusalCode.InvalidState, $"{t.Key} has no knowledge-base draft."),
            { State: DraftState.Published } d => new Refusal(RefusalCode.InvalidState, $"The draft from {t.Key} was already published by {d.ReviewedBy?.Name}."),
            { State: DraftState.Discarded } d => new Refusal(RefusalCode.InvalidState, $"The draft from {t.Key} was discarded by {d.ReviewedBy?.Name}."),
            _ => null,
        };
    }
}
