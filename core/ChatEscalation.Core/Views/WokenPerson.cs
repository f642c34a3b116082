namespace ChatEscalation.Core.Views;

/// <summary>Somebody an after-hours page reached (a person by direct message, or the managers' channel): how often, first when.</summary>
public sealed record WokenPerson(string Name, int Pages, DateTimeOffset FirstAt);
