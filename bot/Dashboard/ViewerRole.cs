namespace ChatEscalation.Bot.Dashboard;

/// <summary>What a person sees on the dashboard and ticket pages, from the policy.</summary>
public enum ViewerRole
{
    /// <summary>Sign-in is off (the local demo: neither Slack nor Teams connected): everything, as before.</summary>
    Everyone,
    /// <summary>A manager in the policy: every ticket, every figure, parked messages and their retry.</summary>
    Manager,
    /// <summary>A tier member or lead: the tickets that are or were at their tiers (and their own), and the desk's aggregate figures.</summary>
    Staff,
    /// <summary>Anybody else who reported tickets: their own tickets only.</summary>
    Reporter,
}
