namespace ChatEscalation.Bot.Conversations;

/// <summary>What a chat message asks for.</summary>
public enum ChatIntentKind { Raise, Status, Mine, OnCall, Help, Note, Cancel, Reopen, Manager, Accept, Resolve, WaitOnUser, Resume, Acknowledge, Escalate, Reassign, Vendor, Priority, TakeOver, WhatIf, Unknown }
