namespace ChatEscalation.Bot.Local;

/// <summary>Body of <c>POST /local/messages</c>: a person typed <see cref="Text"/> in <see cref="Channel"/> (a channel id or <c>dm:&lt;email&gt;</c>).</summary>
public sealed record LocalMessageRequest(string? User, string? Channel, string? Text);
