using ChatEscalation.Bot.Local;
using Microsoft.Extensions.Time.Testing;

namespace ChatEscalation.Bot.Tests.Local;

public sealed class LocalChannelStoreTests
{
    private static LocalChannelStore CreateSut() => new(LocalFixtures.Policy, new FakeTimeProvider(new DateTimeOffset(2026, 1, 14, 12, 0, 0, TimeSpan.Zero)));

    private static LocalMessageDraft Draft(string text) => new("bot", "bot", "ChatEscalation", text);

    [Fact]
    public void Channels_DemoPolicy_HelpQueuesManagersOnCallAndOneDirectPerPerson()
    {
        var ids = CreateSut().Channels.Select(c => c.Id).ToList();
        ids.ShouldContain("it-help");
        ids.ShouldContain("tier-1");
        ids.ShouldContain("tier-4");
        ids.ShouldContain("it-managers");
        ids.ShouldContain("on-call");
        ids.ShouldContain("dm:uma@demo.local");
        ids.ShouldContain("dm:maria@demo.local");
        ids.Count(i => i.StartsWith("dm:", StringComparison.Ordinal)).ShouldBe(LocalFixtures.Policy.PeopleNames.Count);
    }

    [Fact]
    public async Task Post_TwoMessages_GetIncreasingIdsInChannelOrder()
    {
        var store = CreateSut();
        var a = await store.PostAsync("tier-1", Draft("a"));
        var b = await store.PostAsync("tier-1", Draft("b"));
        a.Id.ShouldBe("m1");
        b.Id.ShouldBe("m2");
        store.Messages("tier-1").Select(m => m.Text).ShouldBe(["a", "b"]);
        store.Messages("tier-2").ShouldBeEmpty();
    }

    [Fact]
    public async Task Update_ExistingCard_KeepsIdAndChannelAndBumpsRevision()
    {
        var store = CreateSut();
        var card = await store.PostAsync("tier-1", Draft("v1"));
        var updated = await store.UpdateAsync(card.Id, Draft("v2"));
        updated.ShouldNotBeNull();
        updated.Id.ShouldBe(card.Id);
        updated.ChannelId.ShouldBe("tier-1");
        updated.Revision.ShouldBe(2);
        store.Messages("tier-1").Single().Text.ShouldBe("v2");
    }

    [Fact]
    public async Task Update_UnknownMessage_ReturnsNull()
    {
        (await CreateSut().UpdateAsync("m99", Draft("x"))).ShouldBeNull();
    }

    [Fact]
    public async Task Post_ReplyInThread_RecordsParent()
    {
        var store = CreateSut();
        var card = await store.PostAsync("tier-1", Draft("card"));
        var reply = await store.PostAsync("tier-1", Draft("reply"), card.Id);
        reply.ThreadOf.ShouldBe(card.Id);
    }

    [Fact]
    public async Task Post_UnknownChannelOrParent_Throws()
    {
        var store = CreateSut();
        await Should.ThrowAsync<ArgumentException>(() => store.PostAsync("nowhere", Draft("x")));
        await Should.ThrowAsync<ArgumentException>(() => store.PostAsync("tier-1", Draft("x"), "m42"));
    }

    [Fact]
    public async Task Subscribe_PostThenUpdate_StreamsBothChangesInOrder()
    {
        var store = CreateSut();
        using var subscription = store.Subscribe();
        var card = await store.PostAsync("tier-1", Draft("v1"));
        await store.UpdateAsync(card.Id, Draft("v2"));
        var first = await subscription.Changes.ReadAsync();
        var second = await subscription.Changes.ReadAsync();
        (first.Type, first.Message!.Text).ShouldBe(("posted", "v1"));
        (second.Type, second.Message!.Text).ShouldBe(("updated", "v2"));
    }

    [Fact]
    public async Task Subscribe_Disposed_StopsReceiving()
    {
        var store = CreateSut();
        var subscription = store.Subscribe();
        subscription.Dispose();
        await store.PostAsync("tier-1", Draft("after"));
        subscription.Changes.TryRead(out _).ShouldBeFalse();
    }

    [Fact]
    public void DirectChannel_UnknownPerson_IsCreatedOnce()
    {
        var store = CreateSut();
        var a = store.DirectChannel("New@Demo.local", "New person");
        var b = store.DirectChannel("new@demo.local", "New person");
        a.ShouldBe(b);
        a.Id.ShouldBe("dm:new@demo.local");
        store.Channels.Count(c => c.Id == a.Id).ShouldBe(1);
    }

    [Fact]
    public async Task Post_BeyondTheLimitPerChannel_OldestDroppedOtherChannelsKept()
    {
        var store = new LocalChannelStore(LocalFixtures.Policy, TimeProvider.System, options: Microsoft.Extensions.Options.Options.Create(new LocalOptions { MaxMessagesPerChannel = 10 }));
        await store.PostAsync("tier-2", Draft("elsewhere"));
        for (var i = 1; i <= 12; i++) await store.PostAsync("tier-1", Draft($"t{i}"));

        store.Messages("tier-1").Select(m => m.Text).ShouldBe(Enumerable.Range(3, 10).Select(i => $"t{i}"));
        store.Messages("tier-2").ShouldHaveSingleItem();
        store.Find("m2").ShouldBeNull(); // t1 is gone; its id is not handed out again
        (await store.PostAsync("tier-1", Draft("t13"))).Id.ShouldBe("m14");
    }
}
