using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Common;
using Zhifa.Core.Data;
using Zhifa.Core.Organizations;

namespace Zhifa.Core.Catalogue;

/// <summary>
/// Where an item was last used. Case handling and inspections each provide one as they land; the clean-up takes the
/// latest day any of them knows, so that "no use in five years" covers every kind of use.
/// </summary>
public interface IItemUsageSource
{
    /// <summary>The last day each item (by <see cref="CatalogueItem.Id"/>) was used.</summary>
    Task<IReadOnlyDictionary<Guid, DateOnly>> LastUseByItemAsync(CancellationToken ct);
}

/// <param name="Sort">A key of <see cref="CleanupQueries.FindingSort"/>, "-" first for descending.</param>
public sealed record CleanupFilter(Guid? BodyId = null, Guid? RegionId = null, CleanupFindingKind? Kind = null, string? Sort = null);

public sealed record CleanupFindingDto(
    CleanupFindingKind Kind, Guid ItemId, string ItemCode, string ItemName, NamedRef Owner, IReadOnlyList<NamedRef> Bodies, string ReasonCode,
    DateOnly? Date, LegalBasis? Basis, IReadOnlyList<NamedRef> OtherItems);

/// <summary>Counts of findings of each kind for one body or one region.</summary>
public sealed record CleanupTally(Guid Id, string Name, IReadOnlyDictionary<CleanupFindingKind, int> Counts, int Total);

public sealed record CleanupResult(DateOnly Today, IReadOnlyList<CleanupFindingDto> Findings, IReadOnlyList<CleanupTally> ByBody, IReadOnlyList<CleanupTally> ByRegion);

/// <summary>
/// The clean-up findings over the whole published catalogue (an overlap with a body beyond the caller's scope still
/// counts), reported for the items the caller's scope reaches — by owner or by an implementing body.
/// </summary>
public sealed class CleanupQueries(ZhifaDbContext db, TimeProvider clock, CleanupSettings settings, IEnumerable<IItemUsageSource> usage)
{
    /// <summary>The findings' columns (the findings are computed, so they are sorted in memory).</summary>
    public static readonly SortMap<CleanupFindingDto> FindingSort = SortMap<CleanupFindingDto>.Create(new SortOrder("kind", false), f => f.ItemCode)
        .Add("kind", f => f.Kind).Add("code", f => f.ItemCode).Add("name", f => f.ItemName).Add("owner", f => f.Owner.Name).Add("date", f => f.Date);

    public async Task<CleanupResult> FindingsAsync(CleanupFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var today = clock.Today();
        var items = await db.CatalogueItems.AsNoTracking().Include(i => i.Versions).ToListAsync(ct);
        var lastUse = new Dictionary<Guid, DateOnly>();
        foreach (var source in usage)
        {
            foreach (var (item, day) in await source.LastUseByItemAsync(ct))
                lastUse[item] = lastUse.TryGetValue(item, out var known) && known > day ? known : day;
        }
        var report = CleanupFindings.Compute(items, lastUse, today, settings);

        var owners = items.ToDictionary(i => i.Id, i => i.OwnerId);
        var visible = (await db.Bodies.AsNoTracking().Select(b => b.Id).ToListAsync(ct)).ToHashSet();
        var bodyIds = report.Findings.SelectMany(f => f.BodyIds.Append(owners[f.ItemId])).Distinct().ToList();
        var bodies = await db.Bodies.Unscoped("a body's name and region are public").AsNoTracking().Where(b => bodyIds.Contains(b.Id))
            .Select(b => new { b.Id, b.Name, b.RegionId, b.RegionPath }).ToDictionaryAsync(b => b.Id, ct);
        var regionIds = bodies.Values.Select(b => b.RegionId).Distinct().ToList();
        var regions = await db.Regions.Unscoped("a region's name is public").AsNoTracking().Where(r => regionIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        string? regionPath = filter.RegionId is { } rid
            ? await db.Regions.Unscoped("the path of the region filtered by, wherever it lies").AsNoTracking().Where(r => r.Id == rid).Select(r => r.Path).FirstOrDefaultAsync(ct) ?? "\u0000"
            : null;

        bool Reaches(CleanupFinding f, Func<Guid, bool> test) => f.BodyIds.Append(owners[f.ItemId]).Any(test);
        var findings = report.Findings
            .Where(f => Reaches(f, visible.Contains))
            .Where(f => filter.Kind is null || f.Kind == filter.Kind)
            .Where(f => filter.BodyId is not { } body || Reaches(f, b => b == body))
            .Where(f => regionPath is null || Reaches(f, b => bodies.TryGetValue(b, out var x) && x.RegionPath.StartsWith(regionPath, StringComparison.Ordinal)))
            .ToList();

        NamedRef Ref(Guid id) => new(id, bodies.TryGetValue(id, out var b) ? b.Name : "");
        var codes = items.ToDictionary(i => i.Id, i => i.Code);
        var dtos = findings.Select(f => new CleanupFindingDto(f.Kind, f.ItemId, f.ItemCode, f.ItemName, Ref(owners[f.ItemId]), [.. f.BodyIds.Select(Ref)],
            f.ReasonCode, f.Date, f.Basis, [.. f.OtherItemIds.Select(o => new NamedRef(o, codes.GetValueOrDefault(o, "")))]));
        var sorted = FindingSort.Apply(dtos, filter.Sort).ToList();

        var filtered = new CleanupReport(findings);
        var byBody = filtered.ByBody().Where(g => visible.Contains(g.Key)).Select(g => Tally(g.Key, Ref(g.Key).Name, g)).OrderByDescending(t => t.Total).ThenBy(t => t.Name).ToList();
        var byRegion = filtered.ByRegion(bodies.ToDictionary(b => b.Key, b => b.Value.RegionId))
            .Select(g => Tally(g.Key, regions.GetValueOrDefault(g.Key, ""), g)).OrderByDescending(t => t.Total).ThenBy(t => t.Name).ToList();
        return new CleanupResult(today, sorted, byBody, byRegion);
    }

    private static CleanupTally Tally(Guid id, string name, IEnumerable<CleanupFinding> findings)
    {
        var list = findings.ToList();
        return new CleanupTally(id, name, list.GroupBy(f => f.Kind).ToDictionary(g => g.Key, g => g.Count()), list.Count);
    }
}
