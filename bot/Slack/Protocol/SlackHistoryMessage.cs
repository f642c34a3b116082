namespace ChatEscalation.Bot.Slack.Protocol;

/// <summary>One message of <c>conversations.history</c> / <c>conversations.replies</c>: its ts and the metadata it was posted with.</summary>
public sealed record SlackHistoryMessage(string Ts, SlackMessageMetadata? Metadata);
