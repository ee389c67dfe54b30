using System.Globalization;
using Zhifa.Core.Discretion;

namespace Zhifa.Web.Discretion;

/// <summary>
/// The tier editor's form: one row per possible tier (included or not), read back from the posted fields exactly as typed,
/// so that a refused save shows the user their own input with the messages.
/// </summary>
public sealed class TierForm
{
    public const int Combinations = 3;

    public List<Row> Rows { get; } = [];

    public sealed class Row
    {
        public DiscretionTier Tier { get; init; }
        public bool Included { get; set; }
        public string Text { get; set; } = "";
        public Circumstances[] Combos { get; set; } = new Circumstances[Combinations];
        public HashSet<PenaltyKind> Kinds { get; set; } = [];
        public string MinAmount { get; set; } = "";
        public string MaxAmount { get; set; } = "";
        public string MinMultiple { get; set; } = "";
        public string MaxMultiple { get; set; } = "";

        public string Field(string name) => $"t.{Tier}.{name}";
    }

    public static TierForm From(IReadOnlyList<BenchmarkTier> tiers)
    {
        ArgumentNullException.ThrowIfNull(tiers);
        var form = new TierForm();
        foreach (var tier in Enum.GetValues<DiscretionTier>())
        {
            var t = tiers.FirstOrDefault(x => x.Tier == tier);
            var row = new Row { Tier = tier, Included = t is not null, Text = t?.ConditionText ?? "", Kinds = [.. t?.PenaltyKinds ?? []] };
            for (var i = 0; i < Combinations && t is not null && i < t.Conditions.Count; i++)
                row.Combos[i] = t.Conditions[i];
            if (t?.Range is { } r)
            {
                row.MinAmount = Number(r.MinAmount);
                row.MaxAmount = Number(r.MaxAmount);
                row.MinMultiple = Number(r.MinMultiple);
                row.MaxMultiple = Number(r.MaxMultiple);
            }
            form.Rows.Add(row);
        }
        return form;
    }

    public static TierForm Read(IFormCollection f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var form = new TierForm();
        foreach (var tier in Enum.GetValues<DiscretionTier>())
        {
            var row = new Row { Tier = tier };
            row.Included = f[row.Field("include")] == "true";
            row.Text = f[row.Field("text")].ToString();
            for (var i = 0; i < Combinations; i++)
                row.Combos[i] = f[row.Field("c" + i)].Aggregate(Circumstances.None, (all, v) => Enum.TryParse<Circumstances>(v, out var c) ? all | c : all);
            row.Kinds = [.. f[row.Field("kinds")].Select(v => Enum.TryParse<PenaltyKind>(v, out var k) ? (PenaltyKind?)k : null).OfType<PenaltyKind>()];
            row.MinAmount = f[row.Field("minAmount")].ToString();
            row.MaxAmount = f[row.Field("maxAmount")].ToString();
            row.MinMultiple = f[row.Field("minMultiple")].ToString();
            row.MaxMultiple = f[row.Field("maxMultiple")].ToString();
            form.Rows.Add(row);
        }
        return form;
    }

    /// <summary>The tiers as the domain takes them; ranges take the statutory range's shape (its base and its fallback threshold).</summary>
    public IReadOnlyList<BenchmarkTier> ToTiers(FineRange? statutory) =>
        [.. Rows.Where(r => r.Included).Select(r => new BenchmarkTier(r.Tier, r.Text, [.. r.Combos.Where(c => c != Circumstances.None)], [.. r.Kinds],
            r.Kinds.Contains(PenaltyKind.Fine) ? Range(r, statutory) : null))];

    private static FineRange? Range(Row r, FineRange? statutory)
    {
        if (statutory is null)
            return null;
        decimal? Parse(string s) => decimal.TryParse(s.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : null;
        if (!statutory.IsMultiple)
            return Parse(r.MinAmount) is { } min && Parse(r.MaxAmount) is { } max ? FineRange.Fixed(min, max) : null;
        if (Parse(r.MinMultiple) is not { } low || Parse(r.MaxMultiple) is not { } high)
            return null;
        var range = statutory.WithMultiples(low, high);
        return statutory.MinAmount is null ? range
            : Parse(r.MinAmount) is { } fallbackMin && Parse(r.MaxAmount) is { } fallbackMax ? range.WithFallback(fallbackMin, fallbackMax, statutory.FallbackBelow) : null;
    }

    private static string Number(decimal? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";
}
