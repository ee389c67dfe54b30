using Zhifa.Core.Catalogue;
using Zhifa.Core.Discretion;
using Zhifa.Core.Organizations;
using Zhifa.Tests.Catalogue;

namespace Zhifa.Tests.Discretion;

/// <summary>Benchmarks at each level for one penalty item; ranges from real laws.</summary>
internal static class DiscretionFixtures
{
    public static readonly DateTime Now = CatalogueFixtures.Now;
    public static readonly DateOnly Today = CatalogueFixtures.Today;
    public static readonly Guid ProvinceRegion = Guid.NewGuid();
    public static readonly Guid CityRegion = Guid.NewGuid();
    public static readonly Guid CountyRegion = Guid.NewGuid();
    public static readonly Guid TownshipRegion = Guid.NewGuid();
    public static readonly Issuer Province = new(Guid.NewGuid(), ProvinceRegion, RegionLevel.Province);
    public static readonly Issuer City = new(Guid.NewGuid(), CityRegion, RegionLevel.City);
    public static readonly Issuer County = new(Guid.NewGuid(), CountyRegion, RegionLevel.County);
    public static readonly Issuer Township = new(Guid.NewGuid(), TownshipRegion, RegionLevel.Township);
    public static readonly Guid JusticeBureau = Guid.NewGuid();

    /// <summary>处一万元以上十万元以下罚款 — a fixed range with round CLJZ-30 bounds: 37,000 and 73,000.</summary>
    public static FineRange TenThousandToHundredThousand { get; } = FineRange.Fixed(10_000, 100_000);

    /// <summary>处违法所得五倍以上十倍以下罚款.</summary>
    public static FineRange FiveToTenTimesGain { get; } = FineRange.Multiple(FineBasis.IllegalGain, 5, 10);

    /// <summary>食品安全法第一百二十四条: 货值金额不足一万元的，十万元以上十五万元以下；一万元以上的，十五倍以上三十倍以下.</summary>
    public static FineRange FoodSafety124 { get; } = FineRange.Multiple(FineBasis.GoodsValue, 15, 30).WithFallback(100_000, 150_000, below: 10_000);

    public static readonly PenaltyKind[] WarningAndFine = [PenaltyKind.Warning, PenaltyKind.Fine];

    public static (CatalogueItem Item, CatalogueItemVersion Version) Item(ItemKind kind = ItemKind.Penalty)
    {
        var item = CatalogueFixtures.Published(CatalogueFixtures.Content(kind: kind));
        return (item, item.Published!);
    }

    public static IReadOnlyList<BenchmarkTier> DefaultTiers(FineRange? range, PenaltyKind[]? kinds = null, TierSettings? settings = null) =>
        BenchmarkGenerator.DefaultTiers(range, kinds ?? WarningAndFine, settings ?? TierSettings.Default).Value;

    public static Zhifa.Core.Common.Result<DiscretionBenchmark> TryCreate(
        FineRange? range, IReadOnlyList<BenchmarkTier> tiers, PenaltyKind[]? kinds = null, Issuer? issuer = null, ItemKind itemKind = ItemKind.Penalty)
    {
        var (item, version) = Item(itemKind);
        return DiscretionBenchmark.ForPenaltyItem(Guid.NewGuid(), item, version, issuer ?? Province, "《山西省市场监督管理行政处罚裁量基准》",
            range, kinds ?? WarningAndFine, tiers, Now);
    }

    /// <summary>A draft benchmark with the default tiers, or with <paramref name="tiers"/>.</summary>
    public static DiscretionBenchmark Benchmark(FineRange? range, IReadOnlyList<BenchmarkTier>? tiers = null, PenaltyKind[]? kinds = null) =>
        TryCreate(range, tiers ?? DefaultTiers(range, kinds), kinds).Value;

    public static DiscretionBenchmark Published(DiscretionBenchmark benchmark, DateOnly? effectiveFrom = null)
    {
        Assert.Null(benchmark.File(JusticeBureau, Now));
        Assert.Null(benchmark.Approve(Now));
        Assert.Null(benchmark.Publish(effectiveFrom ?? Today, effectiveFrom ?? Today, Now));
        return benchmark;
    }

    /// <summary>The default tiers with 减轻 given a condition (受胁迫), so that the calculator can choose it.</summary>
    public static IReadOnlyList<BenchmarkTier> WithMitigatedWhenCoerced(FineRange range) =>
        [.. DefaultTiers(range).Select(t => t.Tier switch
        {
            DiscretionTier.Mitigated => t with { Conditions = [Circumstances.CoercedOrInduced] },
            DiscretionTier.Lighter => t with { Conditions = [Circumstances.ActivelyReducedHarm] },
            _ => t,
        })];

    public static BenchmarkTier Tier(IEnumerable<BenchmarkTier> tiers, DiscretionTier tier) => tiers.Single(t => t.Tier == tier);

    public static IReadOnlyList<BenchmarkTier> Replace(IEnumerable<BenchmarkTier> tiers, DiscretionTier tier, Func<BenchmarkTier, BenchmarkTier> change) =>
        [.. tiers.Select(t => t.Tier == tier ? change(t) : t)];
}
