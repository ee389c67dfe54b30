using Zhifa.Core.Catalogue;
using Zhifa.Core.Common;
using Zhifa.Core.Discretion;
using static Zhifa.Tests.Discretion.DiscretionFixtures;
using static Zhifa.Tests.Discretion.FineRangeTests;

namespace Zhifa.Tests.Discretion;

public class BenchmarkTests
{
    [Fact]
    [Trait("Rule", "CLJZ-30")]
    public void DefaultTiers_SplitTheRange_ThirtyFortyThirty()
    {
        var tiers = DefaultTiers(TenThousandToHundredThousand);

        Assert.Equal(
            [DiscretionTier.NoPenalty, DiscretionTier.MayNotPenalize, DiscretionTier.Mitigated, DiscretionTier.Lighter, DiscretionTier.Ordinary, DiscretionTier.Heavier],
            tiers.Select(t => t.Tier));
        Assert.Equal(FineRange.Fixed(0, 10_000), Tier(tiers, DiscretionTier.Mitigated).Range);
        Assert.Equal(FineRange.Fixed(10_000, 37_000), Tier(tiers, DiscretionTier.Lighter).Range);
        Assert.Equal(FineRange.Fixed(37_000, 73_000), Tier(tiers, DiscretionTier.Ordinary).Range);
        Assert.Equal(FineRange.Fixed(73_000, 100_000), Tier(tiers, DiscretionTier.Heavier).Range);
        Assert.Empty(Tier(tiers, DiscretionTier.NoPenalty).PenaltyKinds);
        Assert.Null(Tier(tiers, DiscretionTier.MayNotPenalize).Range);
    }

    [Fact]
    [Trait("Rule", "CLJZ-30")]
    public void DefaultTiers_FollowConfiguredShares()
    {
        var tiers = DefaultTiers(TenThousandToHundredThousand, settings: new TierSettings(LighterShare: 0.2m, HeavierShare: 0.2m, MitigatedFloorShare: 0.1m));

        Assert.Equal(FineRange.Fixed(1_000, 10_000), Tier(tiers, DiscretionTier.Mitigated).Range);
        Assert.Equal(FineRange.Fixed(10_000, 28_000), Tier(tiers, DiscretionTier.Lighter).Range);
        Assert.Equal(FineRange.Fixed(82_000, 100_000), Tier(tiers, DiscretionTier.Heavier).Range);
    }

    [Fact]
    [Trait("Rule", "CLJZ-30")]
    public void DefaultTiers_OfMultiples_SplitTheMultiplesAndTheFallback()
    {
        var tiers = DefaultTiers(FoodSafety124);

        var lighter = Tier(tiers, DiscretionTier.Lighter).Range!;
        Assert.Equal((15m, 19.5m), (lighter.MinMultiple, lighter.MaxMultiple));
        Assert.Equal((100_000m, 115_000m), (lighter.MinAmount, lighter.MaxAmount));
        Assert.Equal(10_000m, lighter.FallbackBelow);
        Assert.Equal((25.5m, 30m), (Tier(tiers, DiscretionTier.Heavier).Range!.MinMultiple, Tier(tiers, DiscretionTier.Heavier).Range!.MaxMultiple));
    }

    [Fact]
    [Trait("Rule", "CLJZ-TIER")]
    public void DefaultTiers_WithoutStatutoryMinimum_HaveNoMitigatedTier()
    {
        var tiers = DefaultTiers(FineRange.Fixed(0, 50_000));

        Assert.DoesNotContain(tiers, t => t.Tier == DiscretionTier.Mitigated);
        Assert.Equal(FineRange.Fixed(0, 15_000), Tier(tiers, DiscretionTier.Lighter).Range);
    }

    [Theory]
    [InlineData(0.5, 0.5)]
    [InlineData(0, 0.3)]
    [InlineData(0.3, -0.1)]
    [Trait("Rule", "CLJZ-30")]
    public void TierSettings_ThatLeaveNoOrdinaryTier_AreRefused(double lighter, double heavier) =>
        AssertField(BenchmarkGenerator.DefaultTiers(TenThousandToHundredThousand, WarningAndFine, new TierSettings((decimal)lighter, (decimal)heavier)).Error,
            "settings", "benchmark.tier_settings_invalid");

    [Fact]
    [Trait("Rule", "CLJZ-TIER")]
    public void Create_KeepsTheTiersInOrder_AndStartsAsDraft()
    {
        var tiers = DefaultTiers(TenThousandToHundredThousand).Reverse().ToList();

        var benchmark = Benchmark(TenThousandToHundredThousand, tiers);

        Assert.Equal(BenchmarkStatus.Draft, benchmark.Status);
        Assert.Equal("山西省市场监督管理行政处罚裁量基准", benchmark.Title);
        Assert.Equal(DiscretionTier.NoPenalty, benchmark.Tiers[0].Tier);
        Assert.Equal(4, benchmark.NumberOf(DiscretionTier.Lighter));
    }

    [Fact]
    [Trait("Rule", "CLJZ-TIER")]
    public void OverlappingTiers_AreRefused()
    {
        var tiers = Replace(DefaultTiers(TenThousandToHundredThousand), DiscretionTier.Lighter, t => t with { Range = FineRange.Fixed(10_000, 37_001) });

        AssertField(TryCreate(TenThousandToHundredThousand, tiers).Error, "tiers", "benchmark.tiers_overlap");
    }

    [Fact]
    [Trait("Rule", "CLJZ-TIER")]
    public void OverlappingMultiples_AreRefused_EvenWhenTheFallbacksTouch()
    {
        var tiers = Replace(DefaultTiers(FoodSafety124), DiscretionTier.Ordinary,
            t => t with { Range = FineRange.Multiple(FineBasis.GoodsValue, 19, 25.5m).WithFallback(115_000, 135_000, 10_000) });

        AssertField(TryCreate(FoodSafety124, tiers).Error, "tiers", "benchmark.tiers_overlap");
    }

    [Fact]
    [Trait("Rule", "CLJZ-TIER")]
    public void TiersThatMeetAtABound_OrLeaveAGap_AreAccepted()
    {
        var tiers = Replace(DefaultTiers(TenThousandToHundredThousand), DiscretionTier.Lighter, t => t with { Range = FineRange.Fixed(10_000, 30_000) });

        Assert.True(TryCreate(TenThousandToHundredThousand, tiers).IsSuccess);
    }

    [Fact]
    [Trait("Rule", "CLJZ-TIER")]
    public void TiersInTheWrongOrder_AreRefused()
    {
        var tiers = Replace(
            Replace(DefaultTiers(TenThousandToHundredThousand), DiscretionTier.Lighter, t => t with { Range = FineRange.Fixed(80_000, 100_000) }),
            DiscretionTier.Heavier, t => t with { Range = FineRange.Fixed(10_000, 37_000) });

        AssertField(TryCreate(TenThousandToHundredThousand, tiers).Error, "tiers", "benchmark.tiers_out_of_order");
    }

    [Fact]
    [Trait("Rule", "CLJZ-TIER")]
    public void TierOutsideTheStatutoryRange_IsRefused()
    {
        var tiers = Replace(DefaultTiers(TenThousandToHundredThousand), DiscretionTier.Heavier, t => t with { Range = FineRange.Fixed(73_000, 100_001) });

        AssertField(TryCreate(TenThousandToHundredThousand, tiers).Error, "tiers", "benchmark.tier_outside_statutory_range");
    }

    [Fact]
    [Trait("Rule", "CLJZ-TIER")]
    public void MitigatedTier_ReachingIntoTheStatutoryRange_IsRefused()
    {
        var tiers = Replace(DefaultTiers(TenThousandToHundredThousand), DiscretionTier.Mitigated, t => t with { Range = FineRange.Fixed(0, 10_001) });

        AssertField(TryCreate(TenThousandToHundredThousand, tiers).Error, "tiers", "benchmark.mitigated_not_below_minimum");
    }

    [Fact]
    [Trait("Rule", "CLJZ-TIER")]
    public void MalformedTierSets_AreRefused()
    {
        var tiers = DefaultTiers(TenThousandToHundredThousand);
        var range = TenThousandToHundredThousand;

        AssertField(TryCreate(range, [.. tiers, Tier(tiers, DiscretionTier.Lighter)]).Error, "tiers", "benchmark.tier_duplicate");
        AssertField(TryCreate(range, [.. tiers.Where(t => t.Tier != DiscretionTier.Ordinary)]).Error, "tiers", "benchmark.ordinary_tier_missing");
        AssertField(TryCreate(range, Replace(tiers, DiscretionTier.Heavier, t => t with { ConditionText = " " })).Error, "tiers", "benchmark.condition_required");
        AssertField(TryCreate(range, Replace(tiers, DiscretionTier.NoPenalty, t => t with { PenaltyKinds = [PenaltyKind.Warning] })).Error,
            "tiers", "benchmark.no_penalty_tier_imposes_penalty");
        AssertField(TryCreate(range, Replace(tiers, DiscretionTier.Lighter, t => t with { PenaltyKinds = [PenaltyKind.Warning] })).Error,
            "tiers", "benchmark.fine_range_mismatch");
        AssertField(TryCreate(range, Replace(tiers, DiscretionTier.Heavier, t => t with { PenaltyKinds = [PenaltyKind.Fine, PenaltyKind.RevokeLicence] })).Error,
            "tiers", "benchmark.kind_not_statutory");
        AssertField(TryCreate(range, Replace(tiers, DiscretionTier.Lighter, t => t with { Range = FiveToTenTimesGain })).Error, "tiers", "benchmark.range_invalid");
        AssertField(TryCreate(null, tiers).Error, "statutoryRange", "benchmark.fine_range_mismatch");
    }

    [Fact]
    public void Benchmark_ForANonPenaltyItem_IsRefused() =>
        AssertField(TryCreate(TenThousandToHundredThousand, DefaultTiers(TenThousandToHundredThousand), itemKind: ItemKind.Licensing).Error,
            "itemId", "discretion.not_penalty_item");

    [Fact]
    [Trait("Rule", "CLJZ-LEVEL")]
    public void Township_IssuesNoBenchmark()
    {
        var violation = Assert.IsType<RuleViolation>(TryCreate(TenThousandToHundredThousand, DefaultTiers(TenThousandToHundredThousand), issuer: Township).Error);

        Assert.Equal(("CLJZ-LEVEL", "benchmark.township_uses_county"), (violation.RuleId, violation.Code));
    }

    [Fact]
    [Trait("Rule", "CLJZ-LEVEL")]
    public void Refinement_ExactlyAtTheUpperBounds_IsAllowed()
    {
        var upper = Published(Benchmark(TenThousandToHundredThousand));

        var refined = DiscretionBenchmark.Refine(Guid.NewGuid(), upper, City, "忻州市市场监督管理行政处罚裁量基准", upper.Tiers, Now);

        Assert.True(refined.IsSuccess);
        Assert.Equal(upper.Id, refined.Value.UpperBenchmarkId);
        Assert.Equal(upper.ItemVersionId, refined.Value.ItemVersionId);
        Assert.Equal(upper.StatutoryRange, refined.Value.StatutoryRange);
    }

    [Fact]
    [Trait("Rule", "CLJZ-LEVEL")]
    public void Refinement_NarrowingTiers_IsAllowed()
    {
        var upper = Published(Benchmark(TenThousandToHundredThousand));
        var tiers = Replace(Replace(upper.Tiers, DiscretionTier.Lighter, t => t with { Range = FineRange.Fixed(10_000, 30_000) }),
            DiscretionTier.Heavier, t => t with { PenaltyKinds = [PenaltyKind.Fine], Range = FineRange.Fixed(80_000, 100_000) });

        Assert.True(DiscretionBenchmark.Refine(Guid.NewGuid(), upper, County, "原平市裁量基准", tiers, Now).IsSuccess);
    }

    [Theory]
    [InlineData(DiscretionTier.Lighter, 9_999, 37_000)]
    [InlineData(DiscretionTier.Lighter, 10_000, 37_001)]
    [InlineData(DiscretionTier.Ordinary, 36_999, 73_000)]
    [InlineData(DiscretionTier.Mitigated, 0, 10_001)]
    [Trait("Rule", "CLJZ-LEVEL")]
    public void Refinement_OneYuanOutsideTheUpperTier_IsRefused(DiscretionTier tier, int min, int max)
    {
        var upper = Published(Benchmark(TenThousandToHundredThousand));
        var tiers = Replace(upper.Tiers, tier, t => t with { Range = FineRange.Fixed(min, max) });

        var violation = Assert.IsType<RuleViolation>(DiscretionBenchmark.Refine(Guid.NewGuid(), upper, City, "市基准", tiers, Now).Error);

        Assert.Equal("CLJZ-LEVEL", violation.RuleId);
        Assert.Equal("benchmark.refined_range_exceeds_upper", violation.Code);
        Assert.Equal($"enum.DiscretionTier.{tier}", Assert.Single(violation.Args));
    }

    [Fact]
    [Trait("Rule", "CLJZ-LEVEL")]
    public void Refinement_OfMultiples_OutsideTheUpperTier_IsRefused()
    {
        var upper = Published(Benchmark(FiveToTenTimesGain));
        var within = Replace(upper.Tiers, DiscretionTier.Lighter, t => t with { Range = FineRange.Multiple(FineBasis.IllegalGain, 5, 6) });
        var beyond = Replace(upper.Tiers, DiscretionTier.Heavier, t => t with { Range = FineRange.Multiple(FineBasis.IllegalGain, 8.4m, 10) });

        Assert.True(DiscretionBenchmark.Refine(Guid.NewGuid(), upper, City, "市基准", within, Now).IsSuccess);
        var error = DiscretionBenchmark.Refine(Guid.NewGuid(), upper, City, "市基准", beyond, Now).Error;
        Assert.Equal("CLJZ-LEVEL", Assert.IsType<RuleViolation>(error).RuleId);
    }

    [Fact]
    [Trait("Rule", "CLJZ-LEVEL")]
    public void Refinement_ThatDropsATierOrChangesItsConditions_IsRefused_RewordingIsNot()
    {
        var upper = Published(Benchmark(TenThousandToHundredThousand));

        AssertLevel(Refine(upper, [.. upper.Tiers.Where(t => t.Tier != DiscretionTier.MayNotPenalize)]), "benchmark.refined_tier_missing");
        AssertLevel(Refine(upper, Replace(upper.Tiers, DiscretionTier.Heavier, t => t with { Conditions = [Circumstances.RepeatWithinYear] })),
            "benchmark.refined_conditions_differ");
        AssertLevel(Refine(upper, Replace(upper.Tiers, DiscretionTier.Heavier, t => t with { ConditionText = "更具体的从重情形。" }), County), null);
    }

    [Fact]
    [Trait("Rule", "CLJZ-LEVEL")]
    public void Refinement_AddingAPenaltyTheUpperTierLacks_IsRefused()
    {
        var upper = Published(Benchmark(TenThousandToHundredThousand, Replace(DefaultTiers(TenThousandToHundredThousand), DiscretionTier.Lighter,
            t => t with { PenaltyKinds = [PenaltyKind.Fine] })));

        AssertLevel(Refine(upper, Replace(upper.Tiers, DiscretionTier.Lighter, t => t with { PenaltyKinds = WarningAndFine })), "benchmark.refined_kinds_exceed_upper");
    }

    [Fact]
    [Trait("Rule", "CLJZ-LEVEL")]
    public void Refinement_BySameLevel_OrOfADraft_IsRefused()
    {
        var draft = Benchmark(TenThousandToHundredThousand);
        Assert.Equal("benchmark.upper_not_published", Refine(draft, draft.Tiers)!.Code);

        var upper = Published(Benchmark(TenThousandToHundredThousand));
        AssertLevel(Refine(upper, upper.Tiers, Province with { BodyId = Guid.NewGuid() }), "benchmark.refine_not_lower_level");
        AssertLevel(Refine(upper, upper.Tiers, Township), "benchmark.township_uses_county");
    }

    [Fact]
    public void Filing_ApprovalAndPublishing_WithTheSupervisingBureau()
    {
        var benchmark = Benchmark(TenThousandToHundredThousand);

        Assert.Null(benchmark.File(JusticeBureau, Now));
        Assert.Equal((BenchmarkStatus.Filed, JusticeBureau), (benchmark.Status, benchmark.FiledWithBodyId));
        Assert.Equal("workflow.illegal_transition", benchmark.ReviseTiers(benchmark.Tiers, null, Now)!.Code);
        Assert.Equal("workflow.illegal_transition", benchmark.Publish(Today, Today, Now)!.Code);
        Assert.Null(benchmark.ReturnFromReview("从重情形表述不清", Now));
        Assert.Equal(BenchmarkStatus.Draft, benchmark.Status);
        Assert.Null(benchmark.ReviseTiers(benchmark.Tiers, null, Now));
        Assert.Equal("workflow.illegal_transition", benchmark.Approve(Now)!.Code);
        Assert.Null(benchmark.File(JusticeBureau, Now));
        Assert.Null(benchmark.Approve(Now));
        Assert.Equal(BenchmarkStatus.Approved, benchmark.Status);
        Assert.Equal("workflow.illegal_transition", benchmark.ReturnFromReview("太迟了", Now)!.Code);
        Assert.Equal("effectiveFrom", Assert.Single(((Zhifa.Core.Common.ValidationError)benchmark.Publish(Today.AddDays(-1), Today, Now)!).Fields).Key);
        Assert.Null(benchmark.Publish(Today, Today, Now));

        Assert.Equal((BenchmarkStatus.Published, Today), (benchmark.Status, benchmark.EffectiveFrom));
        Assert.Equal("workflow.illegal_transition", benchmark.File(JusticeBureau, Now)!.Code);
        Assert.Equal("workflow.illegal_transition", benchmark.ReviseTiers(benchmark.Tiers, null, Now)!.Code);
    }

    [Fact]
    [Trait("Rule", "CLJZ-TIER")]
    public void Revising_WithOverlappingTiers_ChangesNothing()
    {
        var benchmark = Benchmark(TenThousandToHundredThousand);
        var before = benchmark.Tiers.ToList();

        var error = benchmark.ReviseTiers(Replace(before, DiscretionTier.Ordinary, t => t with { Range = FineRange.Fixed(30_000, 73_000) }), null, Now);

        AssertField(error, "tiers", "benchmark.tiers_overlap");
        Assert.Equal(before, benchmark.Tiers);
    }

    [Fact]
    [Trait("Rule", "CLJZ-LEVEL")]
    public void Revising_ARefinement_IsCheckedAgainstTheUpperBenchmark()
    {
        var upper = Published(Benchmark(TenThousandToHundredThousand));
        var refined = DiscretionBenchmark.Refine(Guid.NewGuid(), upper, City, "市基准", upper.Tiers, Now).Value;

        var error = refined.ReviseTiers(Replace(upper.Tiers, DiscretionTier.Heavier, t => t with { Range = FineRange.Fixed(72_999, 100_000) }), upper, Now);

        Assert.Equal("CLJZ-LEVEL", Assert.IsType<RuleViolation>(error).RuleId);
    }

    [Fact]
    [Trait("Rule", "CLJZ-LEVEL")]
    public void Applicable_ForATownship_IsItsCountysBenchmark()
    {
        var province = Published(Benchmark(TenThousandToHundredThousand));
        var county = Published(DiscretionBenchmark.Refine(Guid.NewGuid(), province, County, "县基准", province.Tiers, Now).Value);
        var draftCity = DiscretionBenchmark.Refine(Guid.NewGuid(), province, City, "市基准", province.Tiers, Now).Value;
        var all = new[] { province, county, draftCity };
        Guid[] townshipChain = [TownshipRegion, CountyRegion, CityRegion, ProvinceRegion];

        Assert.Same(county, BenchmarkRules.Applicable(all, province.ItemVersionId, townshipChain, Today));
        Assert.Same(province, BenchmarkRules.Applicable(all, province.ItemVersionId, [CityRegion, ProvinceRegion], Today));
        Assert.Null(BenchmarkRules.Applicable(all, province.ItemVersionId, townshipChain, Today.AddDays(-1)));
        Assert.Null(BenchmarkRules.Applicable(all, Guid.NewGuid(), townshipChain, Today));
    }

    [Fact]
    public void CoercionBenchmark_HoldsItsExemption()
    {
        var (item, version) = Item(ItemKind.Coercion);
        var exemption = new CoercionExemption("违法行为情节显著轻微或者没有明显社会危害的。", [Circumstances.Minor | Circumstances.NoHarm]);

        var benchmark = DiscretionBenchmark.ForCoercionItem(Guid.NewGuid(), item, version, County, "县行政强制裁量基准", exemption, Now).Value;

        Assert.Equal(ItemKind.Coercion, benchmark.ItemKind);
        Assert.Empty(benchmark.Tiers);
        Assert.Equal(exemption.ConditionText, benchmark.Exemption!.ConditionText);
        var (penaltyItem, penaltyVersion) = Item();
        AssertField(DiscretionBenchmark.ForCoercionItem(Guid.NewGuid(), penaltyItem, penaltyVersion, County, "x", exemption, Now).Error,
            "itemId", "benchmark.not_coercion_item");
    }

    [Fact]
    public void CoercionExemption_ChangesOnlyInADraft()
    {
        var (item, version) = Item(ItemKind.Coercion);
        var benchmark = DiscretionBenchmark.ForCoercionItem(Guid.NewGuid(), item, version, County, "县行政强制裁量基准", new("情节轻微的。", []), Now).Value;

        Assert.Null(benchmark.ReviseExemption(new(" 情节显著轻微的。 ", [Circumstances.Minor]), Now));
        Assert.Equal("情节显著轻微的。", benchmark.Exemption!.ConditionText);
        AssertField(benchmark.ReviseExemption(new(" ", []), Now), "exemption", "benchmark.condition_required");
        Published(benchmark);
        Assert.Equal("workflow.illegal_transition", benchmark.ReviseExemption(new("别的情形。", []), Now)!.Code);
        AssertField(Benchmark(TenThousandToHundredThousand).ReviseExemption(new("别的情形。", []), Now), "exemption", "benchmark.not_coercion_item");
    }

    private static Error? Refine(DiscretionBenchmark upper, IReadOnlyList<BenchmarkTier> tiers, Issuer? issuer = null) =>
        DiscretionBenchmark.Refine(Guid.NewGuid(), upper, issuer ?? City, "市基准", tiers, Now).Error;

    private static void AssertLevel(Error? error, string? code)
    {
        if (code is null)
        {
            Assert.Null(error);
            return;
        }
        var violation = Assert.IsType<RuleViolation>(error);
        Assert.Equal(("CLJZ-LEVEL", code), (violation.RuleId, violation.Code));
    }
}
