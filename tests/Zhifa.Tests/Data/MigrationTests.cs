using Zhifa.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Data;
using Zhifa.Tests.Infrastructure;

namespace Zhifa.Tests.Data;

public class MigrationTests
{
    /// <summary>A model change without a migration for each database fails here: add one with tools/Zhifa.DbTool.</summary>
    [Theory]
    [InlineData(TestDatabases.Sqlite, "Data Source=unused.db")]
    [InlineData(TestDatabases.Postgres, "Host=unused;Database=unused")]
    public void Model_HasNoChangesThatNoMigrationCovers(string provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<ZhifaDbContext>();
        new DatabaseOptions { Provider = provider, ConnectionString = connectionString }.Apply(options);
        using var db = new ZhifaDbContext(options.Options);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"The {provider} model has changes that no migration covers.");
    }

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public async Task Migrations_ApplyToAnEmptyDatabase(string provider)
    {
        using var database = TestDatabases.Create(provider);
        var options = new DbContextOptionsBuilder<ZhifaDbContext>();
        new DatabaseOptions { Provider = provider, ConnectionString = database.ConnectionString }.Apply(options);
        await using var db = new ZhifaDbContext(options.Options);
        Assert.NotEmpty(await db.Database.GetPendingMigrationsAsync());
        await db.Database.MigrateAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await db.Organizations.CountAsync());
    }
}
