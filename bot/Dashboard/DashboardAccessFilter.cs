using ChatEscalation.Bot.Hosting.Security;
using ChatEscalation.Core.Policy;
using ChatEscalation.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatEscalation.Bot.Dashboard;

/// <summary>
/// Decides who is looking at the dashboard or a ticket page and leaves a <see cref="DashboardViewer"/> for the endpoint. Sign-in off:
/// everyone sees everything (the local demo). Sign-in required but no provider configured: 503 naming the keys. Signed in (the endpoint
/// requires an authenticated user, so others were sent to the provider): the e-mail is matched to the policy — managers, tier staff,
/// or a reporter of at least one ticket; anybody else gets 403.
/// </summary>
public sealed class DashboardAccessFilter(WebSignIn signIn, EscalationPolicy policy) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!signIn.Required)
        {
            http.Items[DashboardViewer.ItemKey] = DashboardViewer.Everyone;
            return await next(context);
        }
        if (!signIn.Configured)
            return Results.Problem("The dashboard and ticket pages need sign-in while Slack or Teams is connected: set Auth:Authority, Auth:ClientId and Auth:ClientSecret (README, Security).",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        if (http.User.Identity?.IsAuthenticated != true) return Results.Challenge();
        if (SignedInEmail.Of(http.User) is not { } email)
            return Results.Problem("Your sign-in carries no e-mail address, so the bot cannot tell who you are in the escalation policy.", statusCode: StatusCodes.Status403Forbidden);
        var viewer = DashboardViewer.FromPolicy(email, policy);
        if (viewer is null)
        {
            var db = http.RequestServices.GetRequiredService<EscalationDbContext>();
            if (await db.Tickets.AnyAsync(t => t.ReporterKey == email, http.RequestAborted))
                viewer = new DashboardViewer(email, policy.Person(email).Name, ViewerRole.Reporter, []);
        }
        if (viewer is null)
            return Results.Problem($"{email} has no role in the escalation policy and has reported no tickets.", statusCode: StatusCodes.Status403Forbidden);
        http.Items[DashboardViewer.ItemKey] = viewer;
        return await next(context);
    }
}
