using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Catalogue;
using Zhifa.Core.Common;
using Zhifa.Core.Data;
using Zhifa.Core.Identity;
using Zhifa.Core.Organizations;

namespace Zhifa.Core.Discretion;

/// <summary>
/// A new benchmark for the published version of a penalty item (statutory range and penalties; tiers as given, or the
/// default tiers of CLJZ-30) or of a coercion item (when the measure is not taken). Sent with none of these, it copies the
/// body's benchmark for the item's previous version, if there is one.
/// </summary>
public sealed record CreateBenchmarkRequest(
    Guid ItemId, Guid IssuingBodyId, [MaxLength(DiscretionBenchmark.MaxTitleLength)] string Title, FineRange? StatutoryRange = null,
    [MaxLength(BenchmarkTier.MaxKinds)] IReadOnlyList<PenaltyKind>? StatutoryKinds = null, [MaxLength(BenchmarkTier.MaxTiers)] IReadOnlyList<BenchmarkTier>? Tiers = null,
    CoercionExemption? Exemption = null);

/// <summary>A lower level's refinement of a published benchmark; without tiers, it starts as a copy of the upper tiers.</summary>
public sealed record RefineBenchmarkRequest(
    Guid IssuingBodyId, [MaxLength(DiscretionBenchmark.MaxTitleLength)] string Title, [MaxLength(BenchmarkTier.MaxTiers)] IReadOnlyList<BenchmarkTier>? Tiers = null);

public sealed record ReviseBenchmarkRequest([MaxLength(BenchmarkTier.MaxTiers)] IReadOnlyList<BenchmarkTier>? Tiers = null, CoercionExemption? Exemption = null);

public sealed class CreateBenchmark(ZhifaDbContext db, TimeProvider clock, TierSettings settings)
{
    public async Task<Result<Guid>> ExecuteAsync(CreateBenchmarkRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await CatalogueAccess.BodyAsync(db, request.IssuingBodyId, CataloguePermissions.CatalogueEdit, ct) is not { } body)
            return DiscretionErrors.UnknownIssuer();
        var item = await db.CatalogueItems.Include(i => i.Versions).FirstOrDefaultAsync(i => i.Id == request.ItemId, ct);
        if (item is null)
            return DiscretionErrors.UnknownBenchmarkItem();
        if (item.Published is not { } version)
            return DiscretionErrors.ItemNotPublished();
        if (item.OwnerId != body.Id && !version.BodyIds.Contains(body.Id))
            return DiscretionErrors.IssuerNotImplementing();
        if (await BenchmarkAccess.DraftExistsAsync(db, version.Id, body.Id, ct))
            return DiscretionErrors.DraftExists();
        var issuer = await BenchmarkAccess.IssuerAsync(db, body, ct);
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var previous = await PreviousAsync(item.Id, version.Id, body.Id, ct);
        if (previous is not null && request.Tiers is null && request.StatutoryRange is null && request.StatutoryKinds is not { Count: > 0 } && request.Exemption is null)
            request = request with { StatutoryRange = previous.StatutoryRange, StatutoryKinds = previous.StatutoryKinds, Tiers = previous.Tiers, Exemption = previous.Exemption };
        Result<DiscretionBenchmark> created;
        if (version.Kind == ItemKind.Coercion)
        {
            created = request.Exemption is { } exemption
                ? DiscretionBenchmark.ForCoercionItem(id, item, version, issuer, request.Title ?? "", exemption, now.UtcDateTime)
                : DiscretionErrors.ExemptionRequired();
        }
        else
        {
            var kinds = request.StatutoryKinds ?? [];
            var tiers = request.Tiers;
            if (tiers is null)
            {
                if (version.Kind != ItemKind.Penalty)
                    return DiscretionErrors.NotPenaltyItem();
                var generated = BenchmarkGenerator.DefaultTiers(request.StatutoryRange, kinds, settings);
                if (!generated.IsSuccess)
                    return generated.Error;
                tiers = generated.Value;
            }
            created = DiscretionBenchmark.ForPenaltyItem(id, item, version, issuer, request.Title ?? "", request.StatutoryRange, kinds, tiers, now.UtcDateTime);
        }
        if (!created.IsSuccess)
            return created.Error;
        db.Benchmarks.Add(created.Value);
        await db.SaveChangesAsync(ct);
        return id;
    }

    /// <summary>
    /// The body's own published benchmark for an earlier version of the item: an amended item keeps its benchmark's
    /// content as the starting point of the new version's (which is filed and reviewed again, as the item changed).
    /// </summary>
    private Task<DiscretionBenchmark?> PreviousAsync(Guid itemId, Guid versionId, Guid bodyId, CancellationToken ct) =>
        db.Benchmarks.AsNoTracking()
            .Where(b => b.ItemId == itemId && b.ItemVersionId != versionId && b.IssuingBodyId == bodyId && b.Status == BenchmarkStatus.Published && b.UpperBenchmarkId == null)
            .OrderByDescending(b => b.EffectiveFrom).FirstOrDefaultAsync(ct);
}

public sealed class RefineBenchmark(ZhifaDbContext db, TimeProvider clock)
{
    public async Task<Result<Guid>> ExecuteAsync(Guid upperId, RefineBenchmarkRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await db.Benchmarks.FirstOrDefaultAsync(b => b.Id == upperId, ct) is not { } upper)
            return DiscretionErrors.BenchmarkNotFound();
        if (await CatalogueAccess.BodyAsync(db, request.IssuingBodyId, CataloguePermissions.CatalogueEdit, ct) is not { } body)
            return DiscretionErrors.UnknownIssuer();
        var version = await db.CatalogueItemVersions.FirstAsync(v => v.Id == upper.ItemVersionId, ct);
        var ownerId = await db.CatalogueItems.Unscoped("the owner of the item an upper benchmark applies, wherever it lies").Where(i => i.Id == upper.ItemId).Select(i => i.OwnerId).FirstAsync(ct);
        if (ownerId != body.Id && !version.BodyIds.Contains(body.Id))
            return DiscretionErrors.IssuerNotImplementing();
        if (await BenchmarkAccess.DraftExistsAsync(db, version.Id, body.Id, ct))
            return DiscretionErrors.DraftExists(field: "issuingBodyId");
        var issuer = await BenchmarkAccess.IssuerAsync(db, body, ct);
        var now = clock.GetUtcNow();
        var refined = DiscretionBenchmark.Refine(Guid.CreateVersion7(now), upper, issuer, request.Title ?? "", request.Tiers ?? upper.Tiers, now.UtcDateTime);
        if (!refined.IsSuccess)
            return refined.Error;
        db.Benchmarks.Add(refined.Value);
        await db.SaveChangesAsync(ct);
        return refined.Value.Id;
    }
}

/// <summary>Changes a draft benchmark's tiers (a refinement again within its upper benchmark) or a coercion item's exemption.</summary>
public sealed class ReviseBenchmark(ZhifaDbContext db, TimeProvider clock)
{
    public async Task<Result<Guid>> ExecuteAsync(Guid id, ReviseBenchmarkRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await BenchmarkAccess.IssuedAsync(db, id, ct) is not { } benchmark)
            return DiscretionErrors.BenchmarkNotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        Error? error;
        if (request.Exemption is { } exemption)
        {
            error = benchmark.ReviseExemption(exemption, now);
        }
        else if (request.Tiers is { } tiers)
        {
            var upper = benchmark.UpperBenchmarkId is { } upperId
                ? await db.Benchmarks.Unscoped("a benchmark follows its upper benchmark, issued higher up").FirstAsync(b => b.Id == upperId, ct)
                : null;
            error = benchmark.ReviseTiers(tiers, upper, now);
        }
        else
        {
            error = DiscretionErrors.NothingToRevise();
        }
        if (error is not null)
            return error;
        await db.SaveChangesAsync(ct);
        return benchmark.Id;
    }
}

/// <summary>Files a draft with the justice bureau that supervises the issuing region (备案审查).</summary>
public sealed class FileBenchmark(ZhifaDbContext db, TimeProvider clock)
{
    public async Task<Result<Guid>> ExecuteAsync(Guid id, CancellationToken ct = default)
    {
        if (await BenchmarkAccess.IssuedAsync(db, id, ct) is not { } benchmark)
            return DiscretionErrors.BenchmarkNotFound();
        if (await BenchmarkAccess.SupervisorOfAsync(db, benchmark.IssuingRegionId, ct) is not { } bureau)
            return DiscretionErrors.NoSupervisingBureau();
        if (benchmark.File(bureau, clock.GetUtcNow().UtcDateTime) is { } error)
            return error;
        await db.SaveChangesAsync(ct);
        return benchmark.Id;
    }
}

/// <summary>The bureau's review of a filed benchmark, by a holder of <c>catalogue.review</c> whose scope reaches the bureau.</summary>
public sealed class ReviewBenchmark(ZhifaDbContext db, TimeProvider clock)
{
    public Task<Result<Guid>> ReturnAsync(Guid id, ReviewCommentsRequest request, CancellationToken ct = default) =>
        RunAsync(id, b => b.ReturnFromReview(request?.Comments ?? "", clock.GetUtcNow().UtcDateTime), ct);

    public Task<Result<Guid>> ApproveAsync(Guid id, CancellationToken ct = default) =>
        RunAsync(id, b => b.Approve(clock.GetUtcNow().UtcDateTime), ct);

    private async Task<Result<Guid>> RunAsync(Guid id, Func<DiscretionBenchmark, Error?> change, CancellationToken ct)
    {
        if (await db.Benchmarks.FirstOrDefaultAsync(b => b.Id == id, ct) is not { } benchmark)
            return DiscretionErrors.BenchmarkNotFound();
        var bureauId = benchmark.FiledWithBodyId ?? await BenchmarkAccess.SupervisorOfAsync(db, benchmark.IssuingRegionId, ct);
        var bureau = bureauId is { } b ? await db.ActOnAsync(db.Bodies, b, CataloguePermissions.CatalogueReview, ct) : null;
        if (bureau is null)
            return DiscretionErrors.BenchmarkNotFound();
        if (change(benchmark) is { } error)
            return error;
        await db.SaveChangesAsync(ct);
        return benchmark.Id;
    }
}

/// <summary>The issuer publishes the approved benchmark, from today unless a later day is given.</summary>
public sealed class PublishBenchmark(ZhifaDbContext db, TimeProvider clock)
{
    public async Task<Result<Guid>> ExecuteAsync(Guid id, EffectiveDateRequest request, CancellationToken ct = default)
    {
        if (await BenchmarkAccess.IssuedAsync(db, id, ct) is not { } benchmark)
            return DiscretionErrors.BenchmarkNotFound();
        var today = clock.Today();
        if (benchmark.Publish(request?.EffectiveFrom ?? today, today, clock.GetUtcNow().UtcDateTime) is { } error)
            return error;
        await db.SaveChangesAsync(ct);
        return benchmark.Id;
    }
}

internal static class BenchmarkAccess
{
    /// <summary>A benchmark whose issuer the caller holds <c>catalogue.edit</c> in, or null (answered as not found).</summary>
    public static async Task<DiscretionBenchmark?> IssuedAsync(ZhifaDbContext db, Guid id, CancellationToken ct)
    {
        var benchmark = await db.Benchmarks.FirstOrDefaultAsync(b => b.Id == id, ct);
        return benchmark is not null && await CatalogueAccess.BodyAsync(db, benchmark.IssuingBodyId, CataloguePermissions.CatalogueEdit, ct) is not null ? benchmark : null;
    }

    public static async Task<Issuer> IssuerAsync(ZhifaDbContext db, EnforcementBody body, CancellationToken ct)
    {
        var level = await db.Regions.Unscoped("the level of a body's region is a fact, whoever reads it").Where(r => r.Id == body.RegionId).Select(r => r.Level).FirstAsync(ct);
        return new Issuer(body.Id, body.RegionId, level);
    }

    public static Task<Guid?> SupervisorOfAsync(ZhifaDbContext db, Guid regionId, CancellationToken ct) =>
        db.Regions.Unscoped("the supervising body of a region is a fact, whoever reads it").Where(r => r.Id == regionId).Select(r => r.SupervisingBodyId).FirstOrDefaultAsync(ct);

    /// <summary>One benchmark at a time is worked on per body and item version.</summary>
    public static Task<bool> DraftExistsAsync(ZhifaDbContext db, Guid versionId, Guid bodyId, CancellationToken ct) =>
        db.Benchmarks.Unscoped("one draft per body and version is checked across the whole database").AnyAsync(b => b.ItemVersionId == versionId && b.IssuingBodyId == bodyId && b.Status != BenchmarkStatus.Published, ct);
}
