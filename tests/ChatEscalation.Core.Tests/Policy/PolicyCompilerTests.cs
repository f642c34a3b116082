using ChatEscalation.Core.Policy;
using ChatEscalation.Core.Policy.Options;
using ChatEscalation.Core.Tests.Engine.Support;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Tests.Policy;

public class PolicyCompilerTests
{
    private static IReadOnlyList<string> ErrorsAfter(Action<PolicyOptions> change)
    {
        var options = TestPolicy.Options();
        change(options);
        var compilation = PolicyCompiler.Compile(options);
        compilation.IsValid.ShouldBeFalse();
        compilation.Policy.ShouldBeNull();
        return compilation.Errors;
    }

    [Fact]
    public void Compile_DemoPolicyFromAppSettings_ValidWithTheDemoTerms()
    {
        var compilation = PolicyCompiler.Compile(DemoPolicy.Options());

        compilation.Errors.ShouldBeEmpty();
        var policy = compilation.Policy.ShouldNotBeNull();
        policy.Tiers.Select(t => t.Level).ShouldBe([1, 2, 3, 4]);
        policy.MaxTier.ShouldBe(4);
        policy.IsManager(People.Maria).ShouldBeTrue();
        policy.IsLead(People.Lena, 1).ShouldBeTrue();
        policy.IsTierMember(People.Carol, 2).ShouldBeTrue();
        policy.Vips.People.ShouldContain("victor@demo.local");
        policy.CriticalServices.Select(s => s.Name).ShouldBe(["Payroll", "ERP"]);
        policy.Staffed.Zone.Id.ShouldBe("Europe/London");
        policy.RepageEvery.ShouldBe(TimeSpan.FromMinutes(10));
        policy.AttemptsPerLevel.ShouldBe(3);
        policy.ManagerRepageEvery.ShouldBe(TimeSpan.FromHours(1));
        policy.ReopenWindow.ShouldBe(TimeSpan.FromDays(7));
        policy.Rotations.Keys.ShouldBe(["service-desk", "desktop-apps", "infrastructure"], ignoreOrder: true);
        policy.Vendors.Select(v => v.Name).ShouldBe(["Contoso Networks", "Fabrikam Payroll"]);
    }

    [Theory]
    // Business days are the calendar's standard workday (10 h on the London calendar); P1 runs 24x7.
    [InlineData(Priority.P1, "24x7", 15, 240, 30)]
    [InlineData(Priority.P2, "business", 30, 480, 240)]
    [InlineData(Priority.P3, "business", 240, 3000, 1200)]
    [InlineData(Priority.P4, "business", 600, 6000, 3000)]
    public void Compile_DemoPolicy_TermsPerPriority(Priority priority, string calendar, int respondMinutes, int resolveMinutes, int escalateMinutes)
    {
        var terms = PolicyCompiler.Compile(DemoPolicy.Options()).Policy!.Terms[priority];

        terms.Calendar.ShouldBe(calendar);
        terms.RespondWithin.ShouldBe(TimeSpan.FromMinutes(respondMinutes));
        terms.ResolveWithin.ShouldBe(TimeSpan.FromMinutes(resolveMinutes));
        terms.EscalateAfter.ShouldBe(TimeSpan.FromMinutes(escalateMinutes));
        terms.WarnAt.ShouldBe(0.75);
        terms.ManagerAt.ShouldBe(0.90);
    }

    [Fact]
    public void Compile_HandBuiltTestPolicy_SameTermsAsAppSettings()
    {
        var fromFile = PolicyCompiler.Compile(DemoPolicy.Options()).Policy!;
        var byHand = TestPolicy.Default();

        foreach (var priority in Enum.GetValues<Priority>()) byHand.Terms[priority].ShouldBe(fromFile.Terms[priority]);
        byHand.Matrix.ShouldBe(fromFile.Matrix);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("0m")]
    [InlineData("4x")]
    [InlineData("1.5d")]
    public void Compile_BadDuration_ErrorNamesTheKey(string value)
    {
        ErrorsAfter(o => o.Priorities["P2"].ResolveWithin = value)
            .ShouldContain(e => e.StartsWith("Policy:Priorities:P2:ResolveWithin:") && e.Contains($"'{value}'"));
    }

    [Fact]
    public void Compile_EmptyDuration_FallsBackToTheDefault()
    {
        var options = TestPolicy.Options();
        options.Priorities["P2"].ResolveWithin = "";

        PolicyCompiler.Compile(options).Policy!.Terms[Priority.P2].ResolveWithin.ShouldBe(TimeSpan.FromHours(8));
    }

    [Fact]
    public void Compile_UnknownCalendar_ErrorNamesPriorityAndCalendar()
    {
        ErrorsAfter(o => o.Priorities["P3"].Calendar = "nights")
            .ShouldContain(e => e.StartsWith("Policy:Priorities:P3:Calendar:") && e.Contains("'nights'"));
    }

    [Fact]
    public void Compile_UnknownStaffedCalendar_ErrorNamesTheKey()
    {
        ErrorsAfter(o => o.StaffedCalendar = "weekends").ShouldContain(e => e.StartsWith("Policy:StaffedCalendar:"));
    }

    [Fact]
    public void Compile_BadTimeZone_ErrorNamesTheCalendarsTimeZoneKey()
    {
        ErrorsAfter(o => o.Calendars["business"].TimeZone = "Mars/Olympus")
            .ShouldContain(e => e.StartsWith("Policy:Calendars:business:TimeZone:") && e.Contains("'Mars/Olympus'"));
    }

    [Fact]
    public void Compile_BadHoursOrHoliday_ErrorsNameTheKeys()
    {
        ErrorsAfter(o => o.Calendars["business"].Hours["Mon-Fri"] = "18:00-08:00").ShouldContain(e => e.StartsWith("Policy:Calendars:business:Hours:"));
        ErrorsAfter(o => o.Calendars["business"].Holidays.Add("25/12/2026")).ShouldContain(e => e.StartsWith("Policy:Calendars:business:Holidays:") && e.Contains("25/12/2026"));
    }

    [Fact]
    public void Compile_TiersWithAGap_ErrorListsTheLevels()
    {
        ErrorsAfter(o => o.Tiers[2].Level = 5)
            .ShouldContain(e => e.StartsWith("Policy:Tiers:") && e.Contains("without gaps") && e.Contains("1, 2, 4, 5"));
    }

    [Fact]
    public void Compile_NoTiers_ErrorNamesTiers()
    {
        ErrorsAfter(o => o.Tiers.Clear()).ShouldContain(e => e.StartsWith("Policy:Tiers:"));
    }

    [Fact]
    public void Compile_TierWithoutChannel_ErrorNamesTheTierIndex()
    {
        ErrorsAfter(o => o.Tiers[1].Channel = new ChannelOptions()).ShouldContain(e => e.StartsWith("Policy:Tiers:1:Channel:"));
    }

    [Theory]
    [InlineData(0.0, 0.9)]
    [InlineData(0.9, 0.9)]
    [InlineData(0.95, 0.9)]
    [InlineData(0.75, 1.0)]
    [InlineData(-0.1, 0.5)]
    public void Compile_BadThresholds_ErrorNamesThresholds(double warning, double manager)
    {
        ErrorsAfter(o => o.Thresholds = new ThresholdOptions { Warning = warning, Manager = manager })
            .ShouldContain(e => e.StartsWith("Policy:Thresholds:"));
    }

    [Theory]
    [InlineData(0.01, 0.02)]
    [InlineData(0.75, 0.9)]
    [InlineData(0.5, 0.99)]
    public void Compile_GoodThresholds_Valid(double warning, double manager)
    {
        var options = TestPolicy.Options();
        options.Thresholds = new ThresholdOptions { Warning = warning, Manager = manager };

        PolicyCompiler.Compile(options).Errors.ShouldBeEmpty();
    }

    [Fact]
    public void Compile_UnknownRotation_ErrorNamesTheTiersRotationKey()
    {
        ErrorsAfter(o => o.Tiers[1].OnCallRotation = "night-owls")
            .ShouldContain(e => e.StartsWith("Policy:Tiers:1:OnCallRotation:") && e.Contains("'night-owls'"));
    }

    [Fact]
    public void Compile_BadRotation_ErrorNamesTheRotation()
    {
        ErrorsAfter(o => o.OnCall.Rotations["desktop-apps"].Layers[0].Turn = "Fortnightly")
            .ShouldContain(e => e.StartsWith("Policy:OnCall:Rotations:desktop-apps:") && e.Contains("Fortnightly"));
    }

    [Theory]
    [InlineData("P9")]
    [InlineData("5")]
    [InlineData("urgent")]
    public void Compile_BadMatrixCell_ErrorNamesTheCell(string cell)
    {
        ErrorsAfter(o => o.PriorityMatrix["High"]["Low"] = cell)
            .ShouldContain(e => e.StartsWith("Policy:PriorityMatrix:High:Low:") && e.Contains($"'{cell}'"));
    }

    [Fact]
    public void Compile_MissingMatrixCells_DefaultItilMatrix()
    {
        var options = TestPolicy.Options();
        options.PriorityMatrix.Clear();

        var policy = PolicyCompiler.Compile(options).Policy!;

        policy.PriorityFor(Impact.High, Urgency.High).ShouldBe(Priority.P1);
        policy.PriorityFor(Impact.Low, Urgency.Low).ShouldBe(Priority.P4);
    }

    [Fact]
    public void Compile_SeveralProblems_AllReported()
    {
        var errors = ErrorsAfter(o =>
        {
            o.Priorities["P2"].ResolveWithin = "soon";
            o.Thresholds.Warning = 2;
            o.Managers.Clear();
        });

        errors.ShouldContain(e => e.StartsWith("Policy:Priorities:P2:ResolveWithin:"));
        errors.ShouldContain(e => e.StartsWith("Policy:Thresholds:"));
        errors.ShouldContain(e => e.StartsWith("Policy:Managers:"));
    }

    [Theory]
    [InlineData("Policy:Categories:Payroll:DefaultTier")]
    [InlineData("Policy:Vips:OpenAtTier")]
    [InlineData("Policy:CriticalServices:0:OpenAtTier")]
    public void Compile_TierReferenceOutOfRange_ErrorNamesTheKey(string key)
    {
        ErrorsAfter(o =>
        {
            switch (key)
            {
                case "Policy:Categories:Payroll:DefaultTier": o.Categories["Payroll"].DefaultTier = 9; break;
                case "Policy:Vips:OpenAtTier": o.Vips.OpenAtTier = 0; break;
                default: o.CriticalServices[0].OpenAtTier = 7; break;
            }
        }).ShouldContain(e => e.StartsWith(key + ":"));
    }

    [Fact]
    public void Compile_BadOnCallSettings_ErrorsNameTheKeys()
    {
        ErrorsAfter(o => o.OnCall.RepageEvery = "30s").ShouldContain(e => e.StartsWith("Policy:OnCall:RepageEvery:"));
        ErrorsAfter(o => o.OnCall.AttemptsPerLevel = 0).ShouldContain(e => e.StartsWith("Policy:OnCall:AttemptsPerLevel:"));
        ErrorsAfter(o => o.OnCall.ManagerRepageEvery = "soon").ShouldContain(e => e.StartsWith("Policy:OnCall:ManagerRepageEvery:"));
    }

    [Fact]
    public void Compile_BadVendorOrReopenWindow_ErrorsNameTheKeys()
    {
        ErrorsAfter(o => o.Vendors[1].RespondWithin = "never").ShouldContain(e => e.StartsWith("Policy:Vendors:1:RespondWithin:"));
        ErrorsAfter(o => o.Vendors[0].Calendar = "moon").ShouldContain(e => e.StartsWith("Policy:Vendors:0:Calendar:"));
        ErrorsAfter(o => o.ReopenWindow = "a week").ShouldContain(e => e.StartsWith("Policy:ReopenWindow:"));
    }

    [Fact]
    public void Compile_ResponseLongerThanResolution_ErrorNamesRespondWithin()
    {
        ErrorsAfter(o => o.Priorities["P2"].RespondWithin = "9h").ShouldContain(e => e.StartsWith("Policy:Priorities:P2:RespondWithin:"));
    }

    [Fact]
    public void Compile_UnknownPriorityKey_Error()
    {
        ErrorsAfter(o => o.Priorities["P5"] = new PriorityOptions()).ShouldContain(e => e.StartsWith("Policy:Priorities:P5:"));
    }

    [Fact]
    public void Compile_TierSlackUserGroup_KeptOnTheTiersChannel()
    {
        var options = TestPolicy.Options();
        options.Tiers[0].Channel.SlackUserGroup = " S0TIER1DESK ";

        var policy = PolicyCompiler.Compile(options).Policy.ShouldNotBeNull();

        policy.Tier(1).Channel.SlackUserGroup.ShouldBe("S0TIER1DESK");
        policy.Tier(2).Channel.SlackUserGroup.ShouldBeNull();
    }

    [Theory]
    [InlineData("U0ALICE")]
    [InlineData("<!subteam^S0X>")]
    [InlineData("s0lower")]
    [InlineData("S")]
    public void Compile_TierSlackUserGroupNotAnId_RefusedNamingTheKey(string group)
    {
        var errors = ErrorsAfter(o => o.Tiers[1].Channel.SlackUserGroup = group);

        errors.ShouldContain(e => e.StartsWith("Policy:Tiers:1:Channel:SlackUserGroup:", StringComparison.Ordinal) && e.Contains($"'{group}'", StringComparison.Ordinal));
    }

    [Fact]
    public void Compile_SlackUserGroupOnTheManagerChannel_RefusedAsUnused()
    {
        var errors = ErrorsAfter(o => o.ManagerChannel.SlackUserGroup = "S0MANAGERS");

        errors.ShouldContain(e => e.StartsWith("Policy:ManagerChannel:SlackUserGroup:", StringComparison.Ordinal));
    }

    [Fact]
    public void Compile_CategoryMappedToAnUnknownVendor_NamedByKey() =>
        ErrorsAfter(o => o.Categories["Network"].Vendor = "Nobody Networks")
            .ShouldContain("Policy:Categories:Network:Vendor: 'Nobody Networks' is not a vendor under Policy:Vendors.");

    [Fact]
    public void Compile_DemoPolicy_VendorTierIsTheLastAndTier3TheTopInternalTier()
    {
        var policy = PolicyCompiler.Compile(DemoPolicy.Options()).Policy!;

        policy.VendorTier.ShouldBe(4);
        policy.TopInternalTier.ShouldBe(3);
        policy.NextTierByClock(2, "Network").ShouldBe(3);
        policy.NextTierByClock(3, "Network").ShouldBeNull();
        policy.NextTierByClock(4, "Network").ShouldBeNull();
    }
}
