using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Common;
using Zhifa.Core.Data;

namespace Zhifa.Core.Organizations;

/// <summary>One organisation as clients see it; kind-specific fields are null for other kinds.</summary>
public sealed record OrganizationDto(
    Guid Id, OrganizationKind Kind, string Name, Guid? ParentId, string? ParentName, string Path, int Depth,
    int SortOrder, bool IsActive, DateTime CreatedAt, DateTime UpdatedAt, DateTime? DeactivatedAt,
    string? RegionCode, RegionLevel? RegionLevel, Guid? SupervisingBodyId, string? SupervisingBodyName,
    string? CreditCode, BodyKind? BodyKind, Sector? Sector, LegalStatus? LegalStatus, string? EstablishmentBasis,
    Guid? RegionId, string? RegionName, string? Duties, int Version = 0);

public sealed record OrganizationListFilter(
    string? Q = null, OrganizationKind? Kind = null, Sector? Sector = null, Guid? Under = null,
    bool IncludeInactive = false, int? Page = null, int? PageSize = null, Guid? ParentId = null, string? Sort = null);

public sealed record TreeNode(Guid Id, OrganizationKind Kind, string Name, string? Code, bool IsActive, IReadOnlyList<TreeNode> Children);

/// <summary>An organisation in a picker: its name, indented by depth.</summary>
public sealed record OrganizationOption(Guid Id, OrganizationKind Kind, string Name, int Depth, string Path, RegionLevel? Level, BodyKind? BodyKind)
{
    /// <summary>The names of the ancestors the caller sees, outermost first ("山西省 / 忻州市 / 原平市"): tells same-named bodies apart in pickers.</summary>
    public string Trail { get; init; } = "";
}

/// <summary>Key figures of the organisation tree for the workbench.</summary>
public sealed record OrganizationSummary(
    int Regions, int Bodies, int Units, int Inactive, int RegionsWithoutSupervisor,
    IReadOnlyList<(Sector Sector, int Count)> BodiesBySector, IReadOnlyList<OrganizationDto> RecentlyChanged);

public sealed class OrganizationQueries(ZhifaDbContext db)
{
    /// <summary>The list's columns; without a sort the list is in the tree's order (level, then the set order, then name).</summary>
    public static readonly SortMap<Organization> Sort = SortMap<Organization>.Create(new SortOrder("name", false), o => o.Id)
        .Add("name", o => o.Name).Add("kind", o => o.Kind).Add("updatedAt", o => o.UpdatedAt);

    public async Task<OrganizationSummary> SummaryAsync(CancellationToken ct = default)
    {
        var counts = await db.Organizations.AsNoTracking().GroupBy(o => new { o.Kind, o.IsActive })
            .Select(g => new { g.Key.Kind, g.Key.IsActive, Count = g.Count() }).ToListAsync(ct);
        int Active(OrganizationKind k) => counts.Where(c => c.Kind == k && c.IsActive).Sum(c => c.Count);
        var bySector = await db.Bodies.AsNoTracking().Where(b => b.IsActive).GroupBy(b => b.Sector)
            .Select(g => new { Sector = g.Key, Count = g.Count() }).ToListAsync(ct);
        var unsupervised = await db.Regions.AsNoTracking()
            .CountAsync(r => r.IsActive && r.SupervisingBodyId == null && r.Level != RegionLevel.Township, ct);
        var recent = await db.Organizations.AsNoTracking().OrderByDescending(o => o.UpdatedAt).ThenBy(o => o.Name).Take(8).ToListAsync(ct);
        var names = await db.Organizations.AsNoTracking()
            .Where(o => recent.Select(r => r.ParentId).Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return new OrganizationSummary(
            Active(OrganizationKind.Region), Active(OrganizationKind.Body), Active(OrganizationKind.Unit),
            counts.Where(c => !c.IsActive).Sum(c => c.Count), unsupervised,
            bySector.OrderByDescending(x => x.Count).ThenBy(x => x.Sector).Select(x => (x.Sector, x.Count)).ToList(),
            recent.Select(o => ToDto(o, names)).ToList());
    }

    public async Task<Result<OrganizationDto>> GetAsync(Guid id, CancellationToken ct = default)
    {
        var node = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (node is null)
            return OrganizationErrors.NotFound();
        var relatedIds = new[] { node.ParentId, (node as Region)?.SupervisingBodyId, (node as EnforcementBody)?.RegionId }
            .Where(x => x is not null).Select(x => x!.Value).Distinct().ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => relatedIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return ToDto(node, names);
    }

    /// <summary>
    /// A flat, paged list ordered by tree position. <see cref="OrganizationListFilter.Under"/>
    /// narrows to one subtree with a single prefix query on the indexed path.
    /// </summary>
    public async Task<Page<OrganizationDto>> ListAsync(OrganizationListFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = db.Organizations.AsNoTracking();
        if (filter.Under is { } under)
        {
            var root = await db.Organizations.AsNoTracking().Where(o => o.Id == under).Select(o => o.Path).FirstOrDefaultAsync(ct);
            if (root is null)
                return new Page<OrganizationDto>([], 0, 1, Paging.DefaultSize);
            query = query.Where(o => o.Path.StartsWith(root));
        }
        if (!filter.IncludeInactive)
            query = query.Where(o => o.IsActive);
        if (filter.ParentId is { } parentId)
            query = query.Where(o => o.ParentId == parentId);
        if (filter.Kind is { } kind)
            query = query.Where(o => o.Kind == kind);
        if (filter.Sector is { } sector)
            query = query.OfType<EnforcementBody>().Where(b => b.Sector == sector).Cast<Organization>();
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            var upper = q.ToUpperInvariant();
            query = query.Where(o => o.Name.Contains(q)
                || (o is Region && ((Region)o).Code.StartsWith(q))
                || (o is EnforcementBody && ((EnforcementBody)o).CreditCode.StartsWith(upper)));
        }

        var (page, size) = Paging.Normalize(filter.Page, filter.PageSize);
        var total = await query.CountAsync(ct);
        var ordered = filter.Sort is null ? query.OrderBy(o => o.Depth).ThenBy(o => o.SortOrder).ThenBy(o => o.Name).ThenBy(o => o.Id) : Sort.Apply(query, filter.Sort);
        var items = await ordered.Skip((page - 1) * size).Take(size).ToListAsync(ct);
        var relatedIds = items.SelectMany(o => new[] { o.ParentId, (o as Region)?.SupervisingBodyId, (o as EnforcementBody)?.RegionId })
            .Where(x => x is not null).Select(x => x!.Value).Distinct().ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => relatedIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return new Page<OrganizationDto>(items.Select(o => ToDto(o, names)).ToList(), total, page, size);
    }

    /// <summary>The tree under <paramref name="rootId"/> (or the whole forest), siblings by sort order then name.</summary>
    public async Task<Result<IReadOnlyList<TreeNode>>> TreeAsync(Guid? rootId, bool includeInactive, CancellationToken ct = default)
    {
        var query = db.Organizations.AsNoTracking();
        if (rootId is { } id)
        {
            var rootPath = await db.Organizations.AsNoTracking().Where(o => o.Id == id).Select(o => o.Path).FirstOrDefaultAsync(ct);
            if (rootPath is null)
                return OrganizationErrors.NotFound();
            query = query.Where(o => o.Path.StartsWith(rootPath));
        }
        if (!includeInactive)
            query = query.Where(o => o.IsActive);
        var nodes = await query.ToListAsync(ct);
        var byParent = nodes.ToLookup(n => n.ParentId);
        var ids = nodes.Select(n => n.Id).ToHashSet();
        var roots = nodes.Where(n => n.ParentId is null || !ids.Contains(n.ParentId.Value));
        return Build(roots, byParent);
    }

    /// <summary>Active organisations of the given kinds, in tree order, for parent pickers.</summary>
    public async Task<IReadOnlyList<OrganizationOption>> OptionsAsync(IReadOnlyCollection<OrganizationKind> kinds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        var nodes = await db.Organizations.AsNoTracking().Where(o => o.IsActive).ToListAsync(ct);
        var ordered = new List<OrganizationOption>();
        var byParent = nodes.ToLookup(n => n.ParentId);
        var ids = nodes.Select(n => n.Id).ToHashSet();
        var names = nodes.ToDictionary(n => n.Id, n => n.Name);
        string Trail(Organization n) => string.Join(" / ", n.Path.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(x => Guid.TryParse(x, out var g) && g != n.Id && names.TryGetValue(g, out var name) ? name : null).OfType<string>());
        void Walk(IEnumerable<Organization> level)
        {
            foreach (var n in Sorted(level))
            {
                if (kinds.Contains(n.Kind))
                    ordered.Add(new OrganizationOption(n.Id, n.Kind, n.Name, n.Depth, n.Path, (n as Region)?.Level, (n as EnforcementBody)?.BodyKind) { Trail = Trail(n) });
                Walk(byParent[n.Id]);
            }
        }
        Walk(nodes.Where(n => n.ParentId is null || !ids.Contains(n.ParentId.Value)));
        return ordered;
    }

    private static IEnumerable<Organization> Sorted(IEnumerable<Organization> nodes) =>
        nodes.OrderBy(n => n.Kind == OrganizationKind.Region ? 1 : n.Kind == OrganizationKind.Body ? 0 : 2)
            .ThenBy(n => n.SortOrder).ThenBy(n => (n as Region)?.Code).ThenBy(n => n.Name, StringComparer.Ordinal);

    private static List<TreeNode> Build(IEnumerable<Organization> level, ILookup<Guid?, Organization> byParent) =>
        Sorted(level).Select(n => new TreeNode(n.Id, n.Kind, n.Name, (n as Region)?.Code, n.IsActive, Build(byParent[n.Id], byParent))).ToList();

    public static OrganizationDto ToDto(Organization o, IReadOnlyDictionary<Guid, string> names)
    {
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(names);
        string? Name(Guid? id) => id is { } x && names.TryGetValue(x, out var n) ? n : null;
        var r = o as Region;
        var b = o as EnforcementBody;
        return new OrganizationDto(
            o.Id, o.Kind, o.Name, o.ParentId, Name(o.ParentId), o.Path, o.Depth, o.SortOrder, o.IsActive,
            o.CreatedAt, o.UpdatedAt, o.DeactivatedAt,
            r?.Code, r?.Level, r?.SupervisingBodyId, Name(r?.SupervisingBodyId),
            b?.CreditCode, b?.BodyKind, b?.Sector, b?.LegalStatus, b?.EstablishmentBasis, b?.RegionId, Name(b?.RegionId),
            (o as OrgUnit)?.Duties, o.Version);
    }
}
