using Zhifa.Core.Organizations;

namespace Zhifa.Tests.Organizations;

public class CodeTests
{
    [Theory]
    [InlineData("140000", RegionLevel.Province)]
    [InlineData("140900", RegionLevel.City)]
    [InlineData("140981", RegionLevel.County)]
    [InlineData("429004", RegionLevel.County)]
    [InlineData("140981100", RegionLevel.Township)]
    [InlineData("110101001", RegionLevel.Township)]
    public void RegionCode_WellFormed_HasItsLevel(string code, RegionLevel level) => Assert.Equal(level, RegionCode.LevelOf(code));

    [Theory]
    [InlineData("")]
    [InlineData("14000")]
    [InlineData("1400000")]
    [InlineData("990000")]
    [InlineData("14o981")]
    [InlineData("140981000")]
    [InlineData("140900100")]
    [InlineData(" 140981")]
    public void RegionCode_Malformed_HasNoLevel(string code) => Assert.Null(RegionCode.LevelOf(code));

    [Theory]
    [InlineData("91350100M000100Y43")]
    [InlineData("91110000600037341L")]
    public void CreditCode_PublishedExamples_AreValid(string code) => Assert.True(CreditCode.IsValid(code));

    [Theory]
    [InlineData("91350100M000100Y44")]
    [InlineData("91350100M000100Y4")]
    [InlineData("91350100I000100Y43")]
    [InlineData("")]
    public void CreditCode_Wrong_IsInvalid(string code) => Assert.False(CreditCode.IsValid(code));

    [Fact]
    public void CreditCode_WithCheck_ProducesAValidCode()
    {
        var code = CreditCode.WithCheck("11140981MB1234567");
        Assert.Equal(18, code.Length);
        Assert.True(CreditCode.IsValid(code));
        Assert.True(CreditCode.IsValid(code.ToLowerInvariant()), "input is normalised to upper case");
    }

    [Fact]
    public void Placement_CountyMayHangDirectlyUnderItsProvince()
    {
        var hubei = RegionFor("420000");
        Assert.Null(OrganizationRules.CheckRegionPlacement("429004", RegionLevel.County, hubei));
        Assert.NotNull(OrganizationRules.CheckRegionPlacement("140981100", RegionLevel.Township, hubei));
        Assert.NotNull(OrganizationRules.CheckRegionPlacement("140900", RegionLevel.City, null));
        Assert.Null(OrganizationRules.CheckRegionPlacement("140000", RegionLevel.Province, null));
    }

    private static Region RegionFor(string code) =>
        new(Guid.NewGuid(), "省", code, RegionCode.LevelOf(code)!.Value, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
}
