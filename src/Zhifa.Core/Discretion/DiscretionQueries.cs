using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Catalogue;
using Zhifa.Core.Common;
using Zhifa.Core.Data;
using Zhifa.Core.Organizations;

namespace Zhifa.Core.Discretion;

/// <summary>
/// A case's facts for the calculator: the item, the circumstances, the bases where the fine is measured against one (the
/// illegal gain, the goods' value, or <see cref="BaseAmount"/> — the advertising fee, contract amount or tax evaded the
/// benchmark names — in yuan; <see cref="Quantity"/> in the benchmark's unit for a per-unit fine), and optionally the body
/// deciding (default: the caller's own; one the caller acts for, implementing the item) and the day of the act (default: today).
/// </summary>
public sealed record CalculateRequest(
    Guid ItemId, Circumstances Circumstances = Circumstances.None, [Range(0, Money.MaxAmount)] decimal? IllegalGain = null,
    [Range(0, Money.MaxAmount)] decimal? GoodsValue = null, Guid? BodyId = null, DateOnly? On = null,
    [Range(0, Money.MaxAmount)] decimal? BaseAmount = null, [Range(0, Money.MaxAmount)] decimal? Quantity = null)
{
    internal FineBases Bases => new(IllegalGain, GoodsValue, BaseAmount, Quantity);
}

/// <summary>A proposed decision to check against the benchmark: the case's facts and the penalties with the fine in yuan.</summary>
public sealed record CheckRequest(
    Guid ItemId, [MaxLength(BenchmarkTier.MaxKinds)] IReadOnlyList<PenaltyKind>? Kinds, [Range(0, Money.MaxAmount)] decimal? FineAmount = null,
    Circumstances Circumstances = Circumstances.None, [Range(0, Money.MaxAmount)] decimal? IllegalGain = null, [Range(0, Money.MaxAmount)] decimal? GoodsValue = null,
    Guid? BodyId = null, DateOnly? On = null, [Range(0, Money.MaxAmount)] decimal? BaseAmount = null, [Range(0, Money.MaxAmount)] decimal? Quantity = null)
{
    internal FineBases Bases => new(IllegalGain, GoodsValue, BaseAmount, Quantity);
}

/// <summary>The benchmark's answer for one case (CLJZ-EXPLAIN): tier, ranges, suggestion and the sentence for the decision.</summary>
public sealed record CalculationDto(
    Guid BenchmarkId, string BenchmarkTitle, NamedRef Issuer, RegionLevel Level, Guid ItemId, string ItemCode, string ItemName, int ItemVersion,
    NamedRef Body, DiscretionTier Tier, int TierNumber, string ConditionText, Circumstances Applied, bool Offset, IReadOnlyList<PenaltyKind> PenaltyKinds,
    ResolvedRange? StatutoryRange, ResolvedRange? TierRange, decimal? SuggestedAmount, string Explanation, string ExplanationEnglish);

/// <summary>Whether the proposal keeps to the benchmark; outside it, <see cref="Rule"/> is CLJZ-DEVIATE and the reasons say why.</summary>
public sealed record CheckDto(
    bool WithinBenchmark, DiscretionTier Tier, DiscretionTier? AmountTier, string? Rule, string? MessageCode, IReadOnlyList<string> ReasonCodes,
    CalculationDto Calculation);

/// <summary>
/// The discretion calculator over the published benchmarks: for a body, the benchmark of its own region or of the
/// nearest region above that has one (a township's bodies use their county's, CLJZ-LEVEL), in force on the day.
/// </summary>
/// <remarks>
/// The deciding body is one the caller acts for (holds <c>catalogue.read</c> in), and it implements the item — its own, or one
/// naming it as an implementing body (a township's by delegation, 赋权); another body's item is refused, never calculated
/// under that body's benchmark.
/// </remarks>
public sealed class DiscretionQueries(ZhifaDbContext db, TimeProvider clock, CalculatorSettings settings)
{
    public async Task<Result<CalculationDto>> CalculateAsync(CalculateRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var found = await FindAsync(request.ItemId, request.BodyId, request.On, request.Bases, ct);
        if (!found.IsSuccess)
            return found.Error;
        var c = found.Value;
        var calculated = DiscretionCalculator.Calculate(c.Benchmark, request.Circumstances, request.Bases, settings);
        return calculated.IsSuccess ? ToDto(c, calculated.Value) : calculated.Error;
    }

    public async Task<Result<CheckDto>> CheckAsync(CheckRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var found = await FindAsync(request.ItemId, request.BodyId, request.On, request.Bases, ct);
        if (!found.IsSuccess)
            return found.Error;
        var c = found.Value;
        var checkedResult = DiscretionCalculator.Check(c.Benchmark, request.Circumstances, new Proposal(request.Kinds ?? [], request.FineAmount),
            request.Bases, settings);
        if (!checkedResult.IsSuccess)
            return checkedResult.Error;
        var r = checkedResult.Value;
        return new CheckDto(r.WithinBenchmark, r.Tier, r.AmountTier, r.Deviation?.RuleId, r.Deviation?.Code,
            r.Deviation?.Args.Select(a => a.ToString()!).ToList() ?? [], ToDto(c, r.Calculation));
    }

    /// <summary>
    /// Penalty items a body the caller acts for can calculate for today: in force, implemented by the body (its own or
    /// naming it, as a township's delegated items do), with a published benchmark that applies to it.
    /// </summary>
    public async Task<IReadOnlyList<CatalogueItemSummary>> CalculableItemsAsync(Guid bodyId, string? q, CatalogueQueries catalogue, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        if (await CatalogueAccess.BodyAsync(db, bodyId, CataloguePermissions.CatalogueRead, ct) is not { } body)
            return [];
        var chain = await CatalogueAccess.RegionChainAsync(db, body, ct);
        var today = clock.Today();
        var versionIds = await db.Benchmarks.AsNoTracking()
            .Where(b => b.Status == BenchmarkStatus.Published && b.ItemKind == ItemKind.Penalty && b.EffectiveFrom <= today && chain.Contains(b.IssuingRegionId))
            .Select(b => b.ItemVersionId).Distinct().ToListAsync(ct);
        var options = await catalogue.OptionsAsync(q, [ItemKind.Penalty], body.Id, 1000, ct);
        var inForce = await db.CatalogueItemVersions.AsNoTracking().Where(v => versionIds.Contains(v.Id)).Select(v => v.ItemId).ToListAsync(ct);
        return [.. options.Where(o => inForce.Contains(o.Id))];
    }

    /// <summary>The statutory fine range of the benchmark that would apply (what bases the calculator must ask for); none when there is none.</summary>
    public async Task<FineRange?> StatutoryRangeAsync(Guid itemId, Guid? bodyId, DateOnly? on, CancellationToken ct = default) =>
        await FindAsync(itemId, bodyId, on, FineBases.None, ct) is { IsSuccess: true } found ? found.Value.Benchmark.StatutoryRange : null;

    private async Task<Result<Found>> FindAsync(Guid itemId, Guid? bodyId, DateOnly? on, FineBases bases, CancellationToken ct)
    {
        if (bases.NegativeField is { } negative)
            return DiscretionErrors.AmountNegative(negative);
        var item = await db.CatalogueItems.AsNoTracking().Include(i => i.Versions).FirstOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null)
            return DiscretionErrors.UnknownItem();
        var day = on ?? clock.Today();
        if (item.VersionInForce(day) is not { } version)
            return DiscretionErrors.ItemNotInForce(day);
        if (version.Kind != ItemKind.Penalty)
            return DiscretionErrors.NotPenaltyItem();

        var deciding = bodyId ?? await OwnAgencyAsync(ct);
        if (deciding is null)
            return DiscretionErrors.BodyRequired();
        if (await CatalogueAccess.BodyAsync(db, deciding.Value, CataloguePermissions.CatalogueRead, ct) is not { } body)
        {
            return await db.Bodies.Unscoped("whether a body the caller does not act for exists: its name is public").AnyAsync(b => b.Id == deciding, ct)
                ? DiscretionErrors.BodyNotActedFor() : DiscretionErrors.UnknownBody();
        }
        if (item.OwnerId != body.Id && !version.BodyIds.Contains(body.Id))
            return DiscretionErrors.ItemNotImplemented();
        var chain = await CatalogueAccess.RegionChainAsync(db, body, ct);
        var candidates = await db.Benchmarks.AsNoTracking()
            .Where(b => b.ItemVersionId == version.Id && b.Status == BenchmarkStatus.Published && chain.Contains(b.IssuingRegionId)).ToListAsync(ct);
        if (BenchmarkRules.Applicable(candidates, version.Id, chain, day) is not { } benchmark)
            return DiscretionErrors.NoBenchmark();
        var issuer = await db.Bodies.Unscoped("a body's name is public").AsNoTracking().Where(b => b.Id == benchmark.IssuingBodyId).Select(b => b.Name).FirstAsync(ct);
        return new Found(item, version, body, benchmark, issuer);
    }

    /// <summary>The caller's own agency: the body they, or the unit they belong to, are part of.</summary>
    public async Task<Guid?> OwnAgencyAsync(CancellationToken ct = default)
    {
        if (db.Actor.Access is not { } access)
            return null;
        return await db.Organizations.Unscoped("the caller's own organisation, whatever their scope").AsNoTracking().Where(o => o.Id == access.OrganizationId).Select(o => o.AgencyId).FirstOrDefaultAsync(ct);
    }

    private static CalculationDto ToDto(Found c, Calculation r) =>
        new(c.Benchmark.Id, c.Benchmark.Title, new NamedRef(c.Benchmark.IssuingBodyId, c.IssuerName), c.Benchmark.IssuingLevel, c.Item.Id, c.Item.Code,
            c.Version.Name, c.Version.VersionNumber, new NamedRef(c.Body.Id, c.Body.Name), r.Tier, r.TierNumber, c.Benchmark.TierOf(r.Tier)!.ConditionText,
            r.Applied, r.Offset, r.PenaltyKinds, r.StatutoryRange, r.TierRange, r.SuggestedAmount, r.Explanation.Chinese, r.Explanation.English);

    private sealed record Found(CatalogueItem Item, CatalogueItemVersion Version, EnforcementBody Body, DiscretionBenchmark Benchmark, string IssuerName);
}
