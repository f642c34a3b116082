namespace ChatEscalation.Core.Views;

/// <summary>How a ticket stands against its resolution target, for card colours and dashboards.</summary>
public enum SlaState { OnTrack, Warning, AtRisk, Breached, Paused, Met, Missed, Cancelled }
