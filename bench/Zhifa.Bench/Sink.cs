using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using Zhifa.Core.Data;

namespace Zhifa.Bench;

/// <summary>
/// Where the generator's rows go: the app's own <see cref="BulkCopy"/> (binary COPY on PostgreSQL, one prepared INSERT on
/// SQLite), each batch in one transaction on SQLite (a COPY is one on PostgreSQL), counting the rows by table.
/// </summary>
internal sealed class Sink(DbConnection connection, IModel model)
{
    public Dictionary<string, long> Rows { get; } = new(StringComparer.Ordinal);

    public DbConnection Connection => connection;

    public bool IsPostgres => connection is NpgsqlConnection;

    public async Task WriteAsync(Func<BulkCopy, Task> write, CancellationToken ct)
    {
        await using var transaction = connection is SqliteConnection ? await connection.BeginTransactionAsync(ct) : null;
        var copy = new BulkCopy(connection, transaction, model);
        await write(copy);
        if (transaction is not null)
            await transaction.CommitAsync(ct);
        foreach (var (table, n) in copy.Written)
            Rows[table] = Rows.GetValueOrDefault(table) + n;
    }

    public Task WriteRowsAsync(Type type, IEnumerable<IReadOnlyDictionary<string, object?>> rows, CancellationToken ct) =>
        WriteAsync(copy => copy.WriteRowsAsync(type, rows, ct), ct);
}

/// <summary>
/// Loading many rows into indexed tables is fastest without the indexes: the database builds a btree from sorted input
/// (PostgreSQL in parallel) far faster than it inserts millions of random keys one by one, and a foreign key added
/// afterwards is checked with one join instead of one lookup per row. So the secondary indexes of the tables about to be
/// filled are dropped before the load and made again, from their own definitions, after it (the primary keys stay); on
/// PostgreSQL their foreign keys too (SQLite's are part of the table: the load runs with <c>foreign_keys</c> off on its
/// connection). The schema afterwards is the one before; a duplicate that a unique index would have refused fails the
/// recreation.
/// </summary>
internal sealed class IndexDeferral(DbConnection connection, IReadOnlyList<string> tables)
{
    private readonly List<(string Drop, string Create)> _indexes = [];
    private readonly List<(string Drop, string Create)> _foreignKeys = [];

    public int Indexes => _indexes.Count;

    public int ForeignKeys => _foreignKeys.Count;

    public async Task DropAsync(CancellationToken ct)
    {
        if (connection is SqliteConnection)
        {
            await Sql.ExecuteAsync(connection, "PRAGMA foreign_keys = OFF", ct);
            // An index a constraint makes (the primary key's, say) has no statement of its own and stays.
            await ReadAsync(_indexes, $"SELECT '\"' || name || '\"', sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({In()}) ORDER BY name",
                r => ($"DROP INDEX {r.GetString(0)}", r.GetString(1)), ct);
        }
        else
        {
            await ReadAsync(_indexes, $"""
                SELECT quote_ident(n.nspname) || '.' || quote_ident(ic.relname), pg_get_indexdef(i.indexrelid)
                FROM pg_index i
                JOIN pg_class ic ON ic.oid = i.indexrelid
                JOIN pg_class t ON t.oid = i.indrelid
                JOIN pg_namespace n ON n.oid = t.relnamespace
                WHERE n.nspname = current_schema() AND t.relname IN ({In()}) AND NOT i.indisprimary
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
                ORDER BY 1
                """, r => ($"DROP INDEX {r.GetString(0)}", r.GetString(1)), ct);
            await ReadAsync(_foreignKeys, $"""
                SELECT c.conrelid::regclass::text, quote_ident(c.conname), pg_get_constraintdef(c.oid)
                FROM pg_constraint c
                JOIN pg_class t ON t.oid = c.conrelid
                JOIN pg_namespace n ON n.oid = t.relnamespace
                WHERE n.nspname = current_schema() AND c.contype = 'f' AND t.relname IN ({In()})
                ORDER BY 1, 2
                """, r => ($"ALTER TABLE {r.GetString(0)} DROP CONSTRAINT {r.GetString(1)}", $"ALTER TABLE {r.GetString(0)} ADD CONSTRAINT {r.GetString(1)} {r.GetString(2)}"), ct);
        }
        foreach (var (drop, _) in _foreignKeys.Concat(_indexes))
            await Sql.ExecuteAsync(connection, drop, ct);
    }

    /// <summary>Makes the indexes and foreign keys again (on PostgreSQL with memory and parallel workers for the sorts).</summary>
    public async Task RestoreAsync(CancellationToken ct)
    {
        if (connection is NpgsqlConnection)
        {
            await Sql.ExecuteAsync(connection, "SET maintenance_work_mem = '1GB'", ct);
            await Sql.ExecuteAsync(connection, "SET max_parallel_maintenance_workers = 2", ct);
        }
        foreach (var (_, create) in _indexes.Concat(_foreignKeys))
            await Sql.ExecuteAsync(connection, create, ct);
        _indexes.Clear();
        _foreignKeys.Clear();
        if (connection is SqliteConnection)
            await Sql.ExecuteAsync(connection, "PRAGMA foreign_keys = ON", ct);
    }

    /// <summary>The table names as a SQL list (they come from the EF model, not from input).</summary>
    private string In() => string.Join(", ", tables.Select(t => "'" + t.Replace("'", "''", StringComparison.Ordinal) + "'"));

    private async Task ReadAsync(List<(string, string)> into, string sql, Func<DbDataReader, (string, string)> row, CancellationToken ct)
    {
        await using var cmd = Sql.Command(connection, sql);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            into.Add(row(r));
    }
}
