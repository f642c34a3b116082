using ChatEscalation.Bot.Web;
using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Policy;
using ChatEscalation.Persistence.Workflows;

namespace ChatEscalation.Bot.Dashboard;

/// <summary>
/// The Tier 1 lead's review of knowledge-base drafts on the dashboard: <c>POST /dashboard/api/knowledge/{ticket}/publish</c>,
/// <c>…/edit</c> (JSON <c>{title, body}</c>: published as edited) and <c>…/discard</c>, with the antiforgery token. The engine decides
/// who may (a Tier 1 lead or a manager) exactly as for the chat buttons; with sign-in off nobody is known, so the review is in chat.
/// </summary>
public static class KnowledgeReviewEndpoints
{
    /// <summary>The text of an edited article, as the page posts it.</summary>
    public sealed record EditedArticle(string? Title, string? Body);

    public static RouteGroupBuilder MapKnowledgeReview(this RouteGroupBuilder pages)
    {
        pages.MapPost("/dashboard/api/knowledge/{ticket:long}/publish", (long ticket, HttpContext http, TicketWorkflow workflow, EscalationPolicy policy, CancellationToken ct) =>
            ReviewAsync(ticket, http, policy, actor => new PublishDraft(actor), workflow, ct)).AddEndpointFilter<AntiforgeryFilter>();
        pages.MapPost("/dashboard/api/knowledge/{ticket:long}/edit", (long ticket, EditedArticle edited, HttpContext http, TicketWorkflow workflow, EscalationPolicy policy, CancellationToken ct) =>
            ReviewAsync(ticket, http, policy, actor => new PublishDraft(actor, edited.Title, edited.Body), workflow, ct)).AddEndpointFilter<AntiforgeryFilter>();
        pages.MapPost("/dashboard/api/knowledge/{ticket:long}/discard", (long ticket, HttpContext http, TicketWorkflow workflow, EscalationPolicy policy, CancellationToken ct) =>
            ReviewAsync(ticket, http, policy, actor => new DiscardDraft(actor), workflow, ct)).AddEndpointFilter<AntiforgeryFilter>();
        return pages;
    }

    private static async Task<IResult> ReviewAsync(long ticket, HttpContext http, EscalationPolicy policy, Func<Core.Tickets.UserRef, TicketCommand> command,
        TicketWorkflow workflow, CancellationToken ct)
    {
        if (DashboardViewer.Of(http).Email is not { } email)
            return Results.Problem("Sign-in is off, so the dashboard does not know who you are: publish or discard the draft from the buttons in chat.", statusCode: StatusCodes.Status403Forbidden);
        var result = await workflow.ExecuteAsync(ticket, command(policy.Person(email)), ct);
        if (result.NotFound is { } missing) return Results.Problem(missing, statusCode: StatusCodes.Status404NotFound);
        if (result.Refusal is { } refusal)
            return Results.Problem(refusal.Reason, statusCode: refusal.Code == Core.Engine.RefusalCode.NotAllowed ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict);
        return Results.Json(new { ticket, message = result.Message }, WebJson.Options);
    }
}
