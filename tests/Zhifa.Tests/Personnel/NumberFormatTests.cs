using Zhifa.Core.Common;
using Zhifa.Core.Personnel;

namespace Zhifa.Tests.Personnel;

public class NumberFormatTests
{
    private static CertificateNumberFormat Format(string pattern) => CertificateNumberFormat.Create(pattern).Value;

    [Theory]
    [InlineData("{region6}{year4}{seq5}", "140981202600001")]
    [InlineData("{region6}{year4}{seq4}", "14098120260001")]
    [InlineData("晋{region4}-{year2}-{seq6}", "晋1409-26-000001")]
    [InlineData("jz{seq3}", "JZ001")]
    public void Format_AndParse_RoundTrip(string pattern, string number)
    {
        var format = Format(pattern);
        Assert.Equal(number, format.Format("140981", 2026, 1));
        var parts = format.Parse(number.ToLowerInvariant())!;
        Assert.Equal(1, parts.Sequence);
        Assert.True(format.BelongsTo(parts, "140981"));
    }

    [Fact]
    public void Parse_GivesTheParts()
    {
        Assert.Equal(new CertificateNumberParts("140981", 2026, 123), Format(CertificateNumberFormat.DefaultPattern).Parse("140981202600123"));
        Assert.Equal(new CertificateNumberParts("1409", 2026, 7), Format("晋{region4}-{year2}-{seq6}").Parse("晋1409-26-000007"));
        Assert.Null(Format(CertificateNumberFormat.DefaultPattern).Parse("14098120260012"));
        Assert.Null(Format(CertificateNumberFormat.DefaultPattern).Parse("１40981202600123"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{region6}{year4}")]
    [InlineData("{seq5}{seq5}")]
    [InlineData("{region6}{year3}{seq5}")]
    [InlineData("{region6}{seq0}")]
    [InlineData("{region6}{seq10}")]
    [InlineData("{region6}{Seq5}")]
    [InlineData("{region6}{seq5")]
    [InlineData("{place6}{seq5}")]
    public void Create_RefusesABadPattern(string pattern)
    {
        var error = Assert.IsType<ValidationError>(CertificateNumberFormat.Create(pattern).Error);
        Assert.Equal("cert.number_pattern_invalid", Assert.Single(error.Fields["certificateNumberPattern"]).Code);
    }

    [Fact]
    public void Next_FollowsTheHighestOfTheRegionAndYear()
    {
        var format = Format(CertificateNumberFormat.DefaultPattern);
        string[] existing = ["140981202600007", "140981202600003", "140981202500099", "140982202600050", "garbage"];
        Assert.Equal("140981202600008", format.Next("140981", 2026, existing).Value);
        Assert.Equal("140981202700001", format.Next("140981", 2027, existing).Value);
        Assert.Equal("140981202600001", format.Next("140981", 2026, []).Value);
    }

    [Fact]
    public void Next_WhenTheSequenceRunsOut_IsAConflict()
    {
        var format = Format("{region6}{seq2}");
        Assert.Equal("cert.number_sequence_exhausted", Assert.IsType<ConflictError>(format.Next("140981", 2026, ["14098199"]).Error).Code);
    }

    [Fact]
    public void Of_AnInvalidSetting_IsABug() =>
        Assert.Throws<InvalidOperationException>(() => CertificateNumberFormat.Of(PersonnelSettings.Default with { CertificateNumberPattern = "{year4}" }));
}
