using ChatEscalation.Persistence.Storage;

namespace ChatEscalation.Persistence.Tests;

public sealed class RecentReceiptsTests
{
    [Fact]
    public void Remember_BeyondCapacity_ForgetsTheOldestFirstAndStaysBounded()
    {
        var recent = new RecentReceipts(capacity: 3);
        foreach (var key in new[] { "a", "b", "c", "d" }) recent.Remember(new InboundReceipt("slack", key));

        recent.Count.ShouldBe(3);
        recent.Contains(new InboundReceipt("slack", "a")).ShouldBeFalse();
        recent.Contains(new InboundReceipt("slack", "d")).ShouldBeTrue();
        recent.Contains(new InboundReceipt("teams", "d")).ShouldBeFalse(); // the platform is part of the key
    }

    [Fact]
    public void Remember_SameReceiptTwice_TakesOneSlot()
    {
        var recent = new RecentReceipts(capacity: 2);
        recent.Remember(new InboundReceipt("slack", "a"));
        recent.Remember(new InboundReceipt("slack", "a"));
        recent.Remember(new InboundReceipt("slack", "b"));

        recent.Contains(new InboundReceipt("slack", "a")).ShouldBeTrue();
        recent.Count.ShouldBe(2);
    }
}
