using ChatEscalation.Core.Tests.Calendars.Reference;
using Xunit.Abstractions;

namespace ChatEscalation.Core.Tests.Calendars;

/// <summary>Compares <see cref="Core.Calendars.BusinessCalendar"/> with the minute-by-minute <see cref="ReferenceCalendar"/> on
/// thousands of seeded random cases per calendar over 2026-2027, biased towards DST weeks and open/close boundaries.</summary>
public class BusinessCalendarReferenceTests(ReferenceCalendars calendars, ITestOutputHelper output) : IClassFixture<ReferenceCalendars>
{
    private const int MinuteCases = 1000;
    private const int TickCases = 300;
    private const int InstantCases = 300;
    private static readonly int FirstStart = MinuteIndex(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
    private static readonly int LastStart = MinuteIndex(new DateTime(2027, 12, 24, 0, 0, 0, DateTimeKind.Utc));

    public static TheoryData<int> CalendarIndexes => [0, 1, 2, 3];

    [Theory]
    [MemberData(nameof(CalendarIndexes))]
    public void Add_RandomMinuteAlignedCases_NoDifferenceFromReference(int index)
    {
        var reference = calendars.All[index];
        var rng = new Random(1000 + index);
        var differences = new List<string>();
        var workdayMinutes = (int)reference.Calendar.StandardWorkday.TotalMinutes;
        for (var i = 0; i < MinuteCases; i++)
        {
            var start = ReferenceCalendar.MinuteAt(StartMinute(rng, reference));
            var duration = TimeSpan.FromMinutes(rng.Next(0, 3 * workdayMinutes + 1));
            // One case in ten ends exactly on a closing, when one is near enough.
            if (rng.Next(10) == 0 && reference.NextClosing(start.AddDays(rng.Next(0, 3))) is { } closing
                && reference.Elapsed(start, closing) is var toClosing && toClosing <= 3 * reference.Calendar.StandardWorkday)
                duration = toClosing;
            Compare(differences, $"Add({start:o}, {duration})", reference.Add(start, duration), reference.Calendar.Add(start, duration));
        }
        Report(reference, "minute-aligned Add", MinuteCases, differences);
    }

    [Theory]
    [MemberData(nameof(CalendarIndexes))]
    public void Elapsed_RandomMinuteAlignedCases_NoDifferenceFromReference(int index)
    {
        var reference = calendars.All[index];
        var rng = new Random(2000 + index);
        var differences = new List<string>();
        for (var i = 0; i < MinuteCases; i++)
        {
            var fromMinute = StartMinute(rng, reference);
            var toMinute = rng.Next(50) == 0 ? rng.Next(FirstStart, reference.Minutes) : fromMinute + rng.Next(-1440, 10 * 1440);
            var (from, to) = (ReferenceCalendar.MinuteAt(fromMinute), ReferenceCalendar.MinuteAt(Math.Clamp(toMinute, 0, reference.Minutes - 1)));
            Compare(differences, $"Elapsed({from:o}, {to:o})", reference.Elapsed(from, to), reference.Calendar.Elapsed(from, to));
        }
        Report(reference, "minute-aligned Elapsed", MinuteCases, differences);
    }

    [Theory]
    [MemberData(nameof(CalendarIndexes))]
    public void AddAndElapsed_RandomTickCases_NoDifferenceFromReference(int index)
    {
        var reference = calendars.All[index];
        var rng = new Random(3000 + index);
        var differences = new List<string>();
        for (var i = 0; i < TickCases; i++)
        {
            var start = ReferenceCalendar.MinuteAt(StartMinute(rng, reference)).AddTicks(rng.Next(4) == 0 ? rng.Next(-3, 4) : rng.NextInt64(TimeSpan.TicksPerMinute));
            var duration = TimeSpan.FromTicks(rng.NextInt64(0, 3 * reference.Calendar.StandardWorkday.Ticks));
            Compare(differences, $"Add({start:o}, {duration})", reference.Add(start, duration), reference.Calendar.Add(start, duration));
            var to = start.AddTicks(rng.NextInt64(-TimeSpan.TicksPerHour, 5 * TimeSpan.TicksPerDay));
            Compare(differences, $"Elapsed({start:o}, {to:o})", reference.Elapsed(start, to), reference.Calendar.Elapsed(start, to));
        }
        Report(reference, "tick-level Add + Elapsed", 2 * TickCases, differences);
    }

    [Theory]
    [MemberData(nameof(CalendarIndexes))]
    public void IsOpenNextOpeningNextClosing_RandomInstants_NoDifferenceFromReference(int index)
    {
        var reference = calendars.All[index];
        var rng = new Random(4000 + index);
        var differences = new List<string>();
        var lastClosingQuery = MinuteIndex(new DateTime(2027, 10, 1, 0, 0, 0, DateTimeKind.Utc));
        for (var i = 0; i < InstantCases; i++)
        {
            var instant = ReferenceCalendar.MinuteAt(Math.Min(StartMinute(rng, reference), lastClosingQuery)).AddTicks(rng.NextInt64(TimeSpan.TicksPerMinute));
            Compare(differences, $"IsOpen({instant:o})", reference.IsOpen(instant), reference.Calendar.IsOpen(instant));
            Compare(differences, $"NextOpening({instant:o})", reference.NextOpening(instant), reference.Calendar.NextOpening(instant));
            Compare(differences, $"NextClosing({instant:o})", reference.NextClosing(instant), reference.Calendar.NextClosing(instant));
        }
        Report(reference, "IsOpen + NextOpening + NextClosing", 3 * InstantCases, differences);
    }

    [Fact]
    public void ReferenceCalendars_SeeTheDstTransitions_FourPerZoneInRange()
    {
        foreach (var reference in calendars.All) reference.Transitions.Count.ShouldBe(4, reference.Calendar.Name);
    }

    /// <summary>A start minute: 20 % in the three days before a DST change, 20 % on an opening or closing (when one is in
    /// range), else uniform over 2026-01-01 .. 2027-12-24.</summary>
    private static int StartMinute(Random rng, ReferenceCalendar reference)
    {
        var uniform = rng.Next(FirstStart, LastStart);
        var boundary = rng.Next(10) switch
        {
            0 or 1 => ReferenceCalendar.MinuteAt(reference.Transitions[rng.Next(reference.Transitions.Count)] - rng.Next(0, 3 * 1440)),
            2 => reference.NextOpening(ReferenceCalendar.MinuteAt(uniform)),
            3 => reference.NextClosing(ReferenceCalendar.MinuteAt(uniform)),
            _ => null,
        };
        return boundary is { } b && b.UtcDateTime < ReferenceCalendar.MinuteAt(LastStart).UtcDateTime ? MinuteIndex(b.UtcDateTime) : uniform;
    }

    private static int MinuteIndex(DateTime utc) => (int)((utc - ReferenceCalendar.Origin).Ticks / TimeSpan.TicksPerMinute);

    private static void Compare<T>(List<string> differences, string call, T expected, T actual)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual)) differences.Add($"{call}: reference {expected}, calendar {actual}");
        if (actual is DateTimeOffset { Offset.Ticks: not 0 } instant) differences.Add($"{call}: result {instant:o} is not UTC");
    }

    private void Report(ReferenceCalendar reference, string what, int cases, List<string> differences)
    {
        output.WriteLine($"{reference.Calendar.Name}: {cases} {what} cases compared, {differences.Count} differences.");
        differences.Take(10).ToList().ForEach(output.WriteLine);
        differences.ShouldBeEmpty();
    }
}
