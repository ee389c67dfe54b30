using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Zhifa.Tests.Data;

/// <summary>
/// The scope filter is read past in one way only, <see cref="ScopeBypass.Unscoped{T}"/>, and every such read says why
/// in words. These tests read the source of <c>src/</c>: no <c>IgnoreQueryFilters</c> outside the kernel's
/// <c>Data/Scope.cs</c>, and no <c>Unscoped</c> call without a literal reason; the list of reasons is written to the
/// test output for review.
/// </summary>
public partial class ScopeBypassTests(ITestOutputHelper output)
{
    private const int MinReasonLength = 10;
    private static readonly string Root = FindRoot();
    private static readonly string Kernel = Path.Combine("src", "Zhifa.Core", "Data", "Scope.cs");

    [Fact]
    public void NothingButTheKernelIgnoresQueryFilters()
    {
        var offenders = Lines()
            .Where(x => x.File != Kernel && x.Text.Contains("IgnoreQueryFilters(", StringComparison.Ordinal))
            .Select(x => $"{x.File}:{x.Line}: {x.Text.Trim()}")
            .ToList();
        Assert.True(offenders.Count == 0, "Read past the scope with .Unscoped(\"reason\") instead:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void EveryUnscopedReadStatesItsReason()
    {
        var calls = Lines()
            .SelectMany(x => UnscopedCall().Matches(x.Text).Select(m => (x.File, x.Line,
                Reason: m.Groups["reason"].Success ? m.Groups["reason"].Value : null, Raw: m.Groups["raw"].Value.Trim())))
            .ToList();
        foreach (var c in calls.OrderBy(c => c.Reason, StringComparer.Ordinal).ThenBy(c => c.File, StringComparer.Ordinal).ThenBy(c => c.Line))
            output.WriteLine($"{c.File}:{c.Line}: {c.Reason ?? "(no literal reason: " + c.Raw + ")"}");
        output.WriteLine($"{calls.Count} reads past the scope, {calls.Select(c => c.Reason).Distinct().Count()} reasons.");

        Assert.NotEmpty(calls);
        var bad = calls.Where(c => c.Reason is null || c.Reason.Trim().Length < MinReasonLength)
            .Select(c => $"{c.File}:{c.Line}: {(c.Reason is null ? "no string-literal reason" : $"reason \"{c.Reason}\" is too short")}")
            .ToList();
        Assert.True(bad.Count == 0, $"Say in words (at least {MinReasonLength} characters, a string literal) why the scope is read past:\n" + string.Join("\n", bad));
    }

    private static IEnumerable<(string File, int Line, string Text)> Lines() =>
        Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .SelectMany(f => File.ReadAllLines(f).Select((text, i) => (File: Path.GetRelativePath(Root, f), Line: i + 1, Text: text)));

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Zhifa.slnx")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }

    /// <summary>A call <c>.Unscoped(…)</c>: its reason when it is one plain string literal, else whatever follows.</summary>
    [GeneratedRegex("""\.Unscoped\(\s*(?:"(?<reason>(?:[^"\\]|\\.)*)"\s*\)|(?<raw>[^)]*\)?))""")]
    private static partial Regex UnscopedCall();
}
