using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Engine;
using ChatEscalation.Core.Policy;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Core.Views;

namespace ChatEscalation.Core.WhatIf;

/// <summary>Turns a <see cref="WhatIfRequest"/> into the engine's <see cref="DryRun"/>: the same code as a real ticket, with the clock jumping from deadline to deadline.</summary>
/// <remarks>Pure, in core, so the what-if page and the <c>whatif</c> chat command plan the same way (the chat does not need the emulator).</remarks>
public static class WhatIfPlanner
{
    /// <summary>The origin the hypothetical ticket is raised from (it is never stored or sent).</summary>
    public const string Origin = "whatif";

    public static WhatIfResult Plan(WhatIfRequest request, EscalationPolicy policy, DateTimeOffset now)
    {
        var (impact, urgency) = Axes(request, policy);
        var reporter = policy.Person(request.Reporter);
        var raisedAt = NextLocal(now, request.Day, request.TimeOfDay, policy.Staffed.Zone);
        var command = new RaiseTicket(reporter, Origin, request.Title, null, request.Category, impact, urgency, request.AffectedService);
        var route = Routing.Decide(command, policy);
        var lines = TimelineViews.Lines(DryRun.Simulate(command, raisedAt, policy), policy);
        var asked = request.Priority ?? policy.PriorityFor(impact, urgency);
        var note = route.Priority == asked
            ? null
            : $"A {asked} from {reporter.Name} is simulated as the {route.Priority} it becomes: {WithoutPriority(route)}.";
        return new WhatIfResult(raisedAt, impact.ToString(), urgency.ToString(),
            route.Priority, route.Category, reporter.Name, route.Reason, note, lines, TimelineViews.Summarize(lines));
    }

    private static string WithoutPriority(RoutingDecision route) =>
        route.Reason.StartsWith($"{route.Priority}: ", StringComparison.Ordinal) ? route.Reason[(route.Priority.ToString().Length + 2)..] : route.Reason;

    private static (Impact, Urgency) Axes(WhatIfRequest request, EscalationPolicy policy) =>
        request.Impact is not null || request.Urgency is not null || request.Priority is not { } priority
            ? (request.Impact ?? Impact.Medium, request.Urgency ?? Urgency.Medium)
            : policy.AxesFor(priority);

    /// <summary>The first instant at or after <paramref name="now"/> (to the minute) that falls on <paramref name="day"/> at <paramref name="time"/> in <paramref name="zone"/>.</summary>
    public static DateTimeOffset NextLocal(DateTimeOffset now, DayOfWeek day, TimeOnly time, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        for (var i = 0; i <= 7; i++)
        {
            var date = local.Date.AddDays(i);
            if (date.DayOfWeek != day) continue;
            var wall = DateTime.SpecifyKind(date + time.ToTimeSpan(), DateTimeKind.Unspecified);
            if (zone.IsInvalidTime(wall)) wall = wall.AddHours(1);
            var candidate = new DateTimeOffset(wall, zone.GetUtcOffset(wall)).ToUniversalTime();
            if (candidate >= now.AddMinutes(-1)) return candidate;
        }
        var fallback = DateTime.SpecifyKind(local.Date.AddDays(7) + time.ToTimeSpan(), DateTimeKind.Unspecified);
        return new DateTimeOffset(fallback, zone.GetUtcOffset(fallback)).ToUniversalTime();
    }
}
