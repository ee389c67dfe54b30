using System.Text.RegularExpressions;
using Zhifa.Core.Personnel;

namespace Zhifa.Tests.Personnel;

/// <summary>strings.tsv lists every code and enum name of Personnel, for the resource files.</summary>
public partial class StringsTests
{
    private static readonly string Dir = Path.Combine(FindRoot(), "src/Zhifa.Core/Personnel");

    private static readonly string[][] Rows = [.. File.ReadAllLines(Path.Combine(Dir, "strings.tsv")).Where(l => l.Length > 0).Select(l => l.Split('\t'))];

    [Fact]
    public void Rows_HaveKeyChineseAndEnglish_AndUniqueKeys()
    {
        Assert.All(Rows, r => Assert.True(r.Length == 3 && r.All(c => c.Trim().Length > 0), string.Join(" | ", r)));
        Assert.Equal(Rows.Length, Rows.Select(r => r[0]).Distinct().Count());
    }

    [Fact]
    public void EveryCodeInThePersonnelSources_IsListed()
    {
        var codes = Directory.EnumerateFiles(Dir, "*.cs")
            .SelectMany(f => Code().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Distinct().ToList();
        Assert.True(codes.Count > 40, $"only {codes.Count} codes found");
        Assert.Empty(codes.Except(Rows.Select(r => r[0])));
    }

    [Fact]
    public void EveryEnumValue_IsListed()
    {
        var keys = new[] { typeof(EmploymentStatus), typeof(CertificateStatus), typeof(CertificateEventKind), typeof(TrainingCategory), typeof(AssessmentGrade) }
            .SelectMany(e => Enum.GetNames(e).Select(n => $"enum.{e.Name}.{n}"));
        Assert.Empty(keys.Except(Rows.Select(r => r[0])));
    }

    [GeneratedRegex("""
        "((?:cert|officer|exam|training|eligibility|id_number|assessment|personnel|settings)\.[a-z_]+)"
        """)]
    private static partial Regex Code();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Zhifa.slnx")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}
