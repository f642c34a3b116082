namespace ChatEscalation.Bot.Tests.Cards;

/// <summary>
/// One parse or validation event reported by the official Adaptive Cards renderer
/// (phase <c>Parse</c>/<c>Validation</c>, event e.g. <c>UnknownElementType</c>).
/// </summary>
public sealed record RendererEvent(string? Phase, string? Event, string? Message)
{
    public override string ToString() => $"{Phase}/{Event}: {Message}";
}
