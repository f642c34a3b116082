namespace ChatEscalation.Bot.Local;

/// <summary>What the page is told over Server-Sent Events: a message was <c>posted</c> or <c>updated</c>, or the <c>clock</c> moved (then <see cref="Message"/> is null).</summary>
public sealed record LocalStoreChange(string Type, LocalMessage? Message, DateTimeOffset? Now = null);
