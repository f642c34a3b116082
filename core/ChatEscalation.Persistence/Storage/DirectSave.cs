using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Text;
using ChatEscalation.Persistence.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ChatEscalation.Persistence.Storage;

/// <summary>
/// Writes a unit of work's tracked changes (the rows a decision staged) with plain parameterised statements, each statement shape
/// prepared once and reused for every save in the same transaction, instead of EF's update pipeline, which builds and SQLite
/// prepares every statement anew on each SaveChanges (about 0.1 ms per row; the group-commit writer spent 75 % of its time there).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Same rows as SaveChanges: column names, value converters (UTC ticks, enums as strings) and parameter types come from the
/// EF model's type mappings; store-generated keys are left to the database. Deletes come first, then updates, then inserts.</item>
/// <item>Same failures: a row that another writer changed meanwhile (its concurrency token no longer matches, or it is gone) throws
/// <see cref="DbUpdateConcurrencyException"/>; a database error (a unique violation: a repeated receipt) throws
/// <see cref="DbUpdateException"/> around the provider's exception, so <see cref="SaveConflict"/> and <see cref="UniqueViolation"/>
/// read it as before.</item>
/// <item>Same telemetry: the context's <see cref="TelemetrySaveChangesInterceptor"/> sees the save begin and end.</item>
/// <item>Anything the plain statements do not cover (owned or related types, shadow properties, computed or defaulted columns, a
/// null concurrency token) goes through SaveChanges instead, whole.</item>
/// </list>
/// A save inside the caller's transaction reuses the statements prepared by earlier saves in it (dispose the instance before that
/// transaction ends); without one, each save runs in a transaction of its own and prepares its statements again. After a save the context tracks nothing: unlike SaveChanges, generated keys are not read back.
/// </remarks>
public sealed class DirectSave(DbContext db) : IDisposable
{
    private static readonly EntityState[] Order = [EntityState.Deleted, EntityState.Modified, EntityState.Added];
    private static readonly ConcurrentDictionary<IEntityType, Shape?> Shapes = new();
    private static readonly ConcurrentDictionary<(IEntityType Type, EntityState State, ulong Columns), string> Sql = new();

    private readonly Dictionary<string, DbCommand> commands = new(StringComparer.Ordinal);
    private readonly TelemetrySaveChangesInterceptor? telemetry = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?
        .Interceptors?.OfType<TelemetrySaveChangesInterceptor>().FirstOrDefault();

    /// <summary>Saves by plain statements when every change allows it (else by SaveChanges); returns the rows written.</summary>
    public async Task<int> SaveAsync(CancellationToken ct = default)
    {
        var changed = Changes(db);
        if (changed.Count == 0) return 0;
        if (!changed.All(Plain)) return await db.SaveChangesAsync(ct);
        return await WriteAllAsync(db, changed, ct);
    }

    /// <summary>
    /// Writes the changes tracked by another context of the same type, <paramref name="changes"/> (a decision staged outside this
    /// transaction), on this instance's connection and transaction; afterwards <paramref name="changes"/> tracks nothing.
    /// <paramref name="plain"/> is what <see cref="PlainChanges"/> returned for it, and nothing may have changed there since: the
    /// entries are not looked for and checked again in the writer's turn.
    /// </summary>
    public async Task<int> SaveAsync(DbContext changes, IReadOnlyList<EntityEntry> plain, CancellationToken ct = default)
    {
        if (changes.GetType() != db.GetType()) throw new ArgumentException($"The changes belong to a {changes.GetType().Name}, not a {db.GetType().Name}.", nameof(changes));
        return plain.Count == 0 ? 0 : await WriteAllAsync(changes, plain, ct);
    }

    /// <summary>
    /// The added, modified and deleted entries of <paramref name="changes"/> when plain statements can write them all (for
    /// <see cref="SaveAsync(DbContext, IReadOnlyList{EntityEntry}, CancellationToken)"/>); null when one needs SaveChanges.
    /// </summary>
    public static IReadOnlyList<EntityEntry>? PlainChanges(DbContext changes)
    {
        var changed = Changes(changes);
        return changed.All(Plain) ? changed : null;
    }

    /// <summary>
    /// The added, modified and deleted entries. Changes are detected on the rows read and then edited (the ticket) only: added rows are
    /// written as they are, deleted ones by key, and a full pass over every staged row cost more than the rest of the save.
    /// </summary>
    private static List<EntityEntry> Changes(DbContext context)
    {
        var tracker = context.ChangeTracker;
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            var changed = new List<EntityEntry>();
            foreach (var entry in tracker.Entries())
            {
                if (entry.State is EntityState.Unchanged or EntityState.Modified) entry.DetectChanges();
                if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted) changed.Add(entry);
            }

            return changed;
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }

    private async Task<int> WriteAllAsync(DbContext source, IReadOnlyList<EntityEntry> changed, CancellationToken ct)
    {
        var tracker = source.ChangeTracker;
        telemetry?.Saving(source);
        // All or nothing, as SaveChanges: inside the caller's transaction (whose savepoint or rollback undoes a failed save), else in its own.
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var written = 0;
            foreach (var state in Order)
            {
                foreach (var entry in changed)
                {
                    if (entry.State == state) written += await WriteAsync(entry, ct);
                }
            }

            if (own is not null) await own.CommitAsync(ct);
            telemetry?.Saved(source, null);
            tracker.Clear();
            return written;
        }
        catch (Exception e)
        {
            telemetry?.Saved(source, e);
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var command in commands.Values) command.Dispose();
        commands.Clear();
    }

    /// <summary>Whether the plain statements can write this change exactly as SaveChanges would.</summary>
    private static bool Plain(EntityEntry entry)
    {
        if (Shapes.GetOrAdd(entry.Metadata, Shape.Of) is not { } shape) return false;
        foreach (var token in shape.Tokens)
        {
            if (entry.State != EntityState.Added && entry.Property(token).OriginalValue is null) return false;
        }

        return true;
    }

    private async Task<int> WriteAsync(EntityEntry entry, CancellationToken ct)
    {
        var shape = Shapes[entry.Metadata]!;
        var columns = 0UL;
        for (var i = 0; i < shape.Columns.Count; i++)
        {
            var property = entry.Property(shape.Columns[i]);
            var include = entry.State switch
            {
                EntityState.Added => !property.IsTemporary && !(shape.Columns[i].ValueGenerated != ValueGenerated.Never && IsDefault(property)),
                EntityState.Modified => property.IsModified && !shape.Columns[i].IsPrimaryKey(),
                _ => false,
            };
            if (include) columns |= 1UL << i;
        }

        if (entry.State == EntityState.Modified && columns == 0) return 0;
        var sql = Sql.GetOrAdd((entry.Metadata, entry.State, columns), key => shape.Statement(db, key.State, key.Columns));
        var command = Command(sql);
        command.Parameters.Clear();
        var current = entry.CurrentValues;
        for (var i = 0; i < shape.Columns.Count; i++)
        {
            if ((columns & (1UL << i)) != 0) Add(command, Names.Value(i), shape, shape.Columns[i], current[shape.Columns[i]]);
        }

        if (entry.State != EntityState.Added)
        {
            var original = entry.OriginalValues;
            for (var i = 0; i < shape.Keys.Count; i++)
                Add(command, Names.Key(i), shape, shape.Keys[i], original[shape.Keys[i]]);
            for (var i = 0; i < shape.Tokens.Count; i++)
                Add(command, Names.Token(i), shape, shape.Tokens[i], original[shape.Tokens[i]]);
        }

        int rows;
        try
        {
            rows = await command.ExecuteNonQueryAsync(ct);
        }
        catch (DbException e)
        {
            throw new DbUpdateException("An error occurred while saving the entity changes. See the inner exception for details.", e);
        }

        if (entry.State != EntityState.Added && rows != 1)
        {
            throw new DbUpdateConcurrencyException(
                $"A {entry.Metadata.DisplayName()} row to {(entry.State == EntityState.Deleted ? "delete" : "update")} was changed or deleted by another writer since it was read ({rows} rows affected).");
        }

        return rows;
    }

    private DbCommand Command(string sql)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        if (commands.TryGetValue(sql, out var command) && command.Connection == connection && command.Transaction == transaction) return command;
        command?.Dispose();
        command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        commands[sql] = command;
        return command;
    }

    private static void Add(DbCommand command, string name, Shape shape, IProperty property, object? value) =>
        command.Parameters.Add(shape.Mappings[property].CreateParameter(command, name, value, property.IsNullable));

    /// <summary>Parameter names, made once (keys and tokens are columns too, so at most 64 of each): "@v0", "@k0", "@t0", ….</summary>
    private static class Names
    {
        private static readonly string[] Values = Make("@v"), Keys = Make("@k"), Tokens = Make("@t");

        public static string Value(int i) => Values[i];
        public static string Key(int i) => Keys[i];
        public static string Token(int i) => Tokens[i];

        private static string[] Make(string prefix) => Enumerable.Range(0, 64).Select(i => prefix + i.ToString(CultureInfo.InvariantCulture)).ToArray();
    }

    private static bool IsDefault(PropertyEntry property) =>
        property.CurrentValue is null || property.CurrentValue.Equals(property.Metadata.ClrType.IsValueType ? Activator.CreateInstance(property.Metadata.ClrType) : null);

    /// <summary>An entity type the plain statements can write: its table, columns, key and concurrency tokens.</summary>
    private sealed record Shape(string Table, IReadOnlyList<IProperty> Columns, IReadOnlyList<IProperty> Keys, IReadOnlyList<IProperty> Tokens, StoreObjectIdentifier Store)
    {
        /// <summary>Each column's type mapping (its converter and parameter type), looked up once; keys and tokens are columns too.</summary>
        public IReadOnlyDictionary<IProperty, RelationalTypeMapping> Mappings { get; } = Columns.ToDictionary(p => p, p => p.GetRelationalTypeMapping());

        /// <summary>Null when the type has anything SaveChanges does beyond writing its own scalar columns.</summary>
        public static Shape? Of(IEntityType type)
        {
            if (type.GetTableName() is not { } table || type.IsOwned() || type.GetForeignKeys().Any() || type.GetNavigations().Any()
                || type.GetSkipNavigations().Any() || type.GetDiscriminatorPropertyName() is not null || type.GetDerivedTypes().Any()
                || type.FindPrimaryKey() is not { } key || type.GetComplexProperties().Any())
            {
                return null;
            }

            var store = StoreObjectIdentifier.Table(table, type.GetSchema());
            var columns = type.GetProperties().ToList();
            if (columns.Count > 64) return null;
            foreach (var p in columns)
            {
                if (p.IsShadowProperty() || p.GetColumnName(store) is null || p.GetComputedColumnSql(store) is not null || p.GetDefaultValueSql(store) is not null
                    || p.TryGetDefaultValue(store, out _) || (p.ValueGenerated != ValueGenerated.Never && !p.IsPrimaryKey()))
                {
                    return null;
                }
            }

            return new Shape(table, columns, key.Properties, columns.Where(p => p.IsConcurrencyToken).ToList(), store);
        }

        public string Statement(DbContext db, EntityState state, ulong included)
        {
            var sql = db.GetService<ISqlGenerationHelper>();
            var table = sql.DelimitIdentifier(Table, Store.Schema);
            string Column(IProperty p) => sql.DelimitIdentifier(p.GetColumnName(Store)!);
            var where = string.Join(" AND ", Keys.Select((p, i) => $"{Column(p)} = @k{i}").Concat(Tokens.Select((p, i) => $"{Column(p)} = @t{i}")));
            var chosen = Columns.Select((p, i) => (p, i)).Where(c => (included & (1UL << c.i)) != 0).ToList();
            var text = new StringBuilder();
            switch (state)
            {
                case EntityState.Added:
                    text.Append($"INSERT INTO {table} ({string.Join(", ", chosen.Select(c => Column(c.p)))}) VALUES ({string.Join(", ", chosen.Select(c => $"@v{c.i}"))})");
                    break;
                case EntityState.Modified:
                    text.Append($"UPDATE {table} SET {string.Join(", ", chosen.Select(c => $"{Column(c.p)} = @v{c.i}"))} WHERE {where}");
                    break;
                default:
                    text.Append($"DELETE FROM {table} WHERE {where}");
                    break;
            }

            return text.ToString();
        }
    }
}
