using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhifa.Core.Common;

namespace Zhifa.Core.Audit;

public sealed record AuditEntryDto(Guid Id, long Sequence, DateTime At, Guid? UserId, string UserName, string? Address, Guid? OrganizationId,
    string EntityType, string EntityId, string Action, string? Before, string? After, string Hash);

public sealed record AuditFilter(string? EntityType = null, string? EntityId = null, string? UserName = null, string? Action = null,
    DateTime? From = null, DateTime? To = null, int? Page = null, int? PageSize = null, string? Sort = null);

/// <summary>The audit trail as the caller's scope shows it: the log page, its export, and the history of given records.</summary>
public sealed class AuditQueries(ZhifaDbContext db)
{
    /// <summary>The trail may hold millions of rows: it sorts by its sequence (an index, the order of time) either way.</summary>
    public static readonly SortMap<AuditEntry> Sort = SortMap<AuditEntry>.Create(new SortOrder("at", true), e => e.Sequence).Add("at", e => e.Sequence);

    /// <param name="unpaged">Every matching row, for exports of exactly what is filtered.</param>
    public async Task<Page<AuditEntryDto>> AuditAsync(AuditFilter filter, CancellationToken ct = default, bool unpaged = false)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var q = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.EntityType))
            q = q.Where(e => e.EntityType == filter.EntityType.Trim());
        if (!string.IsNullOrWhiteSpace(filter.EntityId))
            q = q.Where(e => e.EntityId == filter.EntityId.Trim());
        if (!string.IsNullOrWhiteSpace(filter.UserName))
            q = q.Where(e => e.UserName.Contains(filter.UserName.Trim().ToLowerInvariant()));
        if (!string.IsNullOrWhiteSpace(filter.Action))
            q = q.Where(e => e.Action == filter.Action.Trim());
        if (filter.From is { } from)
            q = q.Where(e => e.At >= from);
        if (filter.To is { } to)
            q = q.Where(e => e.At < to);
        var ordered = Sort.Apply(q, filter.Sort);
        if (unpaged)
        {
            var all = await ordered.Select(e => new AuditEntryDto(e.Id, e.Sequence, e.At, e.UserId, e.UserName, e.Address, e.OrganizationId, e.EntityType, e.EntityId, e.Action, e.Before, e.After, e.Hash))
                .ToListAsync(ct);
            return new Page<AuditEntryDto>(all, all.Count, 1, all.Count);
        }
        var page = await Paging.CappedAsync(ordered, filter.Page, filter.PageSize, ct);
        return new Page<AuditEntryDto>(page.Items.Select(e => new AuditEntryDto(e.Id, e.Sequence, e.At, e.UserId, e.UserName, e.Address, e.OrganizationId, e.EntityType, e.EntityId,
            e.Action, e.Before, e.After, e.Hash)).ToList(), page.Total, page.PageNumber, page.PageSize, page.TotalIsLowerBound);
    }

    /// <summary>
    /// The names of the people, organisations and records that a page of entries refers to by id — who made each change,
    /// for which organisation, the changed record and the ids among its values — each feature's in one batched query,
    /// so a page costs the same number of queries whatever its length. Ids the caller may not see stay unnamed.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IEnumerable<AuditEntryDto> entries, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var ids = new HashSet<Guid>();
        foreach (var e in entries)
        {
            if (e.UserId is { } u) ids.Add(u);
            if (e.OrganizationId is { } o) ids.Add(o);
            if (Guid.TryParse(e.EntityId, out var id)) ids.Add(id);
            foreach (var json in new[] { e.Before, e.After })
            {
                foreach (var (_, value) in AuditValues.Parse(json))
                {
                    if (Guid.TryParse(value, out var g)) ids.Add(g);
                }
            }
        }
        ids.Remove(Guid.Empty);
        var names = new Dictionary<Guid, string>();
        if (ids.Count == 0)
            return names;
        foreach (var module in Modules.ModuleCatalog.All)
        {
            foreach (var (id, name) in await module.AuditNamesAsync(db, ids, ct))
                names.TryAdd(id, name);
        }
        return names;
    }

    /// <summary>
    /// The people who made the given entries, by name (not login name): what histories and timelines show. Users the
    /// caller may not see keep their login name.
    /// </summary>
    public async Task<Func<AuditEntryDto, string>> PeopleAsync(IEnumerable<AuditEntryDto> entries, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var ids = entries.Where(e => e.UserId is not null).Select(e => e.UserId!.Value).ToHashSet();
        var names = new Dictionary<Guid, string>();
        if (ids.Count > 0)
        {
            foreach (var module in Modules.ModuleCatalog.All)
            {
                foreach (var (id, name) in await module.AuditNamesAsync(db, ids, ct))
                    names.TryAdd(id, name);
            }
        }
        return e => e.UserId is { } u && names.TryGetValue(u, out var n) ? n : e.UserName;
    }

    /// <summary>The entries of the given records (by entity type and id), oldest first: another feature's history of its own records.</summary>
    public async Task<IReadOnlyList<AuditEntryDto>> EntriesOfAsync(IReadOnlyCollection<string> entityTypes, IReadOnlyCollection<string> entityIds, CancellationToken ct = default) =>
        await db.AuditEntries.AsNoTracking()
            .Where(e => entityTypes.Contains(e.EntityType) && entityIds.Contains(e.EntityId))
            .OrderBy(e => e.Sequence)
            .Select(e => new AuditEntryDto(e.Id, e.Sequence, e.At, e.UserId, e.UserName, e.Address, e.OrganizationId, e.EntityType, e.EntityId, e.Action, e.Before, e.After, e.Hash))
            .ToListAsync(ct);
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => e.Sequence).IsUnique();
        builder.Property(e => e.UserName).HasMaxLength(100).IsRequired();
        builder.Property(e => e.Address).HasMaxLength(64);
        builder.Property(e => e.EntityType).HasMaxLength(60).IsRequired();
        builder.Property(e => e.EntityId).HasMaxLength(100).IsRequired();
        builder.Property(e => e.Action).HasMaxLength(20).IsRequired();
        builder.Property(e => e.PreviousHash).HasMaxLength(64).IsRequired();
        builder.Property(e => e.Hash).HasMaxLength(64).IsRequired();
        builder.Property(e => e.Algorithm).HasMaxLength(10).IsRequired().HasDefaultValue(AuditAlgorithms.Sha256);
        builder.Property(e => e.Seal).HasMaxLength(64);
        builder.Property(e => e.SealKeyId).HasMaxLength(16);
        builder.HasIndex(e => new { e.EntityType, e.EntityId });
        builder.HasIndex(e => e.At);
    }
}
