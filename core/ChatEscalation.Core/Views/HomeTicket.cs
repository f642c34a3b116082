using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Views;

/// <summary>One ticket as a person's home lists it: number, title, status, tier, owner and when it is due, in the reader's zone.</summary>
/// <param name="OwnerName">The owner's name; null while nobody has accepted it.</param>
/// <param name="DueText">The resolution target written for the reader (<see cref="TimeText.At"/>), or what stops the clock ("Paused while waiting on the user").</param>
/// <param name="CanAccept">True when the reader may accept it now (an unaccepted ticket of a tier they work in): the home shows an Accept button.</param>
public sealed record HomeTicket(long Number, string Key, string Title, Priority Priority, string StatusText, string TierName, string? OwnerName,
    string DueText, SlaState SlaState, bool CanAccept);
