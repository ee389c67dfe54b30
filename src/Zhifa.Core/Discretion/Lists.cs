using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Catalogue;
using Zhifa.Core.Common;
using Zhifa.Core.Data;
using Zhifa.Core.Identity;
using Zhifa.Core.Organizations;

namespace Zhifa.Core.Discretion;

/// <summary>One entry of a body's list as curators see it: generated from a benchmark, possibly excluded or annotated.</summary>
public sealed record ListEntryDto(
    ListKind List, Guid BenchmarkId, string BenchmarkTitle, Guid ItemId, string ItemCode, string ItemName, DiscretionTier? Tier,
    string ConditionText, IReadOnlyList<PenaltyKind> PenaltyKinds, FineRange? Range, RegionLevel Level, string? Annotation, bool Excluded, Guid? CurationId);

public sealed record ListDto(ListKind List, IReadOnlyList<ListEntryDto> Entries, int? LastEdition, DateTime? LastPublishedAt);

/// <summary>A body's four lists today, generated from the benchmarks that apply to the items it implements, with its curations.</summary>
public sealed record ListSetDto(NamedRef Body, IReadOnlyList<ListDto> Lists, int UnmatchedCurations, bool CanCurate);

public sealed record CurateListRequest(
    Guid BodyId, ListKind List, Guid BenchmarkId, DiscretionTier? Tier, bool Excluded, [MaxLength(ListCuration.MaxAnnotationLength)] string? Annotation);

public sealed record PublishListRequest(Guid BodyId, ListKind List);

/// <summary>A published edition as the public reads it.</summary>
public sealed record ListPublicationDto(Guid Id, NamedRef Body, ListKind List, int Edition, DateTime PublishedAt, IReadOnlyList<ListEntry> Entries);

public sealed class ListQueries(ZhifaDbContext db, TimeProvider clock)
{
    /// <summary>The lists of a body in the caller's scope; null when the body is not.</summary>
    public async Task<Result<ListSetDto>> ForBodyAsync(Guid bodyId, CancellationToken ct = default)
    {
        if (await db.Bodies.AsNoTracking().FirstOrDefaultAsync(b => b.Id == bodyId, ct) is not { } body)
            return OrganizationErrors.NotFound();
        var benchmarks = await ListSources.ApplicableAsync(db, body, clock.Today(), ct);
        var curations = await db.ListCurations.AsNoTracking().Where(c => c.BodyId == bodyId).ToListAsync(ct);
        var generated = PublishedLists.Generate(benchmarks, []);
        var titles = benchmarks.ToDictionary(b => b.Id);
        var last = await db.ListPublications.AsNoTracking().Where(p => p.BodyId == bodyId)
            .GroupBy(p => p.List).Select(g => new { List = g.Key, Edition = g.Max(p => p.Edition) }).ToListAsync(ct);
        var lastAt = await db.ListPublications.AsNoTracking().Where(p => p.BodyId == bodyId)
            .Select(p => new { p.List, p.Edition, p.PublishedAt }).ToListAsync(ct);
        var lists = Enum.GetValues<ListKind>().Select(kind =>
        {
            var entries = generated[kind].Select(e =>
            {
                var curation = curations.Find(c => c.Matches(e));
                var b = titles[e.BenchmarkId];
                return new ListEntryDto(e.List, e.BenchmarkId, b.Title, e.ItemId, e.ItemCode, e.ItemName, e.Tier, e.ConditionText, e.PenaltyKinds, e.Range,
                    b.IssuingLevel, curation?.Annotation, curation?.Excluded == true, curation?.Id);
            }).ToList();
            var edition = last.Find(l => l.List == kind)?.Edition;
            var at = edition is { } n ? lastAt.Find(p => p.List == kind && p.Edition == n)?.PublishedAt : null;
            return new ListDto(kind, entries, edition, at);
        }).ToList();
        var unmatched = curations.Count(c => !generated[c.List].Any(c.Matches));
        return new ListSetDto(new NamedRef(body.Id, body.Name), lists, unmatched, db.Actor.CanIn(CataloguePermissions.CatalogueEdit, body));
    }

    /// <summary>The latest published edition of each list of each body (or of one body, one list); public data.</summary>
    public async Task<IReadOnlyList<ListPublicationDto>> PublishedAsync(Guid? bodyId, ListKind? list, CancellationToken ct = default)
    {
        var query = db.ListPublications.AsNoTracking();
        if (bodyId is { } b)
            query = query.Where(p => p.BodyId == b);
        if (list is { } k)
            query = query.Where(p => p.List == k);
        var latest = await query.Where(p => !db.Set<ListPublication>().Any(o => o.BodyId == p.BodyId && o.List == p.List && o.Edition > p.Edition))
            .OrderBy(p => p.BodyId).ThenBy(p => p.List).ToListAsync(ct);
        var ids = latest.Select(p => p.BodyId).Distinct().ToList();
        var names = await db.Bodies.Unscoped("a body's name is public").AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return [.. latest.Select(p => new ListPublicationDto(p.Id, new NamedRef(p.BodyId, names.GetValueOrDefault(p.BodyId, "")), p.List, p.Edition, p.PublishedAt, p.Entries))
            .OrderBy(p => p.Body.Name, StringComparer.Ordinal).ThenBy(p => p.List)];
    }
}

/// <summary>A curator leaves an entry out of a list or annotates it; an empty curation of an existing one undoes it.</summary>
public sealed class CurateList(ZhifaDbContext db, TimeProvider clock)
{
    public async Task<Result<Guid>> ExecuteAsync(CurateListRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await CatalogueAccess.BodyAsync(db, request.BodyId, CataloguePermissions.CatalogueEdit, ct) is not { } body)
            return DiscretionErrors.ListBodyNotFound();
        var benchmarks = await ListSources.ApplicableAsync(db, body, clock.Today(), ct);
        var generated = PublishedLists.Generate(benchmarks, []);
        if (!generated[request.List].Any(e => e.BenchmarkId == request.BenchmarkId && e.Tier == request.Tier))
            return DiscretionErrors.ListEntryNotFound();
        var existing = await db.ListCurations.FirstOrDefaultAsync(c => c.BodyId == body.Id && c.List == request.List
            && c.BenchmarkId == request.BenchmarkId && c.Tier == request.Tier, ct);
        var now = clock.GetUtcNow();
        if (existing is null)
        {
            var created = ListCuration.Create(Guid.CreateVersion7(now), body.Id, request.List, request.BenchmarkId, request.Tier, request.Excluded, request.Annotation, now.UtcDateTime);
            if (!created.IsSuccess)
                return created.Error;
            db.ListCurations.Add(created.Value);
        }
        else if (!request.Excluded && string.IsNullOrWhiteSpace(request.Annotation))
        {
            db.ListCurations.Remove(existing);
        }
        else if (existing.Change(request.Excluded, request.Annotation, now.UtcDateTime) is { } error)
        {
            return error;
        }
        await db.SaveChangesAsync(ct);
        return body.Id;
    }
}

/// <summary>Publishes one of a body's lists as it stands now, curated, as its next edition.</summary>
public sealed class PublishList(ZhifaDbContext db, TimeProvider clock)
{
    public async Task<Result<Guid>> ExecuteAsync(PublishListRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await CatalogueAccess.BodyAsync(db, request.BodyId, CataloguePermissions.CatalogueEdit, ct) is not { } body)
            return DiscretionErrors.ListBodyNotFound();
        var benchmarks = await ListSources.ApplicableAsync(db, body, clock.Today(), ct);
        var curations = await db.ListCurations.Where(c => c.BodyId == body.Id).ToListAsync(ct);
        var entries = PublishedLists.Generate(benchmarks, curations)[request.List];
        var edition = await db.ListPublications.Where(p => p.BodyId == body.Id && p.List == request.List).MaxAsync(p => (int?)p.Edition, ct) ?? 0;
        var now = clock.GetUtcNow();
        var publication = new ListPublication(Guid.CreateVersion7(now), body.Id, request.List, edition + 1, entries, now.UtcDateTime);
        db.ListPublications.Add(publication);
        await db.SaveChangesAsync(ct);
        return publication.Id;
    }
}

internal static class ListSources
{
    /// <summary>
    /// For each penalty or coercion item the body owns or implements, in force on <paramref name="day"/>, the published
    /// benchmark that applies to the body (its region's, or the nearest above).
    /// </summary>
    public static async Task<IReadOnlyList<DiscretionBenchmark>> ApplicableAsync(ZhifaDbContext db, EnforcementBody body, DateOnly day, CancellationToken ct)
    {
        var chain = await CatalogueAccess.RegionChainAsync(db, body, ct);
        var versions = await (from v in db.CatalogueItemVersions.Unscoped("published catalogue versions apply to every body that implements them").AsNoTracking()
                              join i in db.CatalogueItems.Unscoped("published catalogue items apply to every body that implements them").AsNoTracking() on v.ItemId equals i.Id
                              where v.EffectiveFrom != null && v.EffectiveFrom <= day && (v.EffectiveTo == null || v.EffectiveTo >= day)
                                  && v.State != VersionState.Draft && (v.Kind == ItemKind.Penalty || v.Kind == ItemKind.Coercion)
                                  && (i.OwnerId == body.Id || v.BodyIds.Contains(body.Id))
                              select v.Id).ToListAsync(ct);
        var benchmarks = await db.Benchmarks.Unscoped("published benchmarks up the region chain apply to the body").AsNoTracking()
            .Where(b => versions.Contains(b.ItemVersionId) && b.Status == BenchmarkStatus.Published && chain.Contains(b.IssuingRegionId)).ToListAsync(ct);
        return [.. versions.Select(v => BenchmarkRules.Applicable(benchmarks, v, chain, day)).OfType<DiscretionBenchmark>()];
    }
}
