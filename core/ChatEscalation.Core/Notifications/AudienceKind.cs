namespace ChatEscalation.Core.Notifications;

/// <summary>Who a notification is for, independent of the chat platform.</summary>
public enum AudienceKind { TierQueue, ManagerChannel, OnCallChannel, Person }
