using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ChatEscalation.Persistence.Storage;

/// <summary>Stores a duration as ticks (a long), the same on every provider.</summary>
public sealed class TimeSpanTicksConverter() : ValueConverter<TimeSpan, long>(v => v.Ticks, v => TimeSpan.FromTicks(v));
