namespace ChatEscalation.Persistence.Sweeping;

/// <summary>What one sweep did: tickets ticked and saved, audit events they produced, and tickets skipped (claimed elsewhere or lost a race; retried next sweep).</summary>
public sealed record SweepResult(int Tickets, int Events, int Skipped);
