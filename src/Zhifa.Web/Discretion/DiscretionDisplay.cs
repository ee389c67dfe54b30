using System.Globalization;
using Microsoft.Extensions.Localization;
using Zhifa.Core.Discretion;
using Zhifa.Web.Catalogue;
using Zhifa.Web.Common;

namespace Zhifa.Web.Discretion;

/// <summary>How benchmark values are shown: ranges in words, circumstances, penalty kinds, status and tier colours.</summary>
public static class DiscretionDisplay
{
    /// <summary>A fine range as the benchmark states it: “10,000 至 100,000 元”, multiples of the base with the fallback, or “每平方米 100 至 1000 元”.</summary>
    public static string Range(IStringLocalizer l, FineRange? range)
    {
        ArgumentNullException.ThrowIfNull(l);
        if (range is null)
            return "—";
        if (!range.IsMultiple)
            return l["range.fixed", CatalogueDisplay.Amount(range.MinAmount!.Value), CatalogueDisplay.Amount(range.MaxAmount!.Value)];
        // Multiples as plain numbers; a per-unit range's rates are yuan, with thousands separators.
        Func<decimal, string> number = range.IsPerUnit ? CatalogueDisplay.Amount : CatalogueDisplay.Number;
        var text = l[$"range.multiple.{range.Basis}", number(range.MinMultiple!.Value), number(range.MaxMultiple!.Value),
            range.Unit is { } unit ? Display.Enum(l, unit) : ""].Value;
        if (range.MinAmount is { } min)
        {
            var fallback = l["range.fixed", CatalogueDisplay.Amount(min), CatalogueDisplay.Amount(range.MaxAmount!.Value)].Value;
            text += range.FallbackBelow is { } below ? l["range.fallback_below", CatalogueDisplay.Amount(below), fallback] : l["range.fallback_zero", fallback];
        }
        return text;
    }

    public static string Resolved(IStringLocalizer l, ResolvedRange? range)
    {
        ArgumentNullException.ThrowIfNull(l);
        return range is null ? "—" : l["range.fixed", CatalogueDisplay.Amount(range.Min), CatalogueDisplay.Amount(range.Max)];
    }

    public static string Circumstances(IStringLocalizer l, Zhifa.Core.Discretion.Circumstances flags)
    {
        var names = Enum.GetValues<Zhifa.Core.Discretion.Circumstances>().Where(c => c != Zhifa.Core.Discretion.Circumstances.None && flags.HasFlag(c))
            .Select(c => Display.Enum(l, c)).ToList();
        return names.Count == 0 ? Display.Enum(l, Zhifa.Core.Discretion.Circumstances.None) : string.Join(" + ", names);
    }

    public static string Kinds(IStringLocalizer l, IEnumerable<PenaltyKind> kinds) => string.Join("、", kinds.Select(k => Display.Enum(l, k)));

    public static string Tone(BenchmarkStatus status) => status switch
    {
        BenchmarkStatus.Filed or BenchmarkStatus.Approved => "blue",
        BenchmarkStatus.Published => "green",
        _ => "grey",
    };

    public static string Tone(DiscretionTier tier) => tier switch
    {
        DiscretionTier.NoPenalty or DiscretionTier.MayNotPenalize => "green",
        DiscretionTier.Mitigated or DiscretionTier.Lighter => "blue",
        DiscretionTier.Heavier => "orange",
        _ => "grey",
    };
}
