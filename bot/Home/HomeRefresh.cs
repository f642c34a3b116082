namespace ChatEscalation.Bot.Home;

/// <summary>The limits every home refresher shares (<see cref="HomeRefresher{TTarget}"/>: the Slack App Home, the Teams home card).</summary>
public static class HomeRefresh
{
    /// <summary>How long changes for one person are gathered before their home is refreshed.</summary>
    public static readonly TimeSpan Debounce = TimeSpan.FromSeconds(2);

    /// <summary>How long to wait after a 429 without <c>Retry-After</c>.</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(5);

    /// <summary>Most people remembered per platform (the least recently remembered forgotten first).</summary>
    public const int MaxPeople = 10_000;

    /// <summary>Most attempts at one refresh (the first and the retries after 429s).</summary>
    public const int MaxAttempts = 5;
}
