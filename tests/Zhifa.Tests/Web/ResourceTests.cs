using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Zhifa.Tests.Web;

/// <summary>Every user-facing string comes from resources, complete in Chinese and English.</summary>
public partial class ResourceTests
{
    private static readonly string Root = FindRoot();
    private static readonly Dictionary<string, string> Chinese = Load("Ui.resx");
    private static readonly Dictionary<string, string> English = Load("Ui.en.resx");

    [Fact]
    public void ChineseAndEnglish_HaveTheSameKeys_AndNoEmptyText()
    {
        Assert.Empty(Chinese.Keys.Except(English.Keys));
        Assert.Empty(English.Keys.Except(Chinese.Keys));
        Assert.DoesNotContain(Chinese, kv => string.IsNullOrWhiteSpace(kv.Value));
        Assert.DoesNotContain(English, kv => string.IsNullOrWhiteSpace(kv.Value));
    }

    [Fact]
    public void EveryKeyUsedInPages_Exists()
    {
        var missing = Files("src/Zhifa.Web", "*.razor")
            .SelectMany(f => RazorKey().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value)))
            .Where(x => !x.Key.Contains('{', StringComparison.Ordinal) && !Chinese.ContainsKey(x.Key))
            .ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void EveryErrorCodeOfCore_HasAMessage()
    {
        var codes = Files("src/Zhifa.Core", "*Errors.cs")
            .SelectMany(f => ErrorCode().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Distinct().ToList();
        Assert.NotEmpty(codes);
        Assert.DoesNotContain(codes, c => !Chinese.ContainsKey(c));
    }

    [Fact]
    public void EveryEnumValueShownToPeople_HasAName()
    {
        var enums = new[] { typeof(Zhifa.Core.Organizations.OrganizationKind), typeof(Zhifa.Core.Organizations.RegionLevel),
            typeof(Zhifa.Core.Organizations.BodyKind), typeof(Zhifa.Core.Organizations.Sector), typeof(Zhifa.Core.Organizations.LegalStatus) };
        var missing = enums.SelectMany(e => Enum.GetNames(e).Select(n => $"enum.{e.Name}.{n}")).Where(k => !Chinese.ContainsKey(k)).ToList();
        Assert.Empty(missing);
    }

    private static Dictionary<string, string> Load(string file) =>
        XDocument.Load(Path.Combine(Root, "src/Zhifa.Web/Resources", file)).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")?.Value ?? "");

    private static IEnumerable<string> Files(string dir, string pattern) =>
        Directory.EnumerateFiles(Path.Combine(Root, dir), pattern, SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal));

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Zhifa.slnx")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }

    [GeneratedRegex("""L\["([a-zA-Z0-9_.]+)"[\],]""")]
    private static partial Regex RazorKey();

    /// <summary>Codes the feature Errors files pass to ValidationError.For, and to the constructors of the other kinds (a rule violation after its rule id).</summary>
    [GeneratedRegex("""(?:For\((?:field|"[a-zA-Z]+"), |new\((?:"[A-Z0-9-]+", )?)"([a-z_]+\.[a-z_]+)""")]
    private static partial Regex ErrorCode();
}
