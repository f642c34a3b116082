namespace ChatEscalation.Core.OnCall;

/// <summary>The turns of one <see cref="RotationLayer"/> in a zone, ignoring overrides.</summary>
internal sealed class TurnSchedule(RotationLayer layer, TimeZoneInfo zone)
{
    private readonly int _daysPerTurn = layer.Turn == TurnLength.Weekly ? 7 : 1;

    /// <summary>The turn covering <paramref name="at"/>: the participant (null before the first turn or with nobody) and its [From, To).</summary>
    public (string? Person, DateTimeOffset From, DateTimeOffset To) TurnAt(DateTimeOffset at)
    {
        if (layer.Participants.Count == 0) return (null, DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
        var first = TurnStart(0);
        if (at < first) return (null, DateTimeOffset.MinValue, first);

        // Estimate from the local date, then correct for the hand-off time of day (and any DST shift).
        long n = Math.Max(0, (ZoneClock.LocalDayNumber(at, zone) - (long)layer.StartDate.DayNumber) / _daysPerTurn);
        while (n > 0 && TurnStart(n) > at) n--;
        while (TurnStart(n + 1) is var next && next <= at && next != DateTimeOffset.MaxValue) n++;
        return (layer.Participants[(int)(n % layer.Participants.Count)], TurnStart(n), TurnStart(n + 1));
    }

    /// <summary>Start of turn <paramref name="n"/> (n ≥ 0) as a UTC instant; <see cref="DateTimeOffset.MaxValue"/> past the calendar's end.</summary>
    private DateTimeOffset TurnStart(long n)
    {
        var day = layer.StartDate.DayNumber + n * _daysPerTurn;
        if (day > DateOnly.MaxValue.DayNumber) return DateTimeOffset.MaxValue;
        var local = DateOnly.FromDayNumber((int)day).ToDateTime(TimeOnly.FromTimeSpan(layer.HandoffTime));
        return ZoneClock.ToUtc(local, zone);
    }
}
