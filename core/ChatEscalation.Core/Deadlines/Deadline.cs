namespace ChatEscalation.Core.Deadlines;

/// <summary>A point in time at which the engine must look at a ticket again.</summary>
/// <remarks>
/// Deadlines are derived from ticket state by <see cref="Engine.DeadlinePlanner"/>; the stored rows are only an index
/// that wakes the sweep. When a row fires the engine recomputes what is due, so a stale or duplicate row does nothing.
/// </remarks>
public sealed record Deadline(DeadlineKind Kind, DateTimeOffset DueAt, int Tier);
