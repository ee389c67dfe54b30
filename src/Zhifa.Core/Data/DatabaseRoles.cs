using Npgsql;

namespace Zhifa.Core.Data;

/// <summary>
/// PostgreSQL with two roles (<see cref="DatabaseOptions.HasOwner"/>): the owner (<c>ConnectionStrings:ZhifaOwner</c>) runs
/// the migrations and owns every table, trigger and function; the app's role (the <c>Username</c> of
/// <c>ConnectionStrings:Zhifa</c>) owns nothing, reads and writes the tables, and may only read and add to the append-only
/// ones. So the app — or whoever gets hold of its connection — cannot switch the audit trail's triggers off, drop them, or
/// update, delete or truncate its rows: PostgreSQL refuses before any trigger runs. SQLite has no roles and is unaffected.
/// </summary>
public static class DatabaseRoles
{
    /// <summary>
    /// The append-only tables: the app's role gets SELECT and INSERT on them and nothing else (the migrations also put
    /// triggers on them that refuse UPDATE, DELETE and TRUNCATE). A table not in the database (yet) is skipped.
    /// </summary>
    public static readonly IReadOnlyList<string> AppendOnlyTables = ["AuditEntries", "AuditCheckpoints"];

    /// <summary>What the app's role may do on every other table of the schema.</summary>
    public const string TablePrivileges = "SELECT, INSERT, UPDATE, DELETE";

    /// <summary>What the app's role may do on the append-only tables.</summary>
    public const string AppendOnlyPrivileges = "SELECT, INSERT";

    /// <summary>The app's role: the user named by <c>ConnectionStrings:Zhifa</c>.</summary>
    public static string AppRoleOf(DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var user = new NpgsqlConnectionStringBuilder(options.ConnectionString).Username;
        return string.IsNullOrWhiteSpace(user)
            ? throw new InvalidOperationException("ConnectionStrings:Zhifa must name its user (Username=…) when ConnectionStrings:ZhifaOwner is set: that user is the app's role.")
            : user;
    }

    /// <summary>
    /// Before migrating, as the owner: the app's role exists, is another role than the owner, neither a superuser nor a
    /// member of the owner, and owns nothing here (not the database, the schema, a table or a function — the owner of any
    /// of them could undo the protection). Throws, saying what to change, when one of these does not hold.
    /// </summary>
    public static async Task CheckSeparationAsync(DatabaseOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var app = AppRoleOf(options);
        await using var connection = new NpgsqlConnection(options.OwnerConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("""
            SELECT current_user::text, r.rolsuper, pg_has_role(r.oid, current_user, 'MEMBER'),
                ARRAY(
                    SELECT 'database ' || d.datname FROM pg_database d WHERE d.datname = current_database() AND d.datdba = r.oid
                    UNION ALL SELECT 'schema ' || n.nspname FROM pg_namespace n WHERE n.nspname = current_schema() AND n.nspowner = r.oid
                    UNION ALL SELECT 'relation ' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE n.nspname = current_schema() AND c.relowner = r.oid
                    UNION ALL SELECT 'function ' || p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                        WHERE n.nspname = current_schema() AND p.proowner = r.oid)
            FROM pg_roles r WHERE r.rolname = @app
            """, connection);
        command.Parameters.AddWithValue("app", app);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
            throw new InvalidOperationException($"The app's role \"{app}\" (the user of ConnectionStrings:Zhifa) does not exist: create it (see README, PostgreSQL roles).");
        var owner = reader.GetString(0);
        if (owner == app)
            throw new InvalidOperationException($"ConnectionStrings:Zhifa and ConnectionStrings:ZhifaOwner are the same role \"{app}\": the app needs a role of its own that owns nothing.");
        if (reader.GetBoolean(1))
            throw new InvalidOperationException($"The app's role \"{app}\" is a superuser: it could rewrite the audit trail. Give the app a role without SUPERUSER.");
        if (reader.GetBoolean(2))
            throw new InvalidOperationException($"The app's role \"{app}\" is a member of the owner \"{owner}\": it has the owner's rights. REVOKE \"{owner}\" FROM \"{app}\".");
        var owned = reader.GetFieldValue<string[]>(3);
        if (owned.Length > 0)
        {
            throw new InvalidOperationException($"The app's role \"{app}\" owns {string.Join(", ", owned)}: as owner it could switch the audit trail's "
                + $"protection off. As a superuser, hand them to the owner: REASSIGN OWNED BY \"{app}\" TO \"{owner}\" (in this database), "
                + $"and ALTER DATABASE … OWNER TO \"{owner}\" if it owns the database.");
        }
    }

    /// <summary>
    /// After migrating, as the owner, in one transaction: the app's role gets USAGE on the schema, <see cref="TablePrivileges"/>
    /// on every table and USAGE, SELECT on every sequence — except the <see cref="AppendOnlyTables"/>, which get
    /// <see cref="AppendOnlyPrivileges"/> only — and the same by default on what the owner creates later. Whatever else it
    /// was granted on the schema's tables is taken back. Returns the append-only tables found.
    /// </summary>
    public static async Task<IReadOnlyList<string>> GrantAsync(DatabaseOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var app = Quote(AppRoleOf(options));
        await using var connection = new NpgsqlConnection(options.OwnerConnectionString);
        await connection.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var schema = Quote((string)(await Scalar(connection, tx, "SELECT current_schema()::text", ct))!);
        string[] statements =
        [
            $"GRANT USAGE ON SCHEMA {schema} TO {app}",
            $"REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM {app}",
            $"GRANT {TablePrivileges} ON ALL TABLES IN SCHEMA {schema} TO {app}",
            $"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {schema} FROM {app}",
            $"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {app}",
            $"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} GRANT {TablePrivileges} ON TABLES TO {app}",
            $"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} GRANT USAGE, SELECT ON SEQUENCES TO {app}",
        ];
        foreach (var sql in statements)
            await Execute(connection, tx, sql, ct);
        var appendOnly = new List<string>();
        foreach (var table in AppendOnlyTables)
        {
            var name = $"{schema}.{Quote(table)}";
            await using (var exists = new NpgsqlCommand("SELECT to_regclass(@name) IS NOT NULL", connection, tx))
            {
                exists.Parameters.AddWithValue("name", name);
                if (await exists.ExecuteScalarAsync(ct) is not true)
                    continue;
            }
            await Execute(connection, tx, $"REVOKE ALL ON {name} FROM {app}, PUBLIC", ct);
            await Execute(connection, tx, $"GRANT {AppendOnlyPrivileges} ON {name} TO {app}", ct);
            appendOnly.Add(table);
        }
        await tx.CommitAsync(ct);
        return appendOnly;
    }

    /// <summary>A PostgreSQL identifier in double quotes, exactly as spelt.</summary>
    public static string Quote(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        return "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction tx, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, tx);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<object?> Scalar(NpgsqlConnection connection, NpgsqlTransaction tx, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, tx);
        return await command.ExecuteScalarAsync(ct);
    }
}
