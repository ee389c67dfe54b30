using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Common;
using Zhifa.Core.Organizations;
using Zhifa.Core.Personnel;

namespace Zhifa.Core.Parties;

/// <param name="Q">A part of the name, the start of a credit code, or a whole ID number (found by its keyed hash).</param>
/// <param name="RegionId">Parties of this region and the regions under it.</param>
/// <param name="Sort">A key of <see cref="PartyQueries.Sort"/>, "-" first for descending.</param>
public sealed record PartyListFilter(string? Q = null, PartyKind? Kind = null, Guid? RegionId = null, string? Sort = null, int? Page = null, int? PageSize = null);

/// <summary>A party as lists and its page show it: personal data masked.</summary>
public sealed record PartyView(Guid Id, PartyKind Kind, string Name, string? CreditCode, string? IdNumberMasked, string? LegalRepresentative,
    string? Address, IndustrySection? Industry, CreditGrade? CreditGrade, string? PhoneMasked, Guid RegionId, string? RegionName,
    DateTime CreatedAt, DateTime UpdatedAt, int Version, string? RiskTags = null);

/// <summary>
/// A row of the published inspection-subject list: <paramref name="Key"/> is how a draw names the subject (the credit code, or
/// the record's id where there is none), so a published draw's subjects can be found here.
/// </summary>
public sealed record InspectionSubject(Guid Id, string Key, string Name, string? CreditCode, IndustrySection? Industry, string? RegionName, CreditGrade? CreditGrade,
    IReadOnlyList<string> RiskTags);

/// <summary>A region a party may be registered in or filtered by, with the names above it ("山西省 / 忻州市").</summary>
public sealed record PartyRegionOption(Guid Id, string Name, string Trail, int Depth);

/// <summary>Reads of the party registry, always through the caller's scope.</summary>
public sealed class PartyQueries(PartyContext ctx)
{
    /// <summary>The most rows an export writes; a wider filter is narrowed first.</summary>
    public const int MaxExportRows = 100_000;

    /// <summary>The most matches the picker's search answers with.</summary>
    public const int MaxMatches = 20;

    private readonly ZhifaDbContext _db = ctx.Db;

    /// <summary>The list's columns, each an indexed column of the table.</summary>
    public static readonly SortMap<Party> Sort = SortMap<Party>.Create(new SortOrder("name", false), p => p.Id)
        .Add("name", p => p.Name).Add("kind", p => p.Kind).Add("creditCode", p => p.CreditCode).Add("updated", p => p.UpdatedAt);

    /// <summary>A page of the filtered list; counts up to <see cref="Paging.CountCap"/> rows, never the whole table.</summary>
    public async Task<Page<PartyView>> ListAsync(PartyListFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var page = await Paging.CappedAsync(Sort.Apply(await FilteredAsync(filter, ct), filter.Sort), filter.Page, filter.PageSize, ct);
        return new Page<PartyView>(await ViewsAsync(page.Items, ct), page.Total, page.PageNumber, page.PageSize, page.TotalIsLowerBound);
    }

    /// <summary>Every row the filter matches, in the list's order (at most <see cref="MaxExportRows"/>): the export.</summary>
    public async Task<IReadOnlyList<PartyView>> AllAsync(PartyListFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var rows = await Sort.Apply(await FilteredAsync(filter, ct), filter.Sort).Take(MaxExportRows).ToListAsync(ct);
        return await ViewsAsync(rows, ct);
    }

    public async Task<Result<PartyView>> GetAsync(Guid id, CancellationToken ct = default)
    {
        var party = await _db.Parties.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        return party is null ? PartyErrors.PartyNotFound() : (await ViewsAsync([party], ct))[0];
    }

    /// <summary>The picker's matches: by name, credit code or whole ID number, the closest first, at most <see cref="MaxMatches"/>.</summary>
    public async Task<IReadOnlyList<PartySummary>> SearchAsync(string? q, PartyKind? kind = null, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(q))
            return [];
        var query = await FilteredAsync(new PartyListFilter(q, kind), ct);
        var text = q.Trim();
        var rows = await query.OrderBy(p => p.Name.StartsWith(text) ? 0 : 1).ThenBy(p => p.Name).ThenBy(p => p.Id).Take(MaxMatches).ToListAsync(ct);
        return rows.Select(PartyDirectory.Summary).ToList();
    }

    /// <summary>
    /// The inspection-subject list of 一单两库 for a body whose region is at <paramref name="regionPath"/>, as published: the
    /// enterprises and other organisations (never natural persons) on the branch of the tree through that region — the body's
    /// region and those below and above it, as its own officers see them — by name, a page at a time, counted up to the cap.
    /// </summary>
    public async Task<Page<InspectionSubject>> SubjectsOnBranchAsync(string regionPath, int? page, int? pageSize, CancellationToken ct = default)
    {
        var rows = await Paging.CappedAsync(OnBranch(regionPath), page, pageSize, ct);
        return new Page<InspectionSubject>(await SubjectsAsync(rows.Items, ct), rows.Total, rows.PageNumber, rows.PageSize, rows.TotalIsLowerBound);
    }

    /// <summary>The whole inspection-subject list on a branch (up to <see cref="MaxExportRows"/>), as a draw takes it.</summary>
    public async Task<IReadOnlyList<InspectionSubject>> AllSubjectsOnBranchAsync(string regionPath, CancellationToken ct = default) =>
        await SubjectsAsync(await OnBranch(regionPath).Take(MaxExportRows).ToListAsync(ct), ct);

    private IOrderedQueryable<Party> OnBranch(string regionPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(regionPath);
        return _db.Parties.Unscoped("the inspection-subject list is published (一单两库)").AsNoTracking()
            .Where(p => p.Kind != PartyKind.NaturalPerson && (p.RegionPath.StartsWith(regionPath) || regionPath.StartsWith(p.RegionPath)))
            .OrderBy(p => p.Name).ThenBy(p => p.Id);
    }

    private async Task<List<InspectionSubject>> SubjectsAsync(IReadOnlyList<Party> parties, CancellationToken ct)
    {
        var names = await RegionNamesAsync(parties, ct);
        return [.. parties.Select(p => new InspectionSubject(p.Id, p.CreditCode ?? p.Id.ToString("N"), p.Name, p.CreditCode, p.Industry,
            names.GetValueOrDefault(p.RegionId), p.CreditGrade, Party.Tags(p.RiskTags)))];
    }

    /// <summary>The regions on the caller's branches of the tree: those above and below the regions of the organisations they see.</summary>
    public async Task<IReadOnlyList<PartyRegionOption>> RegionOptionsAsync(CancellationToken ct = default)
    {
        var regions = await _db.Regions.Unscoped("the region tree is reference data; the branches are chosen from the caller's scope below")
            .AsNoTracking().Where(r => r.IsActive).Select(r => new { r.Id, r.Name, r.Path, r.Depth, r.SortOrder }).ToListAsync(ct);
        List<string> reach = _db.Scope.All ? [] : await _db.Organizations.AsNoTracking().Where(o => o.RegionPath != "").Select(o => o.RegionPath).Distinct().ToListAsync(ct);
        var names = regions.ToDictionary(r => Organization.PathSegment(r.Id), r => r.Name);
        return regions
            .Where(r => _db.Scope.All || reach.Any(p => r.Path.StartsWith(p, StringComparison.Ordinal) || p.StartsWith(r.Path, StringComparison.Ordinal)))
            .OrderBy(r => r.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Length).ThenBy(r => r.Path, StringComparer.Ordinal)
            .Select(r => new PartyRegionOption(r.Id, r.Name,
                string.Join(" / ", r.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).SkipLast(1).Select(s => names.GetValueOrDefault(s)).OfType<string>()), r.Depth))
            .OrderBy(r => r.Trail.Length == 0 ? r.Name : r.Trail + " / " + r.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>The region of the organisation the caller acts for: what a new party's region defaults to.</summary>
    public async Task<Guid?> DefaultRegionAsync(CancellationToken ct = default)
    {
        if (_db.Actor.Access is not { } access)
            return null;
        var own = access.ActingForId ?? access.OrganizationId;
        var path = await _db.Organizations.AsNoTracking().Where(o => o.Id == own).Select(o => o.RegionPath).FirstOrDefaultAsync(ct);
        return path?.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() is { } last && Guid.TryParse(last, out var id) ? id : null;
    }

    private async Task<IQueryable<Party>> FilteredAsync(PartyListFilter filter, CancellationToken ct)
    {
        var q = _db.Parties.AsNoTracking();
        if (filter.Kind is { } kind)
            q = q.Where(p => p.Kind == kind);
        if (filter.RegionId is { } regionId)
        {
            var path = (await ctx.RegionAsync(regionId, ct))?.Path;
            q = path is null ? q.Where(_ => false) : q.Where(p => p.RegionPath.StartsWith(path));
        }
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var text = filter.Q.Trim();
            var code = text.ToUpperInvariant();
            // A whole, valid ID number is looked up by its keyed hash: the plain number is stored nowhere.
            var hash = IdNumber.IsValid(text, ctx.Today) ? IdNumber.Hash(text, ctx.Pepper) : null;
            q = q.Where(p => p.Name.Contains(text) || (p.CreditCode != null && p.CreditCode.StartsWith(code)) || (hash != null && p.IdNumberHash == hash));
        }
        return q;
    }

    /// <summary>The names of the parties' regions, in one query.</summary>
    private async Task<Dictionary<Guid, string>> RegionNamesAsync(IReadOnlyList<Party> parties, CancellationToken ct)
    {
        var regionIds = parties.Select(p => p.RegionId).Distinct().ToList();
        return await _db.Regions.Unscoped("the names of the parties' regions, which are reference data").AsNoTracking()
            .Where(r => regionIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
    }

    private async Task<List<PartyView>> ViewsAsync(IReadOnlyList<Party> parties, CancellationToken ct)
    {
        var names = await RegionNamesAsync(parties, ct);
        return parties.Select(p => new PartyView(p.Id, p.Kind, p.Name, p.CreditCode, p.IdNumberMasked, p.LegalRepresentative, p.Address, p.Industry,
            p.CreditGrade, Masking.Phone(p.Phone), p.RegionId, names.GetValueOrDefault(p.RegionId), p.CreatedAt, p.UpdatedAt, p.Version, p.RiskTags)).ToList();
    }
}
