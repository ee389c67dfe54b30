using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Zhifa.Tests.Architecture;

/// <summary>
/// The module boundaries (DESIGN.md "A feature is a module"): Core never references Web; the kernel (Common, Data,
/// Modules, Demo) references no feature; features depend on each other without a cycle; and a feature reaches another
/// feature's entities only where the list below says why.
/// </summary>
public class BoundaryTests(ITestOutputHelper output)
{
    private static readonly string[] Kernel = ["Kernel", "Common", "Data", "Modules", "Demo", "Resources", "Components"];

    private static readonly Lazy<ArchUnitNET.Domain.Architecture> Zhifa = new(() => new ArchLoader()
        .LoadAssemblies(typeof(ZhifaDbContext).Assembly, typeof(Zhifa.Web.Modules.WebModule).Assembly).Build());

    /// <summary>
    /// Where a feature uses another feature's entity (a mapped type) directly, and why that is its public face. Every other
    /// use of another feature's entities goes through that feature's queries and services. A new entry needs a reason.
    /// </summary>
    private static readonly Dictionary<(string Feature, string Entity), string> EntityUses = new()
    {
        // The organisation tree is every feature's reference data: scope filters, owners, names and paths.
        [("*", "Organization")] = "the tree is what scope is made of: every feature filters, owns and names by it",
        [("*", "Region")] = "regions carry the settings and codes every feature applies by place",
        [("*", "EnforcementBody")] = "bodies own, issue and implement: every feature records which one",
        [("*", "OrgUnit")] = "units are where people sit: users and officers are placed in them",
        // A benchmark is made for one published version of an item and copies what it needs from it.
        [("Discretion", "CatalogueItem")] = "a benchmark is created for a published item and copies its code, name and kind",
        [("Discretion", "CatalogueItemVersion")] = "a benchmark refers to the version it was made for",
        // An account is tied to the person: its officer record.
        [("Identity", "Officer")] = "an enforcement officer's account links to their registry record (a foreign key and its picker)",
    };

    [Fact]
    public void Core_NeverReferencesWeb()
    {
        var offenders = CoreTypes().SelectMany(t => t.Dependencies.Select(d => d.Target))
            .Where(t => t.FullName.StartsWith("Zhifa.Web", StringComparison.Ordinal)).Select(t => t.FullName).Distinct().ToList();
        Assert.True(offenders.Count == 0, string.Join('\n', offenders));
    }

    [Fact]
    public void TheKernel_ReferencesNoFeature()
    {
        var offenders = CoreTypes().Concat(WebTypes())
            .Where(t => Kernel.Contains(FeatureOf(t)))
            .SelectMany(t => t.Dependencies.Select(d => (From: t.FullName, To: d.Target)))
            .Where(d => FeatureOf(d.To) is { } f && !Kernel.Contains(f) && !IsHostWiring(d.From))
            .Select(d => $"{d.From} -> {d.To.FullName}").Distinct().ToList();
        Assert.True(offenders.Count == 0, string.Join('\n', offenders));
    }

    [Fact]
    public void Features_DependOnEachOther_WithoutACycle()
    {
        var graph = FeatureGraph();
        foreach (var (from, to) in graph.OrderBy(g => g.Key))
            output.WriteLine($"{from} -> {string.Join(", ", to.Order())}");
        var cycles = new List<string>();
        foreach (var start in graph.Keys)
        {
            // A path back to the start through the graph is a cycle.
            var seen = new HashSet<string>();
            var stack = new Stack<(string Node, string Path)>([(start, start)]);
            while (stack.Count > 0)
            {
                var (node, path) = stack.Pop();
                foreach (var next in graph.GetValueOrDefault(node, []))
                {
                    if (next == start)
                        cycles.Add(path + " -> " + start);
                    else if (seen.Add(next))
                        stack.Push((next, path + " -> " + next));
                }
            }
        }
        Assert.True(cycles.Count == 0, string.Join('\n', cycles));
    }

    [Fact]
    public void AFeature_ReachesAnotherFeaturesEntities_OnlyWhereTheListSaysWhy()
    {
        var entities = MappedTypes();
        var uses = CoreTypes().Concat(WebTypes())
            .Where(t => FeatureOf(t) is { } f && !Kernel.Contains(f))
            .SelectMany(t => t.Dependencies.Select(d => (Feature: FeatureOf(t)!, From: t.FullName, To: d.Target)))
            .Where(d => entities.TryGetValue(d.To.FullName, out var owner) && owner != d.Feature)
            .ToList();
        var unexplained = uses
            .Where(u => !EntityUses.ContainsKey(("*", u.To.Name)) && !EntityUses.ContainsKey((u.Feature, u.To.Name)))
            .Select(u => $"{u.From} ({u.Feature}) uses {u.To.FullName}").Distinct().Order().ToList();
        Assert.True(unexplained.Count == 0, string.Join('\n', unexplained));
        // And the list holds nothing stale.
        var used = uses.Select(u => (u.Feature, u.To.Name)).ToHashSet();
        Assert.All(EntityUses.Keys.Where(k => k.Feature != "*"), k => Assert.Contains(k, used));
    }

    /// <summary>The host's own setup discovers the modules; it names a feature only to put authentication in the pipeline.</summary>
    private static bool IsHostWiring(string type) =>
        type.StartsWith("Zhifa.Web.Common.HostSetup", StringComparison.Ordinal) || type.StartsWith("Zhifa.Web.Components.", StringComparison.Ordinal);

    private static Dictionary<string, HashSet<string>> FeatureGraph()
    {
        var graph = new Dictionary<string, HashSet<string>>();
        foreach (var type in CoreTypes().Concat(WebTypes()))
        {
            if (FeatureOf(type) is not { } from || Kernel.Contains(from))
                continue;
            foreach (var to in type.Dependencies.Select(d => FeatureOf(d.Target)).OfType<string>().Where(f => f != from && !Kernel.Contains(f)))
            {
                if (!graph.TryGetValue(from, out var set))
                    graph[from] = set = [];
                set.Add(to);
            }
        }
        return graph;
    }

    /// <summary>Every mapped entity type and the feature that owns it.</summary>
    private static Dictionary<string, string> MappedTypes()
    {
        var options = new DbContextOptionsBuilder<ZhifaDbContext>().UseSqlite("Data Source=:memory:").Options;
        using var db = new ZhifaDbContext(options);
        return db.Model.GetEntityTypes().Select(e => e.ClrType).Where(t => FeatureOf(t.Namespace) is { } f && !Kernel.Contains(f))
            .ToDictionary(t => t.FullName!, t => FeatureOf(t.Namespace)!);
    }

    private static IEnumerable<IType> CoreTypes() => Zhifa.Value.Types.Where(t => t.FullName.StartsWith("Zhifa.Core.", StringComparison.Ordinal));

    private static IEnumerable<IType> WebTypes() => Zhifa.Value.Types.Where(t => t.FullName.StartsWith("Zhifa.Web.", StringComparison.Ordinal));

    private static string? FeatureOf(IType type) => FeatureOf(type?.Namespace?.FullName);

    /// <summary>The feature of a namespace: Zhifa.Core.Personnel.UseCases → Personnel; Zhifa.Web.Discretion → Discretion.</summary>
    private static string? FeatureOf(string? ns)
    {
        if (ns is null)
            return null;
        foreach (var root in new[] { "Zhifa.Core.", "Zhifa.Web." })
        {
            if (ns.StartsWith(root, StringComparison.Ordinal))
                return ns[root.Length..].Split('.')[0];
        }
        return ns is "Zhifa.Core" or "Zhifa.Web" ? "Kernel" : null;
    }
}
