using System.Globalization;

namespace ChatEscalation.Core.OnCall;

/// <summary>Builds an <see cref="OnCallRotation"/> from plain config values (<see cref="RotationLayerSpec"/>, <see cref="RotationOverrideSpec"/>).</summary>
/// <remarks>
/// <para>Formats (invariant culture): Turn <c>Daily</c>|<c>Weekly</c> (case-insensitive); StartDate <c>yyyy-MM-dd</c>; HandoffTime
/// <c>HH:mm</c> or <c>HH:mm:ss</c>; override From/To <c>yyyy-MM-ddTHH:mm[:ss]</c> local to the rotation's zone, or <c>yyyy-MM-dd</c>
/// (local midnight). Local times in a DST gap mean the first valid instant after them; in a DST overlap, the first occurrence.</para>
/// <para>The time zone is looked up with <see cref="TimeZoneInfo.FindSystemTimeZoneById"/> (IANA ids such as <c>Europe/London</c>).
/// Participants and persons are trimmed; a blank override layer applies to every layer; a blank override person is an explicit gap.</para>
/// <para>Every error throws <see cref="FormatException"/> whose message names the rotation, the field and the bad value, e.g.
/// <c>On-call rotation 'tier2': layer 'primary' Turn 'Fortnightly' is not Daily or Weekly</c>.</para>
/// </remarks>
public static class OnCallRotationParser
{
    private static readonly string[] HandoffFormats = [@"hh\:mm", @"hh\:mm\:ss"];
    private static readonly string[] LocalFormats = ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"];

    public static OnCallRotation Parse(string name, string timeZoneId, IEnumerable<RotationLayerSpec> layers, IEnumerable<RotationOverrideSpec> overrides)
    {
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(overrides);
        if (string.IsNullOrWhiteSpace(name)) throw new FormatException("On-call rotation: Name is blank.");
        var prefix = $"On-call rotation '{name}':";
        var zone = ParseZone(prefix, timeZoneId);

        var parsedLayers = new List<RotationLayer>();
        var index = 0;
        foreach (var spec in layers)
        {
            parsedLayers.Add(ParseLayer(prefix, index++, spec, parsedLayers));
        }

        var parsedOverrides = new List<RotationOverride>();
        index = 0;
        foreach (var spec in overrides)
        {
            parsedOverrides.Add(ParseOverride(prefix, index++, spec, zone, parsedLayers));
        }
        return new OnCallRotation(name, zone, parsedLayers, parsedOverrides);
    }

    private static TimeZoneInfo ParseZone(string prefix, string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) throw new FormatException($"{prefix} TimeZone '{id}' is blank; use an IANA id such as Europe/London.");
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new FormatException($"{prefix} TimeZone '{id}' is not a known time zone id (example: Europe/London).", e);
        }
    }

    private static RotationLayer ParseLayer(string prefix, int index, RotationLayerSpec spec, List<RotationLayer> earlier)
    {
        if (spec is null) throw new FormatException($"{prefix} layer #{index} is missing.");
        if (string.IsNullOrWhiteSpace(spec.Name)) throw new FormatException($"{prefix} layer #{index} Name '{spec.Name}' is blank.");
        var name = spec.Name.Trim();
        var at = $"{prefix} layer '{name}'";
        if (earlier.Any(l => l.Name == name)) throw new FormatException($"{at} Name '{name}' is declared twice.");

        var participants = (spec.Participants ?? []).ToList();
        var blank = participants.FindIndex(string.IsNullOrWhiteSpace);
        if (blank >= 0) throw new FormatException($"{at} Participants[{blank}] '{participants[blank]}' is blank.");

        var turnText = spec.Turn?.Trim();
        if (turnText is null || !Enum.TryParse<TurnLength>(turnText, ignoreCase: true, out var turn) || !Enum.IsDefined(turn) || char.IsDigit(turnText[0]))
            throw new FormatException($"{at} Turn '{spec.Turn}' is not Daily or Weekly.");
        if (!DateOnly.TryParseExact(spec.StartDate?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
            throw new FormatException($"{at} StartDate '{spec.StartDate}' is not a date yyyy-MM-dd (example: 2026-01-05).");
        if (!TimeSpan.TryParseExact(spec.HandoffTime?.Trim(), HandoffFormats, CultureInfo.InvariantCulture, out var handoff))
            throw new FormatException($"{at} HandoffTime '{spec.HandoffTime}' is not a time of day HH:mm (example: 09:00).");

        return new RotationLayer(name, participants.Select(p => p.Trim()).ToArray(), turn, start, handoff);
    }

    private static RotationOverride ParseOverride(string prefix, int index, RotationOverrideSpec spec, TimeZoneInfo zone, List<RotationLayer> layers)
    {
        if (spec is null) throw new FormatException($"{prefix} override #{index} is missing.");
        var layer = string.IsNullOrWhiteSpace(spec.Layer) ? null : spec.Layer.Trim();
        var at = $"{prefix} override #{index} ({(layer is null ? "all layers" : $"layer '{layer}'")})";
        if (layer is not null && layers.All(l => l.Name != layer))
            throw new FormatException($"{at} Layer '{spec.Layer}' is not a layer of this rotation ({string.Join(", ", layers.Select(l => l.Name))}).");

        var from = ParseLocal(at, "From", spec.From, zone);
        var to = ParseLocal(at, "To", spec.To, zone);
        if (from >= to) throw new FormatException($"{at} To '{spec.To}' is not after From '{spec.From}'.");
        return new RotationOverride(layer, from, to, string.IsNullOrWhiteSpace(spec.Person) ? null : spec.Person.Trim());
    }

    private static DateTimeOffset ParseLocal(string at, string field, string? text, TimeZoneInfo zone)
    {
        if (!DateTime.TryParseExact(text?.Trim(), LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            throw new FormatException($"{at} {field} '{text}' is not a local date-time yyyy-MM-ddTHH:mm or a date yyyy-MM-dd (example: 2026-12-24T18:00).");
        return ZoneClock.ToUtc(local, zone);
    }
}
