namespace ChatEscalation.Core.Views;

/// <summary>One of the reader's on-call shifts (UTC instants, and written in the reader's zone).</summary>
public sealed record HomeShift(string Rotation, string Layer, DateTimeOffset From, DateTimeOffset To, string FromText, string ToText);
