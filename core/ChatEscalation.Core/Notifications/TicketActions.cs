namespace ChatEscalation.Core.Notifications;

/// <summary>One id per button, shared by every renderer and every translator (Slack action_id, Teams verb, emulator).</summary>
public static class TicketActions
{
    public const string Accept = "accept";
    public const string Escalate = "escalate";
    public const string EscalateManager = "escalate_manager";
    public const string Resolve = "resolve";
    public const string AckPage = "ack_page";
    public const string TakeOver = "take_over";
    public const string Reassign = "reassign";
    public const string Reopen = "reopen";
    public const string Raise = "raise";

    public static IReadOnlyList<string> All { get; } = [Accept, Escalate, EscalateManager, Resolve, AckPage, TakeOver, Reassign, Reopen];
}
