using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Data;
using Zhifa.Tests.Infrastructure;

namespace Zhifa.Tests.Data;

/// <summary>
/// Issue 12: PostgreSQL's JIT compilation cost 0.5–2.5 s on scoped lists whose plan it judged expensive; the app's
/// sessions run without it unless the operator's connection string sets its own options.
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
    public void OptionsOfTheConnectionString_AreKept()
    {
        var set = new Npgsql.NpgsqlConnectionStringBuilder(DatabaseOptions.WithoutJit("Host=db;Database=zhifa"));
        Assert.Equal(("db", "zhifa", "-c jit=off"), (set.Host, set.Database, set.Options));
        const string own = "Host=db;Database=zhifa;Options=-c jit=on";
        Assert.Equal(own, DatabaseOptions.WithoutJit(own));
    }
}
