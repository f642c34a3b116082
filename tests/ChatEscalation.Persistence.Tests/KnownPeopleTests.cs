using ChatEscalation.Persistence.Rows;
using ChatEscalation.Persistence.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace ChatEscalation.Persistence.Tests;

/// <summary>People already known by e-mail are answered from memory (no row read per request), for a bounded time and number.</summary>
public sealed class KnownPeopleTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 11, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task FindUserAsync_KnownWithEmail_AnsweredWithoutTheRowUntilTheLifetimeEnds()
    {
        var known = new KnownPeople(time);
        var id = NewId();
        await using (var db = database.NewContext())
            await new ChatDirectory(db, known).UpsertUserAsync(User(id, "Uma@Demo.Local"));
        await DeleteRowAsync(id); // only the memory can answer now

        await using (var db = database.NewContext())
        {
            var directory = new ChatDirectory(db, known);
            (await directory.FindUserAsync("slack", id))!.Email.ShouldBe("uma@demo.local");
            time.Advance(KnownPeople.Lifetime);
            (await directory.FindUserAsync("slack", id)).ShouldBeNull();
        }
    }

    [Fact]
    public async Task FindUserAsync_ReadOnce_KeptForTheNextRequest()
    {
        var known = new KnownPeople(time);
        var id = NewId();
        await using (var db = database.NewContext()) await new ChatDirectory(db).UpsertUserAsync(User(id, "ali@demo.local"));
        await using (var db = database.NewContext()) (await new ChatDirectory(db, known).FindUserAsync("slack", id))!.Name.ShouldBe("Someone");
        await DeleteRowAsync(id);

        await using (var db = database.NewContext()) (await new ChatDirectory(db, known).FindUserAsync("slack", id))!.Email.ShouldBe("ali@demo.local");
    }

    [Fact]
    public async Task FindUserAsync_NoEmail_AlwaysReadFromTheRow()
    {
        var known = new KnownPeople(time);
        var id = NewId();
        await using (var db = database.NewContext()) await new ChatDirectory(db, known).UpsertUserAsync(User(id, null));
        await using (var db = database.NewContext()) (await new ChatDirectory(db, known).FindUserAsync("slack", id)).ShouldNotBeNull();
        await DeleteRowAsync(id);

        await using (var db = database.NewContext()) (await new ChatDirectory(db, known).FindUserAsync("slack", id)).ShouldBeNull();
        known.Count.ShouldBe(0);
    }

    [Fact]
    public async Task UpsertUserAsync_EmailChanged_TheNextFindSeesTheNewOne()
    {
        var known = new KnownPeople(time);
        var id = NewId();
        await using (var db = database.NewContext())
        {
            var directory = new ChatDirectory(db, known);
            await directory.UpsertUserAsync(User(id, "old@demo.local"));
            (await directory.FindUserAsync("slack", id))!.Email.ShouldBe("old@demo.local");
            await directory.UpsertUserAsync(User(id, "new@demo.local"));
            (await directory.FindUserAsync("slack", id))!.Email.ShouldBe("new@demo.local");
        }
    }

    [Fact]
    public void Keep_Full_ForgetsEveryoneAndStaysBounded()
    {
        var known = new KnownPeople(time);
        for (var i = 0; i < KnownPeople.Capacity; i++) known.Keep(User($"U{i}", $"p{i}@demo.local"));
        known.Count.ShouldBe(KnownPeople.Capacity);

        known.Keep(User("U-one-more", "more@demo.local"));

        known.Count.ShouldBe(1);
        known.Find("slack", "U-one-more").ShouldNotBeNull();
        known.Find("slack", "U0").ShouldBeNull();
    }

    [Fact]
    public void Find_CallerChangesTheCopy_KeptPersonUnchanged()
    {
        var known = new KnownPeople(time);
        known.Keep(User("U1", "uma@demo.local"));

        known.Find("slack", "U1")!.Email = "someone@else";

        known.Find("slack", "U1")!.Email.ShouldBe("uma@demo.local");
    }

    private static string NewId() => "U" + Guid.NewGuid().ToString("N")[..10];

    private PlatformUser User(string id, string? email) =>
        new() { Platform = "slack", PlatformUserId = id, Email = email, Name = "Someone", UpdatedAt = time.GetUtcNow() };

    private async Task DeleteRowAsync(string id)
    {
        await using var db = database.NewContext();
        await db.PlatformUsers.Where(u => u.PlatformUserId == id).ExecuteDeleteAsync();
    }
}
