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

/// <summary>Configuration section <c>Zhifa:Database</c>; the connection string is <c>ConnectionStrings:Zhifa</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Zhifa:Database";
    public const string DefaultSqlite = "Data Source=data/zhifa.db";

    /// <summary><c>Sqlite</c> (default) or <c>Postgres</c>.</summary>
    public string Provider { get; set; } = DatabaseProviders.Sqlite;

    public string ConnectionString { get; set; } = DefaultSqlite;

    /// <summary>Apply pending migrations when the app starts.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    public bool IsPostgres => string.Equals(Provider, DatabaseProviders.Postgres, StringComparison.OrdinalIgnoreCase)
        || string.Equals(Provider, "PostgreSQL", StringComparison.OrdinalIgnoreCase)
        || string.Equals(Provider, "Npgsql", StringComparison.OrdinalIgnoreCase);

    public bool IsSqlite => string.Equals(Provider, DatabaseProviders.Sqlite, StringComparison.OrdinalIgnoreCase);

    /// <summary>Points <paramref name="builder"/> at the configured database and its migrations assembly.</summary>
    public void Apply(DbContextOptionsBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (IsPostgres)
        {
            builder.UseNpgsql(ConnectionString, o => o.MigrationsAssembly(DatabaseProviders.PostgresMigrationsAssembly));
        }
        else if (IsSqlite)
        {
            EnsureSqliteDirectory(ConnectionString);
            builder.UseSqlite(ConnectionString, o => o.MigrationsAssembly(DatabaseProviders.SqliteMigrationsAssembly));
        }
        else
        {
            throw new InvalidOperationException($"Unknown database provider '{Provider}'. Use '{DatabaseProviders.Sqlite}' or '{DatabaseProviders.Postgres}'.");
        }
    }

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
