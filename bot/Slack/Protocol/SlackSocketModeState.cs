namespace ChatEscalation.Bot.Slack.Protocol;

/// <summary>Whether this process's Socket Mode connection is up (Slack said <c>hello</c> and the socket has not dropped since); read by readiness.</summary>
public sealed class SlackSocketModeState
{
    private volatile bool connected;

    /// <summary>True between Slack's <c>hello</c> and the end of that connection.</summary>
    public bool IsConnected => connected;

    /// <summary>Slack said hello on the current connection.</summary>
    public void MarkConnected() => connected = true;

    /// <summary>The connection ended (dropped, refreshed or stopped).</summary>
    public void MarkDisconnected() => connected = false;
}
