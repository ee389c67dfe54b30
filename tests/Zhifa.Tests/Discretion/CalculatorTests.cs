using Zhifa.Core.Catalogue;
using Zhifa.Core.Common;
using Zhifa.Core.Discretion;
using static Zhifa.Tests.Discretion.DiscretionFixtures;
using static Zhifa.Tests.Discretion.FineRangeTests;

namespace Zhifa.Tests.Discretion;

public class CalculatorTests
{
    private static readonly DiscretionBenchmark Fixed = Published(Benchmark(TenThousandToHundredThousand, WithMitigatedWhenCoerced(TenThousandToHundredThousand)));
    private static readonly CalculatorSettings Settings = CalculatorSettings.Default;

    private static Calculation Calculate(Circumstances facts, DiscretionBenchmark? benchmark = null, decimal? gain = null, decimal? goods = null) =>
        DiscretionCalculator.Calculate(benchmark ?? Fixed, facts, gain, goods, Settings).Value;

    private static CheckResult Check(Circumstances facts, Proposal proposal, DiscretionBenchmark? benchmark = null) =>
        DiscretionCalculator.Check(benchmark ?? Fixed, facts, proposal, null, null, Settings).Value;

    private static Proposal Fine(decimal amount) => new([PenaltyKind.Fine], amount);

    [Fact]
    [Trait("Rule", "XZCF-33")]
    public void MinorCorrectedHarmless_IsNotPenalised()
    {
        var result = Calculate(Circumstances.Minor | Circumstances.PromptlyCorrected | Circumstances.NoHarm | Circumstances.FirstOffence);

        Assert.Equal(DiscretionTier.NoPenalty, result.Tier);
        Assert.Null(result.TierRange);
        Assert.Null(result.SuggestedAmount);
        Assert.Empty(result.PenaltyKinds);
        Assert.Equal("当事人违法行为轻微，及时改正，没有造成危害后果；另有属于初次违法的情节，不影响处罚档次，依据《山西省市场监督管理行政处罚裁量基准》第1档（不予处罚）的规定，决定不予行政处罚。",
            result.Explanation.Chinese);
    }

    [Fact]
    [Trait("Rule", "XZCF-33")]
    public void NoPenalty_OutweighsAggravatingCircumstances() =>
        Assert.Equal(DiscretionTier.NoPenalty, Calculate(Circumstances.NoFault | Circumstances.RepeatWithinYear).Tier);

    [Fact]
    [Trait("Rule", "XZCF-33")]
    public void FirstMinorViolationCorrected_MayGoUnpenalised()
    {
        var result = Calculate(Circumstances.FirstOffence | Circumstances.MinorHarm | Circumstances.PromptlyCorrected);

        Assert.Equal(DiscretionTier.MayNotPenalize, result.Tier);
        Assert.Equal(2, result.TierNumber);
        Assert.Contains("第2档（首违不罚）", result.Explanation.Chinese, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "XZCF-33")]
    public void FirstViolation_WithObstruction_IsNotExempt()
    {
        var result = Calculate(Circumstances.FirstOffence | Circumstances.MinorHarm | Circumstances.PromptlyCorrected | Circumstances.ObstructsInvestigation);

        Assert.Equal(DiscretionTier.Heavier, result.Tier);
    }

    [Fact]
    [Trait("Rule", "CLJZ-TIER")]
    public void NoCircumstances_GiveTheOrdinaryTier_AndItsMidpoint()
    {
        var result = Calculate(Circumstances.None);

        Assert.Equal(DiscretionTier.Ordinary, result.Tier);
        Assert.Equal((37_000m, 73_000m), (result.TierRange!.Min, result.TierRange.Max));
        Assert.Equal((10_000m, 100_000m), (result.StatutoryRange!.Min, result.StatutoryRange.Max));
        Assert.Equal(55_000m, result.SuggestedAmount);
        Assert.False(result.Offset);
    }

    [Fact]
    [Trait("Rule", "CLJZ-EXPLAIN")]
    public void Explanation_StatesCircumstancesTierRangeAndAmount()
    {
        var result = Calculate(Circumstances.ActivelyReducedHarm);

        Assert.Equal(DiscretionTier.Lighter, result.Tier);
        Assert.Equal(23_500m, result.SuggestedAmount);
        Assert.Equal(
            "当事人主动消除或者减轻违法行为危害后果，依据《山西省市场监督管理行政处罚裁量基准》第4档（从轻处罚）的规定，在罚款10000元至37000元的幅度内，决定给予警告，并处罚款23500元。",
            result.Explanation.Chinese);
        Assert.Equal(
            "Circumstances: actively eliminated or reduced the harm. Under tier 4 (lighter) of 山西省市场监督管理行政处罚裁量基准, within the fine range of 10000 to 37000 yuan, a fine of 23500 yuan is imposed, together with: a warning.",
            result.Explanation.English);
    }

    [Fact]
    [Trait("Rule", "CLJZ-EXPLAIN")]
    public void Explanation_WithoutCircumstances_SaysSo() =>
        Assert.StartsWith("当事人无从轻、减轻或者从重处罚情节，依据《山西省市场监督管理行政处罚裁量基准》第5档（一般处罚）", Calculate(Circumstances.None).Explanation.Chinese, StringComparison.Ordinal);

    [Fact]
    [Trait("Rule", "CLJZ-REPEAT")]
    public void RepeatWithinAYear_GivesTheHeavierTier()
    {
        var result = Calculate(Circumstances.RepeatWithinYear);

        Assert.Equal(DiscretionTier.Heavier, result.Tier);
        Assert.Equal((73_000m, 100_000m), (result.TierRange!.Min, result.TierRange.Max));
        Assert.Equal(86_500m, result.SuggestedAmount);
        Assert.Contains("一年内因同一种违法行为受过行政处罚", result.Explanation.Chinese, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-03-02", true)] // exactly one year before the act: within one year
    [InlineData("2025-03-01", false)]
    [InlineData("2026-03-02", true)]
    [InlineData("2026-03-03", false)] // after the act: not an earlier penalty
    [Trait("Rule", "CLJZ-REPEAT")]
    public void Repeat_CountsOneYearBackFromTheAct_TheAnniversaryIncluded(string decidedOn, bool repeat) =>
        Assert.Equal(repeat, RepeatOffence.IsRepeat([DateOnly.Parse(decidedOn, System.Globalization.CultureInfo.InvariantCulture)], Today));

    [Fact]
    [Trait("Rule", "CLJZ-TIER")]
    public void MitigatingCircumstance_GivesTheMitigatedTier_BelowTheMinimum()
    {
        var result = Calculate(Circumstances.CoercedOrInduced | Circumstances.ActivelyReducedHarm);

        Assert.Equal(DiscretionTier.Mitigated, result.Tier);
        Assert.Equal((0m, 10_000m), (result.TierRange!.Min, result.TierRange.Max));
        Assert.Equal(5_000m, result.SuggestedAmount);
        Assert.Equal(Circumstances.CoercedOrInduced, result.Applied);
    }

    [Fact]
    [Trait("Rule", "CLJZ-TIER")]
    public void LighterAndHeavier_OffsetToOrdinary()
    {
        var result = Calculate(Circumstances.ActivelyReducedHarm | Circumstances.RepeatWithinYear);

        Assert.Equal(DiscretionTier.Ordinary, result.Tier);
        Assert.True(result.Offset);
        Assert.Equal(Circumstances.ActivelyReducedHarm | Circumstances.RepeatWithinYear, result.Applied);
        Assert.Contains("从轻、减轻情节与从重情节相互抵消", result.Explanation.Chinese, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "CLJZ-TIER")]
    public void MitigatedAndHeavier_OffsetToLighter() =>
        Assert.Equal(DiscretionTier.Lighter, Calculate(Circumstances.CoercedOrInduced | Circumstances.SeriousHarm).Tier);

    [Fact]
    [Trait("Rule", "CLJZ-TIER")]
    public void ATierTheBenchmarkLacks_GivesWayTowardsOrdinary()
    {
        var tiers = WithMitigatedWhenCoerced(TenThousandToHundredThousand).Where(t => t.Tier != DiscretionTier.Lighter).ToList();
        var benchmark = Benchmark(TenThousandToHundredThousand, tiers);

        Assert.Equal(DiscretionTier.Ordinary, Calculate(Circumstances.CoercedOrInduced | Circumstances.SeriousHarm, benchmark).Tier);
        Assert.Equal(5, benchmark.NumberOf(DiscretionTier.Heavier));
    }

    [Fact]
    public void MultiplesOfGain_ResolveForTheCase()
    {
        var benchmark = Benchmark(FiveToTenTimesGain);

        var result = Calculate(Circumstances.VoluntaryConfession, benchmark, gain: 10_000);

        Assert.Equal((50_000m, 100_000m), (result.StatutoryRange!.Min, result.StatutoryRange.Max));
        Assert.Equal((50_000m, 65_000m), (result.TierRange!.Min, result.TierRange.Max));
        Assert.Equal(57_500m, result.SuggestedAmount);
        Assert.Contains("在罚款50000元至65000元（违法所得10000元的5倍至6.5倍）的幅度内", result.Explanation.Chinese, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("9999.99", 115_000, 135_000, 125_000)]
    [InlineData("10000", 195_000, 255_000, 225_000)]
    public void FoodSafety124_AtTheTenThousandYuanSwitch(string goodsValue, int min, int max, int suggested)
    {
        var benchmark = Benchmark(FoodSafety124, kinds: [PenaltyKind.Fine, PenaltyKind.ConfiscateGains, PenaltyKind.ConfiscateGoods]);

        var result = Calculate(Circumstances.None, benchmark, goods: decimal.Parse(goodsValue, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(((decimal)min, (decimal)max), (result.TierRange!.Min, result.TierRange.Max));
        Assert.Equal(suggested, result.SuggestedAmount);
    }

    [Fact]
    public void Calculate_ForANonPenaltyItem_IsRefused()
    {
        var (item, version) = Item(ItemKind.Coercion);
        var coercion = DiscretionBenchmark.ForCoercionItem(Guid.NewGuid(), item, version, County, "县基准", new("情节显著轻微的。", []), Now).Value;

        AssertField(DiscretionCalculator.Calculate(coercion, Circumstances.None, null, null, Settings).Error, "itemId", "discretion.not_penalty_item");
    }

    [Fact]
    public void Calculate_WithNegativeGainOrGoodsValue_IsRefused()
    {
        AssertField(DiscretionCalculator.Calculate(Fixed, Circumstances.None, -1, null, Settings).Error, "illegalGain", "discretion.amount_negative");
        AssertField(DiscretionCalculator.Calculate(Fixed, Circumstances.None, null, -1, Settings).Error, "goodsValue", "discretion.amount_negative");
    }

    [Fact]
    public void Calculate_ForMultiplesWithoutTheirBase_IsRefused() =>
        AssertField(DiscretionCalculator.Calculate(Benchmark(FiveToTenTimesGain), Circumstances.None, null, 50_000, Settings).Error,
            "illegalGain", "discretion.base_required");

    [Theory]
    [InlineData(Circumstances.ActivelyReducedHarm, 37_000, DiscretionTier.Lighter, true)] // the 30% point is the top of 从轻
    [InlineData(Circumstances.None, 37_000, DiscretionTier.Lighter, false)] // …so it is not 一般
    [InlineData(Circumstances.None, 37_001, DiscretionTier.Ordinary, true)]
    [InlineData(Circumstances.None, 72_999, DiscretionTier.Ordinary, true)]
    [InlineData(Circumstances.None, 73_000, DiscretionTier.Heavier, false)] // the 70% point is the bottom of 从重
    [InlineData(Circumstances.RepeatWithinYear, 73_000, DiscretionTier.Heavier, true)]
    [InlineData(Circumstances.RepeatWithinYear, 100_000, DiscretionTier.Heavier, true)]
    [InlineData(Circumstances.ActivelyReducedHarm, 10_000, DiscretionTier.Lighter, true)]
    [InlineData(Circumstances.CoercedOrInduced, 10_000, DiscretionTier.Lighter, false)] // the minimum is not below the minimum
    [InlineData(Circumstances.CoercedOrInduced, 9_999, DiscretionTier.Mitigated, true)]
    [InlineData(Circumstances.None, 9_999, DiscretionTier.Mitigated, false)]
    [Trait("Rule", "CLJZ-30")]
    public void Check_AtTheTierEdges(Circumstances facts, int amount, DiscretionTier amountTier, bool within)
    {
        var result = Check(facts, Fine(amount));

        Assert.Equal(amountTier, result.AmountTier);
        Assert.Equal(within, result.WithinBenchmark);
    }

    [Fact]
    [Trait("Rule", "CLJZ-DEVIATE")]
    public void Check_OutsideTheTier_NeedsApproval()
    {
        var result = Check(Circumstances.None, Fine(30_000));

        Assert.False(result.WithinBenchmark);
        Assert.Equal(DiscretionTier.Ordinary, result.Tier);
        Assert.Equal(DiscretionTier.Lighter, result.AmountTier);
        var deviation = result.Deviation!;
        Assert.Equal(("CLJZ-DEVIATE", "discretion.outside_benchmark"), (deviation.RuleId, deviation.Code));
        Assert.Equal(["discretion.amount_outside_tier"], deviation.Args);
    }

    [Fact]
    [Trait("Rule", "CLJZ-DEVIATE")]
    public void Check_WithAPenaltyOutsideTheTier_OrNoPenalty_NeedsApproval()
    {
        var lighterFineOnly = Benchmark(TenThousandToHundredThousand, Replace(DefaultTiers(TenThousandToHundredThousand), DiscretionTier.Lighter,
            t => t with { PenaltyKinds = [PenaltyKind.Fine] }));

        var warned = Check(Circumstances.ActivelyReducedHarm, new([PenaltyKind.Warning, PenaltyKind.Fine], 20_000), lighterFineOnly);
        var nothing = Check(Circumstances.None, new([]));

        Assert.Equal(["discretion.kind_outside_tier"], warned.Deviation!.Args);
        Assert.Equal(["discretion.penalty_omitted"], nothing.Deviation!.Args);
    }

    [Fact]
    [Trait("Rule", "CLJZ-DEVIATE")]
    public void Check_TheCalculatorsOwnSuggestion_IsWithinTheBenchmark()
    {
        foreach (var facts in new[] { Circumstances.None, Circumstances.ActivelyReducedHarm, Circumstances.CoercedOrInduced, Circumstances.RepeatWithinYear })
        {
            var suggestion = Calculate(facts);
            Assert.True(Check(facts, new(suggestion.PenaltyKinds, suggestion.SuggestedAmount)).WithinBenchmark, facts.ToString());
        }
    }

    [Fact]
    [Trait("Rule", "XZCF-33")]
    public void Check_APenaltyWhereNoneIsDue_IsUnlawful()
    {
        var error = DiscretionCalculator.Check(Fixed, Circumstances.NoFault, new([PenaltyKind.Warning]), null, null, Settings).Error;

        Assert.Equal(("XZCF-33", "discretion.no_penalty_due"), (Assert.IsType<RuleViolation>(error).RuleId, error.Code));
    }

    [Fact]
    [Trait("Rule", "XZCF-33")]
    public void Check_FirstViolation_MayGoUnpenalised_OrBePenalisedAsWithoutTheExemption()
    {
        const Circumstances facts = Circumstances.FirstOffence | Circumstances.MinorHarm | Circumstances.PromptlyCorrected;

        Assert.True(Check(facts, new([])).WithinBenchmark);
        var fined = Check(facts, Fine(50_000));
        Assert.Equal(DiscretionTier.Ordinary, fined.Tier);
        Assert.True(fined.WithinBenchmark);
        Assert.False(Check(facts, Fine(20_000)).WithinBenchmark);
    }

    [Fact]
    public void Check_AboveTheStatutoryMaximum_IsUnlawful() =>
        AssertField(DiscretionCalculator.Check(Fixed, Circumstances.RepeatWithinYear, Fine(100_001), null, null, Settings).Error,
            "fineAmount", "discretion.amount_above_statutory_max");

    [Fact]
    public void Check_MalformedProposals_AreRefused()
    {
        AssertField(DiscretionCalculator.Check(Fixed, Circumstances.None, Fine(-1), null, null, Settings).Error, "fineAmount", "discretion.amount_negative");
        AssertField(DiscretionCalculator.Check(Fixed, Circumstances.None, new([PenaltyKind.Fine]), null, null, Settings).Error, "fineAmount", "discretion.fine_amount_mismatch");
        AssertField(DiscretionCalculator.Check(Fixed, Circumstances.None, new([PenaltyKind.Warning], 100), null, null, Settings).Error, "fineAmount", "discretion.fine_amount_mismatch");
        AssertField(DiscretionCalculator.Check(Fixed, Circumstances.None, new([PenaltyKind.RevokeLicence]), null, null, Settings).Error, "kinds", "discretion.kind_not_statutory");
    }

    [Fact]
    [Trait("Rule", "CLJZ-DEVIATE")]
    public void Check_MultiplesOfGain_AtTheTierEdge()
    {
        var benchmark = Benchmark(FiveToTenTimesGain);

        var atEdge = DiscretionCalculator.Check(benchmark, Circumstances.None, Fine(65_000), 10_000, null, Settings).Value;
        var inside = DiscretionCalculator.Check(benchmark, Circumstances.None, Fine(65_001), 10_000, null, Settings).Value;

        Assert.Equal((DiscretionTier.Lighter, false), (atEdge.AmountTier, atEdge.WithinBenchmark));
        Assert.Equal((DiscretionTier.Ordinary, true), (inside.AmountTier, inside.WithinBenchmark));
    }
}
