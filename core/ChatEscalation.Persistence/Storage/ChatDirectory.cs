using ChatEscalation.Persistence.Rows;
using Microsoft.EntityFrameworkCore;

namespace ChatEscalation.Persistence.Storage;

/// <summary>The platform caches: Slack/Teams user → e-mail, and Teams conversation references for proactive messages.</summary>
/// <remarks>People already known with an e-mail are answered from <see cref="KnownPeople"/> when one is given (the host's).</remarks>
public sealed class ChatDirectory(EscalationDbContext db, KnownPeople? known = null)
{
    public async Task<PlatformUser?> FindUserAsync(string platform, string platformUserId, CancellationToken ct = default)
    {
        if (known?.Find(platform, platformUserId) is { } kept) return kept;
        var user = await db.PlatformUsers.AsNoTracking().SingleOrDefaultAsync(u => u.Platform == platform && u.PlatformUserId == platformUserId, ct);
        if (user?.Email is not null) known?.Keep(user);
        return user;
    }

    /// <summary>The platform user with this e-mail (lower case compare), for direct messages to a person known by e-mail.</summary>
    public Task<PlatformUser?> FindUserByEmailAsync(string platform, string email, CancellationToken ct = default)
    {
        var lower = email.ToLowerInvariant();
        return db.PlatformUsers.AsNoTracking().Where(u => u.Platform == platform && u.Email == lower)
            .OrderByDescending(u => u.UpdatedAt).FirstOrDefaultAsync(ct);
    }

    public async Task UpsertUserAsync(PlatformUser user, CancellationToken ct = default)
    {
        user.Email = user.Email?.ToLowerInvariant();
        await UpsertAsync(user, u => u.Platform == user.Platform && u.PlatformUserId == user.PlatformUserId, ct);
        known?.Keep(user);
    }

    public Task<ConversationReferenceRow?> FindConversationAsync(string platform, string key, CancellationToken ct = default) =>
        db.ConversationReferences.AsNoTracking().SingleOrDefaultAsync(r => r.Platform == platform && r.Key == key, ct);

    /// <summary>Every stored reference of <paramref name="platform"/> whose key starts with <paramref name="keyPrefix"/> (e.g. the Teams teams, <c>team:</c>).</summary>
    public async Task<IReadOnlyList<ConversationReferenceRow>> ConversationsAsync(string platform, string keyPrefix, CancellationToken ct = default) =>
        await db.ConversationReferences.AsNoTracking().Where(r => r.Platform == platform && r.Key.StartsWith(keyPrefix)).OrderBy(r => r.Key).ToListAsync(ct);

    /// <summary>The platform users with any of <paramref name="emails"/> (lower case compare), one query.</summary>
    public async Task<IReadOnlyList<PlatformUser>> FindUsersByEmailAsync(string platform, IEnumerable<string> emails, CancellationToken ct = default)
    {
        var lower = emails.Select(e => e.ToLowerInvariant()).Distinct().ToList();
        return await db.PlatformUsers.AsNoTracking().Where(u => u.Platform == platform && u.Email != null && lower.Contains(u.Email)).ToListAsync(ct);
    }

    public Task UpsertConversationAsync(ConversationReferenceRow reference, CancellationToken ct = default) =>
        UpsertAsync(reference, r => r.Platform == reference.Platform && r.Key == reference.Key, ct);

    private async Task UpsertAsync<T>(T value, System.Linq.Expressions.Expression<Func<T, bool>> key, CancellationToken ct) where T : class
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var existing = await db.Set<T>().SingleOrDefaultAsync(key, ct);
            if (existing is null) db.Set<T>().Add(value);
            else db.Entry(existing).CurrentValues.SetValues(value);
            try
            {
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                return;
            }
            catch (DbUpdateException e) when (attempt < 3 && UniqueViolation.Is(e)) { }
        }
    }
}
