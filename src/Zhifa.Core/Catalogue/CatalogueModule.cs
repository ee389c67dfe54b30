using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Zhifa.Core.Catalogue;

/// <summary>The enforcement item catalogue (行政执法事项目录): items, versions, delegation, clean-up.</summary>
public sealed class CatalogueModule : FeatureModule
{
    public override int Order => 40;

    public override IReadOnlyList<PermissionDefinition> Permissions =>
    [
        PermissionDefinition.Of(CataloguePermissions.CatalogueRead, Stereotypes.All.ToArray()),
        PermissionDefinition.Of(CataloguePermissions.CatalogueEdit, Stereotypes.AgencyHead),
        PermissionDefinition.Of(CataloguePermissions.CatalogueReview, Stereotypes.Supervisor),
    ];

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        var c = configuration.GetSection("Zhifa:Catalogue");
        services.AddSingleton(new CleanupSettings(
            c.GetValue("UnusedYears", CleanupSettings.Default.UnusedYears),
            c.GetSection("RepealedLaws").Get<string[]>() ?? []));
    }

    // The catalogue is public once published; drafts are seen within the owner's scope.
    public override void BuildModel(ModelBuilder model, ScopeFilters scope)
    {
        scope.Add<CatalogueItem>((db, i) => db.Scope.All || db.Set<Organizations.Organization>().Any(o => o.Id == i.OwnerId)
            || db.Set<CatalogueItemVersion>().Any(v => v.ItemId == i.Id && v.EffectiveFrom != null));
        scope.Add<CatalogueItemVersion>((db, v) => db.Scope.All || v.EffectiveFrom != null
            || db.Set<Organizations.Organization>().Any(o => o.Id == v.OwnerId));
    }

    public override async Task<IReadOnlyDictionary<Guid, string>> AuditNamesAsync(ZhifaDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        await db.CatalogueItems.Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Code, ct);

    public override Task SeedDemoAsync(DemoContext demo, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(demo);
        return CatalogueDemo.SeedAsync(demo.Db, demo.Clock, ct);
    }
}

/// <summary>The catalogue's permission codes.</summary>
public static class CataloguePermissions
{
    public const string CatalogueRead = "catalogue.read";
    public const string CatalogueEdit = "catalogue.edit";
    public const string CatalogueReview = "catalogue.review";
}

/// <summary>The catalogue's sets of the database.</summary>
public static class CatalogueSets
{
    extension(ZhifaDbContext db)
    {
        public DbSet<CatalogueItem> CatalogueItems => db.Set<CatalogueItem>();
        public DbSet<CatalogueItemVersion> CatalogueItemVersions => db.Set<CatalogueItemVersion>();
    }
}
