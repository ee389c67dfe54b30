using System.Text.RegularExpressions;
using Zhifa.Core.Catalogue;
using Zhifa.Core.Discretion;

namespace Zhifa.Tests.Discretion;

/// <summary>
/// Until the integrator moves them into the resource files, strings.tsv carries the texts of every code and enum
/// value the catalogue and discretion features introduce, in Chinese and English.
/// </summary>
public partial class StringsTests
{
    private static readonly string Root = FindRoot();
    private static readonly string[][] Rows = [.. File.ReadAllLines(Path.Combine(Root, "src/Zhifa.Core/Discretion/strings.tsv")).Select(l => l.Split('\t'))];

    [Fact]
    public void EveryRow_HasAKeyAChineseAndAnEnglishText()
    {
        Assert.All(Rows, r => Assert.True(r.Length == 3 && r.All(c => c.Trim().Length > 0), string.Join(" | ", r)));
        Assert.Equal(Rows.Length, Rows.Select(r => r[0]).Distinct().Count());
    }

    [Fact]
    public void EveryCodeOfTheFeatures_HasItsTexts()
    {
        var keys = Rows.Select(r => r[0]).ToHashSet();
        var codes = new[] { "Catalogue", "Discretion" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(Root, "src/Zhifa.Core", d), "*.cs"))
            .SelectMany(f => Code().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Distinct();

        var missing = codes.Where(c => !keys.Contains(c)).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void EveryEnumValueOfTheFeatures_HasItsTexts()
    {
        var keys = Rows.Select(r => r[0]).ToHashSet();
        Type[] enums = [typeof(ItemKind), typeof(VersionState), typeof(EvaluationResult), typeof(CleanupFindingKind), typeof(DiscretionTier),
            typeof(Circumstances), typeof(PenaltyKind), typeof(FineBasis), typeof(BenchmarkStatus), typeof(ListKind)];

        var missing = enums.SelectMany(e => Enum.GetNames(e).Select(n => $"enum.{e.Name}.{n}")).Where(k => !keys.Contains(k)).ToList();
        Assert.Empty(missing);
    }

    [GeneratedRegex("""
        "((?:catalogue|cleanup|benchmark|discretion|list)\.[a-z_]+)"
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
