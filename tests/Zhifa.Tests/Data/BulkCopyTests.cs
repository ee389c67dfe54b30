using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Common;
using Zhifa.Core.Demo;
using Zhifa.Core.Messages;
using Zhifa.Core.Organizations;
using Zhifa.Tests.Infrastructure;

namespace Zhifa.Tests.Data;

/// <summary>
/// Bulk copy writes what EF would have written, on both databases, inside the caller's transaction: entities with a
/// primitive collection (a PostgreSQL array, JSON on SQLite) and UTC timestamps; rows given by property name, with model
/// values or values already in their stored form, into a table shared by a hierarchy (the discriminator from the row);
/// and a unique index's refusal is recognised and leaves nothing behind once the transaction rolls back.
/// </summary>
public abstract class BulkCopyTests(ZhifaApp app)
{
    private static readonly Guid Officer = DeterministicGuid.From("user:yp.market.officer");

    [Fact]
    public async Task Entities_AndRowsByName_ReadBackThroughEf_AsEfWouldHaveWrittenThem()
    {
        var now = new DateTime(2026, 3, 17, 8, 30, 0, DateTimeKind.Utc);
        var messages = new[]
        {
            new UserMessage(Guid.CreateVersion7(), Officer, "test.bulk", ["甲", "乙,丙", "\"引号\""], "/cases", "bulk:" + Guid.NewGuid(), now),
            new UserMessage(Guid.CreateVersion7(), Officer, "test.bulk", [], null, "bulk:" + Guid.NewGuid(), now.AddHours(1)),
        };
        Guid parent;
        string parentPath;
        await using (var scope = app.Scope(out var db))
        {
            var yuanping = await db.Regions.SingleAsync(r => r.Id == DemoData.Ids.Yuanping);
            (parent, parentPath) = (yuanping.Id, yuanping.Path);
        }
        var stored = Guid.NewGuid();
        var modelled = Guid.NewGuid();
        Dictionary<string, object?> Region(Guid id, string name, object level) => new()
        {
            ["Id"] = id, ["Kind"] = nameof(OrganizationKind.Region), ["Name"] = name, ["ParentId"] = parent, ["Path"] = parentPath + id.ToString("N") + "/",
            ["Depth"] = 3, ["AgencyId"] = null, ["RegionPath"] = parentPath + id.ToString("N") + "/", ["SortOrder"] = 0, ["IsActive"] = true,
            ["CreatedAt"] = now, ["UpdatedAt"] = now, ["DeactivatedAt"] = null, ["Code"] = TestData.TownshipCode(), ["Level"] = level,
            ["SupervisingBodyId"] = null, ["Version"] = 0,
        };

        await using (var scope = app.Scope(out var db))
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var copy = await BulkCopy.ForAsync(db);
            Assert.Equal(2, await copy.WriteAsync(messages));
            // The generator's way: the level as stored (its name), and as the model has it (the enum).
            Assert.Equal(2, await copy.WriteRowsAsync(typeof(Region), [Region(stored, TestData.Name("批量镇"), "Township"), Region(modelled, TestData.Name("批量乡"), RegionLevel.Township)]));
            Assert.Equal(2, copy.Written["UserMessages"]);
            await tx.CommitAsync();
        }

        await using (var scope = app.Scope(out var db))
        {
            var ids = messages.Select(m => m.Id).ToList();
            var read = await db.Set<UserMessage>().Where(m => ids.Contains(m.Id)).OrderBy(m => m.CreatedAt).ToListAsync();
            Assert.Equal(["甲", "乙,丙", "\"引号\""], read[0].Args);
            Assert.Empty(read[1].Args);
            Assert.Equal((now, DateTimeKind.Utc, "/cases", (string?)null), (read[0].CreatedAt, read[0].CreatedAt.Kind, read[0].Link, read[1].Link));
            var regions = await db.Regions.Where(r => r.Id == stored || r.Id == modelled).ToListAsync();
            Assert.Equal(2, regions.Count);
            Assert.All(regions, r => Assert.Equal((RegionLevel.Township, parent), (r.Level, r.ParentId)));
        }
    }

    [Fact]
    public async Task AUniqueIndexRefusingARow_IsRecognised_AndTheRollbackLeavesNothing()
    {
        var dedup = "bulk:" + Guid.NewGuid();
        var messages = new[]
        {
            new UserMessage(Guid.CreateVersion7(), Officer, "test.bulk", [], null, "bulk:" + Guid.NewGuid(), DateTime.UtcNow),
            new UserMessage(Guid.CreateVersion7(), Officer, "test.bulk", [], null, dedup, DateTime.UtcNow),
            new UserMessage(Guid.CreateVersion7(), Officer, "test.bulk", [], null, dedup, DateTime.UtcNow),
        };
        await using (var scope = app.Scope(out var db))
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var copy = await BulkCopy.ForAsync(db);
            var refused = await Assert.ThrowsAnyAsync<Exception>(() => copy.WriteAsync(messages));
            Assert.True(BulkCopy.IsUniqueViolation(refused), refused.ToString());
            await tx.RollbackAsync();
        }
        await using (var scope = app.Scope(out var db))
        {
            var ids = messages.Select(m => m.Id).ToList();
            Assert.Equal(0, await db.Set<UserMessage>().CountAsync(m => ids.Contains(m.Id)));
        }
    }
}

public sealed class BulkCopyTests_Sqlite(SqliteApp fixture) : BulkCopyTests(fixture.App), IClassFixture<SqliteApp>;

public sealed class BulkCopyTests_Postgres(PostgresApp fixture) : BulkCopyTests(fixture.App), IClassFixture<PostgresApp>;
