using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Tests.Engine.Support;

/// <summary>Handoff notes for escalation tests.</summary>
internal static class Handoffs
{
    public static HandoffNote Good { get; } = new("Restarted the VPN client and re-enrolled the token", "Still drops every 10 minutes", "Check the concentrator logs");
}
