namespace ChatEscalation.Core.Engine;

/// <summary>Names of the once-only warnings recorded on a ticket.</summary>
/// <remarks>The lead's warning fires once per tier (a new tier's lead is told too); the manager ping and the breach once per ticket.</remarks>
public static class Marks
{
    public static string Warning(int tier) => $"warn:T{tier}";
    public const string Manager = "manager";
    public const string Breach = "breach";
    public const string VendorRespond = "vendor-respond";
    public const string VendorResolve = "vendor-resolve";
    public static string Unaccepted(int tier) => $"unaccepted:T{tier}";
}
