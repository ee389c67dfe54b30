using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Common;
using Zhifa.Core.Data;
using Zhifa.Core.Organizations;

namespace Zhifa.Core.Catalogue;

public sealed record PublicCatalogueFilter(string? Q = null, ItemKind? Kind = null, Guid? BodyId = null, int? Page = null, int? PageSize = null);

/// <summary>An item of the published catalogue: the version in force (or about to be) and when it was published.</summary>
public sealed record PublicItemSummary(
    Guid Id, string Code, string Name, ItemKind Kind, NamedRef Owner, int VersionNumber, DateOnly? EffectiveFrom, DateTime? PublishedAt, bool Delegated);

public sealed record PublicVersionDto(int VersionNumber, VersionState State, DateOnly? EffectiveFrom, DateOnly? EffectiveTo, DateTime? PublishedAt);

public sealed record PublicItemDetail(
    Guid Id, string Code, NamedRef Owner, CatalogueVersionDto Version, IReadOnlyList<PublicVersionDto> Versions);

/// <summary>
/// What the public site shows: only what was published — items' published versions. It ignores the
/// reader's scope on purpose and filters by publication itself, so a signed-in reader sees there exactly what the public sees.
/// </summary>
public sealed class PublicCatalogueQueries(ZhifaDbContext db, TimeProvider clock)
{
    public async Task<Page<PublicItemSummary>> ListAsync(PublicCatalogueFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var today = clock.Today();
        var versions = db.CatalogueItemVersions.Unscoped("the public catalogue shows published items to everyone").AsNoTracking();
        // One version per item: the one in force today, or, for an item not yet in force, the one published to take effect later.
        var query = from v in versions
                    where v.EffectiveFrom != null
                        && ((v.EffectiveFrom <= today && (v.EffectiveTo == null || v.EffectiveTo >= today))
                            || (v.State == VersionState.Published && v.EffectiveFrom > today
                                && !versions.Any(o => o.ItemId == v.ItemId && o.EffectiveFrom != null && o.EffectiveFrom <= today && (o.EffectiveTo == null || o.EffectiveTo >= today))))
                    join i in db.CatalogueItems.Unscoped("the public catalogue shows published items to everyone").AsNoTracking() on v.ItemId equals i.Id
                    select new { Item = i, Version = v };
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            query = query.Where(x => x.Version.Name.Contains(q) || x.Item.Code.StartsWith(q));
        }
        if (filter.Kind is { } kind)
            query = query.Where(x => x.Version.Kind == kind);
        if (filter.BodyId is { } body)
            query = query.Where(x => x.Item.OwnerId == body || x.Version.BodyIds.Contains(body));
        var (page, size) = Paging.Normalize(filter.Page, filter.PageSize);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(x => x.Item.Code).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        var names = await NamesAsync(rows.Select(r => r.Item.OwnerId), ct);
        return new Page<PublicItemSummary>([.. rows.Select(r => new PublicItemSummary(r.Item.Id, r.Item.Code, r.Version.Name, r.Version.Kind,
            new NamedRef(r.Item.OwnerId, names.GetValueOrDefault(r.Item.OwnerId, "")), r.Version.VersionNumber, r.Version.EffectiveFrom, r.Version.PublishedAt,
            r.Version.Delegation is not null))], total, page, size);
    }

    public async Task<Result<PublicItemDetail>> GetAsync(Guid id, CancellationToken ct = default)
    {
        var item = await db.CatalogueItems.Unscoped("the public catalogue shows published items to everyone").AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        var published = await db.CatalogueItemVersions.Unscoped("the public catalogue shows published items to everyone").AsNoTracking()
            .Where(v => v.ItemId == id && v.EffectiveFrom != null).OrderByDescending(v => v.VersionNumber).ToListAsync(ct);
        if (item is null || published.Count == 0)
            return CatalogueErrors.ItemNotFound();
        var today = clock.Today();
        var shown = published.FirstOrDefault(v => v.IsInForceOn(today)) ?? published[0];
        var names = await NamesAsync(shown.BodyIds.Append(item.OwnerId), ct);
        return new PublicItemDetail(item.Id, item.Code, new NamedRef(item.OwnerId, names.GetValueOrDefault(item.OwnerId, "")), CatalogueQueries.ToDto(shown, names) with { ReviewComments = null },
            [.. published.Select(v => new PublicVersionDto(v.VersionNumber, v.State, v.EffectiveFrom, v.EffectiveTo, v.PublishedAt))]);
    }

    /// <summary>Bodies that have published catalogue items, for the public catalogue's filter.</summary>
    public async Task<IReadOnlyList<NamedRef>> BodiesAsync(CancellationToken ct = default)
    {
        var owners = await db.CatalogueItems.Unscoped("the public catalogue shows published items to everyone").AsNoTracking()
            .Where(i => db.Set<CatalogueItemVersion>().Unscoped("the public catalogue shows published items to everyone").Any(v => v.ItemId == i.Id && v.EffectiveFrom != null)).Select(i => i.OwnerId).Distinct().ToListAsync(ct);
        var ids = owners.ToList();
        return [.. (await db.Bodies.Unscoped("a body's name is public").AsNoTracking().Where(b => ids.Contains(b.Id)).OrderBy(b => b.Path).Select(b => new { b.Id, b.Name }).ToListAsync(ct))
            .Select(b => new NamedRef(b.Id, b.Name))];
    }

    private async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.Organizations.Unscoped("an organisation's name is public").AsNoTracking().Where(o => list.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
    }
}
