using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatEscalation.Bot.Teams.Protocol;

/// <summary>Maps the Bot Framework messaging endpoint <c>POST /api/messages</c>.</summary>
/// <remarks>
/// Order of checks (an unauthenticated caller learns nothing about its body):
/// <list type="number">
/// <item>Teams not configured (no AppId) → 503 with a text reason.</item>
/// <item>Header and token (scheme, algorithm, key, signature, issuer, audience, lifetime) → 401, empty body.</item>
/// <item>A body that is not <c>application/json</c> (e.g. <c>text/plain</c>) → 415 with a text reason, nothing read or done.</item>
/// <item>Body read once; malformed JSON, not an object or no <c>type</c> → 400 with a text reason (caller is authenticated).</item>
/// <item>Key endorsement of <c>channelId</c> and <c>serviceurl</c> claim vs <c>serviceUrl</c> (Bot Service tokens) → 401, empty body.</item>
/// <item>The activity's tenant is not <c>Teams:TenantId</c> or one of <c>Teams:AllowedTenantIds</c> (<see cref="TeamsTenantCheck"/>) → 403 with a text reason.</item>
/// <item>Dispatch to <see cref="ITeamsActivityHandler"/>: invoke → 200 with the handler's body (or empty);
/// other types → 200 empty. A handler exception on an invoke becomes a 200 with an inner 500 error body;
/// on other activities it propagates (500).</item>
/// </list>
/// Other HTTP methods get 405 from routing.
/// </remarks>
public static class TeamsEndpoints
{
    /// <summary>The messaging endpoint path registered on the Azure Bot resource.</summary>
    public const string MessagesPath = "/api/messages";

    /// <summary>Maps <c>POST /api/messages</c>.</summary>
    public static IEndpointConventionBuilder MapTeamsEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(MessagesPath, HandleAsync).DisableAntiforgery();

    private static async Task<IResult> HandleAsync(HttpContext http, [AsParameters] TeamsRequestServices services, CancellationToken ct)
    {
        var options = services.Options.CurrentValue;
        if (!options.IsEnabled)
        {
            return Results.Text("Teams is not configured on this bot (Teams:AppId is empty).", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var logger = services.Loggers.CreateLogger(typeof(TeamsEndpoints));
        var validator = services.Validator;
        var auth = await validator.AuthenticateAsync(http.Request.Headers.Authorization.ToString() is { Length: > 0 } h ? h : null, ct);
        if (!auth.Succeeded) return Results.StatusCode(StatusCodes.Status401Unauthorized);
        if (!http.Request.HasJsonContentType())
        {
            return Results.Text("An activity is JSON: send it as application/json.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        Activity? activity;
        try
        {
            activity = await JsonSerializer.DeserializeAsync<Activity>(http.Request.Body, TeamsJson.Options, ct);
        }
        catch (JsonException ex)
        {
            logger.LogInformation("Rejected /api/messages body: {Error}", ex.Message);
            return Results.Text("Body is not a JSON Bot Framework activity.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (activity is null || string.IsNullOrWhiteSpace(activity.Type))
        {
            return Results.Text("Activity has no 'type'.", statusCode: StatusCodes.Status400BadRequest);
        }

        Telemetry.WebhookTelemetry.SetKind(http, activity.IsInvoke ? $"invoke {activity.Name}" : activity.Type);

        if (!validator.AuthorizeActivity(auth, activity.ChannelId, activity.ServiceUrl).Succeeded)
        {
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }

        if (TeamsTenantCheck.Refusal(activity, options.AllowedTenants) is { } tenantRefusal)
        {
            logger.LogWarning("Refused a Teams activity: {Reason}", tenantRefusal);
            return Results.Text("This bot does not serve the activity's tenant.", statusCode: StatusCodes.Status403Forbidden);
        }

        var handler = services.Handler;
        if (!activity.IsInvoke)
        {
            await handler.OnActivityAsync(activity, ct);
            return Results.Ok();
        }

        InvokeResponse? response;
        try
        {
            response = await handler.OnActivityAsync(activity, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Invoke {InvokeName} failed", activity.Name);
            response = InvokeResponse.Error(500, "The bot could not handle this action.");
        }

        return response?.Body is null
            ? Results.Ok()
            : Results.Text(response.Body.ToJsonString(TeamsJson.Options), "application/json", statusCode: StatusCodes.Status200OK);
    }
}
