using ChatEscalation.Core.Views;

namespace ChatEscalation.Bot.Dashboard;

/// <summary>How many open tickets sit at one tier in one SLA state.</summary>
public sealed record TierSlaCount(int Tier, string TierName, SlaState Sla, int Count);
