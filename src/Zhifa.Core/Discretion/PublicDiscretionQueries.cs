using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Catalogue;
using Zhifa.Core.Common;
using Zhifa.Core.Organizations;

namespace Zhifa.Core.Discretion;

public sealed record PublicBenchmarkSummary(Guid Id, string Title, NamedRef Issuer, RegionLevel Level, bool Refines, DateOnly? EffectiveFrom, DateTime? PublishedAt);

public sealed record PublicBenchmarkDto(
    Guid Id, string Title, Guid ItemId, string ItemCode, string ItemName, ItemKind ItemKind, NamedRef Issuer, NamedRef IssuingRegion, RegionLevel Level,
    PublicBenchmarkSummary? Upper, FineRange? StatutoryRange, IReadOnlyList<PenaltyKind> StatutoryKinds, IReadOnlyList<BenchmarkTier> Tiers,
    CoercionExemption? Exemption, DateOnly? EffectiveFrom, DateTime? PublishedAt);

/// <summary>
/// What the public site shows of discretion: published benchmarks and the bodies that publish lists. Like the public
/// catalogue it filters by publication itself, not by the reader's scope.
/// </summary>
public sealed class PublicDiscretionQueries(ZhifaDbContext db)
{
    /// <summary>The published benchmarks of one item.</summary>
    public Task<IReadOnlyList<PublicBenchmarkSummary>> OfItemAsync(Guid itemId, CancellationToken ct = default) =>
        BenchmarksAsync(db.Benchmarks.Unscoped("the public site shows published benchmarks to everyone").AsNoTracking()
            .Where(b => b.ItemId == itemId && b.Status == BenchmarkStatus.Published), ct);

    public async Task<Page<PublicBenchmarkSummary>> BenchmarksAsync(string? q, Guid? itemId, Guid? bodyId, int? page, int? pageSize, CancellationToken ct = default)
    {
        var query = db.Benchmarks.Unscoped("the public site shows published benchmarks to everyone").AsNoTracking().Where(b => b.Status == BenchmarkStatus.Published);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            query = query.Where(b => b.Title.Contains(text) || b.ItemName.Contains(text) || b.ItemCode.StartsWith(text));
        }
        if (itemId is { } item)
            query = query.Where(b => b.ItemId == item);
        if (bodyId is { } body)
            query = query.Where(b => b.IssuingBodyId == body);
        var (p, size) = Paging.Normalize(page, pageSize);
        var total = await query.CountAsync(ct);
        var list = await BenchmarksAsync(query.OrderBy(b => b.ItemCode).ThenBy(b => b.IssuingLevel).Skip((p - 1) * size).Take(size), ct);
        return new Page<PublicBenchmarkSummary>(list, total, p, size);
    }

    public async Task<Result<PublicBenchmarkDto>> BenchmarkAsync(Guid id, CancellationToken ct = default)
    {
        var b = await db.Benchmarks.Unscoped("the public site shows published benchmarks to everyone").AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.Status == BenchmarkStatus.Published, ct);
        if (b is null)
            return DiscretionErrors.BenchmarkNotFound();
        var names = await NamesAsync([b.IssuingBodyId, b.IssuingRegionId], ct);
        var upper = b.UpperBenchmarkId is { } u
            ? (await BenchmarksAsync(db.Benchmarks.Unscoped("the public site shows published benchmarks to everyone").AsNoTracking().Where(x => x.Id == u && x.Status == BenchmarkStatus.Published), ct)).FirstOrDefault()
            : null;
        return new PublicBenchmarkDto(b.Id, b.Title, b.ItemId, b.ItemCode, b.ItemName, b.ItemKind, new NamedRef(b.IssuingBodyId, names.GetValueOrDefault(b.IssuingBodyId, "")),
            new NamedRef(b.IssuingRegionId, names.GetValueOrDefault(b.IssuingRegionId, "")), b.IssuingLevel, upper, b.StatutoryRange, b.StatutoryKinds, b.Tiers,
            b.Exemption, b.EffectiveFrom, b.PublishedAt);
    }

    /// <summary>Bodies that have published lists, for the public lists' filter.</summary>
    public async Task<IReadOnlyList<NamedRef>> ListBodiesAsync(CancellationToken ct = default)
    {
        var ids = await db.ListPublications.AsNoTracking().Select(p => p.BodyId).Distinct().ToListAsync(ct);
        return [.. (await db.Bodies.Unscoped("a body's name is public").AsNoTracking().Where(b => ids.Contains(b.Id)).OrderBy(b => b.Path)
            .Select(b => new { b.Id, b.Name }).ToListAsync(ct)).Select(b => new NamedRef(b.Id, b.Name))];
    }

    private async Task<IReadOnlyList<PublicBenchmarkSummary>> BenchmarksAsync(IQueryable<DiscretionBenchmark> query, CancellationToken ct)
    {
        var list = await query.ToListAsync(ct);
        var names = await NamesAsync(list.Select(b => b.IssuingBodyId), ct);
        return [.. list.Select(b => new PublicBenchmarkSummary(b.Id, b.Title, new NamedRef(b.IssuingBodyId, names.GetValueOrDefault(b.IssuingBodyId, "")),
            b.IssuingLevel, b.UpperBenchmarkId is not null, b.EffectiveFrom, b.PublishedAt))];
    }

    private async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.Organizations.Unscoped("an organisation's name is public").AsNoTracking().Where(o => list.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
    }
}
