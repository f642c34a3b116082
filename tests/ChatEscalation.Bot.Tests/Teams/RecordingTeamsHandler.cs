using ChatEscalation.Bot.Teams;
using ChatEscalation.Bot.Teams.Protocol;

namespace ChatEscalation.Bot.Tests.Teams;

/// <summary>
/// Test handler: records activities; for messages it replies through <see cref="ITeamsConnector"/> (so that an
/// authenticated turn causes exactly one outbound call); for invokes it returns <see cref="InvokeResponse"/> text "ok".
/// </summary>
public sealed class RecordingTeamsHandler(ITeamsConnector connector) : ITeamsActivityHandler
{
    private readonly List<Activity> received = [];

    /// <summary>Activities handled so far.</summary>
    public IReadOnlyList<Activity> Received { get { lock (received) return received.ToArray(); } }

    /// <inheritdoc />
    public async Task<InvokeResponse?> OnActivityAsync(Activity activity, CancellationToken ct)
    {
        lock (received) received.Add(activity);
        if (activity.IsInvoke) return InvokeResponse.Message("ok");
        await connector.SendToConversationAsync(activity.ServiceUrl!, activity.Conversation!.Id!, Activity.TextMessage("echo"), ct);
        return null;
    }
}
