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
    public static async Task<CatalogueItem?> ItemAsync(ZhifaDbContext db, Guid id, string permission, CancellationToken ct)
    {
        var item = await db.CatalogueItems.Include(i => i.Versions).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null)
            return null;
        var owner = await db.Bodies.FirstOrDefaultAsync(b => b.Id == item.OwnerId, ct);
        return owner is not null && db.Actor.CanIn(permission, owner) ? item : null;
    }

    /// <summary>A body the caller holds <paramref name="permission"/> in, or null.</summary>
    public static async Task<EnforcementBody?> BodyAsync(ZhifaDbContext db, Guid id, string permission, CancellationToken ct) =>
        await db.Bodies.FirstOrDefaultAsync(b => b.Id == id, ct) is { } body && db.Actor.CanIn(permission, body) ? body : null;

    /// <summary>The ids of the regions from the body's own up to the province: where to look for the benchmark it applies.</summary>
    public static async Task<IReadOnlyList<Guid>> RegionChainAsync(ZhifaDbContext db, EnforcementBody body, CancellationToken ct)
    {
        var path = await db.Regions.Unscoped("a body's region chain up to the province is a fact, whoever reads it").Where(r => r.Id == body.RegionId).Select(r => r.Path).FirstAsync(ct);
        var ids = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => Guid.ParseExact(s, "N")).Reverse().ToList();
        var regions = await db.Regions.Unscoped("a body's region chain up to the province is a fact, whoever reads it").Where(r => ids.Contains(r.Id)).Select(r => r.Id).ToListAsync(ct);
        return ids.Where(regions.Contains).ToList();
    }
}
