using Zhifa.Core.Audit;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Common;
using Zhifa.Core.Data;
using Zhifa.Core.Identity;
using Zhifa.Core.Organizations;

namespace Zhifa.Core.Catalogue;

public sealed record NamedRef(Guid Id, string Name);

/// <summary>A body in a picker, indented by its depth in the tree.</summary>
public sealed record BodyOption(Guid Id, string Name, int Depth, Guid RegionId);

/// <summary>
/// The catalogue's filter bar: text (name or code), kind, body (owner or implementing), state of the latest version, the
/// latest version's effective date within a range; and the sort (a key of <see cref="CatalogueQueries.SortKeys"/>).
/// </summary>
public sealed record CatalogueFilter(
    string? Q = null, ItemKind? Kind = null, Guid? BodyId = null, VersionState? State = null, int? Page = null, int? PageSize = null,
    DateOnly? EffectiveFrom = null, DateOnly? EffectiveTo = null, string? Sort = null);

/// <summary>What waits for the caller as an editor of bodies' catalogues: items returned for rework, approved items and benchmarks to publish.</summary>
public sealed record CatalogueEditorToDo(int ItemsReturned, int ItemsToPublish)
{
    public int Total => ItemsReturned + ItemsToPublish;
}

/// <summary>One item in a list: its latest version the caller may see, and which version is in force today.</summary>
public sealed record CatalogueItemSummary(
    Guid Id, string Code, string Name, ItemKind Kind, Guid OwnerId, string OwnerName, int VersionNumber, VersionState State,
    DateOnly? EffectiveFrom, DateOnly? EffectiveTo, int? InForceVersion, bool Delegated, int BasisCount, DateTime UpdatedAt);

public sealed record CatalogueVersionDto(
    Guid Id, int VersionNumber, string Name, ItemKind Kind, IReadOnlyList<LegalBasis> Bases, IReadOnlyList<NamedRef> Bodies,
    RegionLevel SettingLevel, TownshipDelegation? Delegation, VersionState State, string? ReviewComments,
    DateOnly? EffectiveFrom, DateOnly? EffectiveTo, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>What the caller may do with the item now — only what its state and their permissions allow.</summary>
public sealed record ItemActions(bool Edit, bool Submit, bool Review, bool Publish, bool Amend, bool Abolish, bool Evaluate);

/// <summary>One event of an item's history, read from the audit trail: who, when, which version, what it became.</summary>
/// <param name="UserName">Who made the change, by name (their login name when the caller may not see their account).</param>
public sealed record ItemHistoryEntry(DateTime At, string UserName, int? VersionNumber, string Event, VersionState? State, string? Comments);

public sealed record CatalogueItemDetail(
    Guid Id, string Code, NamedRef Owner, DateTime CreatedAt, CatalogueVersionDto Current, CatalogueVersionDto? InForce,
    IReadOnlyList<CatalogueVersionDto> Versions, IReadOnlyList<DelegationEvaluation> Evaluations, DateOnly? EvaluationDueOn,
    bool EvaluationOverdue, ItemActions Actions, IReadOnlyList<ItemHistoryEntry> History,
    DateOnly EarliestChange, int Version = 0);

/// <summary>Reads of the catalogue within the caller's scope; published versions are visible to every reader.</summary>
public sealed class CatalogueQueries(ZhifaDbContext db, TimeProvider clock, Zhifa.Core.Audit.AuditQueries audit)
{
    private static readonly SortMap<ItemRow> ItemSort = SortMap<ItemRow>.Create(new SortOrder("code", false), x => x.Item.Id)
        .Add("code", x => x.Item.Code).Add("name", x => x.Version.Name).Add("kind", x => x.Version.Kind).Add("state", x => x.Version.State)
        .Add("effectiveFrom", x => x.Version.EffectiveFrom).Add("updatedAt", x => x.Version.UpdatedAt);

    /// <summary>The sort the list is shown in for the given URL text.</summary>
    public static SortOrder SortOf(string? sort) => ItemSort.Resolve(sort);

    public static IReadOnlyCollection<string> SortKeys => ItemSort.Keys;

    public async Task<Page<CatalogueItemSummary>> ListAsync(CatalogueFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = Filtered(filter);
        var (page, size) = Paging.Normalize(filter.Page, filter.PageSize);
        var total = await query.CountAsync(ct);
        var rows = await ItemSort.Apply(query, filter.Sort).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new Page<CatalogueItemSummary>(await SummariesAsync(rows.Select(r => (r.Item, r.Version)).ToList(), ct), total, page, size);
    }

    /// <summary>Everything the filter finds (up to <paramref name="limit"/>), with the full versions, for the Excel export.</summary>
    public async Task<IReadOnlyList<(CatalogueItem Item, CatalogueItemVersion Version, string OwnerName, IReadOnlyList<string> BodyNames)>> ExportAsync(
        CatalogueFilter filter, int limit = 20_000, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var rows = await ItemSort.Apply(Filtered(filter), filter.Sort).Take(limit).ToListAsync(ct);
        var names = await NamesAsync(rows.SelectMany(r => r.Version.BodyIds.Append(r.Item.OwnerId)), ct);
        return rows.Select(r => (r.Item, r.Version, names.GetValueOrDefault(r.Item.OwnerId, ""),
            (IReadOnlyList<string>)r.Version.BodyIds.Select(b => names.GetValueOrDefault(b, "")).ToList())).ToList();
    }

    public async Task<Result<CatalogueItemDetail>> GetAsync(Guid id, CancellationToken ct = default)
    {
        var item = await db.CatalogueItems.AsNoTracking().Include(i => i.Versions).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null || item.Versions.Count == 0)
            return CatalogueErrors.ItemNotFound();
        var today = clock.Today();
        var versions = item.Versions.OrderByDescending(v => v.VersionNumber).ToList();
        var names = await NamesAsync(versions.SelectMany(v => v.BodyIds).Append(item.OwnerId), ct);
        var owner = await db.Bodies.Unscoped("the owner of a visible item decides the workflow steps").AsNoTracking().FirstAsync(b => b.Id == item.OwnerId, ct);
        var dtos = versions.Select(v => ToDto(v, names)).ToList();
        var inForce = item.VersionInForce(today);
        var due = item.EvaluationDueOn(today);

        var canEdit = db.Actor.CanIn(CataloguePermissions.CatalogueEdit, owner);
        // The workflow's steps come from its table; evaluation is not a step of the item's versions.
        var steps = CatalogueWorkflow.Available(item, p => db.Actor.CanIn(p, owner));
        var actions = new ItemActions(
            Edit: steps.Contains(CatalogueAction.Edit),
            Submit: steps.Contains(CatalogueAction.Submit),
            Review: steps.Contains(CatalogueAction.Approve) || steps.Contains(CatalogueAction.Return),
            Publish: steps.Contains(CatalogueAction.Publish),
            Amend: steps.Contains(CatalogueAction.Amend),
            Abolish: steps.Contains(CatalogueAction.Abolish),
            Evaluate: canEdit && inForce is { DelegatedToTownship: true });

        return new CatalogueItemDetail(item.Id, item.Code, new NamedRef(owner.Id, owner.Name), item.CreatedAt, dtos[0],
            inForce is null ? null : dtos.Single(d => d.Id == inForce.Id), dtos, [.. item.Evaluations.OrderByDescending(e => e.EvaluatedOn)],
            due, due < today, actions, await HistoryAsync(item, ct), item.EarliestChange(today), item.Version);
    }

    /// <summary>The version that governs acts of <paramref name="on"/> — what a case of that day cites.</summary>
    public async Task<Result<CatalogueVersionDto>> InForceAsync(Guid id, DateOnly? on, CancellationToken ct = default)
    {
        var item = await db.CatalogueItems.AsNoTracking().Include(i => i.Versions).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null)
            return CatalogueErrors.ItemNotFound();
        if (item.VersionInForce(on ?? clock.Today()) is not { } version)
            return CatalogueErrors.NotInForce();
        return ToDto(version, await NamesAsync(version.BodyIds, ct));
    }

    /// <summary>Items a picker offers: in force today, of the given kinds, optionally implemented by one body, matching the text.</summary>
    public async Task<IReadOnlyList<CatalogueItemSummary>> OptionsAsync(string? q, IReadOnlyCollection<ItemKind> kinds, Guid? bodyId, int limit = 200, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        var today = clock.Today();
        var query = from v in db.CatalogueItemVersions.AsNoTracking()
                    join i in db.CatalogueItems.AsNoTracking() on v.ItemId equals i.Id
                    where (v.State == VersionState.Published || v.State == VersionState.Superseded || v.State == VersionState.Abolished)
                        && v.EffectiveFrom <= today && (v.EffectiveTo == null || v.EffectiveTo >= today) && kinds.Contains(v.Kind)
                    select new { Item = i, Version = v };
        if (bodyId is { } b)
            query = query.Where(x => x.Item.OwnerId == b || x.Version.BodyIds.Contains(b));
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            query = query.Where(x => x.Version.Name.Contains(text) || x.Item.Code.StartsWith(text));
        }
        var rows = await query.OrderBy(x => x.Item.Code).Take(limit).ToListAsync(ct);
        return await SummariesAsync(rows.Select(r => (r.Item, r.Version)).ToList(), ct);
    }

    /// <summary>Active bodies for pickers, in tree order: those the caller sees, or only those they hold <paramref name="permission"/> in.</summary>
    public async Task<IReadOnlyList<BodyOption>> BodyOptionsAsync(string? permission = null, CancellationToken ct = default)
    {
        var bodies = await db.Bodies.AsNoTracking().Where(b => b.IsActive).OrderBy(b => b.Path).ToListAsync(ct);
        return [.. bodies.Where(b => permission is null || db.Actor.CanIn(permission, b)).Select(b => new BodyOption(b.Id, b.Name, b.Depth, b.RegionId))];
    }

    /// <summary>Every active body, whatever the caller's scope: an item may name implementing bodies anywhere (a township government, a city bureau).</summary>
    public async Task<IReadOnlyList<BodyOption>> AllBodyOptionsAsync(CancellationToken ct = default) =>
        [.. (await db.Bodies.Unscoped("an item may name implementing bodies anywhere").AsNoTracking().Where(b => b.IsActive).OrderBy(b => b.Path).ToListAsync(ct))
            .Select(b => new BodyOption(b.Id, b.Name, b.Depth, b.RegionId))];

    /// <summary>Counts of what waits for the caller in the bodies where they hold <c>catalogue.edit</c> (the workbench's to-dos).</summary>
    public async Task<CatalogueEditorToDo> EditorToDoAsync(CancellationToken ct = default)
    {
        var items = await Filtered(new CatalogueFilter()).Where(r => r.Version.State == VersionState.Returned || r.Version.State == VersionState.Approved)
            .Select(r => new { r.Item.OwnerId, r.Version.State }).ToListAsync(ct);
        var bodyIds = items.Select(i => i.OwnerId).Distinct().ToList();
        var bodies = await db.Bodies.AsNoTracking().Where(b => bodyIds.Contains(b.Id)).ToListAsync(ct);
        var mine = bodies.Where(b => db.Actor.CanIn(CataloguePermissions.CatalogueEdit, b)).Select(b => b.Id).ToHashSet();
        return new CatalogueEditorToDo(
            items.Count(i => i.State == VersionState.Returned && mine.Contains(i.OwnerId)),
            items.Count(i => i.State == VersionState.Approved && mine.Contains(i.OwnerId)));
    }

    /// <summary>Items submitted for review that the caller may review (catalogue.review in the owner's scope).</summary>
    public async Task<IReadOnlyList<CatalogueItemSummary>> AwaitingReviewAsync(CancellationToken ct = default)
    {
        var rows = await Filtered(new CatalogueFilter(State: VersionState.Submitted)).OrderBy(x => x.Version.UpdatedAt).ToListAsync(ct);
        var owners = rows.Select(r => r.Item.OwnerId).Distinct().ToList();
        var bodies = await db.Bodies.AsNoTracking().Where(b => owners.Contains(b.Id)).ToListAsync(ct);
        var mine = bodies.Where(b => db.Actor.CanIn(CataloguePermissions.CatalogueReview, b)).Select(b => b.Id).ToHashSet();
        return await SummariesAsync([.. rows.Where(r => mine.Contains(r.Item.OwnerId)).Select(r => (r.Item, r.Version))], ct);
    }

    /// <summary>The latest version of each item that the caller may see (drafts only in the owner's scope), with its item.</summary>
    private IQueryable<ItemRow> Filtered(CatalogueFilter filter)
    {
        var versions = db.CatalogueItemVersions.AsNoTracking();
        var query = from v in versions
                    where !db.Set<CatalogueItemVersion>().Any(o => o.ItemId == v.ItemId && o.VersionNumber > v.VersionNumber)
                    join i in db.CatalogueItems.AsNoTracking() on v.ItemId equals i.Id
                    select new ItemRow { Item = i, Version = v };
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            query = query.Where(x => x.Version.Name.Contains(q) || x.Item.Code.StartsWith(q));
        }
        if (filter.Kind is { } kind)
            query = query.Where(x => x.Version.Kind == kind);
        if (filter.State is { } state)
            query = query.Where(x => x.Version.State == state);
        if (filter.BodyId is { } body)
            query = query.Where(x => x.Item.OwnerId == body || x.Version.BodyIds.Contains(body));
        if (filter.EffectiveFrom is { } from)
            query = query.Where(x => x.Version.EffectiveFrom >= from);
        if (filter.EffectiveTo is { } to)
            query = query.Where(x => x.Version.EffectiveFrom <= to);
        return query;
    }

    private async Task<IReadOnlyList<CatalogueItemSummary>> SummariesAsync(IReadOnlyList<(CatalogueItem Item, CatalogueItemVersion Version)> rows, CancellationToken ct)
    {
        var today = clock.Today();
        var ids = rows.Select(r => r.Item.Id).ToList();
        var inForce = await db.CatalogueItemVersions.AsNoTracking()
            .Where(v => ids.Contains(v.ItemId) && v.EffectiveFrom != null && v.EffectiveFrom <= today && (v.EffectiveTo == null || v.EffectiveTo >= today)
                && v.State != VersionState.Draft)
            .Select(v => new { v.ItemId, v.VersionNumber }).ToListAsync(ct);
        var inForceByItem = inForce.GroupBy(v => v.ItemId).ToDictionary(g => g.Key, g => g.Max(v => v.VersionNumber));
        var names = await NamesAsync(rows.Select(r => r.Item.OwnerId), ct);
        return rows.Select(r => new CatalogueItemSummary(r.Item.Id, r.Item.Code, r.Version.Name, r.Version.Kind, r.Item.OwnerId,
            names.GetValueOrDefault(r.Item.OwnerId, ""), r.Version.VersionNumber, r.Version.State, r.Version.EffectiveFrom, r.Version.EffectiveTo,
            inForceByItem.TryGetValue(r.Item.Id, out var n) ? n : null, r.Version.Delegation is not null, r.Version.Bases.Count, r.Version.UpdatedAt)).ToList();
    }

    /// <summary>
    /// The item's history from the audit trail, as far as the caller's scope shows it: creation, each edit and change of
    /// state of each version, and recorded evaluations.
    /// </summary>
    private async Task<IReadOnlyList<ItemHistoryEntry>> HistoryAsync(CatalogueItem item, CancellationToken ct)
    {
        var numbers = item.Versions.ToDictionary(v => v.Id.ToString(), v => v.VersionNumber);
        var keys = numbers.Keys.Append(item.Id.ToString()).ToList();
        var entries = await audit.EntriesOfAsync([nameof(CatalogueItemVersion), nameof(CatalogueItem)], keys, ct);
        var person = await audit.PeopleAsync(entries, ct);
        var history = new List<ItemHistoryEntry>();
        foreach (var e in entries)
        {
            using var after = JsonDocument.Parse(e.After ?? "{}");
            var root = after.RootElement;
            string? Text(string name) => root.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
            if (e.EntityType == nameof(CatalogueItem))
            {
                if (e.Action == "Modified" && root.TryGetProperty(nameof(CatalogueItem.Evaluations), out _))
                    history.Add(new ItemHistoryEntry(e.At, person(e), null, "evaluated", null, null));
                continue;
            }
            var number = numbers.GetValueOrDefault(e.EntityId);
            var state = Enum.TryParse<VersionState>(Text(nameof(CatalogueItemVersion.State)), out var s) ? s : (VersionState?)null;
            var evt = e.Action == "Added" ? "created" : state is not null ? "state" : "edited";
            history.Add(new ItemHistoryEntry(e.At, person(e), number, evt, state,
                state is VersionState.Returned ? Text(nameof(CatalogueItemVersion.ReviewComments)) : null));
        }
        return history;
    }

    /// <summary>The names of bodies, whoever may see them (a name is public).</summary>
    public async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        // Names of bodies are public (they are on every decision); an item may name bodies beyond the reader's scope.
        return await db.Organizations.Unscoped("an organisation's name is public").AsNoTracking().Where(o => list.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
    }

    internal static CatalogueVersionDto ToDto(CatalogueItemVersion v, IReadOnlyDictionary<Guid, string> names) =>
        new(v.Id, v.VersionNumber, v.Name, v.Kind, v.Bases, [.. v.BodyIds.Select(b => new NamedRef(b, names.GetValueOrDefault(b, "")))],
            v.SettingLevel, v.Delegation, v.State, v.ReviewComments, v.EffectiveFrom, v.EffectiveTo, v.CreatedAt, v.UpdatedAt);

    private sealed class ItemRow
    {
        public required CatalogueItem Item { get; init; }
        public required CatalogueItemVersion Version { get; init; }
    }
}
