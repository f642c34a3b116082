using ChatEscalation.Core.Policy;
using ChatEscalation.Core.Policy.Options;

namespace ChatEscalation.Core.Tests.Engine.Support;

/// <summary>
/// The demo policy of the root appsettings.json, built by hand: four tiers, London business hours Mon-Fri 08:00-18:00 with
/// the UK holidays, P1 30 min 24x7 / P2 4 business hours / P3 2 business days / P4 5 business days, warn 75 %, manager 90 %,
/// re-page every 10 min, 3 attempts per level, weekly Tier 1 and Tier 2 rotations and a daily Tier 3 rotation from 2026-01-05.
/// </summary>
/// <remarks>In the week of 2026-01-05 09:00 the Tier 1 primary is Alice, the Tier 2 primary Carol and secondary Dave;
/// on Friday 2026-01-09 (day 4) the Tier 3 primary is Erin and the secondary Frank.</remarks>
internal static class TestPolicy
{
    public static EscalationPolicy Default() => Compile(Options());

    /// <summary>The demo policy with a change applied to its options first.</summary>
    public static EscalationPolicy With(Action<PolicyOptions> change)
    {
        var options = Options();
        change(options);
        return Compile(options);
    }

    public static EscalationPolicy Compile(PolicyOptions options)
    {
        var compilation = PolicyCompiler.Compile(options);
        compilation.Errors.ShouldBeEmpty();
        return compilation.Policy!;
    }

    public static PolicyOptions Options() => new()
    {
        Tiers =
        [
            Tier(1, "Tier 1 – Service Desk", ["alice@demo.local", "bob@demo.local"], ["lena@demo.local"], "service-desk"),
            Tier(2, "Tier 2 – Desktop & Apps", ["carol@demo.local", "dave@demo.local"], ["mike@demo.local"], "desktop-apps"),
            Tier(3, "Tier 3 – Infrastructure", ["erin@demo.local", "frank@demo.local"], ["frank@demo.local"], "infrastructure"),
            Tier(4, "Tier 4 – Vendors", ["gina@demo.local"], ["gina@demo.local"], null),
        ],
        Managers = ["maria@demo.local"],
        ManagerChannel = new ChannelOptions { Local = "it-managers" },
        OnCallChannel = new ChannelOptions { Local = "on-call" },
        People =
        [
            Person("alice", "Alice (Tier 1)"), Person("bob", "Bob (Tier 1)"), Person("lena", "Lena (Tier 1 lead)"),
            Person("carol", "Carol (Tier 2)"), Person("dave", "Dave (Tier 2)"), Person("mike", "Mike (Tier 2 lead)"),
            Person("erin", "Erin (Tier 3)"), Person("frank", "Frank (Tier 3 lead)"), Person("gina", "Gina (Tier 4 vendors)"),
            Person("maria", "Maria (IT manager)"), Person("uma", "Uma (end user)"), Person("victor", "Victor (CFO, VIP)"),
        ],
        Categories = new(StringComparer.OrdinalIgnoreCase)
        {
            ["Network"] = Category(1, "vpn", "wifi", "wi-fi", "network", "internet", "proxy"),
            ["Access"] = Category(1, "password", "login", "log in", "account", "mfa", "locked"),
            ["Hardware"] = Category(1, "laptop", "printer", "monitor", "keyboard", "dock"),
            ["Email"] = Category(1, "outlook", "email", "e-mail", "mailbox", "calendar"),
            ["Payroll"] = Category(2, "payroll", "payslip", "salary"),
            ["Database"] = Category(3, "database", "sql", "replication"),
            ["General"] = Category(1),
        },
        DefaultCategory = "General",
        PriorityMatrix = new(StringComparer.OrdinalIgnoreCase)
        {
            ["High"] = new() { ["High"] = "P1", ["Medium"] = "P2", ["Low"] = "P3" },
            ["Medium"] = new() { ["High"] = "P2", ["Medium"] = "P3", ["Low"] = "P4" },
            ["Low"] = new() { ["High"] = "P3", ["Medium"] = "P4", ["Low"] = "P4" },
        },
        Vips = new VipOptions { People = ["victor@demo.local"], RaisePriorityBy = 1, NotifyManagers = true },
        CriticalServices =
        [
            new CriticalServiceOptions { Name = "Payroll", Keywords = ["payroll", "payslip"], MinimumPriority = "P2", OpenAtTier = 2 },
            new CriticalServiceOptions { Name = "ERP", Keywords = ["erp", "sap"], MinimumPriority = "P2" },
        ],
        Priorities = new(StringComparer.OrdinalIgnoreCase)
        {
            ["P1"] = new() { RespondWithin = "15m", ResolveWithin = "4h", EscalateAfter = "30m", Calendar = "24x7", PageAfterHours = true, AllowTierSkip = true },
            ["P2"] = new() { RespondWithin = "30m", ResolveWithin = "8h", EscalateAfter = "4h", Calendar = "business", PageAfterHours = true },
            ["P3"] = new() { RespondWithin = "4h", ResolveWithin = "5d", EscalateAfter = "2d", Calendar = "business" },
            ["P4"] = new() { RespondWithin = "1d", ResolveWithin = "10d", EscalateAfter = "5d", Calendar = "business" },
        },
        Thresholds = new ThresholdOptions { Warning = 0.75, Manager = 0.90 },
        Calendars = new(StringComparer.OrdinalIgnoreCase)
        {
            ["business"] = new CalendarOptions
            {
                TimeZone = "Europe/London",
                Hours = new(StringComparer.OrdinalIgnoreCase) { ["Mon-Fri"] = "08:00-18:00" },
                Holidays = ["2026-12-25", "2026-12-28", "2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03"],
            },
        },
        StaffedCalendar = "business",
        OnCall = new OnCallOptions
        {
            RepageEvery = "10m",
            AttemptsPerLevel = 3,
            HoldWhenUncovered = false,
            Rotations = new(StringComparer.OrdinalIgnoreCase)
            {
                ["service-desk"] = Rotation(Layer("primary", "Weekly", "alice@demo.local", "bob@demo.local")),
                ["desktop-apps"] = Rotation(
                    Layer("primary", "Weekly", "carol@demo.local", "dave@demo.local"),
                    Layer("secondary", "Weekly", "dave@demo.local", "carol@demo.local")),
                ["infrastructure"] = Rotation(
                    Layer("primary", "Daily", "erin@demo.local", "frank@demo.local"),
                    Layer("secondary", "Daily", "frank@demo.local", "erin@demo.local")),
            },
        },
        Vendors =
        [
            new VendorOptions { Name = "Contoso Networks", Contract = "Gold 24x7", RespondWithin = "2h", ResolveWithin = "1d", Calendar = "24x7", ChaseEvery = "4h" },
            new VendorOptions { Name = "Fabrikam Payroll", Contract = "Standard business hours", RespondWithin = "4h", ResolveWithin = "3d", Calendar = "business", ChaseEvery = "1d" },
        ],
        ReopenWindow = "7d",
        KnowledgeFromTier = 2,
    };

    private static TierOptions Tier(int level, string name, List<string> members, List<string> leads, string? rotation) =>
        new() { Level = level, Name = name, Members = members, Leads = leads, Channel = new ChannelOptions { Local = $"tier-{level}" }, OnCallRotation = rotation };

    private static PersonOptions Person(string user, string name) => new() { Email = $"{user}@demo.local", Name = name };

    private static CategoryOptions Category(int tier, params string[] keywords) => new() { DefaultTier = tier, Keywords = [.. keywords] };

    private static RotationOptions Rotation(params RotationLayerOptions[] layers) => new() { TimeZone = "Europe/London", Layers = [.. layers] };

    private static RotationLayerOptions Layer(string name, string turn, params string[] people) =>
        new() { Name = name, Participants = [.. people], Turn = turn, StartDate = "2026-01-05", HandoffTime = "09:00" };
}
