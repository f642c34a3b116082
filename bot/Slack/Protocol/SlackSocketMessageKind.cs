namespace ChatEscalation.Bot.Slack.Protocol;

/// <summary>What a Socket Mode frame from Slack is.</summary>
public enum SlackSocketMessageKind
{
    /// <summary>Not understood (not JSON, or an unknown type without an envelope id); ignored.</summary>
    Unknown,

    /// <summary><c>hello</c>: the connection is ready.</summary>
    Hello,

    /// <summary><c>disconnect</c>: Slack will close this connection; open a new one with a fresh URL.</summary>
    Disconnect,

    /// <summary>An envelope (<c>events_api</c>, <c>interactive</c>, <c>slash_commands</c> …) that must be acked.</summary>
    Envelope,
}
