using Microsoft.EntityFrameworkCore;

namespace ChatEscalation.Persistence.Storage;

/// <summary>A save that lost a race: the version check failed, or (PostgreSQL may insert before it updates) the outbox idempotency key of the same ticket version already exists.</summary>
public static class SaveConflict
{
    public static bool Is(DbUpdateException exception) => exception is DbUpdateConcurrencyException || UniqueViolation.Is(exception);
}
