using System.Net;
using Npgsql;
using Zhifa.Core.Demo;
using Zhifa.Tests.Infrastructure;

namespace Zhifa.Tests.Data;

/// <summary>
/// Two PostgreSQL roles made for one run (dropped afterwards) and a database the owner owns, as an operator sets them up
/// (README, PostgreSQL roles). The database is built by the <c>migrate</c> command run as a real process with both
/// connection strings; then the app runs on it with both strings, as the app's role.
/// </summary>
public sealed class TwoRoleDatabase : IAsyncLifetime
{
    public const string Password = "role-test-password";

    private readonly string _suffix = Guid.NewGuid().ToString("N")[..10];

    public string Owner => "zf_owner_" + _suffix;
    public string AppRole => "zf_app_" + _suffix;
    public string Database => "zhifa_roles_" + _suffix;
    public string OwnerConnection => ConnectionAs(Owner, Database);
    public string AppConnection => ConnectionAs(AppRole, Database);

    public (int Exit, string Output) Migrate { get; private set; }
    public ZhifaApp App { get; private set; } = null!;

    public Dictionary<string, string> Settings => new()
    {
        ["ConnectionStrings:Zhifa"] = AppConnection,
        ["ConnectionStrings:ZhifaOwner"] = OwnerConnection,
    };

    public async Task InitializeAsync()
    {
        await AdminAsync($"CREATE ROLE {Owner} LOGIN PASSWORD '{Password}'", $"CREATE ROLE {AppRole} LOGIN PASSWORD '{Password}'",
            $"CREATE DATABASE {Database} OWNER {Owner}");
        Migrate = await AppProcess.RunAsync("migrate", TestDatabases.Postgres, AppConnection, Settings);
        App = new ZhifaApp(TestDatabases.Postgres, Settings.ToDictionary(s => s.Key, s => (string?)s.Value));
        _ = App.Server;
    }

    public async Task DisposeAsync()
    {
        App?.Dispose();
        NpgsqlConnection.ClearAllPools();
        await AdminAsync($"DROP DATABASE IF EXISTS {Database} WITH (FORCE)", $"DROP ROLE IF EXISTS {AppRole}", $"DROP ROLE IF EXISTS {Owner}");
    }

    public static string ConnectionAs(string role, string database) =>
        new NpgsqlConnectionStringBuilder(TestDatabases.PostgresAdmin) { Username = role, Password = Password, Database = database, Pooling = false }.ConnectionString;

    public static Task AdminAsync(params string[] statements) => AdminInAsync(null, statements);

    /// <summary>Runs statements as the cluster's superuser, in the given database (the cluster's own by default).</summary>
    public static async Task AdminInAsync(string? database, params string[] statements)
    {
        var admin = new NpgsqlConnectionStringBuilder(TestDatabases.PostgresAdmin) { Pooling = false };
        if (database is not null)
            admin.Database = database;
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}

/// <summary>On PostgreSQL with an owner connection, the app's role may add to the audit trail but never rewrite it.</summary>
public sealed class DatabaseRoleTests(TwoRoleDatabase database) : IClassFixture<TwoRoleDatabase>
{
    [Fact]
    public async Task Migrate_AsTheOwner_LeavesTheAppRoleOwningNothing()
    {
        Assert.True(database.Migrate.Exit == 0, database.Migrate.Output);
        Assert.Contains($"The app's role {database.AppRole} may read and write the tables, and only read and insert into AuditEntries", database.Migrate.Output, StringComparison.Ordinal);
        await using var owner = await OpenAsync(database.OwnerConnection);
        var owned = await ScalarAsync<long>(owner, $"""
            SELECT (SELECT count(*) FROM pg_class WHERE relowner = '{database.AppRole}'::regrole)
                 + (SELECT count(*) FROM pg_proc WHERE proowner = '{database.AppRole}'::regrole)
                 + (SELECT count(*) FROM pg_namespace WHERE nspowner = '{database.AppRole}'::regrole)
            """);
        Assert.Equal(0, owned);
        Assert.Equal(database.Owner, await ScalarAsync<string>(owner, "SELECT tableowner::text FROM pg_tables WHERE tablename = 'AuditEntries'"));
    }

    [Fact]
    public async Task TheAppRole_MayOnlyReadAndInsertTheAuditTrail_AndReadWriteTheOtherTables()
    {
        await using var app = await OpenAsync(database.AppConnection);
        string Privileges(string table) => $"""
            SELECT string_agg(p, ',' ORDER BY p) FROM unnest(ARRAY['SELECT','INSERT','UPDATE','DELETE','TRUNCATE','REFERENCES','TRIGGER']) p
            WHERE has_table_privilege('"{table}"', p)
            """;
        Assert.Equal("INSERT,SELECT", await ScalarAsync<string>(app, Privileges("AuditEntries")));
        Assert.Equal("DELETE,INSERT,SELECT,UPDATE", await ScalarAsync<string>(app, Privileges("Officers")));
        Assert.Equal("DELETE,INSERT,SELECT,UPDATE", await ScalarAsync<string>(app, Privileges("Users")));
    }

    [Fact]
    public async Task TheAppRunningAsTheAppRole_DoesItsWork_AndWritesTheAuditTrail()
    {
        await using var app = await OpenAsync(database.AppConnection);
        var before = await ScalarAsync<long>(app, "SELECT count(*) FROM \"AuditEntries\"");
        Assert.True(before > 0, "the demo data, loaded at start by the app's role, is in the audit trail");

        var (officerId, _) = await PersonnelFlow.RegisterAsync(database.App, DemoData.Ids.YuanpingMarket);

        Assert.Equal(1, await ScalarAsync<long>(app, $"SELECT count(*) FROM \"AuditEntries\" WHERE \"EntityType\" = 'Officer' AND \"EntityId\" = '{officerId}' AND \"Action\" = 'Added'"));
        Assert.True(await ScalarAsync<long>(app, "SELECT count(*) FROM \"AuditEntries\"") > before);
        var verify = await database.App.ApiAs("admin").GetAsync("/api/v1/audit/verify");
        Assert.Equal(HttpStatusCode.OK, verify.StatusCode);
        Assert.Contains("\"intact\":true", await verify.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAppWithOnlyItsOwnConnection_StartsOnTheMigratedDatabase_AndWorks()
    {
        using var app = new ZhifaApp(TestDatabases.Postgres, new Dictionary<string, string?> { ["ConnectionStrings:Zhifa"] = database.AppConnection });

        var ready = await app.Api().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var (officerId, _) = await PersonnelFlow.RegisterAsync(app, DemoData.Ids.YuanpingMarket);
        await using var connection = await OpenAsync(database.AppConnection);
        Assert.Equal(1, await ScalarAsync<long>(connection, $"SELECT count(*) FROM \"AuditEntries\" WHERE \"EntityId\" = '{officerId}'"));
    }

    [Theory]
    [InlineData("ALTER TABLE \"AuditEntries\" DISABLE TRIGGER ALL")]
    [InlineData("ALTER TABLE \"AuditEntries\" DISABLE TRIGGER USER")]
    [InlineData("DROP TRIGGER audit_entries_no_change ON \"AuditEntries\"")]
    [InlineData("DROP TRIGGER audit_entries_no_truncate ON \"AuditEntries\"")]
    [InlineData("DELETE FROM \"AuditEntries\"")]
    [InlineData("UPDATE \"AuditEntries\" SET \"UserName\" = 'someone else'")]
    [InlineData("TRUNCATE \"AuditEntries\"")]
    [InlineData("DROP TABLE \"AuditEntries\"")]
    [InlineData("ALTER TABLE \"AuditEntries\" OWNER TO CURRENT_USER")]
    [InlineData("CREATE OR REPLACE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END; $$")]
    public async Task TheAppRole_IsRefused_WhatWouldRewriteTheAuditTrail(string statement)
    {
        await using var app = await OpenAsync(database.AppConnection);
        const string Rows = "SELECT count(*)::text || ':' || md5(string_agg(e::text, ',' ORDER BY e.\"Sequence\")) FROM \"AuditEntries\" e";
        var before = await ScalarAsync<string>(app, Rows);

        await using var command = new NpgsqlCommand(statement, app);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        Assert.Equal(before, await ScalarAsync<string>(app, Rows));
        await using var owner = await OpenAsync(database.OwnerConnection);
        Assert.Equal(2, await ScalarAsync<long>(owner, "SELECT count(*) FROM pg_trigger WHERE tgrelid = '\"AuditEntries\"'::regclass AND NOT tgisinternal AND tgenabled = 'O'"));
    }

    [Fact]
    public async Task ATableAddedLater_IsTheAppRolesByDefault_AndAnAppendOnlyOneIsCutBackToReadAndInsertByTheNextMigrate()
    {
        var table = "LaterTable_" + Guid.NewGuid().ToString("N")[..8];
        await using (var owner = await OpenAsync(database.OwnerConnection))
        {
            // What a later release's migration does: new tables, one of them append-only (AuditCheckpoints may already be there).
            await ExecuteAsync(owner, $"CREATE TABLE \"{table}\" (\"Id\" int PRIMARY KEY)");
            await ExecuteAsync(owner, "CREATE TABLE IF NOT EXISTS \"AuditCheckpoints\" (\"Id\" uuid PRIMARY KEY)");
            await ExecuteAsync(owner, $"GRANT ALL ON \"AuditCheckpoints\" TO {database.AppRole}");
        }
        await using (var app = await OpenAsync(database.AppConnection))
        {
            await ExecuteAsync(app, $"INSERT INTO \"{table}\" VALUES (1)");
            await ExecuteAsync(app, $"UPDATE \"{table}\" SET \"Id\" = 2");
            await ExecuteAsync(app, $"DELETE FROM \"{table}\"");
        }

        var again = await AppProcess.RunAsync("migrate", TestDatabases.Postgres, database.AppConnection, database.Settings);

        Assert.True(again.Exit == 0, again.Output);
        Assert.Contains("only read and insert into AuditEntries, AuditCheckpoints", again.Output, StringComparison.Ordinal);
        await using (var app = await OpenAsync(database.AppConnection))
        {
            await ExecuteAsync(app, $"INSERT INTO \"{table}\" VALUES (3)");
            var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(app, "DELETE FROM \"AuditCheckpoints\""));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
            refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(app, "TRUNCATE \"AuditCheckpoints\""));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
            Assert.True(await ScalarAsync<bool>(app, "SELECT has_table_privilege('\"AuditCheckpoints\"', 'SELECT') AND has_table_privilege('\"AuditCheckpoints\"', 'INSERT')"));
        }
    }

    [Fact]
    public async Task Migrate_WithAnOwner_RefusesAnAppRoleThatOwnsTheDatabase_UntilASuperuserHandsItsObjectsToTheOwner()
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        string owner = "zf_owner_" + suffix, app = "zf_app_" + suffix, name = "zhifa_single_" + suffix;
        await TwoRoleDatabase.AdminAsync($"CREATE ROLE {owner} LOGIN PASSWORD '{TwoRoleDatabase.Password}'",
            $"CREATE ROLE {app} LOGIN PASSWORD '{TwoRoleDatabase.Password}'", $"CREATE DATABASE {name} OWNER {app}");
        try
        {
            var appConnection = TwoRoleDatabase.ConnectionAs(app, name);
            var single = await AppProcess.RunAsync("migrate", TestDatabases.Postgres, appConnection);
            Assert.True(single.Exit == 0, single.Output);

            var withOwner = new Dictionary<string, string> { ["ConnectionStrings:ZhifaOwner"] = TwoRoleDatabase.ConnectionAs(owner, name) };
            var split = await AppProcess.RunAsync("migrate", TestDatabases.Postgres, appConnection, withOwner);

            Assert.NotEqual(0, split.Exit);
            Assert.Contains($"The app's role \"{app}\" owns database {name}", split.Output, StringComparison.Ordinal);
            Assert.Contains("relation AuditEntries", split.Output, StringComparison.Ordinal);
            Assert.Contains($"REASSIGN OWNED BY \"{app}\" TO \"{owner}\"", split.Output, StringComparison.Ordinal);

            // README, PostgreSQL roles: what a superuser runs to hand a single-role database over.
            await TwoRoleDatabase.AdminInAsync(name, $"REASSIGN OWNED BY {app} TO {owner}");
            var after = await AppProcess.RunAsync("migrate", TestDatabases.Postgres, appConnection, withOwner);
            Assert.True(after.Exit == 0, after.Output);
            await using var connection = await OpenAsync(appConnection);
            var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(connection, "ALTER TABLE \"AuditEntries\" DISABLE TRIGGER ALL"));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        }
        finally
        {
            await TwoRoleDatabase.AdminAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", $"DROP ROLE IF EXISTS {app}", $"DROP ROLE IF EXISTS {owner}");
        }
    }

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
