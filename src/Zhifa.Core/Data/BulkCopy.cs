using System.Collections;
using System.Data.Common;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Zhifa.Core.Data;

/// <summary>
/// Writes many records of a mapped type at once, outside the change tracker: on PostgreSQL by binary COPY
/// (<see cref="NpgsqlConnection.BeginBinaryImportAsync"/>), on SQLite by one prepared, parameterised INSERT reused for
/// every row. Tables, columns, column types and value conversions (enums as text, UTC timestamps, JSON columns, arrays)
/// come from the EF model, so what is written is exactly what EF would have written and reads back the same; a column the
/// database generates (an identity or computed column) is left to it. It works inside the caller's transaction — with
/// <see cref="ForAsync"/>, the context's connection and current transaction — and sees no save participant: nothing it
/// writes reaches the audit trail, so a use case that writes business data with it records what it did itself, as one
/// audited record saved through EF in the same transaction (a bulk import is audited per file, not per row). Unique
/// indexes and foreign keys still hold: a violation fails the whole write (<see cref="IsUniqueViolation"/>), and the
/// caller's transaction then rolls everything back.
/// Records come as entities (their CLR properties and fields, a discriminator from the model; the values of shadow
/// properties, or of a child's key to its owner that EF would set on save, given by name) or as rows of values by
/// property name (model values, or values already in the column's form).
/// </summary>
public sealed class BulkCopy
{
    private readonly DbConnection _connection;
    private readonly DbTransaction? _transaction;
    private readonly IModel _model;
    private readonly Dictionary<Type, Plan> _plans = [];
    private readonly Dictionary<string, long> _written = new(StringComparer.Ordinal);

    /// <summary>A writer on an open connection (PostgreSQL or SQLite), in <paramref name="transaction"/> if there is one.</summary>
    public BulkCopy(DbConnection connection, DbTransaction? transaction, IModel model)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(model);
        if (connection is not (NpgsqlConnection or SqliteConnection))
            throw new NotSupportedException($"Bulk copy works on PostgreSQL and SQLite, not on {connection.GetType().Name}.");
        _connection = connection;
        _transaction = transaction;
        _model = model;
    }

    /// <summary>A writer on the context's connection (opened if need be) and its current transaction, with its model.</summary>
    public static async Task<BulkCopy> ForAsync(ZhifaDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.OpenConnectionAsync(ct);
        return new BulkCopy(db.Database.GetDbConnection(), db.Database.CurrentTransaction?.GetDbTransaction(), db.Model);
    }

    public bool IsPostgres => _connection is NpgsqlConnection;

    /// <summary>Rows written so far, by table.</summary>
    public IReadOnlyDictionary<string, long> Written => _written;

    /// <summary>Writes entities of the mapped type <typeparamref name="T"/>; the number of rows.</summary>
    public Task<long> WriteAsync<T>(IEnumerable<T> entities, CancellationToken ct = default) where T : class =>
        WriteAsync(typeof(T), entities, e => e, null, ct);

    /// <summary>Writes entities of the mapped type <paramref name="entityType"/>; the number of rows.</summary>
    public Task<long> WriteAsync(Type entityType, IEnumerable<object> entities, CancellationToken ct = default) =>
        WriteAsync(entityType, entities, e => e, null, ct);

    /// <summary>
    /// Writes the entities of <paramref name="items"/> (<paramref name="entity"/> of each) as the mapped type
    /// <paramref name="entityType"/>, with the values of <paramref name="values"/> (by property name) instead of the
    /// entity's own: a shadow property, or a foreign key that EF would set on save from the owner (a child's
    /// <c>CaseId</c> from its case, say). The number of rows.
    /// </summary>
    public Task<long> WriteAsync<TItem>(Type entityType, IEnumerable<TItem> items, Func<TItem, object> entity,
        IReadOnlyDictionary<string, Func<TItem, object?>>? values, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(entity);
        var plan = PlanOf(entityType);
        var given = plan.Columns.Select(c => values is not null && values.TryGetValue(c.Property.Name, out var v) ? v : null).ToArray();
        return CopyAsync(plan, items, (item, column) =>
        {
            if (given[column.Index] is { } value)
                return column.FromValue(value(item));
            if (column.Read is { } read)
                return column.ToProvider(read(entity(item)));
            if (column.Discriminator is { } discriminator)
                return column.ToProvider(discriminator);
            throw new InvalidOperationException($"{entityType.Name}.{column.Property.Name} is a shadow property: give its values.");
        }, ct);
    }

    /// <summary>
    /// Writes rows of the mapped type <paramref name="entityType"/> given as values by property name — each property's model
    /// value (converted as EF would) or its value as stored (an enum's name, say); the number of rows.
    /// </summary>
    public Task<long> WriteRowsAsync(Type entityType, IEnumerable<IReadOnlyDictionary<string, object?>> rows, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var plan = PlanOf(entityType);
        return CopyAsync(plan, rows, (row, column) => row.TryGetValue(column.Property.Name, out var value)
            ? column.FromValue(value)
            : throw new InvalidOperationException($"No value for {entityType.Name}.{column.Property.Name}."), ct);
    }

    /// <summary>Whether <paramref name="exception"/> (or one inside it) is a unique index's refusal, on either database.</summary>
    public static bool IsUniqueViolation(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
                return true;
            // SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY.
            if (e is SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 })
                return true;
        }
        return false;
    }

    private async Task<long> CopyAsync<TItem>(Plan plan, IEnumerable<TItem> items, Func<TItem, Column, object?> value, CancellationToken ct)
    {
        var n = _connection is NpgsqlConnection npgsql
            ? await CopyPostgresAsync(npgsql, plan, items, value, ct)
            : InsertSqlite(plan, items, value);
        _written[plan.Table] = _written.GetValueOrDefault(plan.Table) + n;
        return n;
    }

    private static async Task<long> CopyPostgresAsync<TItem>(NpgsqlConnection connection, Plan plan, IEnumerable<TItem> items, Func<TItem, Column, object?> value,
        CancellationToken ct)
    {
        var columns = plan.Columns;
        var copy = $"COPY {plan.QualifiedTable} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)";
        var n = 0L;
        await using var importer = await connection.BeginBinaryImportAsync(copy, ct);
        foreach (var item in items)
        {
            await importer.StartRowAsync(ct);
            foreach (var column in columns)
            {
                if (value(item, column) is { } v)
                    await column.WritePostgres(importer, v, column.StoreType, ct);
                else
                    await importer.WriteNullAsync(ct);
            }
            n++;
        }
        await importer.CompleteAsync(ct);
        return n;
    }

    private long InsertSqlite<TItem>(Plan plan, IEnumerable<TItem> items, Func<TItem, Column, object?> value)
    {
        var columns = plan.Columns;
        using var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = $"INSERT INTO {plan.QualifiedTable} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) "
            + $"VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)))})";
        // The type mapping makes each parameter as EF would (a Guid bound as text, say); values are set already converted.
        var parameters = columns.Select((c, i) => c.Mapping.CreateParameter(command, "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), null, nullable: true)).ToArray();
        command.Parameters.AddRange(parameters);
        command.Prepare();
        var n = 0L;
        foreach (var item in items)
        {
            for (var i = 0; i < columns.Count; i++)
                parameters[i].Value = value(item, columns[i]) ?? DBNull.Value;
            command.ExecuteNonQuery();
            n++;
        }
        return n;
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    // ---- The plan of a type: its table and the columns written ----

    private sealed record Plan(string Table, string QualifiedTable, IReadOnlyList<Column> Columns);

    private Plan PlanOf(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (_plans.TryGetValue(type, out var plan))
            return plan;
        var entityType = _model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not a mapped type.");
        if (entityType.GetComplexProperties().Any())
            throw new NotSupportedException($"{type.Name} has complex properties, which bulk copy does not write.");
        var table = entityType.GetTableName() ?? throw new InvalidOperationException($"{type.Name} is not mapped to a table.");
        var schema = entityType.GetSchema();
        var store = StoreObjectIdentifier.Table(table, schema);
        var discriminator = entityType.FindDiscriminatorProperty();
        var columns = entityType.GetProperties()
            .Where(p => !IsStoreGenerated(p))
            .Select((p, i) => Column.For(i, p, p.GetColumnName(store) ?? p.Name, p == discriminator ? entityType.GetDiscriminatorValue() : null, IsPostgres))
            .ToList();
        plan = new Plan(table, schema is null ? Quote(table) : Quote(schema) + "." + Quote(table), columns);
        _plans[type] = plan;
        return plan;
    }

    /// <summary>A column the database fills in: computed, or an integer key it numbers itself.</summary>
    private static bool IsStoreGenerated(IProperty p) =>
        p.GetComputedColumnSql() is not null
        || (p.ValueGenerated.HasFlag(ValueGenerated.OnAdd) && (Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType) is var t
            && (t == typeof(long) || t == typeof(int) || t == typeof(short)));

    /// <summary>One column: how its value is read from an entity, turned into the stored form, and sent.</summary>
    private sealed class Column
    {
        private static readonly MethodInfo WriteTypedMethod = typeof(Column).GetMethod(nameof(WriteTyped), BindingFlags.NonPublic | BindingFlags.Static)!;

        private Column(int index, IProperty property, string name, RelationalTypeMapping mapping, string storeType, Func<object, object?>? read, object? discriminator,
            Func<object?, object?> toProvider, Type? modelType, Func<NpgsqlBinaryImporter, object, string, CancellationToken, Task> writePostgres)
        {
            Index = index;
            Property = property;
            Name = name;
            Mapping = mapping;
            StoreType = storeType;
            Read = read;
            Discriminator = discriminator;
            ToProvider = toProvider;
            _modelType = modelType;
            WritePostgres = writePostgres;
        }

        private readonly Type? _modelType;

        /// <summary>The column's position in the plan.</summary>
        public int Index { get; }

        public IProperty Property { get; }
        public string Name { get; }
        public RelationalTypeMapping Mapping { get; }

        /// <summary>The column's type without its modifiers (<c>character varying</c>, not <c>character varying(100)</c>), as COPY names it.</summary>
        public string StoreType { get; }

        /// <summary>The property's value from an entity (boxed); null for a shadow property.</summary>
        public Func<object, object?>? Read { get; }

        /// <summary>The model's discriminator value, for the discriminator column of a hierarchy.</summary>
        public object? Discriminator { get; }

        /// <summary>A model value (null allowed) in the form the column stores.</summary>
        public Func<object?, object?> ToProvider { get; }

        public Func<NpgsqlBinaryImporter, object, string, CancellationToken, Task> WritePostgres { get; }

        /// <summary>A value given by name: a model value is converted, a value already in the stored form is taken as it is.</summary>
        public object? FromValue(object? value) =>
            value is null ? null : _modelType is null || _modelType.IsInstanceOfType(value) ? ToProvider(value) : value;

        public static Column For(int index, IProperty property, string name, object? discriminator, bool postgres)
        {
            var mapping = property.GetRelationalTypeMapping();
            var storeType = StripModifiers(property.GetColumnType() ?? mapping.StoreType);
            Func<object?, object?> toProvider = v => v;
            Type? modelType = null;
            Type providerType;
            if (postgres && property.IsPrimitiveCollection && property.GetElementType() is { } elementType)
            {
                // A PostgreSQL array: each element as the element's mapping stores it (an enum's name, say).
                var element = elementType.GetTypeMapping().Converter;
                var stored = element?.ProviderClrType ?? elementType.ClrType;
                toProvider = v =>
                {
                    if (v is not IEnumerable list || v is string || v.GetType() == stored.MakeArrayType())
                        return v;
                    var items = list.Cast<object?>().Select(e => e is null || element is null ? e : element.ConvertToProvider(e)).ToList();
                    var array = Array.CreateInstance(stored, items.Count);
                    for (var i = 0; i < items.Count; i++)
                        array.SetValue(items[i], i);
                    return array;
                };
                modelType = property.ClrType;
                providerType = stored.MakeArrayType();
            }
            else if (property.GetTypeMapping().Converter is { } converter)
            {
                toProvider = converter.ConvertToProvider;
                modelType = Nullable.GetUnderlyingType(converter.ModelClrType) ?? converter.ModelClrType;
                providerType = Nullable.GetUnderlyingType(converter.ProviderClrType) ?? converter.ProviderClrType;
            }
            else
            {
                providerType = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
            }
            var write = (Func<NpgsqlBinaryImporter, object, string, CancellationToken, Task>)WriteTypedMethod.MakeGenericMethod(providerType)
                .CreateDelegate(typeof(Func<NpgsqlBinaryImporter, object, string, CancellationToken, Task>));
            return new Column(index, property, name, mapping, storeType, Getter(property), discriminator, toProvider, modelType, write);
        }

        /// <summary>Sends a value of the column's stored CLR type: Npgsql's typed path, without resolving the type for each value.</summary>
        private static Task WriteTyped<T>(NpgsqlBinaryImporter importer, object value, string storeType, CancellationToken ct) =>
            importer.WriteAsync((T)value, storeType, ct);

        /// <summary>A compiled read of the property's CLR property or backing field (private ones too); null for a shadow property.</summary>
        private static Func<object, object?>? Getter(IProperty property)
        {
            if (property.IsShadowProperty())
                return null;
            var entity = Expression.Parameter(typeof(object), "entity");
            var typed = Expression.Convert(entity, property.DeclaringType.ClrType);
            Expression member = property.PropertyInfo is { GetMethod: not null } info
                ? Expression.Property(typed, info)
                : Expression.Field(typed, property.FieldInfo ?? throw new InvalidOperationException($"{property.Name} has neither a getter nor a field."));
            return Expression.Lambda<Func<object, object?>>(Expression.Convert(member, typeof(object)), entity).Compile();
        }

        private static string StripModifiers(string type) =>
            type.IndexOf('(', StringComparison.Ordinal) is var i and >= 0 ? type[..i] + type[(type.IndexOf(')', StringComparison.Ordinal) + 1)..] : type;
    }
}
