using Microsoft.AspNetCore.Antiforgery;

namespace ChatEscalation.Bot.Dashboard;

/// <summary>
/// State-changing dashboard requests must carry the antiforgery token the page got from <c>/dashboard/api/me</c> (header
/// <c>X-CSRF-TOKEN</c>) next to its cookie; a cross-site form or script has neither, and gets 400.
/// </summary>
public sealed class AntiforgeryFilter(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        await antiforgery.IsRequestValidAsync(context.HttpContext)
            ? await next(context)
            : Results.Problem("This request has no valid antiforgery token: reload the dashboard and try again.", statusCode: StatusCodes.Status400BadRequest);
}
