using System.Collections.Concurrent;
using Npgsql;

namespace Zhifa.Tests.Infrastructure;

/// <summary>
/// Real databases for tests: a SQLite file in a temp folder, or a database on the test PostgreSQL cluster.
/// An empty one (<see cref="Create"/>), or a migrated one with the demo data (<see cref="CreateSeeded"/>):
/// a copy of a template that is migrated and seeded once per test run (per test process) and engine —
/// a file copy for SQLite, <c>CREATE DATABASE … TEMPLATE …</c> for PostgreSQL.
/// </summary>
public static class TestDatabases
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    private static readonly ConcurrentDictionary<string, Lazy<TestDatabase>> Templates = new(StringComparer.Ordinal);

    static TestDatabases() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var template in Templates.Values.Where(t => t.IsValueCreated))
            template.Value.Dispose();
    };

    /// <summary>Set by test.sh, which starts a throwaway cluster. A test that needs PostgreSQL fails without it: nothing is skipped.</summary>
    public static string PostgresAdmin =>
        Environment.GetEnvironmentVariable("ZHIFA_TEST_POSTGRES") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException("ZHIFA_TEST_POSTGRES is not set: run the tests with ./test.sh, which starts a PostgreSQL cluster.");

    /// <summary>A new, empty database.</summary>
    public static TestDatabase Create(string provider) => provider switch
    {
        Sqlite => TestDatabase.NewSqlite(),
        Postgres => TestDatabase.NewPostgres(),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };

    /// <summary>
    /// A new database of its own, copied from this engine's template. The first call of the process builds
    /// the template: it creates an empty database and hands it to <paramref name="prepare"/> (which migrates it
    /// and loads the demo data, and must close every connection to it); later calls only copy.
    /// </summary>
    /// <param name="variant">What else tells templates of one engine apart (the settings the data is written with); "" for the default.</param>
    public static TestDatabase CreateSeeded(string provider, string variant, Action<TestDatabase> prepare)
    {
        ArgumentNullException.ThrowIfNull(prepare);
        var template = Templates.GetOrAdd(provider + "\n" + variant, _ => new Lazy<TestDatabase>(() =>
        {
            var database = Create(provider);
            prepare(database);
            return database;
        })).Value;
        return template.Clone();
    }
}

/// <summary>One throwaway database; disposing drops it.</summary>
public sealed class TestDatabase : IDisposable
{
    /// <summary>Copies of a PostgreSQL template are made one at a time.</summary>
    private static readonly Lock CloneLock = new();

    private readonly Action _drop;
    private readonly string _location;

    private TestDatabase(string provider, string connectionString, string location, Action drop)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _location = location;
        _drop = drop;
    }

    public string Provider { get; }
    public string ConnectionString { get; }

    public static TestDatabase NewSqlite() => SqliteIn(NewFolder());

    public static TestDatabase NewPostgres()
    {
        var name = NewPostgresName();
        Admin($"CREATE DATABASE {name}");
        return PostgresNamed(name);
    }

    /// <summary>A new database with this one's content: a copy of the file, or a PostgreSQL database made from this one as its template.</summary>
    public TestDatabase Clone()
    {
        if (Provider == TestDatabases.Sqlite)
        {
            var dir = NewFolder();
            File.Copy(_location, Path.Combine(dir, "zhifa.db"));
            return SqliteIn(dir);
        }
        var name = NewPostgresName();
        lock (CloneLock)
        {
            // CREATE DATABASE … TEMPLATE fails while anything is connected to the template: no pooled
            // connection of this process may linger on it.
            NpgsqlConnection.ClearAllPools();
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    Admin($"CREATE DATABASE {name} TEMPLATE {_location}");
                    break;
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 20)
                {
                    Thread.Sleep(100 * attempt);
                }
            }
        }
        return PostgresNamed(name);
    }

    private static string NewFolder()
    {
        var dir = Path.Combine(Path.GetTempPath(), "zhifa-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static TestDatabase SqliteIn(string dir)
    {
        var path = Path.Combine(dir, "zhifa.db");
        var cs = $"Data Source={path};Pooling=False";
        return new TestDatabase(TestDatabases.Sqlite, cs, path, () => Directory.Delete(dir, recursive: true));
    }

    private static string NewPostgresName() => "zhifa_test_" + Guid.NewGuid().ToString("N")[..16];

    private static TestDatabase PostgresNamed(string name)
    {
        // Pooled, as in production: without a pool every query of a request starts a server process (a few hundred
        // milliseconds a request on this machine). Idle connections go within seconds, so that a finished test's pool
        // neither holds the server's connection slots nor a template that is being copied (Clone clears the pools first).
        var cs = new NpgsqlConnectionStringBuilder(TestDatabases.PostgresAdmin)
        {
            Database = name, Pooling = true, MaxPoolSize = 30, ConnectionIdleLifetime = 3, ConnectionPruningInterval = 1,
        }.ConnectionString;
        return new TestDatabase(TestDatabases.Postgres, cs, name, () => Admin($"DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
    }

    private static void Admin(string sql)
    {
        using var conn = new NpgsqlConnection(TestDatabases.PostgresAdmin);
        conn.Open();
        using var cmd = new NpgsqlCommand(sql, conn);
        cmd.ExecuteNonQuery();
    }

    public void Dispose()
    {
        try
        {
            _drop();
        }
        catch (IOException)
        {
            // A SQLite file still held by a finishing connection; the temp folder is cleaned with the machine.
        }
    }
}
