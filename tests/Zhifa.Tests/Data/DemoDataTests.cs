using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Data;
using Zhifa.Core.Demo;
using Zhifa.Core.Organizations;
using Zhifa.Tests.Infrastructure;

namespace Zhifa.Tests.Data;

public class DemoDataTests
{
    /// <summary>
    /// Loads the demo into a migrated, empty database through the app's own container (every feature's seed uses the
    /// services it uses in production), twice, and reads the organisations back.
    /// </summary>
    private static async Task<List<(Guid Id, string Name, string Path, string? Code)>> SeedAndReadAsync(string provider)
    {
        using var app = new ZhifaApp(provider, new Dictionary<string, string?> { ["Zhifa:Demo:SeedOnEmptyDatabase"] = "false" });
        await using var scope = app.Scope(out var db);
        Assert.True(await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync());
        Assert.False(await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync(), "a second load into a non-empty database does nothing");
        var all = await db.Organizations.AsNoTracking().ToListAsync();
        return all.Select(o => (o.Id, o.Name, o.Path, (o as Region)?.Code ?? (o as EnforcementBody)?.CreditCode)).OrderBy(x => x.Id).ToList();
    }

    [Fact]
    public async Task Demo_IsTheSameEveryTime_OnBothDatabases()
    {
        var first = await SeedAndReadAsync(TestDatabases.Sqlite);
        var second = await SeedAndReadAsync(TestDatabases.Sqlite);
        var postgres = await SeedAndReadAsync(TestDatabases.Postgres);
        Assert.Equal(first, second);
        Assert.Equal(first, postgres);
    }

    [Fact]
    public async Task Demo_HasTheShanxiSliceWithSixSectorsAndValidCodes()
    {
        using var app = new ZhifaApp(TestDatabases.Sqlite);
        await using var scope = app.Scope(out var db);

        var regions = await db.Regions.ToListAsync();
        Assert.Contains(regions, r => r.Code == "140000" && r.Name == "山西省" && r.Level == RegionLevel.Province);
        Assert.Contains(regions, r => r.Code == "140900" && r.Name == "忻州市" && r.Level == RegionLevel.City);
        Assert.Contains(regions, r => r.Code == "140981" && r.Name == "原平市" && r.Level == RegionLevel.County);
        Assert.True(regions.Count(r => r.Level == RegionLevel.Township) >= 4);
        Assert.All(regions, r => Assert.Equal(r.Level, RegionCode.LevelOf(r.Code)));

        var bodies = await db.Bodies.ToListAsync();
        Assert.All(bodies, b => Assert.True(CreditCode.IsValid(b.CreditCode), b.CreditCode));
        var yuanpingSectors = bodies.Where(b => b.RegionId == DemoData.Ids.Yuanping || b.RegionId == DemoData.Ids.Guoyang).Select(b => b.Sector).ToHashSet();
        foreach (var sector in new[] { Sector.MarketRegulation, Sector.EcologyEnvironment, Sector.ComprehensiveEnforcement, Sector.Transport, Sector.NaturalResources, Sector.EmergencyManagement })
            Assert.Contains(sector, yuanpingSectors);
        Assert.True(bodies.Count(b => b.Sector != Sector.Justice && b.RegionId == DemoData.Ids.Yuanping) >= 6);
        Assert.Contains(bodies, b => b.BodyKind == BodyKind.EntrustedOrganization);
        Assert.Contains(bodies, b => b.BodyKind == BodyKind.AuthorizedOrganization);

        var yuanping = regions.Single(r => r.Id == DemoData.Ids.Yuanping);
        var justice = bodies.Single(b => b.Id == yuanping.SupervisingBodyId);
        Assert.Equal(Sector.Justice, justice.Sector);
        Assert.True(await db.Units.CountAsync(u => u.ParentId == DemoData.Ids.YuanpingMarket) >= 3);

        // Every stored path is the chain of ancestors.
        var all = await db.Organizations.ToDictionaryAsync(o => o.Id);
        Assert.All(all.Values, o => Assert.Equal(Organization.PathUnder(o.ParentId is { } p ? all[p] : null, o.Id), o.Path));
    }
}
