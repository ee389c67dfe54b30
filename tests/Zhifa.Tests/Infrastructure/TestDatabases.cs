using Npgsql;

namespace Zhifa.Tests.Infrastructure;

/// <summary>Real databases for tests: a SQLite file in a temp folder, or a fresh database on the test PostgreSQL cluster.</summary>
public static class TestDatabases
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    /// <summary>Set by test.sh, which starts a throwaway cluster. A test that needs PostgreSQL fails without it: nothing is skipped.</summary>
    public static string PostgresAdmin =>
        Environment.GetEnvironmentVariable("ZHIFA_TEST_POSTGRES") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException("ZHIFA_TEST_POSTGRES is not set: run the tests with ./test.sh, which starts a PostgreSQL cluster.");

    public static TestDatabase Create(string provider) => provider switch
    {
        Sqlite => TestDatabase.NewSqlite(),
        Postgres => TestDatabase.NewPostgres(),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };
}

/// <summary>One throwaway database; disposing drops it.</summary>
public sealed class TestDatabase : IDisposable
{
    private readonly Action _drop;

    private TestDatabase(string provider, string connectionString, Action drop)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _drop = drop;
    }

    public string Provider { get; }
    public string ConnectionString { get; }

    public static TestDatabase NewSqlite()
    {
        var dir = Path.Combine(Path.GetTempPath(), "zhifa-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var cs = $"Data Source={Path.Combine(dir, "zhifa.db")};Pooling=False";
        return new TestDatabase(TestDatabases.Sqlite, cs, () => Directory.Delete(dir, recursive: true));
    }

    public static TestDatabase NewPostgres()
    {
        var name = "zhifa_test_" + Guid.NewGuid().ToString("N")[..16];
        var admin = TestDatabases.PostgresAdmin;
        using (var conn = new NpgsqlConnection(admin))
        {
            conn.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", conn);
            cmd.ExecuteNonQuery();
        }
        var cs = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false }.ConnectionString;
        return new TestDatabase(TestDatabases.Postgres, cs, () =>
        {
            using var conn = new NpgsqlConnection(admin);
            conn.Open();
            using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", conn);
            cmd.ExecuteNonQuery();
        });
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
