using System.Globalization;
using Microsoft.Extensions.Localization;
using Zhifa.Core.Catalogue;
using Zhifa.Core.Discretion;
using Zhifa.Web.Common;

namespace Zhifa.Web.Catalogue;

/// <summary>How the catalogue's and the benchmarks' values are shown: amounts with separators, ranges in words, state colours.</summary>
public static class CatalogueDisplay
{
    /// <summary>Messages of a refused action by field, a rule violation naming its rule (“CLJZ-LEVEL：…”).</summary>
    public static Dictionary<string, string[]> Errors(IStringLocalizer l, Zhifa.Core.Common.Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var messages = Problems.FieldMessages(l, error);
        return error is Zhifa.Core.Common.RuleViolation rule
            ? messages.ToDictionary(m => m.Key, m => m.Value.Select(v => $"{rule.RuleId}：{v}").ToArray())
            : messages;
    }

    public static string Amount(decimal amount) => amount.ToString(amount == decimal.Truncate(amount) ? "#,0" : "#,0.##", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    /// <summary>A fine range as the benchmark states it: “10,000 至 100,000 元”, or multiples of the base with the fallback.</summary>
    public static string Range(IStringLocalizer l, FineRange? range)
    {
        ArgumentNullException.ThrowIfNull(l);
        if (range is null)
            return "—";
        if (!range.IsMultiple)
            return l["range.fixed", Amount(range.MinAmount!.Value), Amount(range.MaxAmount!.Value)];
        var text = l[$"range.multiple.{range.Basis}", Number(range.MinMultiple!.Value), Number(range.MaxMultiple!.Value)].Value;
        if (range.MinAmount is { } min)
        {
            var fallback = l["range.fixed", Amount(min), Amount(range.MaxAmount!.Value)].Value;
            text += range.FallbackBelow is { } below ? l["range.fallback_below", Amount(below), fallback] : l["range.fallback_zero", fallback];
        }
        return text;
    }

    public static string Resolved(IStringLocalizer l, ResolvedRange? range)
    {
        ArgumentNullException.ThrowIfNull(l);
        return range is null ? "—" : l["range.fixed", Amount(range.Min), Amount(range.Max)];
    }

    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Circumstances(IStringLocalizer l, Zhifa.Core.Discretion.Circumstances flags)
    {
        var names = Enum.GetValues<Zhifa.Core.Discretion.Circumstances>().Where(c => c != Zhifa.Core.Discretion.Circumstances.None && flags.HasFlag(c))
            .Select(c => Display.Enum(l, c)).ToList();
        return names.Count == 0 ? Display.Enum(l, Zhifa.Core.Discretion.Circumstances.None) : string.Join(" + ", names);
    }

    public static string Kinds(IStringLocalizer l, IEnumerable<PenaltyKind> kinds) => string.Join("、", kinds.Select(k => Display.Enum(l, k)));

    /// <summary>Grey draft, blue in review, green published, red returned; ended versions grey.</summary>
    public static string Tone(VersionState state) => state switch
    {
        VersionState.Submitted or VersionState.Approved => "blue",
        VersionState.Returned => "red",
        VersionState.Published => "green",
        _ => "grey",
    };

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
