using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Data;
using Zhifa.Core.Organizations;

namespace Zhifa.Core.Catalogue;

/// <summary>How the catalogue's use cases find what the caller may act on.</summary>
internal static class CatalogueAccess
{
    /// <summary>
    /// The item with all its versions, if the caller holds <paramref name="permission"/> where its owner sits; else null, which
    /// the use cases answer as not found (a published item is readable by all, but acting on it is the owner's or its supervisor's).
    /// </summary>
    public static Task<CatalogueItem?> ItemAsync(ZhifaDbContext db, Guid id, string permission, CancellationToken ct) =>
        db.ActOnAsync(db.CatalogueItems.Include(i => i.Versions), id, i => i.OwnerId, db.Bodies, permission, ct);

    /// <summary>A body the caller holds <paramref name="permission"/> in, or null.</summary>
    public static Task<EnforcementBody?> BodyAsync(ZhifaDbContext db, Guid id, string permission, CancellationToken ct) =>
        db.ActOnAsync(db.Bodies, id, permission, ct);

    /// <summary>The ids of the regions from the body's own up to the province: where to look for the benchmark it applies.</summary>
    public static async Task<IReadOnlyList<Guid>> RegionChainAsync(ZhifaDbContext db, EnforcementBody body, CancellationToken ct)
    {
        var path = await db.Regions.Unscoped("a body's region chain up to the province is a fact, whoever reads it").Where(r => r.Id == body.RegionId).Select(r => r.Path).FirstAsync(ct);
        var ids = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => Guid.ParseExact(s, "N")).Reverse().ToList();
        var regions = await db.Regions.Unscoped("a body's region chain up to the province is a fact, whoever reads it").Where(r => ids.Contains(r.Id)).Select(r => r.Id).ToListAsync(ct);
        return ids.Where(regions.Contains).ToList();
    }
}
