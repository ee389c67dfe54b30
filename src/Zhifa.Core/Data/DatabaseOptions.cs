using Microsoft.EntityFrameworkCore;

namespace Zhifa.Core.Data;

public static class DatabaseProviders
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";
    public const string NpgsqlProviderName = "Npgsql.EntityFrameworkCore.PostgreSQL";
    public const string SqliteMigrationsAssembly = "Zhifa.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Zhifa.Migrations.Postgres";
}

/// <summary>
/// Configuration section <c>Zhifa:Database</c>; the connection string is <c>ConnectionStrings:Zhifa</c> (the app's role) and,
/// on PostgreSQL, optionally <c>ConnectionStrings:ZhifaOwner</c> (the role that owns the tables and runs the migrations).
/// </summary>
public sealed class DatabaseOptions
{
    public const string Section = "Zhifa:Database";
    public const string DefaultSqlite = "Data Source=data/zhifa.db";

    /// <summary><c>Sqlite</c> (default) or <c>Postgres</c>.</summary>
    public string Provider { get; set; } = DatabaseProviders.Sqlite;

    public string ConnectionString { get; set; } = DefaultSqlite;

    /// <summary>
    /// PostgreSQL only: the owner's connection (<c>ConnectionStrings:ZhifaOwner</c>). With it the migrations run as the owner,
    /// which then grants the app's role (<see cref="ConnectionString"/>) what it needs and no more (<see cref="DatabaseRoles"/>).
    /// Without it one role does everything, as on SQLite, which has no roles.
    /// </summary>
    public string? OwnerConnectionString { get; set; }

    /// <summary>The migrations run as a separate owner role (PostgreSQL with <see cref="OwnerConnectionString"/>).</summary>
    public bool HasOwner => IsPostgres && !string.IsNullOrWhiteSpace(OwnerConnectionString);

    /// <summary>Apply pending migrations when the app starts.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    public bool IsPostgres => string.Equals(Provider, DatabaseProviders.Postgres, StringComparison.OrdinalIgnoreCase)
        || string.Equals(Provider, "PostgreSQL", StringComparison.OrdinalIgnoreCase)
        || string.Equals(Provider, "Npgsql", StringComparison.OrdinalIgnoreCase);

    public bool IsSqlite => string.Equals(Provider, DatabaseProviders.Sqlite, StringComparison.OrdinalIgnoreCase);

    /// <summary>Points <paramref name="builder"/> at the configured database (as the app's role) and its migrations assembly.</summary>
    public void Apply(DbContextOptionsBuilder builder) => Apply(builder, ConnectionString);

    /// <summary>A context on the database as its owner (<see cref="HasOwner"/>), for the migrations.</summary>
    public ZhifaDbContext CreateOwnerContext()
    {
        if (!HasOwner)
            throw new InvalidOperationException("No owner connection is configured (ConnectionStrings:ZhifaOwner, PostgreSQL only).");
        var builder = new DbContextOptionsBuilder<ZhifaDbContext>();
        Apply(builder, OwnerConnectionString!);
        return new ZhifaDbContext(builder.Options);
    }

    private void Apply(DbContextOptionsBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (IsPostgres)
        {
            builder.UseNpgsql(Tuned(connectionString), o => o.MigrationsAssembly(DatabaseProviders.PostgresMigrationsAssembly));
        }
        else if (IsSqlite)
        {
            EnsureSqliteDirectory(connectionString);
            builder.UseSqlite(connectionString, o => o.MigrationsAssembly(DatabaseProviders.SqliteMigrationsAssembly));
        }
        else
        {
            throw new InvalidOperationException($"Unknown database provider '{Provider}'. Use '{DatabaseProviders.Sqlite}' or '{DatabaseProviders.Postgres}'.");
        }
    }

    /// <summary>
    /// The app's PostgreSQL sessions, unless the operator's connection string says otherwise for a setting:
    /// JIT compilation off (the planner's cost of a scoped list passed the JIT threshold, and compiling took 0.5–1.5 s of
    /// a query that runs in milliseconds; an OLTP application's queries never gain from it); a pooled connection not
    /// reset (<c>DISCARD ALL</c>) when it goes back to the pool — the app leaves no session state behind (its job lock is
    /// released in a <c>finally</c>), and the reset would drop the prepared statements; and the statements the app runs
    /// most prepared automatically (parsed and planned once per connection, not per request).
    /// </summary>
    internal static string Tuned(string connectionString)
    {
        var cs = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(cs.Options))
            cs.Options = "-c jit=off";
        if (!Mentions(connectionString, "No Reset On Close", "NoResetOnClose"))
            cs.NoResetOnClose = true;
        if (!Mentions(connectionString, "Max Auto Prepare", "MaxAutoPrepare"))
            cs.MaxAutoPrepare = 100;
        return cs.ConnectionString;
    }

    private static bool Mentions(string connectionString, params string[] keys) =>
        keys.Any(k => connectionString.Contains(k, StringComparison.OrdinalIgnoreCase));

    /// <summary>SQLite creates the file but not its folder; the default lives under <c>data/</c>.</summary>
    private static void EnsureSqliteDirectory(string connectionString)
    {
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:")
            return;
        var dir = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(dir))
            Directory.CreateDirectory(dir);
    }
}
