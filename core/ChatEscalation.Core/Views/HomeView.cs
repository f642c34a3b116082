using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Views;

/// <summary>
/// What one person's home shows (Slack App Home, the Teams <c>home</c> card, the emulator's Home): their open tickets, for technicians
/// their tiers' unaccepted queues, their on-call shifts this week and next, for managers the at-risk and breached tickets. Platform
/// neutral; Block Kit, Adaptive Cards and the emulator render it.
/// </summary>
/// <param name="Mine">Open tickets the person reported or owns, at most <see cref="HomeViews.ListLimit"/>; <paramref name="MineMore"/> more are not listed.</param>
/// <param name="Queues">One per tier the person works in (empty for anybody else).</param>
/// <param name="AtRisk">Managers only (null for anybody else): open tickets at risk or breached, breached first.</param>
/// <param name="ZoneName">The zone the times are written in (<see cref="TimeText.ZoneName"/>).</param>
/// <param name="UpdatedText">When the view was built, in the reader's zone.</param>
public sealed record HomeView(
    UserRef Person,
    string Roles,
    IReadOnlyList<HomeTicket> Mine,
    int MineMore,
    IReadOnlyList<HomeQueue> Queues,
    IReadOnlyList<HomeShift> Shifts,
    IReadOnlyList<HomeTicket>? AtRisk,
    int AtRiskMore,
    string ZoneName,
    DateTimeOffset At,
    string UpdatedText)
{
    /// <summary>True when the person works in a tier (the home has queues).</summary>
    public bool IsTechnician => Queues.Count > 0;

    /// <summary>True when the person is a manager (the home lists at-risk and breached tickets).</summary>
    public bool IsManager => AtRisk is not null;
}
