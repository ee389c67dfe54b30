using Zhifa.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Data;
using Zhifa.Core.Identity;
using Zhifa.Tests.Infrastructure;

namespace Zhifa.Tests.Web;

/// <summary>The app's own commands, run as a real process the way an operator runs them.</summary>
public class HostCommandTests
{
    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public async Task MigrateThenSeedDemo_BuildTheDatabaseFromNothing(string provider)
    {
        using var database = TestDatabases.Create(provider);
        var migrate = await AppProcess.RunAsync("migrate", provider, database.ConnectionString);
        Assert.True(migrate.Exit == 0, migrate.Output);
        var options = new DbContextOptionsBuilder<ZhifaDbContext>();
        new DatabaseOptions { Provider = provider, ConnectionString = database.ConnectionString }.Apply(options);
        await using (var db = new ZhifaDbContext(options.Options))
        {
            Assert.Contains($"Applied {db.Database.GetMigrations().Count()} migration(s)", migrate.Output, StringComparison.Ordinal);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(RoleTemplates.All.Count, await db.Roles.CountAsync(r => r.IsTemplate));
            Assert.Equal(0, await db.Organizations.CountAsync());
        }

        var seed = await AppProcess.RunAsync("seed-demo", provider, database.ConnectionString);
        Assert.True(seed.Exit == 0, seed.Output);
        await using (var db = new ZhifaDbContext(options.Options))
            Assert.True(await db.Organizations.CountAsync() > 50);
    }
}
