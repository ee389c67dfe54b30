using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Catalogue;
using Zhifa.Core.Common;
using Zhifa.Core.Data;
using Zhifa.Core.Identity;
using Zhifa.Core.Organizations;

namespace Zhifa.Core.Discretion;

/// <param name="EffectiveFrom">Benchmarks in force from this day or later (with <paramref name="EffectiveTo"/>: a range of effective dates).</param>
/// <param name="Sort">A key of <see cref="BenchmarkQueries.Sort"/>, "-" first for descending.</param>
public sealed record BenchmarkFilter(
    string? Q = null, Guid? ItemId = null, Guid? BodyId = null, BenchmarkStatus? Status = null, int? Page = null, int? PageSize = null,
    DateOnly? EffectiveFrom = null, DateOnly? EffectiveTo = null, string? Sort = null);

/// <summary>What the caller may do with a benchmark now.</summary>
public sealed record BenchmarkActions(bool Revise, bool File, bool Review, bool Publish, bool Refine);

public sealed record BenchmarkDetail(
    Guid Id, string Title, Guid ItemId, string ItemCode, string ItemName, ItemKind ItemKind, int? ItemVersion, NamedRef Issuer,
    NamedRef IssuingRegion, RegionLevel Level, BenchmarkSummary? Upper, IReadOnlyList<BenchmarkSummary> Refinements,
    FineRange? StatutoryRange, IReadOnlyList<PenaltyKind> StatutoryKinds, IReadOnlyList<BenchmarkTier> Tiers, CoercionExemption? Exemption,
    BenchmarkStatus Status, NamedRef? FiledWith, DateTime? FiledAt, string? ReviewComments, DateOnly? EffectiveFrom, DateTime? PublishedAt,
    DateTime CreatedAt, DateTime UpdatedAt, BenchmarkActions Actions, int Version = 0);

/// <summary>Benchmarks within the caller's scope; published ones are visible to every reader.</summary>
public sealed record BenchmarkSummary(
    Guid Id, string Title, Guid ItemId, string ItemCode, string ItemName, int? ItemVersion, NamedRef Issuer, RegionLevel Level,
    BenchmarkStatus Status, bool Refines, DateOnly? EffectiveFrom, DateTime? PublishedAt, DateTime UpdatedAt);

public sealed class BenchmarkQueries(ZhifaDbContext db, CatalogueQueries catalogue)
{
    public static readonly SortMap<DiscretionBenchmark> Sort = SortMap<DiscretionBenchmark>.Create(new SortOrder("item", false), b => b.Id)
        .Add("item", b => b.ItemCode).Add("title", b => b.Title).Add("level", b => b.IssuingLevel).Add("status", b => b.Status)
        .Add("effectiveFrom", b => b.EffectiveFrom).Add("updatedAt", b => b.UpdatedAt);

    public async Task<Page<BenchmarkSummary>> ListAsync(BenchmarkFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = Filtered(filter);
        var (page, size) = Paging.Normalize(filter.Page, filter.PageSize);
        var total = await query.CountAsync(ct);
        var ids = await Sort.Apply(query, filter.Sort).Skip((page - 1) * size).Take(size).Select(b => b.Id).ToListAsync(ct);
        var items = (await SummariesAsync(db.Benchmarks.AsNoTracking().Where(b => ids.Contains(b.Id)), ct)).ToDictionary(s => s.Id);
        return new Page<BenchmarkSummary>([.. ids.Select(id => items[id])], total, page, size);
    }

    /// <summary>Every benchmark the filter finds (up to <paramref name="limit"/>), in the list's order: the export of exactly what is filtered.</summary>
    public async Task<IReadOnlyList<BenchmarkSummary>> ExportAsync(BenchmarkFilter filter, int limit = 20_000, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var ids = await Sort.Apply(Filtered(filter), filter.Sort).Take(limit).Select(b => b.Id).ToListAsync(ct);
        var items = (await SummariesAsync(db.Benchmarks.AsNoTracking().Where(b => ids.Contains(b.Id)), ct)).ToDictionary(s => s.Id);
        return [.. ids.Select(id => items[id])];
    }

    private IQueryable<DiscretionBenchmark> Filtered(BenchmarkFilter filter)
    {
        var query = db.Benchmarks.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            query = query.Where(b => b.Title.Contains(q) || b.ItemName.Contains(q) || b.ItemCode.StartsWith(q));
        }
        if (filter.ItemId is { } item)
            query = query.Where(b => b.ItemId == item);
        if (filter.BodyId is { } body)
            query = query.Where(b => b.IssuingBodyId == body);
        if (filter.Status is { } status)
            query = query.Where(b => b.Status == status);
        if (filter.EffectiveFrom is { } from)
            query = query.Where(b => b.EffectiveFrom >= from);
        if (filter.EffectiveTo is { } to)
            query = query.Where(b => b.EffectiveFrom <= to);
        return query;
    }

    /// <summary>The benchmarks of one item that the caller may see (published ones, and their own bodies' others).</summary>
    public Task<IReadOnlyList<BenchmarkSummary>> OfItemAsync(Guid itemId, CancellationToken ct = default) =>
        SummariesAsync(db.Benchmarks.AsNoTracking().Where(b => b.ItemId == itemId), ct);

    /// <summary>Approved benchmarks of bodies the caller edits the catalogue of: to publish.</summary>
    public async Task<int> ToPublishAsync(CancellationToken ct = default)
    {
        var issuers = await db.Benchmarks.AsNoTracking().Where(b => b.Status == BenchmarkStatus.Approved).Select(b => b.IssuingBodyId).ToListAsync(ct);
        var ids = issuers.Distinct().ToList();
        var bodies = await db.Bodies.AsNoTracking().Where(b => ids.Contains(b.Id)).ToListAsync(ct);
        var mine = bodies.Where(b => db.Actor.CanIn(CataloguePermissions.CatalogueEdit, b)).Select(b => b.Id).ToHashSet();
        return issuers.Count(mine.Contains);
    }

    /// <summary>Filed benchmarks waiting for the review of a bureau the caller holds <c>catalogue.review</c> in.</summary>
    public async Task<IReadOnlyList<BenchmarkSummary>> AwaitingReviewAsync(CancellationToken ct = default)
    {
        var filed = await db.Benchmarks.AsNoTracking().Where(b => b.Status == BenchmarkStatus.Filed).Select(b => new { b.Id, b.FiledWithBodyId }).ToListAsync(ct);
        var bureauIds = filed.Select(f => f.FiledWithBodyId).OfType<Guid>().Distinct().ToList();
        var bureaus = await db.Bodies.AsNoTracking().Where(b => bureauIds.Contains(b.Id)).ToListAsync(ct);
        var mine = bureaus.Where(b => db.Actor.CanIn(CataloguePermissions.CatalogueReview, b)).Select(b => b.Id).ToHashSet();
        var ids = filed.Where(f => f.FiledWithBodyId is { } b && mine.Contains(b)).Select(f => f.Id).ToList();
        return await SummariesAsync(db.Benchmarks.AsNoTracking().Where(b => ids.Contains(b.Id)), ct);
    }

    public async Task<Result<BenchmarkDetail>> GetAsync(Guid id, CancellationToken ct = default)
    {
        var b = await db.Benchmarks.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (b is null)
            return DiscretionErrors.BenchmarkNotFound();
        var related = await SummariesAsync(
            db.Benchmarks.AsNoTracking().Where(x => x.Id == b.Id || x.Id == b.UpperBenchmarkId || x.UpperBenchmarkId == b.Id), ct);
        var orgIds = new[] { b.IssuingBodyId, b.IssuingRegionId, b.FiledWithBodyId ?? Guid.Empty };
        var names = await db.Organizations.Unscoped("an organisation's name is public").AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var issuer = await db.Bodies.Unscoped("the issuing body of a visible benchmark decides the workflow steps").AsNoTracking().FirstAsync(x => x.Id == b.IssuingBodyId, ct);
        var supervisor = b.FiledWithBodyId ?? await BenchmarkAccess.SupervisorOfAsync(db, b.IssuingRegionId, ct);
        var bureau = supervisor is { } s ? await db.Bodies.Unscoped("the supervising bureau of a visible benchmark decides the workflow steps").AsNoTracking().FirstOrDefaultAsync(x => x.Id == s, ct) : null;
        var steps = BenchmarkWorkflow.Available(b.Status, p => db.Actor.CanIn(p, issuer), p => bureau is not null && db.Actor.CanIn(p, bureau));
        var actions = new BenchmarkActions(
            Revise: steps.Contains(BenchmarkAction.Revise),
            File: steps.Contains(BenchmarkAction.File),
            Review: steps.Contains(BenchmarkAction.Approve) || steps.Contains(BenchmarkAction.Return),
            Publish: steps.Contains(BenchmarkAction.Publish),
            Refine: db.Actor.Can(CataloguePermissions.CatalogueEdit) && b.Status == BenchmarkStatus.Published && b.ItemKind == ItemKind.Penalty);
        var self = related.Single(x => x.Id == b.Id);
        return new BenchmarkDetail(b.Id, b.Title, b.ItemId, b.ItemCode, b.ItemName, b.ItemKind, self.ItemVersion,
            new NamedRef(b.IssuingBodyId, names.GetValueOrDefault(b.IssuingBodyId, "")), new NamedRef(b.IssuingRegionId, names.GetValueOrDefault(b.IssuingRegionId, "")),
            b.IssuingLevel, related.FirstOrDefault(x => x.Id == b.UpperBenchmarkId), [.. related.Where(x => x.Refines && x.Id != b.Id && x.Id != b.UpperBenchmarkId)],
            b.StatutoryRange, b.StatutoryKinds, b.Tiers, b.Exemption, b.Status,
            b.FiledWithBodyId is { } f ? new NamedRef(f, names.GetValueOrDefault(f, "")) : null, b.FiledAt, b.ReviewComments, b.EffectiveFrom, b.PublishedAt,
            b.CreatedAt, b.UpdatedAt, actions, b.Version);
    }

    internal async Task<IReadOnlyList<BenchmarkSummary>> SummariesAsync(IQueryable<DiscretionBenchmark> benchmarks, CancellationToken ct)
    {
        var list = await benchmarks.OrderBy(b => b.ItemCode).ThenBy(b => b.IssuingLevel).ThenByDescending(b => b.EffectiveFrom).ToListAsync(ct);
        var names = await catalogue.NamesAsync(list.Select(b => b.IssuingBodyId), ct);
        var versionIds = list.Select(b => b.ItemVersionId).Distinct().ToList();
        var numbers = await db.CatalogueItemVersions.Unscoped("the version number of a benchmark's catalogue item is shown with it").AsNoTracking().Where(v => versionIds.Contains(v.Id))
            .ToDictionaryAsync(v => v.Id, v => v.VersionNumber, ct);
        return list.Select(b => new BenchmarkSummary(b.Id, b.Title, b.ItemId, b.ItemCode, b.ItemName, numbers.TryGetValue(b.ItemVersionId, out var n) ? n : null,
            new NamedRef(b.IssuingBodyId, names.GetValueOrDefault(b.IssuingBodyId, "")), b.IssuingLevel, b.Status, b.UpperBenchmarkId is not null,
            b.EffectiveFrom, b.PublishedAt, b.UpdatedAt)).ToList();
    }

}
