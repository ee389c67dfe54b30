using Microsoft.Extensions.Localization;
using Zhifa.Core.Discretion;
using Zhifa.Web.Catalogue;
using Zhifa.Web.Common;

namespace Zhifa.Web.Discretion;

/// <summary>The published lists as an Excel sheet in the reader's language.</summary>
public static class DiscretionSheets
{
    public static byte[] Lists(IStringLocalizer l, ListSetDto set, ListKind? only)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(set);
        string[] header = [l["list.col.list"], l["list.col.code"], l["list.col.item"], l["list.col.tier"], l["list.col.condition"],
            l["list.col.penalties"], l["list.col.range"], l["list.col.level"], l["list.col.annotation"]];
        var rows = set.Lists.Where(x => only is null || x.List == only).SelectMany(x => x.Entries.Where(e => !e.Excluded).Select(e => (IReadOnlyList<string?>)
        [
            Display.Enum(l, e.List), e.ItemCode, e.ItemName, e.Tier is { } t ? Display.Enum(l, t) : "", e.ConditionText,
            string.Join("、", e.PenaltyKinds.Select(k => Display.Enum(l, k))), DiscretionDisplay.Range(l, e.Range), Display.Enum(l, e.Level), e.Annotation,
        ]));
        return Xlsx.Write(l["list.sheet"], header, rows);
    }

    /// <summary>The filtered benchmark list, one row per benchmark, in the list's order.</summary>
    public static byte[] Benchmarks(IStringLocalizer l, IReadOnlyList<BenchmarkSummary> benchmarks)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(benchmarks);
        string[] header = [l["bm.title"], l["cat.code"], l["bm.item"], l["bm.issuer"], l["bm.level"], l["bm.status"], l["cat.effective_from"]];
        var rows = benchmarks.Select(b => (IReadOnlyList<string?>)
        [
            b.Title, b.ItemCode, b.ItemName, b.Issuer.Name, Display.Enum(l, b.Level), Display.Enum(l, b.Status), b.EffectiveFrom is { } d ? Display.Date(d) : "",
        ]);
        return Xlsx.Write(l["nav.benchmarks"], header, rows);
    }
}
