using ChatEscalation.Core.Calendars;
using ChatEscalation.Core.OnCall;
using ChatEscalation.Core.Policy.Options;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Policy;

/// <summary>Validates <see cref="PolicyOptions"/> and compiles them into an <see cref="EscalationPolicy"/>.</summary>
/// <remarks>Every problem is reported, not just the first, as <c>Policy:Key:Path: what is wrong</c>.</remarks>
public static class PolicyCompiler
{
    public static PolicyCompilation Compile(PolicyOptions options)
    {
        var errors = new List<string>();
        var calendars = CompileCalendars(options, errors);
        var tiers = CompileTiers(options, errors);
        var maxTier = tiers.Count == 0 ? 1 : tiers[^1].Level;
        var managers = Emails(options.Managers);
        if (managers.Count == 0) errors.Add("Policy:Managers: name at least one manager (e-mail) for hierarchical escalation.");

        var vendors = CompileVendors(options, calendars, errors);
        var categories = new List<CategoryPolicy>();
        foreach (var (name, category) in options.Categories)
        {
            if (category.DefaultTier < 1 || category.DefaultTier > maxTier)
                errors.Add($"Policy:Categories:{name}:DefaultTier: {category.DefaultTier} is not a tier (1..{maxTier}).");
            var vendor = string.IsNullOrWhiteSpace(category.Vendor) ? null : category.Vendor.Trim();
            if (vendor is not null && !vendors.Any(v => string.Equals(v.Name, vendor, StringComparison.OrdinalIgnoreCase)))
                errors.Add($"Policy:Categories:{name}:Vendor: '{vendor}' is not a vendor under Policy:Vendors.");
            categories.Add(new CategoryPolicy(name, category.DefaultTier, category.Keywords.Select(k => k.Trim().ToLowerInvariant()).Where(k => k.Length > 0).ToList(), vendor));
        }
        if (!categories.Any(c => string.Equals(c.Name, options.DefaultCategory, StringComparison.OrdinalIgnoreCase)))
            categories.Add(new CategoryPolicy(options.DefaultCategory, 1, []));

        var matrix = CompileMatrix(options, errors);
        var terms = CompileTerms(options, calendars, errors);

        var vips = new VipPolicy(Emails(options.Vips.People), Math.Max(0, options.Vips.RaisePriorityBy), options.Vips.OpenAtTier, options.Vips.NotifyManagers);
        if (vips.OpenAtTier is { } vipTier && (vipTier < 1 || vipTier > maxTier))
            errors.Add($"Policy:Vips:OpenAtTier: {vipTier} is not a tier (1..{maxTier}).");

        var services = new List<CriticalService>();
        for (var i = 0; i < options.CriticalServices.Count; i++)
        {
            var s = options.CriticalServices[i];
            var key = $"Policy:CriticalServices:{i}";
            if (string.IsNullOrWhiteSpace(s.Name)) errors.Add($"{key}:Name: a critical service needs a name.");
            if (!Enum.TryParse<Priority>(s.MinimumPriority, true, out var min)) errors.Add($"{key}:MinimumPriority: '{s.MinimumPriority}' is not P1, P2, P3 or P4.");
            if (s.OpenAtTier is { } t && (t < 1 || t > maxTier)) errors.Add($"{key}:OpenAtTier: {t} is not a tier (1..{maxTier}).");
            services.Add(new CriticalService(s.Name, s.Keywords.Append(s.Name).Select(k => k.Trim().ToLowerInvariant()).Where(k => k.Length > 0).Distinct().ToList(), min, s.OpenAtTier));
        }

        var thresholds = options.Thresholds;
        if (!(thresholds.Warning > 0 && thresholds.Warning < thresholds.Manager && thresholds.Manager < 1))
            errors.Add($"Policy:Thresholds: Warning ({thresholds.Warning}) and Manager ({thresholds.Manager}) must satisfy 0 < Warning < Manager < 1.");

        if (!calendars.TryGetValue(options.StaffedCalendar, out var staffed))
        {
            errors.Add($"Policy:StaffedCalendar: calendar '{options.StaffedCalendar}' is not defined under Policy:Calendars.");
            staffed = BusinessCalendar.AlwaysOpen();
        }

        if (!DurationText.TryParseWallClock(options.OnCall.RepageEvery, out var repage) || repage < TimeSpan.FromMinutes(1))
            errors.Add($"Policy:OnCall:RepageEvery: '{options.OnCall.RepageEvery}' is not a duration of at least 1 minute (examples: 5m, 10m).");
        if (!DurationText.TryParseWallClock(options.OnCall.ManagerRepageEvery, out var managerRepage) || managerRepage < TimeSpan.FromMinutes(1))
            errors.Add($"Policy:OnCall:ManagerRepageEvery: '{options.OnCall.ManagerRepageEvery}' is not a duration of at least 1 minute (examples: 30m, 1h).");
        if (options.OnCall.AttemptsPerLevel < 1)
            errors.Add($"Policy:OnCall:AttemptsPerLevel: {options.OnCall.AttemptsPerLevel} must be 1 or more.");
        var rotations = CompileRotations(options, errors);
        foreach (var tier in tiers.Where(t => t.Rotation is not null && !rotations.ContainsKey(t.Rotation)))
            errors.Add($"Policy:Tiers:{tier.Level - 1}:OnCallRotation: rotation '{tier.Rotation}' is not defined under Policy:OnCall:Rotations.");

        if (!DurationText.TryParseWallClock(options.ReopenWindow, out var reopen))
            errors.Add($"Policy:ReopenWindow: '{options.ReopenWindow}' is not a duration (examples: 3d, 7d).");

        var people = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in options.People.Where(p => !string.IsNullOrWhiteSpace(p.Email)))
            people[p.Email.Trim().ToLowerInvariant()] = string.IsNullOrWhiteSpace(p.Name) ? p.Email.Trim() : p.Name.Trim();

        var managerChannel = Address(options.ManagerChannel, "Policy:ManagerChannel", errors);
        var onCallChannel = Address(options.OnCallChannel, "Policy:OnCallChannel", errors);
        if (errors.Count > 0) return new PolicyCompilation(null, errors);
        return new PolicyCompilation(new EscalationPolicy
        {
            Tiers = tiers,
            Managers = managers,
            ManagerChannel = managerChannel,
            OnCallChannel = onCallChannel,
            PeopleNames = people,
            Categories = categories,
            DefaultCategory = options.DefaultCategory,
            Matrix = matrix,
            Vips = vips,
            CriticalServices = services,
            Terms = terms,
            Calendars = calendars,
            Staffed = staffed,
            RepageEvery = repage,
            AttemptsPerLevel = options.OnCall.AttemptsPerLevel,
            ManagerRepageEvery = managerRepage,
            HoldWhenUncovered = options.OnCall.HoldWhenUncovered,
            Rotations = rotations,
            Vendors = vendors,
            ReopenWindow = reopen,
            KnowledgeFromTier = options.KnowledgeFromTier,
        }, []);
    }

    private static Dictionary<string, BusinessCalendar> CompileCalendars(PolicyOptions options, List<string> errors)
    {
        var result = new Dictionary<string, BusinessCalendar>(StringComparer.OrdinalIgnoreCase) { ["24x7"] = BusinessCalendar.AlwaysOpen("24x7") };
        var definitions = new Dictionary<string, CalendarOptions>(options.Calendars, StringComparer.OrdinalIgnoreCase);
        definitions.TryAdd("business", PolicyDefaults.Business());
        foreach (var (name, c) in definitions)
        {
            var key = $"Policy:Calendars:{name}";
            var valid = true;
            var zone = TimeZoneInfo.Utc;
            try { zone = TimeZoneInfo.FindSystemTimeZoneById(c.TimeZone); }
            catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
            {
                errors.Add($"{key}:TimeZone: '{c.TimeZone}' is not a known time zone (use an IANA id such as Europe/London).");
                valid = false;
            }
            IReadOnlyList<OpeningHours> hours = [];
            try { hours = BusinessCalendar.ParseWeeklyHours(c.Hours); }
            catch (FormatException e)
            {
                errors.Add($"{key}:Hours: {e.Message}");
                valid = false;
            }
            if (valid && hours.Count == 0) errors.Add($"{key}:Hours: the calendar is never open; give hours such as Mon-Fri: 08:00-18:00.");
            var holidays = new List<DateOnly>();
            foreach (var h in c.Holidays)
            {
                if (DateOnly.TryParseExact(h, "yyyy-MM-dd", out var date)) holidays.Add(date);
                else errors.Add($"{key}:Holidays: '{h}' is not a date (yyyy-MM-dd).");
            }
            // A broken calendar still gets a stand-in, so the checks that use it report their own problems instead of
            // "not defined"; its errors stop start-up anyway.
            result[name] = valid && hours.Count > 0 ? new BusinessCalendar(name, zone, hours, holidays) : BusinessCalendar.AlwaysOpen(name);
        }
        return result;
    }

    private static List<TierPolicy> CompileTiers(PolicyOptions options, List<string> errors)
    {
        if (options.Tiers.Count == 0)
        {
            errors.Add("Policy:Tiers: define the support tiers (Level 1, 2, …) with their members and queue channels.");
            return [];
        }
        var ordered = options.Tiers.OrderBy(t => t.Level).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            if (ordered[i].Level != i + 1)
            {
                errors.Add($"Policy:Tiers: levels must run 1, 2, 3 … without gaps; found {string.Join(", ", ordered.Select(t => t.Level))}.");
                break;
            }
        }
        return options.Tiers.Select((t, i) =>
        {
            if (string.IsNullOrWhiteSpace(t.Name)) errors.Add($"Policy:Tiers:{i}:Name: tier {t.Level} needs a name.");
            var channel = Address(t.Channel) with { SlackUserGroup = UserGroup(t.Channel.SlackUserGroup, $"Policy:Tiers:{i}:Channel:SlackUserGroup", errors) };
            if (channel.Slack is null && channel.Teams is null && channel.Local is null)
                errors.Add($"Policy:Tiers:{i}:Channel: tier {t.Level} needs a queue channel (Slack, Teams or Local).");
            return new TierPolicy(t.Level, t.Name, Emails(t.Members), Emails(t.Leads), channel, string.IsNullOrWhiteSpace(t.OnCallRotation) ? null : t.OnCallRotation);
        }).OrderBy(t => t.Level).ToList();
    }

    private static Dictionary<(Impact, Urgency), Priority> CompileMatrix(PolicyOptions options, List<string> errors)
    {
        var matrix = new Dictionary<(Impact, Urgency), Priority>();
        foreach (var impact in Enum.GetValues<Impact>())
        {
            foreach (var urgency in Enum.GetValues<Urgency>())
            {
                var text = options.PriorityMatrix.TryGetValue(impact.ToString(), out var row) && row.TryGetValue(urgency.ToString(), out var cell)
                    ? cell
                    : PolicyDefaults.Matrix(impact.ToString(), urgency.ToString());
                if (Enum.TryParse<Priority>(text, true, out var p) && Enum.IsDefined(p)) matrix[(impact, urgency)] = p;
                else errors.Add($"Policy:PriorityMatrix:{impact}:{urgency}: '{text}' is not P1, P2, P3 or P4.");
            }
        }
        return matrix;
    }

    private static Dictionary<Priority, SlaTerms> CompileTerms(PolicyOptions options, Dictionary<string, BusinessCalendar> calendars, List<string> errors)
    {
        var terms = new Dictionary<Priority, SlaTerms>();
        foreach (var key in options.Priorities.Keys.Where(k => !Enum.TryParse<Priority>(k, true, out _)))
            errors.Add($"Policy:Priorities:{key}: unknown priority; use P1, P2, P3 or P4.");
        foreach (var priority in Enum.GetValues<Priority>())
        {
            var name = priority.ToString();
            var defaults = PolicyDefaults.For(name);
            var o = options.Priorities.TryGetValue(name, out var configured) ? configured : defaults;
            var prefix = $"Policy:Priorities:{name}";
            var calendarName = string.IsNullOrWhiteSpace(o.Calendar) ? defaults.Calendar : o.Calendar;
            if (!calendars.TryGetValue(calendarName, out var calendar))
            {
                errors.Add($"{prefix}:Calendar: calendar '{calendarName}' is not defined under Policy:Calendars.");
                calendar = BusinessCalendar.AlwaysOpen(calendarName); // keep checking the durations
            }
            var respond = Business(Or(o.RespondWithin, defaults.RespondWithin), calendar, $"{prefix}:RespondWithin", errors);
            var resolve = Business(Or(o.ResolveWithin, defaults.ResolveWithin), calendar, $"{prefix}:ResolveWithin", errors);
            var escalate = Business(Or(o.EscalateAfter, defaults.EscalateAfter), calendar, $"{prefix}:EscalateAfter", errors);
            if (respond > resolve) errors.Add($"{prefix}:RespondWithin: the response target ({o.RespondWithin}) is longer than the resolution target ({o.ResolveWithin}).");
            terms[priority] = new SlaTerms(priority, calendarName, respond, resolve, escalate, o.PageAfterHours, o.AllowTierSkip, options.Thresholds.Warning, options.Thresholds.Manager);
        }
        return terms;
    }

    private static Dictionary<string, OnCallRotation> CompileRotations(PolicyOptions options, List<string> errors)
    {
        var result = new Dictionary<string, OnCallRotation>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, r) in options.OnCall.Rotations)
        {
            try
            {
                result[name] = OnCallRotationParser.Parse(
                    name,
                    r.TimeZone,
                    r.Layers.Select(l => new RotationLayerSpec(l.Name, l.Participants.Select(p => p.Trim().ToLowerInvariant()).ToList(), l.Turn, l.StartDate, l.HandoffTime)).ToList(),
                    r.Overrides.Select(o => new RotationOverrideSpec(o.Layer, o.From, o.To, string.IsNullOrWhiteSpace(o.Person) ? null : o.Person.Trim().ToLowerInvariant())).ToList());
            }
            catch (Exception e) when (e is FormatException or TimeZoneNotFoundException or InvalidTimeZoneException)
            {
                errors.Add($"Policy:OnCall:Rotations:{name}: {e.Message}");
            }
        }
        return result;
    }

    private static List<VendorPolicy> CompileVendors(PolicyOptions options, Dictionary<string, BusinessCalendar> calendars, List<string> errors)
    {
        var result = new List<VendorPolicy>();
        for (var i = 0; i < options.Vendors.Count; i++)
        {
            var v = options.Vendors[i];
            var key = $"Policy:Vendors:{i}";
            if (string.IsNullOrWhiteSpace(v.Name)) errors.Add($"{key}:Name: a vendor needs a name.");
            if (!calendars.TryGetValue(v.Calendar, out var calendar))
            {
                errors.Add($"{key}:Calendar: calendar '{v.Calendar}' is not defined under Policy:Calendars.");
                calendar = BusinessCalendar.AlwaysOpen(v.Calendar); // keep checking the durations
            }
            var respond = Business(v.RespondWithin, calendar, $"{key}:RespondWithin", errors);
            var resolve = Business(v.ResolveWithin, calendar, $"{key}:ResolveWithin", errors);
            if (!DurationText.TryParseWallClock(v.ChaseEvery, out var chase) || chase <= TimeSpan.Zero)
                errors.Add($"{key}:ChaseEvery: '{v.ChaseEvery}' is not a positive duration (examples: 4h, 1d).");
            result.Add(new VendorPolicy(v.Name, v.Contract, respond, resolve, v.Calendar, chase));
        }
        return result;
    }

    private static TimeSpan Business(string text, BusinessCalendar calendar, string key, List<string> errors)
    {
        if (DurationText.TryParse(text, out var days, out var rest) && (days > 0 || rest > TimeSpan.Zero))
            return calendar.StandardWorkday * days + rest;
        errors.Add($"{key}: '{text}' is not a positive duration (examples: 30m, 4h, 2d where d is a business day).");
        return TimeSpan.FromHours(1);
    }

    private static string Or(string value, string fallback) => string.IsNullOrWhiteSpace(value) ? fallback : value;

    private static HashSet<string> Emails(IEnumerable<string> emails) =>
        emails.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim().ToLowerInvariant()).ToHashSet();

    private static ChannelAddress Address(ChannelOptions c) =>
        new(Blank(c.Slack), Blank(c.Teams), Blank(c.Local));

    /// <summary>A manager or on-call channel: a user group there would be ignored, so it is refused.</summary>
    private static ChannelAddress Address(ChannelOptions c, string key, List<string> errors)
    {
        if (Blank(c.SlackUserGroup) is not null)
            errors.Add($"{key}:SlackUserGroup: user groups are mentioned on tier cards only (Policy:Tiers:N:Channel:SlackUserGroup); alerts here mention the people they are for.");
        return Address(c);
    }

    /// <summary>A Slack user group id (<c>S</c> then upper-case letters and digits), or null when not set.</summary>
    private static string? UserGroup(string? text, string key, List<string> errors)
    {
        if (Blank(text) is not { } id) return null;
        if (id.Length >= 3 && id[0] == 'S' && id.Skip(1).All(ch => ch is >= 'A' and <= 'Z' or >= '0' and <= '9')) return id;
        errors.Add($"{key}: '{id}' is not a Slack user group id (like S0123ABCD: the group's profile in Slack shows it, or usergroups.list).");
        return null;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
