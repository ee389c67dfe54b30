using System.Text.Json;
using System.Text.Json.Serialization;
using Zhifa.Core.Common;

namespace Zhifa.Core.Discretion;

/// <summary>
/// A fine range as a law or a benchmark states it, both bounds included (以上、以下包括本数): fixed yuan; multiples of an
/// amount of the case (the illegal gain, the goods' value, the advertising fee, the contract amount, the tax evaded); or
/// yuan per unit of a quantity (per square metre, per tonne, per day: <see cref="FineBasis.PerUnit"/> with its
/// <see cref="Unit"/>, the rates in <see cref="MinMultiple"/>/<see cref="MaxMultiple"/>). A range measured against a base
/// may carry the fixed range the law sets instead where the base is zero or below a threshold (or cannot be calculated,
/// which the officer tells by giving zero). 食品安全法第一百二十四条 — 货值金额不足一万元的，并处十万元以上十五万元以下罚款；
/// 货值金额一万元以上的，并处货值金额十五倍以上三十倍以下罚款 — is
/// <c>Multiple(FineBasis.GoodsValue, 15, 30).WithFallback(100_000, 150_000, below: 10_000)</c>; 广告法第五十五条 — 广告费用三倍以上
/// 五倍以下，广告费用无法计算或者明显偏低的，二十万元以上一百万元以下 — is
/// <c>Multiple(FineBasis.AdvertisingFee, 3, 5).WithFallback(200_000, 1_000_000)</c>; 土地管理法实施条例第五十七条 — 每平方米一百元以上
/// 一千元以下 — is <c>PerUnit(FineUnit.SquareMetre, 100, 1000)</c>.
/// </summary>
[JsonConverter(typeof(FineRangeJsonConverter))]
public sealed record FineRange
{
    private FineRange()
    {
    }

    public FineBasis Basis { get; private init; }

    /// <summary>The unit of a per-unit range; none otherwise.</summary>
    public FineUnit? Unit { get; private init; }

    /// <summary>Yuan: the range itself when fixed, the fallback range when multiple.</summary>
    public decimal? MinAmount { get; private init; }

    public decimal? MaxAmount { get; private init; }
    /// <summary>Multiples of the base; for a per-unit range, yuan per unit.</summary>
    public decimal? MinMultiple { get; private init; }
    public decimal? MaxMultiple { get; private init; }

    /// <summary>The fallback applies where the base is below this amount; without it, only where the base is zero.</summary>
    public decimal? FallbackBelow { get; private init; }

    /// <summary>Whether the range is measured against a base of the case (an amount, or a quantity for a per-unit range).</summary>
    public bool IsMultiple => Basis != FineBasis.Fixed;

    public bool IsPerUnit => Basis == FineBasis.PerUnit;

    /// <summary>Whether the base is an amount in yuan the calculator asks for as <see cref="FineBases.BaseAmount"/>.</summary>
    public static bool TakesBaseAmount(FineBasis basis) => basis is FineBasis.AdvertisingFee or FineBasis.ContractAmount or FineBasis.TaxEvaded;

    public static FineRange Fixed(decimal min, decimal max) => new() { Basis = FineBasis.Fixed, MinAmount = min, MaxAmount = max };

    public static FineRange Multiple(FineBasis basis, decimal minMultiple, decimal maxMultiple) =>
        basis switch
        {
            FineBasis.Fixed => throw new ArgumentException("A multiple range needs a base.", nameof(basis)),
            FineBasis.PerUnit => throw new ArgumentException("A per-unit range names its unit: use PerUnit.", nameof(basis)),
            _ => new() { Basis = basis, MinMultiple = minMultiple, MaxMultiple = maxMultiple },
        };

    /// <summary>Yuan per unit: <paramref name="minPerUnit"/> to <paramref name="maxPerUnit"/> yuan for each <paramref name="unit"/>.</summary>
    public static FineRange PerUnit(FineUnit unit, decimal minPerUnit, decimal maxPerUnit) =>
        new() { Basis = FineBasis.PerUnit, Unit = unit, MinMultiple = minPerUnit, MaxMultiple = maxPerUnit };

    /// <summary>A range of the same base (and unit) with other multiples or rates and no fallback: a tier's range beside the statutory one.</summary>
    public FineRange WithMultiples(decimal minMultiple, decimal maxMultiple) =>
        IsMultiple ? new() { Basis = Basis, Unit = Unit, MinMultiple = minMultiple, MaxMultiple = maxMultiple }
            : throw new InvalidOperationException("A fixed range has no multiples.");

    public FineRange WithFallback(decimal min, decimal max, decimal? below = null) =>
        IsMultiple ? this with { MinAmount = min, MaxAmount = max, FallbackBelow = below } : throw new InvalidOperationException("A fixed range has no fallback.");

    /// <summary>The range in yuan for one case: multiples of its base, rounded to the fen, or the fallback range.</summary>
    public Result<ResolvedRange> Resolve(decimal? illegalGain, decimal? goodsValue) => Resolve(new FineBases(illegalGain, goodsValue));

    /// <summary>The range in yuan for one case: multiples (or rates) of its base, rounded to the fen, or the fallback range.</summary>
    public Result<ResolvedRange> Resolve(FineBases bases)
    {
        ArgumentNullException.ThrowIfNull(bases);
        if (!IsMultiple)
            return new ResolvedRange(MinAmount!.Value, MaxAmount!.Value, Basis, null, null, null);
        var (value, field) = Basis switch
        {
            FineBasis.IllegalGain => (bases.IllegalGain, "illegalGain"),
            FineBasis.GoodsValue => (bases.GoodsValue, "goodsValue"),
            FineBasis.PerUnit => (bases.Quantity, "quantity"),
            _ => (bases.BaseAmount, "baseAmount"),
        };
        if (value is not { } v)
            return Basis switch
            {
                FineBasis.IllegalGain or FineBasis.GoodsValue => DiscretionErrors.FineBaseRequired(field),
                FineBasis.PerUnit => DiscretionErrors.QuantityRequired(Unit!.Value),
                _ => DiscretionErrors.BaseAmountRequired(Basis),
            };
        if (v < 0)
            return DiscretionErrors.AmountNegative(field);
        if (MinAmount is { } min && (v == 0 || v < FallbackBelow))
            return new ResolvedRange(min, MaxAmount!.Value, Basis, v, null, null) { Unit = Unit };
        return new ResolvedRange(Money.Fen(v * MinMultiple!.Value), Money.Fen(v * MaxMultiple!.Value), Basis, v, MinMultiple, MaxMultiple) { Unit = Unit };
    }

    /// <summary>Bounds not negative and in order.</summary>
    internal bool IsValid() => Parts().All(p => p.Low >= 0 && p.Low <= p.High) && !(FallbackBelow < 0);

    /// <summary>Comparable ranges measure the same base and switch to their fallback at the same point.</summary>
    internal bool SameShape(FineRange other) =>
        Basis == other.Basis && Unit == other.Unit && (MinAmount is null) == (other.MinAmount is null) && FallbackBelow == other.FallbackBelow;

    internal bool Contains(FineRange inner) =>
        SameShape(inner) && Parts().Zip(inner.Parts()).All(p => p.First.Low <= p.Second.Low && p.Second.High <= p.First.High);

    /// <summary>Sharing a bound is not overlapping: adjacent tiers meet at one amount.</summary>
    internal bool Overlaps(FineRange other) =>
        SameShape(other) && Parts().Zip(other.Parts()).Any(p => p.First.Low < p.Second.High && p.Second.Low < p.First.High);

    /// <summary>Whether this range ends where or before <paramref name="other"/> starts, in every part.</summary>
    internal bool IsBelow(FineRange other) =>
        SameShape(other) && Parts().Zip(other.Parts()).All(p => p.First.High <= p.Second.Low);

    /// <summary>The part of the range between two shares of its width; yuan rounded to the yuan, multiples to two decimals.</summary>
    internal FineRange Slice(decimal from, decimal to) => Map((low, high, round) => (round(low + from * (high - low)), round(low + to * (high - low))));

    /// <summary>The range below the minimum (减轻), from <paramref name="floorShare"/> of the minimum up to it; none where the minimum is zero.</summary>
    internal FineRange? BelowMinimum(decimal floorShare) =>
        Parts().Any(p => p.Low == 0) ? null : Map((low, _, round) => (round(floorShare * low), low));

    private FineRange Map(Func<decimal, decimal, Func<decimal, decimal>, (decimal Low, decimal High)> f)
    {
        var multiple = IsMultiple ? f(MinMultiple!.Value, MaxMultiple!.Value, m => Math.Round(m, 2, MidpointRounding.AwayFromZero)) : default;
        var amount = MinAmount is { } min ? f(min, MaxAmount!.Value, Money.Yuan) : default;
        return this with
        {
            MinMultiple = IsMultiple ? multiple.Low : null,
            MaxMultiple = IsMultiple ? multiple.High : null,
            MinAmount = MinAmount is null ? null : amount.Low,
            MaxAmount = MaxAmount is null ? null : amount.High,
        };
    }

    private IEnumerable<(decimal Low, decimal High)> Parts()
    {
        if (IsMultiple && MinMultiple is { } low)
            yield return (low, MaxMultiple ?? low);
        if (MinAmount is { } min)
            yield return (min, MaxAmount ?? min);
    }
}

/// <summary>
/// A fine range in yuan for one case, with the base and multiples it came from (none where a fixed range applies); for a
/// per-unit range the base is the quantity in <see cref="Unit"/> and the multiples are yuan per unit.
/// </summary>
public sealed record ResolvedRange(decimal Min, decimal Max, FineBasis Basis, decimal? BaseAmount, decimal? MinMultiple, decimal? MaxMultiple)
{
    public FineUnit? Unit { get; init; }

    public bool Contains(decimal amount) => Min <= amount && amount <= Max;
}

/// <summary>
/// The bases of one case a fine may be measured against: the illegal gain and the goods' value in yuan; the other amount
/// the law names (advertising fee, contract amount, tax evaded — the benchmark says which) in yuan; a quantity in the
/// benchmark's unit. Zero where the base cannot be calculated selects the law's fixed fallback range.
/// </summary>
public sealed record FineBases(decimal? IllegalGain = null, decimal? GoodsValue = null, decimal? BaseAmount = null, decimal? Quantity = null)
{
    public static FineBases None { get; } = new();

    /// <summary>The first negative base's field, if any.</summary>
    internal string? NegativeField =>
        IllegalGain < 0 ? "illegalGain" : GoodsValue < 0 ? "goodsValue" : BaseAmount < 0 ? "baseAmount" : Quantity < 0 ? "quantity" : null;
}

/// <summary>Money in yuan as decimal; where Zhifa rounds, it rounds half away from zero (四舍五入).</summary>
public static class Money
{
    /// <summary>The largest amount in yuan a request may give (一万亿: beyond any fine, gain or goods value of a case).</summary>
    public const double MaxAmount = 1_000_000_000_000;

    public static decimal Yuan(decimal amount) => Math.Round(amount, 0, MidpointRounding.AwayFromZero);

    public static decimal Fen(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>An amount as a decision document writes it: digits, no grouping, no trailing zeros (“50000”, “6172.8”).</summary>
    public static string Format(decimal amount) => amount.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// A fine range in JSON, for the API and for the database's JSON columns: <c>{"basis":"Fixed","minAmount":5000,"maxAmount":50000}</c>,
/// or with <c>minMultiple</c>/<c>maxMultiple</c> and an optional fallback <c>minAmount</c>/<c>maxAmount</c>/<c>fallbackBelow</c>;
/// a per-unit range adds its <c>unit</c>: <c>{"basis":"PerUnit","unit":"SquareMetre","minMultiple":100,"maxMultiple":1000}</c>.
/// A shape that is no fine range (no bounds, a fallback on a fixed range) is unreadable, as a bad enum value is.
/// </summary>
public sealed class FineRangeJsonConverter : JsonConverter<FineRange>
{
    public override FineRange Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException("A fine range is an object.");
        FineBasis basis = FineBasis.Fixed;
        FineUnit? unit = null;
        decimal? minAmount = null, maxAmount = null, minMultiple = null, maxMultiple = null, below = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString() ?? "";
            reader.Read();
            decimal? Number(ref Utf8JsonReader r) => r.TokenType == JsonTokenType.Null ? null
                : r.TokenType == JsonTokenType.Number ? r.GetDecimal()
                : throw new JsonException($"'{name}' is a number.");
            switch (name.ToUpperInvariant())
            {
                case "BASIS":
                    basis = reader.TokenType == JsonTokenType.String && Enum.TryParse<FineBasis>(reader.GetString(), ignoreCase: true, out var b) && Enum.IsDefined(b)
                        ? b : throw new JsonException("Unknown fine basis.");
                    break;
                case "UNIT":
                    unit = reader.TokenType == JsonTokenType.Null ? null
                        : reader.TokenType == JsonTokenType.String && Enum.TryParse<FineUnit>(reader.GetString(), ignoreCase: true, out var u) && Enum.IsDefined(u)
                        ? u : throw new JsonException("Unknown fine unit.");
                    break;
                case "MINAMOUNT": minAmount = Number(ref reader); break;
                case "MAXAMOUNT": maxAmount = Number(ref reader); break;
                case "MINMULTIPLE": minMultiple = Number(ref reader); break;
                case "MAXMULTIPLE": maxMultiple = Number(ref reader); break;
                case "FALLBACKBELOW": below = Number(ref reader); break;
                default: reader.Skip(); break;
            }
        }
        if (basis == FineBasis.Fixed)
        {
            return minAmount is { } min && maxAmount is { } max && minMultiple is null && maxMultiple is null && below is null && unit is null
                ? FineRange.Fixed(min, max)
                : throw new JsonException("A fixed range has a minAmount and a maxAmount and nothing else.");
        }
        if (minMultiple is not { } low || maxMultiple is not { } high)
            throw new JsonException("A multiple range has a minMultiple and a maxMultiple.");
        if ((basis == FineBasis.PerUnit) != unit.HasValue)
            throw new JsonException("A per-unit range, and only one, has a unit.");
        var range = unit is { } perUnit ? FineRange.PerUnit(perUnit, low, high) : FineRange.Multiple(basis, low, high);
        if (minAmount is null && maxAmount is null && below is null)
            return range;
        return minAmount is { } fallbackMin && maxAmount is { } fallbackMax
            ? range.WithFallback(fallbackMin, fallbackMax, below)
            : throw new JsonException("A fallback range has a minAmount and a maxAmount.");
    }

    public override void Write(Utf8JsonWriter writer, FineRange value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteString("basis", value.Basis.ToString());
        if (value.Unit is { } unit)
            writer.WriteString("unit", unit.ToString());
        void Write(string name, decimal? number)
        {
            if (number is { } n)
                writer.WriteNumber(name, n);
        }
        Write("minMultiple", value.MinMultiple);
        Write("maxMultiple", value.MaxMultiple);
        Write("minAmount", value.MinAmount);
        Write("maxAmount", value.MaxAmount);
        Write("fallbackBelow", value.FallbackBelow);
        writer.WriteEndObject();
    }
}
