namespace ChatEscalation.Persistence.Sweeping;

/// <summary>What one sweep did: tickets ticked and saved, audit events they produced, and tickets skipped (claimed elsewhere or lost a race; retried next sweep).</summary>
/// <param name="Fired">The tickets that produced events and what happened to each, for the log: <c>INC-000002 (SlaWarned), INC-000007 (AutoEscalated, Paged)</c>; empty when none did.</param>
public sealed record SweepResult(int Tickets, int Events, int Skipped, string Fired = "");
