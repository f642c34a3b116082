namespace ChatEscalation.Bot.Tests.Local;

/// <summary>A system clock that can be set anywhere, backwards included (FakeTimeProvider refuses to go back; a real clock can).</summary>
public sealed class SettableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
