using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ChatEscalation.Persistence.Storage;

/// <summary>Stores an instant as its UTC ticks, so <c>DueAt &lt;= @now</c> and ORDER BY run in SQL on every provider; reads come back with offset zero.</summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));
