namespace ChatEscalation.Bot.Slack.Protocol;

/// <summary>A signed Slack request whose body cannot be read; <see cref="Exception.Message"/> is a short reason safe to return.</summary>
public sealed class SlackPayloadException(string reason, Exception? inner = null) : Exception(reason, inner);
