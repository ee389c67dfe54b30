using System.Text.Json;
using Zhifa.Core.Common;
using Zhifa.Core.Discretion;
using static Zhifa.Tests.Discretion.DiscretionFixtures;

namespace Zhifa.Tests.Discretion;

/// <summary>
/// Fines measured per unit (土地管理法实施条例第五十七条: 每平方米一百元以上一千元以下) and as multiples of the advertising fee
/// (广告法第五十五条: 三倍以上五倍以下，无法计算或者明显偏低的二十万元以上一百万元以下), resolved and calculated at their tier edges.
/// </summary>
public class FineBasesTests
{
    private static readonly FineRange Land57 = FineRange.PerUnit(FineUnit.SquareMetre, 100, 1000);
    private static readonly FineRange Ads55 = FineRange.Multiple(FineBasis.AdvertisingFee, 3, 5).WithFallback(200_000, 1_000_000);
    private static readonly CalculatorSettings Settings = CalculatorSettings.Default;

    [Theory]
    [InlineData(1, 100, 1000)]
    [InlineData(250, 25_000, 250_000)]
    [InlineData(0.5, 50, 500)]
    public void PerUnit_ResolvesToTheRateTimesTheQuantity(double square, int min, int max)
    {
        var r = Land57.Resolve(new FineBases(Quantity: (decimal)square)).Value;
        Assert.Equal(((decimal)min, (decimal)max, FineUnit.SquareMetre), (r.Min, r.Max, r.Unit!.Value));
    }

    [Fact]
    public void PerUnit_WithoutAQuantity_AsksForItInItsUnit_AndANegativeOneIsRefused()
    {
        var missing = Assert.IsType<ValidationError>(Land57.Resolve(new FineBases(IllegalGain: 1000)).Error);
        var message = Assert.Single(missing.Fields["quantity"]);
        Assert.Equal(("discretion.quantity_required", "enum.FineUnit.SquareMetre"), (message.Code, (string)message.Args[0]));
        Assert.True(Assert.IsType<ValidationError>(Land57.Resolve(new FineBases(Quantity: -1)).Error).Fields.ContainsKey("quantity"));
    }

    [Theory]
    [InlineData(100_000, 300_000, 500_000)]
    [InlineData(0, 200_000, 1_000_000)]
    public void AdvertisingFee_ResolvesToMultiples_OrTheFixedRangeWhereItCannotBeCalculated(int fee, int min, int max)
    {
        var r = Ads55.Resolve(new FineBases(BaseAmount: fee)).Value;
        Assert.Equal(((decimal)min, (decimal)max), (r.Min, r.Max));
        var missing = Assert.IsType<ValidationError>(Ads55.Resolve(FineBases.None).Error);
        Assert.Equal(("discretion.base_amount_required", "enum.FineBasis.AdvertisingFee"), (missing.Fields["baseAmount"][0].Code, (string)missing.Fields["baseAmount"][0].Args[0]));
    }

    [Theory]
    [Trait("Rule", "CLJZ-30")]
    // 1,000 m²: 从轻 100–370 yuan/m², 一般 370–730, 从重 730–1000 (CLJZ-30 on the rates).
    [InlineData(Circumstances.ActivelyReducedHarm, DiscretionTier.Lighter, 100_000, 370_000)]
    [InlineData(Circumstances.None, DiscretionTier.Ordinary, 370_000, 730_000)]
    [InlineData(Circumstances.SeriousHarm, DiscretionTier.Heavier, 730_000, 1_000_000)]
    public void PerUnit_Calculation_GivesTheTierRangeForTheArea_CLJZ_30(Circumstances facts, DiscretionTier tier, int min, int max)
    {
        var benchmark = Benchmark(Land57, kinds: [PenaltyKind.Fine]);
        var c = DiscretionCalculator.Calculate(benchmark, facts, new FineBases(Quantity: 1000), Settings).Value;
        Assert.Equal((tier, (decimal)min, (decimal)max), (c.Tier, c.TierRange!.Min, c.TierRange.Max));
        Assert.Contains("1000平方米，每平方米", c.Explanation.Chinese, StringComparison.Ordinal);
    }

    [Theory]
    [Trait("Rule", "CLJZ-30")]
    // Fee 100,000: 从轻 3–3.6 times (300,000–360,000), 一般 3.6–4.4 (360,000–440,000), 从重 4.4–5 (440,000–500,000).
    // On a shared bound the tier that owns it by law: 360,000 is 从轻's (以下包括本数), 440,000 从重's (以上包括本数).
    [InlineData(Circumstances.None, 360_000, DiscretionTier.Lighter, false)]
    [InlineData(Circumstances.ActivelyReducedHarm, 360_000, DiscretionTier.Lighter, true)]
    [InlineData(Circumstances.None, 360_001, DiscretionTier.Ordinary, true)]
    [InlineData(Circumstances.None, 439_999, DiscretionTier.Ordinary, true)]
    [InlineData(Circumstances.None, 440_000, DiscretionTier.Heavier, false)]
    [InlineData(Circumstances.SeriousHarm, 500_000, DiscretionTier.Heavier, true)]
    public void AdvertisingFee_AmountsAtTheTierEdges_BelongToTheTierThatOwnsTheBound_CLJZ_30(Circumstances facts, int amount, DiscretionTier amountTier, bool within)
    {
        var benchmark = Benchmark(Ads55, kinds: [PenaltyKind.Fine]);
        var r = DiscretionCalculator.Check(benchmark, facts, new Proposal([PenaltyKind.Fine], amount), new FineBases(BaseAmount: 100_000), Settings).Value;
        Assert.Equal((amountTier, within), (r.AmountTier!.Value, r.WithinBenchmark));
    }

    [Fact]
    public void AdvertisingFee_AboveFiveTimes_IsAboveTheStatutoryMaximum()
    {
        var benchmark = Benchmark(Ads55, kinds: [PenaltyKind.Fine]);
        var r = DiscretionCalculator.Check(benchmark, Circumstances.None, new Proposal([PenaltyKind.Fine], 500_001), new FineBases(BaseAmount: 100_000), Settings);
        Assert.Equal("discretion.amount_above_statutory_max", Assert.IsType<ValidationError>(r.Error).Fields["fineAmount"][0].Code);
    }

    [Fact]
    public void AdvertisingFee_Explanation_NamesTheBase()
    {
        var c = DiscretionCalculator.Calculate(Benchmark(Ads55, kinds: [PenaltyKind.Fine]), Circumstances.None, new FineBases(BaseAmount: 100_000), Settings).Value;
        Assert.Contains("广告费用100000元的3.6倍至4.4倍", c.Explanation.Chinese, StringComparison.Ordinal);
        Assert.Contains("times the advertising fee of 100000 yuan", c.Explanation.English, StringComparison.Ordinal);
    }

    [Fact]
    public void Explanation_NamesAnAssertedCircumstanceThatChangesNoTier()
    {
        var benchmark = Benchmark(TenThousandToHundredThousand);
        var c = DiscretionCalculator.Calculate(benchmark, Circumstances.Minor, FineBases.None, Settings).Value;
        Assert.Equal(DiscretionTier.Ordinary, c.Tier);
        Assert.StartsWith("当事人具有违法行为轻微的情节，但不符合本基准从轻、减轻或者从重处罚的条件", c.Explanation.Chinese, StringComparison.Ordinal);
        Assert.DoesNotContain("无从轻、减轻或者从重处罚情节", c.Explanation.Chinese, StringComparison.Ordinal);

        var both = DiscretionCalculator.Calculate(benchmark, Circumstances.Minor | Circumstances.ActivelyReducedHarm, FineBases.None, Settings).Value;
        Assert.StartsWith("当事人主动消除或者减轻违法行为危害后果；另有违法行为轻微的情节，不影响处罚档次", both.Explanation.Chinese, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"basis":"PerUnit","unit":"SquareMetre","minMultiple":100,"maxMultiple":1000}""")]
    [InlineData("""{"basis":"AdvertisingFee","minMultiple":3,"maxMultiple":5,"minAmount":200000,"maxAmount":1000000}""")]
    public void Json_RoundTrips(string json)
    {
        var range = JsonSerializer.Deserialize<FineRange>(json)!;
        Assert.Equal(json, JsonSerializer.Serialize(range));
    }

    [Theory]
    [InlineData("""{"basis":"PerUnit","minMultiple":100,"maxMultiple":1000}""")]
    [InlineData("""{"basis":"IllegalGain","unit":"Tonne","minMultiple":1,"maxMultiple":2}""")]
    [InlineData("""{"basis":"Fixed","unit":"Day","minAmount":1,"maxAmount":2}""")]
    [InlineData("""{"basis":"PerUnit","unit":"Furlong","minMultiple":1,"maxMultiple":2}""")]
    public void Json_AUnitOnlyWithAPerUnitRange(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<FineRange>(json));

    [Fact]
    public void TierRanges_MustMeasureTheSameUnit()
    {
        var tiers = Replace(DefaultTiers(Land57, [PenaltyKind.Fine]), DiscretionTier.Ordinary, t => t with { Range = FineRange.PerUnit(FineUnit.Tonne, 370, 730) });
        Assert.False(TryCreate(Land57, tiers, [PenaltyKind.Fine]).IsSuccess);
    }
}
