using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Data;
using Zhifa.Tests.Infrastructure;

namespace Zhifa.Tests.Data;

/// <summary>
/// Issue 12: PostgreSQL's JIT compilation cost 0.5–2.5 s on scoped lists whose plan it judged expensive; the app's
/// sessions run without it unless the operator's connection string sets its own options. Pooled connections keep their
/// prepared statements (no reset on close, statements prepared automatically) unless the operator says otherwise.
/// </summary>
public sealed class JitOffTests(PostgresApp fixture) : IClassFixture<PostgresApp>
{
    [Fact]
    public async Task TheAppsSessions_RunWithoutJit()
    {
        await using var scope = fixture.App.Scope(out var db);
        var jit = await db.Database.SqlQueryRaw<string>("SELECT current_setting('jit') AS \"Value\"").SingleAsync();
        Assert.Equal("off", jit);
    }

    [Fact]
    public async Task TheAppsStatements_ArePreparedAndSurviveTheReturnToThePool()
    {
        const string probe = "SELECT count(*)::int AS \"Value\" FROM \"Organizations\" WHERE \"Depth\" >= {0}";
        await using var scope = fixture.App.Scope(out var db);
        // Each query takes the connection from the pool and gives it back; an idle pool hands the same one again.
        for (var i = 0; i < 6; i++)
            await db.Database.SqlQueryRaw<int>(probe, 0).ToListAsync();
        var prepared = await db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM pg_prepared_statements WHERE statement LIKE '%\"Depth\" >= $1%'").SingleAsync();
        Assert.Equal(1, prepared);
    }

    [Fact]
    public void SettingsOfTheConnectionString_AreKept()
    {
        var set = new Npgsql.NpgsqlConnectionStringBuilder(DatabaseOptions.Tuned("Host=db;Database=zhifa"));
        Assert.Equal(("db", "zhifa", "-c jit=off", true, 100), (set.Host, set.Database, set.Options, set.NoResetOnClose, set.MaxAutoPrepare));
        var own = new Npgsql.NpgsqlConnectionStringBuilder(DatabaseOptions.Tuned("Host=db;Database=zhifa;Options=-c jit=on;No Reset On Close=false;Max Auto Prepare=0"));
        Assert.Equal(("-c jit=on", false, 0), (own.Options, own.NoResetOnClose, own.MaxAutoPrepare));
    }
}
