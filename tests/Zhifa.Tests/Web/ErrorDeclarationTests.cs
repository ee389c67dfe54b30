using System.Text.RegularExpressions;

namespace Zhifa.Tests.Web;

/// <summary>
/// Expected failures are declared once, in each feature's Errors file (DESIGN.md): a call site names a factory
/// (<c>PersonnelErrors.CertificateRequiresPassedExam()</c>), never a free-standing code, and a rule violation names a
/// rule id of RULES.md.
/// </summary>
public partial class ErrorDeclarationTests
{
    private static readonly string Root = FindRoot();

    [Fact]
    public void NoErrorIsBuiltOutsideAnErrorsFile()
    {
        var offenders = Sources()
            .Where(f => !f.EndsWith("Errors.cs", StringComparison.Ordinal))
            .SelectMany(f => File.ReadAllLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(x => FreeStandingError().IsMatch(x.Text))
            .Select(x => $"{Path.GetRelativePath(Root, x.File)}:{x.Line}: {x.Text.Trim()}")
            .ToList();
        Assert.True(offenders.Count == 0, "Declare these in the feature's Errors file:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void EveryFeatureHasOneErrorsFile()
    {
        foreach (var feature in new[] { "Organizations/OrganizationErrors.cs", "Identity/IdentityErrors.cs", "Personnel/PersonnelErrors.cs",
            "Catalogue/CatalogueErrors.cs", "Discretion/DiscretionErrors.cs" })
            Assert.True(File.Exists(Path.Combine(Root, "src/Zhifa.Core", feature)), feature);
        var errorsFiles = Sources().Where(f => f.EndsWith("Errors.cs", StringComparison.Ordinal)).Select(Path.GetFileName).ToList();
        Assert.Equal(errorsFiles.Count, errorsFiles.Distinct().Count());
    }

    [Fact]
    public void EveryRuleViolationNamesARuleId()
    {
        var ids = Sources()
            .SelectMany(f => RuleIdLiteral().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Id: m.Groups["id"].Value)))
            .ToList();
        Assert.NotEmpty(ids);
        Assert.Contains(ids, x => x.Id == "ZFRY-CERT");
        var wrong = ids.Where(x => !RulesMdId().IsMatch(x.Id)).Select(x => $"{x.File}: {x.Id}").ToList();
        Assert.True(wrong.Count == 0, "Not a RULES.md rule id:\n" + string.Join("\n", wrong));
    }

    private static IEnumerable<string> Sources() =>
        new[] { "src/Zhifa.Core", "src/Zhifa.Web" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(Root, d), "*.*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal));

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Zhifa.slnx")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }

    /// <summary>
    /// An error of any kind built in place (also target-typed, <c>ConflictError X() =&gt; new("…")</c>), a field message
    /// or an import cell with a literal code, or ValidationError.For.
    /// </summary>
    [GeneratedRegex("""(ConflictError|RuleViolation|NotFoundError|ForbiddenError|UnauthorizedError|ThrottledError|ValidationError)\??\s+\w+\([^)]*\)\s*=>\s*new\s*\(|new\s+(ConflictError|RuleViolation|NotFoundError|ForbiddenError|UnauthorizedError|ThrottledError)\s*\(|ValidationError\.For\s*\(|new\s+FieldMessage\s*\(\s*"|new\s+ImportRowError\s*\([^;]*"[a-z_]+\.[a-z_]+"|RuleViolation\s*\(\s*\x22""")]
    private static partial Regex FreeStandingError();

    /// <summary>
    /// A rule id where a rule violation, an eligibility refusal or a rule-caused event is declared:
    /// <c>RuleViolation X() =&gt; new("ZFRY-CERT", …)</c>, <c>Deny("ZFRY-LEAVE", …)</c>, <c>ruleId: "ZFRY-LEAVE"</c>.
    /// </summary>
    [GeneratedRegex("""(?:RuleViolation\s+\w+\([^)]*\)\s*=>\s*new\(|Deny\(|ruleId:\s*)"(?<id>[^"]*)\x22""")]
    private static partial Regex RuleIdLiteral();

    /// <summary>The id families of RULES.md: XZCF-60, XZCF-STMT, CLJZ-LEVEL, SXZD-PUB7, ZFRY-CERT …</summary>
    [GeneratedRegex("^(XZCF|XZQZ|XZXK|YSGD|SXZD|CLJZ|SSJ|ZFRY)-[A-Z0-9]+$")]
    private static partial Regex RulesMdId();
}
