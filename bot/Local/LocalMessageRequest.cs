namespace ChatEscalation.Bot.Local;

/// <summary>Body of <c>POST /local/messages</c>: a person typed <see cref="Text"/> in <see cref="Channel"/> (a channel id or <c>dm:&lt;email&gt;</c>).</summary>
/// <param name="ThreadOf">The message whose thread this is a reply in (<see cref="LocalThreads"/>); null: a message in the channel.</param>
public sealed record LocalMessageRequest(string? User, string? Channel, string? Text, string? ThreadOf = null);
