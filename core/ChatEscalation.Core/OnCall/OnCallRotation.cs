namespace ChatEscalation.Core.OnCall;

/// <summary>An on-call rotation: layers of participants taking turns in a time zone, plus dated overrides. Who is on call is a pure function of the rotation and an instant.</summary>
/// <remarks>
/// <para>Turns are counted in local calendar days/weeks of <see cref="Zone"/> (see <see cref="RotationLayer"/>). A hand-off time that falls
/// in a DST gap happens at the first valid instant after it; one that falls in a DST overlap happens at its first occurrence.</para>
/// <para>Overrides replace the turns of their layer (or of every layer) for <c>[From, To)</c>; the latest-declared override wins where
/// overrides overlap. A shift is a maximal stretch covered by one source: a single turn, or a single override. Override boundaries
/// therefore split turns, and an override spanning several turns is one shift. Two adjacent turns are separate shifts even when the same
/// person covers both.</para>
/// <para>All returned instants are UTC. Layer and override lists are copied at construction; the rotation is immutable.</para>
/// </remarks>
public sealed class OnCallRotation
{
    private readonly TurnSchedule[] _turns;
    private readonly RotationOverride[][] _overridesByLayer;

    /// <exception cref="ArgumentException">A blank name or layer name, a duplicate layer name, a blank participant, a hand-off time outside
    /// [00:00, 24:00), an override whose From is not before To, or an override naming an unknown layer.</exception>
    public OnCallRotation(string name, TimeZoneInfo zone, IReadOnlyList<RotationLayer> layers, IReadOnlyList<RotationOverride> overrides)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(overrides);
        Name = name;
        Zone = zone;
        Layers = layers.Select(l => Validated(name, l)).ToArray();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var layer in Layers)
            if (!names.Add(layer.Name)) throw new ArgumentException($"On-call rotation '{name}': layer '{layer.Name}' is declared twice.", nameof(layers));

        var normalized = overrides.Select(o => Validated(name, o, names)).ToArray();
        _turns = Layers.Select(l => new TurnSchedule(l, zone)).ToArray();
        _overridesByLayer = Layers.Select(l => normalized.Where(o => o.Layer is null || o.Layer == l.Name).ToArray()).ToArray();
    }

    public string Name { get; }

    /// <summary>The zone whose local calendar counts turns and hand-off times.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>The layers, in declaration order; <c>layerIndex</c> arguments index this list.</summary>
    public IReadOnlyList<RotationLayer> Layers { get; }

    /// <summary>Who covers layer <paramref name="layerIndex"/> at <paramref name="at"/>, and the stretch [From, To) during which that stays so.</summary>
    public OnCallShift ShiftAt(int layerIndex, DateTimeOffset at)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(layerIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(layerIndex, Layers.Count);
        var overrides = _overridesByLayer[layerIndex];
        var winner = Array.FindLastIndex(overrides, o => o.From <= at && at < o.To);

        string? person;
        DateTimeOffset from, to;
        if (winner >= 0) (person, from, to) = (overrides[winner].Person, overrides[winner].From, overrides[winner].To);
        else (person, from, to) = _turns[layerIndex].TurnAt(at);

        // Only overrides declared after the winner (or any override, when no override covers) can cut the stretch short.
        for (var j = winner + 1; j < overrides.Length; j++)
        {
            if (overrides[j].To <= at && overrides[j].To > from) from = overrides[j].To;
            if (overrides[j].From > at && overrides[j].From < to) to = overrides[j].From;
        }
        return new OnCallShift(Layers[layerIndex].Name, person, from, to);
    }

    /// <summary>The shift that starts when the current one (<see cref="ShiftAt"/>) ends, even if it is a gap or the same person.</summary>
    /// <remarks>If the current shift never ends (To is <see cref="DateTimeOffset.MaxValue"/>), there is no next shift and the current one
    /// is returned: callers can detect this by <c>From &lt;= at</c>.</remarks>
    public OnCallShift NextShift(int layerIndex, DateTimeOffset at)
    {
        var current = ShiftAt(layerIndex, at);
        return current.To == DateTimeOffset.MaxValue ? current : ShiftAt(layerIndex, current.To);
    }

    /// <summary>The person covering layer <paramref name="layerIndex"/> at <paramref name="at"/>; null for a gap.</summary>
    public string? WhoIsOnCall(int layerIndex, DateTimeOffset at) => ShiftAt(layerIndex, at).Person;

    /// <summary>Consecutive shifts covering [<paramref name="from"/>, <paramref name="to"/>): contiguous, non-overlapping, in order.</summary>
    /// <remarks>Shifts are not clipped: the first may start before <paramref name="from"/> and the last may end after <paramref name="to"/>.
    /// An empty range gives an empty list.</remarks>
    /// <exception cref="ArgumentException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    public IReadOnlyList<OnCallShift> Timeline(int layerIndex, DateTimeOffset from, DateTimeOffset to)
    {
        if (to < from) throw new ArgumentException($"Timeline end {to:O} is before its start {from:O}.", nameof(to));
        var shifts = new List<OnCallShift>();
        if (to == from) return shifts;
        var shift = ShiftAt(layerIndex, from);
        shifts.Add(shift);
        while (shift.To < to && shift.To != DateTimeOffset.MaxValue)
        {
            shift = ShiftAt(layerIndex, shift.To);
            shifts.Add(shift);
        }
        return shifts;
    }

    private static RotationLayer Validated(string rotation, RotationLayer layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        if (string.IsNullOrWhiteSpace(layer.Name)) throw new ArgumentException($"On-call rotation '{rotation}': a layer needs a name.", nameof(layer));
        if (layer.Participants is null || layer.Participants.Any(string.IsNullOrWhiteSpace))
            throw new ArgumentException($"On-call rotation '{rotation}': layer '{layer.Name}' has a missing or blank participant.", nameof(layer));
        if (layer.HandoffTime < TimeSpan.Zero || layer.HandoffTime >= TimeSpan.FromDays(1))
            throw new ArgumentException($"On-call rotation '{rotation}': layer '{layer.Name}' HandoffTime {layer.HandoffTime} is not a time of day.", nameof(layer));
        if (!Enum.IsDefined(layer.Turn)) throw new ArgumentException($"On-call rotation '{rotation}': layer '{layer.Name}' Turn {layer.Turn} is not Daily or Weekly.", nameof(layer));
        return layer with { Participants = layer.Participants.ToArray() };
    }

    private static RotationOverride Validated(string rotation, RotationOverride o, HashSet<string> layers)
    {
        ArgumentNullException.ThrowIfNull(o);
        if (o.From >= o.To) throw new ArgumentException($"On-call rotation '{rotation}': override From {o.From:O} is not before To {o.To:O}.", nameof(o));
        if (o.Layer is not null && !layers.Contains(o.Layer)) throw new ArgumentException($"On-call rotation '{rotation}': override names unknown layer '{o.Layer}'.", nameof(o));
        return new RotationOverride(o.Layer, o.From.ToUniversalTime(), o.To.ToUniversalTime(), string.IsNullOrWhiteSpace(o.Person) ? null : o.Person);
    }
}
