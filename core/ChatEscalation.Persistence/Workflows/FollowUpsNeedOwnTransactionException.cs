namespace ChatEscalation.Persistence.Workflows;

/// <summary>
/// Thrown by <see cref="GroupCommitWriter"/> to its caller for a command whose decision sets off changes on other tickets
/// (<c>Decision.FollowUps</c>): nothing of it was kept, and <see cref="TicketWorkflow"/> decides it again in a transaction of its own,
/// where the follow-ups are staged and version-checked with it.
/// </summary>
public sealed class FollowUpsNeedOwnTransactionException() : Exception("The decision changes other tickets too: it is committed on its own.");
