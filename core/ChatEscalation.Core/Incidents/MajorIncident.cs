namespace ChatEscalation.Core.Incidents;

/// <summary>A ticket declared a major incident because many people reported it within the policy's window.</summary>
/// <param name="People">How many people were affected within the window when it was declared.</param>
/// <param name="Reason">The reason in words, also the ticket's routing reason: <c>P1: 12 people affected in 20 min (raised from P3)</c>.</param>
public sealed record MajorIncident(DateTimeOffset DeclaredAt, int People, string Reason);
