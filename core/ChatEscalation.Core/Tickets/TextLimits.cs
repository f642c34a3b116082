namespace ChatEscalation.Core.Tickets;

/// <summary>The longest texts a ticket keeps, in characters (UTF-16 code units). Forms offer these as their maximum length.</summary>
public static class TextLimits
{
    /// <summary>A ticket's title.</summary>
    public const int Title = 150;

    /// <summary>A ticket's description.</summary>
    public const int Description = 4000;

    /// <summary>A note, a handoff part, a resolution, a reason or a question.</summary>
    public const int Note = 2000;

    /// <summary>Short single-line values: an affected service, a vendor, a case id.</summary>
    public const int Short = 200;
}
