namespace ChatEscalation.Bot.Teams.Protocol;

/// <summary>
/// The business seam: receives every authenticated inbound activity from <c>POST /api/messages</c>.
/// </summary>
/// <remarks>
/// Called only after token, endorsement and serviceUrl checks passed. For <c>invoke</c> activities the
/// returned <see cref="InvokeResponse.Body"/> becomes the HTTP body (outer status always 200; null →
/// empty 200). For other activities the return value is ignored and the reply is an empty 200.
/// Answer invokes within ~3 s; queue slow work.
/// </remarks>
public interface ITeamsActivityHandler
{
    /// <summary>Handles one activity.</summary>
    Task<InvokeResponse?> OnActivityAsync(Activity activity, CancellationToken ct);
}
