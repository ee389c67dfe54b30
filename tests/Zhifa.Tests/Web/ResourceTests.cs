using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Resources;
using System.Text;
using System.Text.RegularExpressions;
using Zhifa.Core.Identity;
using Zhifa.Web.Resources;

namespace Zhifa.Tests.Web;

/// <summary>
/// Every user-facing string comes from the shipped resources — one pair per feature (<c>&lt;Feature&gt;/Resources/Strings.resx</c>)
/// and the shell's (<c>Resources/Ui.resx</c>) — complete in Chinese and English, each key in one pair, used somewhere; pages carry no
/// literal text of their own. The resources are read from the built assembly and its English satellite, as they ship.
/// </summary>
public partial class ResourceTests
{
    private static readonly string[] Features = ["Organizations", "Identity", "Audit", "Personnel", "Catalogue", "Discretion", "Cases", "Calendar", "Parties", "Messages", "Records", "Inspections"];
    private static readonly Assembly Web = typeof(Ui).Assembly;
    private static readonly string Root = FindRoot();

    /// <summary>Base name → (Chinese, English) as shipped: the neutral resources and the <c>en</c> satellite.</summary>
    private static readonly Dictionary<string, (Dictionary<string, string> Chinese, Dictionary<string, string> English)> Pairs =
        UiStringLocalizer.BaseNames(Web).ToDictionary(n => n, n =>
        {
            var manager = new ResourceManager(n, Web);
            return (Read(manager, CultureInfo.InvariantCulture), Read(manager, CultureInfo.GetCultureInfo("en")));
        });

    private static readonly HashSet<string> Keys = [.. Pairs.Values.SelectMany(p => p.Chinese.Keys.Concat(p.English.Keys))];

    /// <summary>The C# and Razor sources of the application, comments removed.</summary>
    private static readonly Dictionary<string, string> Sources = Files("src", "*.cs").Concat(Files("src", "*.razor"))
        .Where(f => !f.Contains("/Zhifa.Migrations.", StringComparison.Ordinal))
        .ToDictionary(f => Path.GetRelativePath(Root, f), f => WithoutComments(File.ReadAllText(f)));

    /// <summary>
    /// Pages that may show literal text, and why. Everything else a page shows comes from the resources.
    /// </summary>
    private static readonly Dictionary<(string Page, string Text), string> AllowedLiterals = new()
    {
        [("src/Zhifa.Web/Components/Shared/LanguageSwitch.razor", "中文")] = "the language switch names each language in that language",
        [("src/Zhifa.Web/Components/Shared/LanguageSwitch.razor", "English")] = "the language switch names each language in that language",
    };

    [Fact]
    public void TheShellAndEveryFeature_ShipAPair_InChineseAndEnglish()
    {
        string[] expected = ["Zhifa.Web.Resources.Ui", .. Features.Select(f => $"Zhifa.Web.{f}.Resources.Strings")];
        Assert.Equal(expected.Order(StringComparer.Ordinal), Pairs.Keys.Order(StringComparer.Ordinal));
        Assert.All(Pairs, p => Assert.True(p.Value.Chinese.Count > 0 && p.Value.English.Count > 0, $"{p.Key} is empty in one language"));

        // Every resx of the source tree is one of them: none is left out of the build or misplaced.
        var files = Files("src/Zhifa.Web", "*.resx").Select(f => Path.GetRelativePath(Root, f)).ToList();
        Assert.Equal(expected.Length * 2, files.Count);
    }

    [Fact]
    public void EveryKey_IsInBothLanguages_WithText()
    {
        var problems = Pairs.SelectMany(p =>
                p.Value.Chinese.Keys.Except(p.Value.English.Keys).Select(k => $"{p.Key}: {k} only in Chinese")
                    .Concat(p.Value.English.Keys.Except(p.Value.Chinese.Keys).Select(k => $"{p.Key}: {k} only in English"))
                    .Concat(p.Value.Chinese.Concat(p.Value.English).Where(kv => string.IsNullOrWhiteSpace(kv.Value)).Select(kv => $"{p.Key}: {kv.Key} has no text")))
            .ToList();
        Assert.Empty(problems);
    }

    [Fact]
    public void NoKey_IsDefinedInTwoPairs()
    {
        var twice = Pairs.SelectMany(p => p.Value.Chinese.Keys.Union(p.Value.English.Keys).Select(k => (Key: k, Pair: p.Key)))
            .GroupBy(x => x.Key).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(x => x.Pair))}").ToList();
        Assert.Empty(twice);
    }

    [Fact]
    public void TheLocalizer_AnswersFromEveryPair_InTheCurrentCulture()
    {
        var localizer = new UiStringLocalizer();
        var before = CultureInfo.CurrentUICulture;
        try
        {
            foreach (var (name, (chinese, english)) in Pairs)
            {
                var key = chinese.Keys.First();
                CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
                Assert.Equal(chinese[key], localizer[key].Value);
                Assert.Equal(name, localizer[key].SearchedLocation);
                CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
                Assert.Equal(english[key], localizer[key].Value);
                Assert.False(localizer[key].ResourceNotFound);
            }

            Assert.Equal(Keys.Count, localizer.GetAllStrings(includeParentCultures: true).Count());
            Assert.Equal("Sort by Name", localizer["list.sort_by", "Name"].Value);
            var missing = localizer["no.such_key"];
            Assert.True(missing.ResourceNotFound);
            Assert.Equal("no.such_key", missing.Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void EveryKeyUsedInPagesAndCode_Exists()
    {
        var missing = Sources.Where(s => s.Key.StartsWith("src/Zhifa.Web/", StringComparison.Ordinal))
            .SelectMany(s => UsedKey().Matches(s.Value).Select(m => (File: s.Key, Key: m.Groups[1].Value)))
            .Where(x => !Keys.Contains(x.Key))
            .Distinct().ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void EveryErrorCodeOfCore_HasAMessage()
    {
        var core = Sources.Where(s => s.Key.StartsWith("src/Zhifa.Core/", StringComparison.Ordinal)).Select(s => s.Value).ToList();
        var codes = core.SelectMany(t => ErrorCode().Matches(t).Concat(FeatureCode().Matches(t)).Select(m => m.Groups[1].Value))
            .Where(c => !Permissions.IsKnown(c)).Distinct().ToList();
        Assert.True(codes.Count > 100, $"only {codes.Count} codes found");
        var missing = codes.Where(c => !Keys.Contains(c)).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void EveryEnumValueShownToPeople_HasAName()
    {
        Type[] shown =
        [
            typeof(Zhifa.Core.Organizations.OrganizationKind), typeof(Zhifa.Core.Organizations.RegionLevel), typeof(Zhifa.Core.Organizations.BodyKind),
            typeof(Zhifa.Core.Organizations.Sector), typeof(Zhifa.Core.Organizations.LegalStatus), typeof(DataScopeKind),
            typeof(Zhifa.Core.Personnel.EmploymentStatus), typeof(Zhifa.Core.Personnel.CertificateStatus), typeof(Zhifa.Core.Personnel.CertificateEventKind),
            typeof(Zhifa.Core.Personnel.TrainingCategory), typeof(Zhifa.Core.Personnel.AssessmentGrade), typeof(Zhifa.Core.Personnel.UseCases.CertificateAction),
            typeof(Zhifa.Core.Catalogue.ItemKind), typeof(Zhifa.Core.Catalogue.VersionState), typeof(Zhifa.Core.Catalogue.EvaluationResult),
            typeof(Zhifa.Core.Catalogue.CleanupFindingKind), typeof(Zhifa.Core.Discretion.DiscretionTier), typeof(Zhifa.Core.Discretion.Circumstances),
            typeof(Zhifa.Core.Discretion.PenaltyKind), typeof(Zhifa.Core.Discretion.FineBasis), typeof(Zhifa.Core.Discretion.BenchmarkStatus),
            typeof(Zhifa.Core.Discretion.ListKind), typeof(Zhifa.Core.Calendar.ScheduleDayKind), typeof(Zhifa.Core.Calendar.PeriodUnit),
            typeof(Zhifa.Core.Calendar.ScheduleChangeKind), typeof(Zhifa.Core.Records.EvidenceKind), typeof(Zhifa.Core.Inspections.InspectionState),
            typeof(Zhifa.Core.Inspections.FindingResult), typeof(Zhifa.Core.Inspections.DrawState), typeof(Zhifa.Core.Inspections.UseCases.InspectionListView),
        ];

        // Those listed, and every enum one of whose values has a name: all its values need one.
        var named = Keys.Where(k => k.StartsWith("enum.", StringComparison.Ordinal)).Select(k => k.Split('.')[1]).ToHashSet();
        var missing = shown.Concat(Enums.Values.Where(e => named.Contains(e.Name))).Distinct()
            .SelectMany(e => Enum.GetNames(e).Select(n => $"enum.{e.Name}.{n}")).Where(k => !Keys.Contains(k)).ToList();
        Assert.Empty(missing);
    }

    /// <summary>
    /// A key is used when it appears as a string literal in the sources, or when a dynamic key built in the sources
    /// (<c>$"prefix{...}"</c>, <c>"prefix" + ...</c>) produces it for a value that exists.
    /// </summary>
    private static Type? CoreType(string name) =>
        typeof(Zhifa.Core.Data.ZhifaDbContext).Assembly.GetTypes().FirstOrDefault(t => t.Name == name && !t.IsNested);

    [Fact]
    public void NoKey_IsUnused()
    {
        var all = string.Join('\n', Sources.Values);
        var prefixes = DynamicKey().Matches(all).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value).ToHashSet();
        var kinds = Enum.GetNames<Zhifa.Core.Organizations.OrganizationKind>();
        var entities = NotFoundEntity().Matches(all).Select(m => m.Groups[1].Value).ToHashSet();
        var roles = RoleTemplates.All.Select(r => r.Code).ToHashSet();

        bool Produced(string key)
        {
            var prefix = prefixes.Where(p => key.StartsWith(p, StringComparison.Ordinal) && key.Length > p.Length).MaxBy(p => p.Length);
            if (prefix is null)
                return false;
            var rest = key[prefix.Length..];
            if (key.StartsWith("enum.", StringComparison.Ordinal))
                return key.Split('.') is [_, var type, var value] && Enums.TryGetValue(type, out var e) && Enum.GetNames(e).Contains(value);
            return prefix switch
            {
                "perm." => Permissions.IsKnown(rest),
                "role." => roles.Contains(rest),
                "entity." => entities.Contains(rest),
                "orgs.new_" => kinds.Any(k => k.ToLowerInvariant() == rest),
                "orgs.add_child." or "orgs.parent_hint." => kinds.Contains(rest),
                "range.multiple." => Enum.GetNames<Zhifa.Core.Discretion.FineBasis>().Contains(rest),
                // The audit log names entity types and their fields: a name for a type or property that exists.
                "audit.entity." => CoreType(rest) is not null,
                "audit.field." => rest.Split('.') is [var type, var field] && CoreType(type)?.GetProperty(field) is not null,
                // home.todo_{key}, outcome.{code}, audit.action.{state}, cat.history.{event}, catalogue.col.{column}, …:
                // the value is a literal of the sources.
                _ => all.Contains($"\"{rest}\"", StringComparison.Ordinal),
            };
        }

        var unused = Keys.Where(k => !all.Contains($"\"{k}\"", StringComparison.Ordinal) && !Produced(k)).Order(StringComparer.Ordinal).ToList();
        None(unused, "unused keys");
    }

    [Fact]
    public void NoPage_ShowsALiteral()
    {
        var found = new List<string>();
        foreach (var file in Files("src/Zhifa.Web", "*.razor"))
        {
            var page = Path.GetRelativePath(Root, file);
            var markup = WithoutExpressions(Markup(File.ReadAllText(file)));
            var lines = markup.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (Match m in TextBetweenTags().Matches(lines[i]))
                {
                    if (!Braces().IsMatch(m.Groups[1].Value))
                        Report(page, i, "text", m.Groups[1].Value.Trim());
                }

                foreach (Match m in ShownAttribute().Matches(lines[i]))
                    Report(page, i, m.Groups[1].Value, m.Groups[2].Value);
                foreach (Match m in ButtonValue().Matches(lines[i]))
                {
                    // An input button shows its value; <button name="action" value="save"> sends a command and shows nothing.
                    var shown = m.Groups[1].Value == "input"
                        ? InputButton().IsMatch(m.Value)
                        : !CommandValue().IsMatch(m.Groups[2].Value);
                    if (shown)
                        Report(page, i, "value", m.Groups[2].Value);
                }
            }

            // Text between two tags on other lines.
            foreach (Match m in TextBetweenTags().Matches(markup))
            {
                if (!m.Groups[1].Value.Contains('\n', StringComparison.Ordinal))
                    continue;
                foreach (var line in m.Groups[1].Value.Split('\n').Select(l => l.Trim()))
                {
                    if (!CSharpLine().IsMatch(line))
                        Report(page, -1, "text", line);
                }
            }

            // Chinese anywhere in a page, code included, is text for people.
            foreach (Match m in Chinese().Matches(WithoutComments(Markup(File.ReadAllText(file), keepCode: true))))
                Report(page, -1, "Chinese", m.Value);
        }

        None(found.Distinct(), "literal text in pages (move it into the resources, or allow it with a reason)");

        void Report(string page, int line, string what, string text)
        {
            if (Word().IsMatch(text) && !AllowedLiterals.ContainsKey((page, text)))
                found.Add($"{page}{(line >= 0 ? $":{line + 1}" : "")}: {what} \"{text}\"");
        }
    }

    private static void None(IEnumerable<string> problems, string what)
    {
        var list = problems.ToList();
        Assert.True(list.Count == 0, $"{list.Count} {what}:\n  {string.Join("\n  ", list)}");
    }

    /// <summary>The enums of Core and Web by name.</summary>
    private static readonly Dictionary<string, Type> Enums = typeof(Permissions).Assembly.GetTypes().Concat(Web.GetTypes())
        .Where(t => t.IsEnum && (t.IsPublic || t.IsNestedPublic)).GroupBy(t => t.Name).ToDictionary(g => g.Key, g => g.First());

    private static Dictionary<string, string> Read(ResourceManager manager, CultureInfo culture)
    {
        var set = manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"{manager.BaseName} ships no {(culture.Name.Length == 0 ? "neutral" : culture.Name)} resources.");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => e.Value as string ?? "");
    }

    /// <summary>A page without its comments, directives and <c>@code</c> block (unless <paramref name="keepCode"/>).</summary>
    private static string Markup(string page, bool keepCode = false)
    {
        page = RazorComment().Replace(page, m => new string('\n', m.Value.Count(c => c == '\n')));
        page = Directive().Replace(page, "");
        if (!keepCode && CodeBlock().Match(page) is { Success: true } code)
            page = page[..code.Index];
        return page;
    }

    /// <summary>Replaces Razor expressions (<c>@x.Y(z)[w]</c>, <c>@(...)</c>, <c>@{...}</c>, <c>@if (...)</c>) by a space.</summary>
    private static string WithoutExpressions(string t)
    {
        var sb = new StringBuilder(t.Length);
        var i = 0;
        while (i < t.Length)
        {
            if (t[i] != '@')
            {
                sb.Append(t[i++]);
                continue;
            }

            var j = i + 1;
            if (j < t.Length && t[j] == '@')
            {
                sb.Append('@');
                i = j + 1;
                continue;
            }

            if (j < t.Length && t[j] is '(' or '{')
            {
                i = Balanced(t, j);
                sb.Append(' ');
                continue;
            }

            var word = Identifier().Match(t, j);
            if (!word.Success || word.Index != j)
            {
                sb.Append(t[i++]);
                continue;
            }

            j += word.Length;
            if (word.Value is "if" or "foreach" or "for" or "while" or "switch" or "using" or "lock")
            {
                while (j < t.Length && t[j] == ' ')
                    j++;
                if (j < t.Length && t[j] == '(')
                    j = Balanced(t, j);
            }
            else
            {
                while (j < t.Length)
                {
                    if (t[j] == '.' && j + 1 < t.Length && (char.IsLetter(t[j + 1]) || t[j + 1] == '_'))
                        j += 1 + Identifier().Match(t, j + 1).Length;
                    else if (t[j] is '?' or '!' && j + 1 < t.Length && t[j + 1] == '.')
                        j++;
                    else if (t[j] is '(' or '[')
                        j = Balanced(t, j);
                    else if (t[j] == '<' && TypeArguments().Match(t, j) is { Success: true } generic && generic.Index == j)
                        j += generic.Length - 1;
                    else
                        break;
                }
            }

            sb.Append(' ');
            i = j;
        }

        return sb.ToString();
    }

    /// <summary>The index after the bracket closing the one at <paramref name="start"/>, skipping C# strings.</summary>
    private static int Balanced(string t, int start)
    {
        var open = t[start];
        var close = open switch { '(' => ')', '[' => ']', _ => '}' };
        var depth = 0;
        char? quote = null;
        for (var i = start; i < t.Length; i++)
        {
            var c = t[i];
            if (quote is not null)
            {
                if (c == '\\')
                    i++;
                else if (c == quote)
                    quote = null;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == open)
            {
                depth++;
            }
            else if (c == close && --depth == 0)
            {
                return i + 1;
            }
        }

        return t.Length;
    }

    private static string WithoutComments(string source) => LineComment().Replace(RazorComment().Replace(source, ""), "");

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

    /// <summary>A key looked up in a page or in code: <c>L["key"]</c>, <c>l["key", …]</c>, <c>Localizer["key"]</c>.</summary>
    [GeneratedRegex("""\b(?:L|l|Localizer)\["([a-zA-Z0-9_.]+)"[\],]""")]
    private static partial Regex UsedKey();

    /// <summary>Codes passed to ValidationError.For, ConflictError and RuleViolation.</summary>
    [GeneratedRegex("""(?:For\("[a-zA-Z]+", |ConflictError\(|RuleViolation\("[A-Z0-9-]+", )"([a-z_]+\.[a-z_]+)""")]
    private static partial Regex ErrorCode();

    /// <summary>The codes of the Personnel, Parties, Catalogue and Discretion features, wherever Core names them.</summary>
    [GeneratedRegex("""
        "((?:cert|officer|exam|training|eligibility|id_number|assessment|personnel|settings|catalogue|cleanup|benchmark|discretion|list|party)\.[a-z_]+)"
        """)]
    private static partial Regex FeatureCode();

    /// <summary>A key built at run time: <c>$"prefix.{…}"</c> or <c>"prefix." + …</c>.</summary>
    [GeneratedRegex("""\$"([a-z][a-zA-Z0-9_.]*[._])\{|"([a-z][a-zA-Z0-9_.]*[._])"\s*\+""")]
    private static partial Regex DynamicKey();

    /// <summary>An entity named by a not-found error: <c>NotFoundError("x")</c>, or a factory <c>NotFoundError XNotFound() => new("x")</c>.</summary>
    [GeneratedRegex("""NotFoundError(?:\(| \w+\([^)]*\) => new\()"([a-z_]+)"[,)]""")]
    private static partial Regex NotFoundEntity();

    [GeneratedRegex(@"@\*.*?\*@", RegexOptions.Singleline)]
    private static partial Regex RazorComment();

    [GeneratedRegex(@"^\s*///?.*$", RegexOptions.Multiline)]
    private static partial Regex LineComment();

    [GeneratedRegex(@"^@(?:page|inject|using|attribute|layout|implements|inherits|namespace|typeparam|rendermode|model)\b.*$", RegexOptions.Multiline)]
    private static partial Regex Directive();

    [GeneratedRegex(@"^@(?:code|functions)\b", RegexOptions.Multiline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex Identifier();

    /// <summary>The type arguments of a generic method call: <c>&lt;TrainingCategory&gt;(</c>.</summary>
    [GeneratedRegex(@"<[A-Z][A-Za-z0-9_.,<> ]*>\(")]
    private static partial Regex TypeArguments();

    [GeneratedRegex(@">([^<>]*)<")]
    private static partial Regex TextBetweenTags();

    [GeneratedRegex(@"\b(placeholder|title|aria-label|alt|Title|Subtitle|Text|Label)=""([^""]*)""")]
    private static partial Regex ShownAttribute();

    [GeneratedRegex("""<(button|input)\b[^>]*?\bvalue="([^"]*)"[^>]*>""")]
    private static partial Regex ButtonValue();

    [GeneratedRegex(@"\btype=""(?:submit|button|reset)""")]
    private static partial Regex InputButton();

    /// <summary>The braces of C# blocks around markup on one line: <c>} else {</c>, <c>} else if (...) {</c>.</summary>
    [GeneratedRegex(@"^[{}\s]*(?:else(?:\s+if\s*\(.*\))?)?[{}\s]*$")]
    private static partial Regex Braces();

    /// <summary>A command a button sends (<c>save</c>, <c>add-basis</c>), not text.</summary>
    [GeneratedRegex(@"^[a-z][a-z0-9_-]*$")]
    private static partial Regex CommandValue();

    /// <summary>A line of C# between two tags: braces, statements, <c>else</c>.</summary>
    [GeneratedRegex(@"^$|[{};=()]|^(?:else|try|finally|do)$")]
    private static partial Regex CSharpLine();

    [GeneratedRegex(@"[A-Za-z\p{IsCJKUnifiedIdeographs}\p{IsCJKUnifiedIdeographsExtensionA}]")]
    private static partial Regex Word();

    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}\p{IsCJKUnifiedIdeographsExtensionA}]+")]
    private static partial Regex Chinese();
}
