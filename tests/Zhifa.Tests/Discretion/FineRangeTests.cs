using Zhifa.Core.Common;
using Zhifa.Core.Discretion;
using static Zhifa.Tests.Discretion.DiscretionFixtures;

namespace Zhifa.Tests.Discretion;

public class FineRangeTests
{
    [Fact]
    public void Fixed_ResolvesToItself()
    {
        var range = TenThousandToHundredThousand.Resolve(null, null).Value;

        Assert.Equal((10_000m, 100_000m), (range.Min, range.Max));
        Assert.Null(range.MinMultiple);
    }

    [Fact]
    public void MultipleOfGain_ResolvesAgainstTheGain()
    {
        var range = FiveToTenTimesGain.Resolve(illegalGain: 10_000, goodsValue: null).Value;

        Assert.Equal((50_000m, 100_000m), (range.Min, range.Max));
        Assert.Equal((5m, 10m), (range.MinMultiple, range.MaxMultiple));
        Assert.Equal(10_000m, range.BaseAmount);
    }

    [Fact]
    public void MultipleOfGain_IsRoundedToTheFen()
    {
        var range = FineRange.Multiple(FineBasis.IllegalGain, 1.5m, 2.25m).Resolve(1_234.57m, null).Value;

        Assert.Equal((1_851.86m, 2_777.78m), (range.Min, range.Max));
    }

    [Theory]
    [InlineData("9999.99", 100_000, 150_000)] // 货值金额不足一万元: the fixed range
    [InlineData("10000", 150_000, 300_000)] // 一万元以上 includes ten thousand: 15–30 times
    [InlineData("0", 100_000, 150_000)]
    [InlineData("20000", 300_000, 600_000)]
    public void FoodSafety124_SwitchesFromTheFixedRange_AtExactlyTenThousand(string goodsValue, int min, int max)
    {
        var range = FoodSafety124.Resolve(null, decimal.Parse(goodsValue, System.Globalization.CultureInfo.InvariantCulture)).Value;

        Assert.Equal(((decimal)min, (decimal)max), (range.Min, range.Max));
    }

    [Fact]
    public void Fallback_WithoutThreshold_AppliesOnlyWithoutGain()
    {
        // 没有违法所得的，处五万元以下罚款; 有违法所得的，处违法所得一倍以上五倍以下罚款
        var range = FineRange.Multiple(FineBasis.IllegalGain, 1, 5).WithFallback(0, 50_000);

        Assert.Equal(50_000m, range.Resolve(0, null).Value.Max);
        Assert.Equal((1m, 5m), (range.Resolve(1, null).Value.Min, range.Resolve(1, null).Value.Max));
    }

    [Fact]
    public void Multiple_WithoutItsBase_IsAValidationErrorOnThatField()
    {
        AssertField(FiveToTenTimesGain.Resolve(null, 5_000).Error, "illegalGain", "discretion.base_required");
        AssertField(FoodSafety124.Resolve(5_000, null).Error, "goodsValue", "discretion.base_required");
    }

    [Fact]
    public void Multiple_WithNegativeBase_IsAValidationErrorOnThatField()
    {
        AssertField(FiveToTenTimesGain.Resolve(-1, null).Error, "illegalGain", "discretion.amount_negative");
        AssertField(FoodSafety124.Resolve(null, -0.01m).Error, "goodsValue", "discretion.amount_negative");
    }

    [Fact]
    public void Money_RoundsHalfAwayFromZero_AndWritesPlainDigits()
    {
        Assert.Equal(23_501m, Money.Yuan(23_500.5m));
        Assert.Equal(2m, Money.Yuan(1.5m));
        Assert.Equal("6172.8", Money.Format(6_172.80m));
        Assert.Equal("100000", Money.Format(100_000m));
    }

    internal static void AssertField(Error? error, string field, string code)
    {
        var validation = Assert.IsType<ValidationError>(error);
        Assert.Equal(code, Assert.Single(validation.Fields[field]).Code);
    }
}
