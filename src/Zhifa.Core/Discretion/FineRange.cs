using System.Text.Json;
using System.Text.Json.Serialization;
using Zhifa.Core.Common;

namespace Zhifa.Core.Discretion;

/// <summary>
/// A fine range as a law or a benchmark states it, both bounds included (以上、以下包括本数): fixed yuan, or multiples
/// of the illegal gain or of the goods' value. A multiple range may carry the fixed range the law sets instead where
/// the base is zero or below a threshold. 食品安全法第一百二十四条 — 货值金额不足一万元的，并处十万元以上十五万元以下罚款；
/// 货值金额一万元以上的，并处货值金额十五倍以上三十倍以下罚款 — is
/// <c>Multiple(FineBasis.GoodsValue, 15, 30).WithFallback(100_000, 150_000, below: 10_000)</c>.
/// </summary>
[JsonConverter(typeof(FineRangeJsonConverter))]
public sealed record FineRange
{
    private FineRange()
    {
    }

    public FineBasis Basis { get; private init; }

    /// <summary>Yuan: the range itself when fixed, the fallback range when multiple.</summary>
    public decimal? MinAmount { get; private init; }

    public decimal? MaxAmount { get; private init; }
    public decimal? MinMultiple { get; private init; }
    public decimal? MaxMultiple { get; private init; }

    /// <summary>The fallback applies where the base is below this amount; without it, only where the base is zero.</summary>
    public decimal? FallbackBelow { get; private init; }

    public bool IsMultiple => Basis != FineBasis.Fixed;

    public static FineRange Fixed(decimal min, decimal max) => new() { Basis = FineBasis.Fixed, MinAmount = min, MaxAmount = max };

    public static FineRange Multiple(FineBasis basis, decimal minMultiple, decimal maxMultiple) =>
        basis == FineBasis.Fixed
            ? throw new ArgumentException("A multiple range needs a base.", nameof(basis))
            : new() { Basis = basis, MinMultiple = minMultiple, MaxMultiple = maxMultiple };

    public FineRange WithFallback(decimal min, decimal max, decimal? below = null) =>
        IsMultiple ? this with { MinAmount = min, MaxAmount = max, FallbackBelow = below } : throw new InvalidOperationException("A fixed range has no fallback.");

    /// <summary>The range in yuan for one case: multiples of its base, rounded to the fen, or the fallback range.</summary>
    public Result<ResolvedRange> Resolve(decimal? illegalGain, decimal? goodsValue)
    {
        if (!IsMultiple)
            return new ResolvedRange(MinAmount!.Value, MaxAmount!.Value, Basis, null, null, null);
        var gainBased = Basis == FineBasis.IllegalGain;
        if ((gainBased ? illegalGain : goodsValue) is not { } value)
            return gainBased ? DiscretionErrors.FineBaseRequired() : DiscretionErrors.FineBaseRequired(field: "goodsValue");
        if (value < 0)
            return gainBased ? DiscretionErrors.AmountNegative() : DiscretionErrors.AmountNegative(field: "goodsValue");
        if (MinAmount is { } min && (value == 0 || value < FallbackBelow))
            return new ResolvedRange(min, MaxAmount!.Value, Basis, value, null, null);
        return new ResolvedRange(Money.Fen(value * MinMultiple!.Value), Money.Fen(value * MaxMultiple!.Value), Basis, value, MinMultiple, MaxMultiple);
    }

    /// <summary>Bounds not negative and in order.</summary>
    internal bool IsValid() => Parts().All(p => p.Low >= 0 && p.Low <= p.High) && !(FallbackBelow < 0);

    /// <summary>Comparable ranges measure the same base and switch to their fallback at the same point.</summary>
    internal bool SameShape(FineRange other) =>
        Basis == other.Basis && (MinAmount is null) == (other.MinAmount is null) && FallbackBelow == other.FallbackBelow;

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

/// <summary>A fine range in yuan for one case, with the base and multiples it came from (none where a fixed range applies).</summary>
public sealed record ResolvedRange(decimal Min, decimal Max, FineBasis Basis, decimal? BaseAmount, decimal? MinMultiple, decimal? MaxMultiple)
{
    public bool Contains(decimal amount) => Min <= amount && amount <= Max;
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
/// or with <c>minMultiple</c>/<c>maxMultiple</c> and an optional fallback <c>minAmount</c>/<c>maxAmount</c>/<c>fallbackBelow</c>.
/// A shape that is no fine range (no bounds, a fallback on a fixed range) is unreadable, as a bad enum value is.
/// </summary>
public sealed class FineRangeJsonConverter : JsonConverter<FineRange>
{
    public override FineRange Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException("A fine range is an object.");
        FineBasis basis = FineBasis.Fixed;
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
            return minAmount is { } min && maxAmount is { } max && minMultiple is null && maxMultiple is null && below is null
                ? FineRange.Fixed(min, max)
                : throw new JsonException("A fixed range has a minAmount and a maxAmount and nothing else.");
        }
        if (minMultiple is not { } low || maxMultiple is not { } high)
            throw new JsonException("A multiple range has a minMultiple and a maxMultiple.");
        var range = FineRange.Multiple(basis, low, high);
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
