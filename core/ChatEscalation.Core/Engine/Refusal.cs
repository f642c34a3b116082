namespace ChatEscalation.Core.Engine;

/// <summary>A command the engine will not carry out, with a reason the person who asked can read.</summary>
/// <param name="Field">For invalid input: which form field (<c>tried</c>, <c>outcome</c>, <c>needs</c>, <c>resolution</c>, <c>reason</c> …).</param>
public sealed record Refusal(RefusalCode Code, string Reason, string? Field = null);
