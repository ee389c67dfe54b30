using Zhifa.Core.Catalogue;
using Zhifa.Core.Common;

namespace Zhifa.Core.Discretion;

/// <summary>Where in the tier's range the suggested amount lies, as a share of its width: 0.5 is the midpoint.</summary>
public sealed record CalculatorSettings(decimal SuggestionShare = 0.5m)
{
    public static CalculatorSettings Default { get; } = new();
}

/// <summary>
/// What the benchmark says for one case: the tier (and its number, 第N档), the circumstances that decided it, the
/// penalties, the statutory and the tier's range in yuan, a suggested fine and the sentence for the decision (CLJZ-EXPLAIN).
/// <see cref="Offset"/> tells that mitigating and aggravating circumstances cancelled each other.
/// </summary>
public sealed record Calculation(
    DiscretionTier Tier,
    int TierNumber,
    Circumstances Applied,
    bool Offset,
    IReadOnlyList<PenaltyKind> PenaltyKinds,
    ResolvedRange? StatutoryRange,
    ResolvedRange? TierRange,
    decimal? SuggestedAmount,
    Explanation Explanation);

/// <summary>A decision an officer proposes: the penalties and, with a fine, its amount in yuan. No penalties: no penalty.</summary>
public sealed record Proposal(IReadOnlyList<PenaltyKind> Kinds, decimal? FineAmount = null);

/// <summary>
/// Whether a proposed decision keeps to the benchmark. <see cref="Tier"/> is the tier it is measured against,
/// <see cref="AmountTier"/> the tier its fine falls in; outside the benchmark, <see cref="Deviation"/> says so (CLJZ-DEVIATE).
/// </summary>
public sealed record CheckResult(DiscretionTier Tier, DiscretionTier? AmountTier, RuleViolation? Deviation, Calculation Calculation)
{
    public bool WithinBenchmark => Deviation is null;
}

/// <summary>
/// The discretion calculator: from a benchmark and the facts of a case, the tier, the lawful range, a suggested fine
/// and the explanation for the decision; and the check of a proposed decision against the benchmark.
/// </summary>
/// <remarks>
/// How the tier is chosen, first match wins:
/// <list type="number">
/// <item>不予处罚 when its conditions hold: the law says 不予 (XZCF-33), nothing outweighs it.</item>
/// <item>可以不予处罚 (首违不罚) when its conditions hold and no 从重 condition does: it is discretionary (可以),
/// and an aggravating fact such as obstruction speaks against using that discretion.</item>
/// <item>Otherwise a 减轻 condition moves two steps down from 一般, a 从轻 condition one step, a 从重 condition one step up,
/// and opposite steps cancel (从轻、减轻情节与从重情节相互抵消): 从轻 + 从重 gives 一般, 减轻 + 从重 gives 从轻. Several
/// conditions on one side count once. A tier the benchmark lacks gives way to the next one towards 一般.</item>
/// </list>
/// An amount on the bound two tiers share belongs to the tier that owns that bound by law: the 30% point to 从轻
/// (the lowest 30%, 以下包括本数), the 70% point to 从重 (以上包括本数), the statutory minimum to 从轻 (减轻 is below it).
/// So when 从轻 is due, exactly 30% is within; when 一般 is due, it is not.
/// </remarks>
public static class DiscretionCalculator
{
    /// <summary>The order in which tiers claim an amount on a shared bound.</summary>
    private static readonly DiscretionTier[] BoundOwners = [DiscretionTier.Lighter, DiscretionTier.Heavier, DiscretionTier.Mitigated, DiscretionTier.Ordinary];

    public static Result<Calculation> Calculate(DiscretionBenchmark benchmark, Circumstances facts, decimal? illegalGain, decimal? goodsValue, CalculatorSettings settings) =>
        Calculate(benchmark, facts, new FineBases(illegalGain, goodsValue), settings);

    public static Result<Calculation> Calculate(DiscretionBenchmark benchmark, Circumstances facts, FineBases bases, CalculatorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(benchmark);
        ArgumentNullException.ThrowIfNull(bases);
        ArgumentNullException.ThrowIfNull(settings);
        if (benchmark.ItemKind != ItemKind.Penalty)
            return DiscretionErrors.NotPenaltyItem();
        if (bases.NegativeField is { } negative)
            return DiscretionErrors.AmountNegative(negative);
        if (settings.SuggestionShare is <= 0 or >= 1)
            return DiscretionErrors.SettingsInvalid();

        var (tierKind, applied, offset) = Select(benchmark, facts, allowMayNotPenalize: true);
        var tier = benchmark.TierOf(tierKind)!;
        ResolvedRange? statutory = null, range = null;
        if (tier.Range is not null)
        {
            var resolved = benchmark.StatutoryRange!.Resolve(bases);
            if (!resolved.IsSuccess)
                return resolved.Error;
            statutory = resolved.Value;
            range = tier.Range.Resolve(bases).Value;
        }
        var suggested = range is null ? (decimal?)null : Suggest(range, settings.SuggestionShare);
        var number = benchmark.NumberOf(tierKind);
        var explanation = Explanation.For(benchmark.Title, tier, number, facts, applied, offset, range, suggested);
        return new Calculation(tierKind, number, applied, offset, tier.PenaltyKinds, statutory, range, suggested, explanation);
    }

    /// <summary>
    /// Checks a proposed decision. A decision the law forbids is an error: a penalty where 不予处罚 is due (XZCF-33),
    /// a fine above the statutory maximum, a penalty the law does not provide. One the law allows but the benchmark
    /// does not — another tier's amount, a penalty outside the tier, no penalty where one is due — is outside the
    /// benchmark and needs the head's approval or collective discussion (CLJZ-DEVIATE). Where 首违不罚 allows no
    /// penalty and a penalty is proposed anyway, it is measured against the tier that applies without 首违不罚.
    /// </summary>
    public static Result<CheckResult> Check(
        DiscretionBenchmark benchmark, Circumstances facts, Proposal proposal, decimal? illegalGain, decimal? goodsValue, CalculatorSettings settings) =>
        Check(benchmark, facts, proposal, new FineBases(illegalGain, goodsValue), settings);

    public static Result<CheckResult> Check(DiscretionBenchmark benchmark, Circumstances facts, Proposal proposal, FineBases bases, CalculatorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var calculated = Calculate(benchmark, facts, bases, settings);
        if (!calculated.IsSuccess)
            return calculated.Error;
        var calculation = calculated.Value;
        var kinds = proposal.Kinds.Distinct().ToList();
        var fines = kinds.Contains(PenaltyKind.Fine);
        if (proposal.FineAmount < 0)
            return DiscretionErrors.AmountNegative(field: "fineAmount");
        if (fines != proposal.FineAmount.HasValue)
            return DiscretionErrors.FineAmountMismatch();
        if (kinds.Except(benchmark.StatutoryKinds).Any())
            return DiscretionErrors.KindNotStatutory();
        if (calculation.Tier == DiscretionTier.NoPenalty && kinds.Count > 0)
            return DiscretionErrors.NoPenaltyDue();

        var expected = calculation.Tier == DiscretionTier.MayNotPenalize && kinds.Count > 0
            ? Select(benchmark, facts, allowMayNotPenalize: false).Tier
            : calculation.Tier;
        var tier = benchmark.TierOf(expected)!;
        DiscretionTier? amountTier = null;
        if (proposal.FineAmount is { } amount)
        {
            var statutory = benchmark.StatutoryRange!.Resolve(bases);
            if (!statutory.IsSuccess)
                return statutory.Error;
            if (amount > statutory.Value.Max)
                return DiscretionErrors.AmountAboveStatutoryMax(Money.Format(statutory.Value.Max));
            amountTier = TierOfAmount(benchmark, amount, bases);
        }

        List<string> reasons = [];
        if (kinds.Count == 0 && tier.ImposesPenalty)
            reasons.Add("discretion.penalty_omitted");
        if (kinds.Except(tier.PenaltyKinds).Any())
            reasons.Add("discretion.kind_outside_tier");
        if (proposal.FineAmount is not null && amountTier != expected)
            reasons.Add("discretion.amount_outside_tier");
        var deviation = reasons.Count == 0 ? null : DiscretionErrors.OutsideBenchmark(reasons);
        return new CheckResult(expected, amountTier, deviation, calculation);
    }

    /// <summary>The tier a fine falls in for this case; on a shared bound, the tier that owns it (see remarks).</summary>
    public static DiscretionTier? TierOfAmount(DiscretionBenchmark benchmark, decimal amount, decimal? illegalGain, decimal? goodsValue) =>
        TierOfAmount(benchmark, amount, new FineBases(illegalGain, goodsValue));

    public static DiscretionTier? TierOfAmount(DiscretionBenchmark benchmark, decimal amount, FineBases bases)
    {
        ArgumentNullException.ThrowIfNull(benchmark);
        var containing = benchmark.Tiers
            .Where(t => t.Range?.Resolve(bases) is { IsSuccess: true } r && r.Value.Contains(amount))
            .Select(t => t.Tier)
            .ToHashSet();
        return BoundOwners.Where(containing.Contains).Select(t => (DiscretionTier?)t).FirstOrDefault();
    }

    /// <summary>The tier the circumstances call for, the circumstances that decided it, and whether opposite ones cancelled.</summary>
    internal static (DiscretionTier Tier, Circumstances Applied, bool Offset) Select(DiscretionBenchmark benchmark, Circumstances facts, bool allowMayNotPenalize)
    {
        Circumstances Matched(DiscretionTier tier) => benchmark.TierOf(tier)?.MatchedBy(facts) ?? Circumstances.None;

        if (Matched(DiscretionTier.NoPenalty) is var none and not Circumstances.None)
            return (DiscretionTier.NoPenalty, none, false);
        var heavier = Matched(DiscretionTier.Heavier);
        if (allowMayNotPenalize && heavier == Circumstances.None && Matched(DiscretionTier.MayNotPenalize) is var first and not Circumstances.None)
            return (DiscretionTier.MayNotPenalize, first, false);

        var mitigated = Matched(DiscretionTier.Mitigated);
        var lighter = Matched(DiscretionTier.Lighter);
        var down = mitigated != Circumstances.None ? 2 : lighter != Circumstances.None ? 1 : 0;
        var up = heavier != Circumstances.None ? 1 : 0;
        var tier = (up - down) switch
        {
            -2 => DiscretionTier.Mitigated,
            -1 => DiscretionTier.Lighter,
            0 => DiscretionTier.Ordinary,
            _ => DiscretionTier.Heavier,
        };
        while (benchmark.TierOf(tier) is null)
            tier = tier < DiscretionTier.Ordinary ? tier + 1 : tier - 1;
        var applied = (down == 2 ? mitigated : down == 1 ? lighter : Circumstances.None) | heavier;
        return (tier, applied, down > 0 && up > 0);
    }

    /// <summary>The point at <paramref name="share"/> of the range, rounded half away from zero to the yuan, kept inside the range.</summary>
    private static decimal Suggest(ResolvedRange range, decimal share)
    {
        var amount = Money.Yuan(range.Min + share * (range.Max - range.Min));
        return amount < range.Min ? Math.Min(Math.Ceiling(range.Min), range.Max)
            : amount > range.Max ? Math.Max(Math.Floor(range.Max), range.Min)
            : amount;
    }
}

/// <summary>CLJZ-REPEAT: penalised for the same kind of violation within one year before this act, the anniversary included (以内包括本数).</summary>
public static class RepeatOffence
{
    public static bool IsRepeat(IEnumerable<DateOnly> earlierPenaltyDecisions, DateOnly actOn) =>
        earlierPenaltyDecisions.Any(d => d <= actOn && d >= actOn.AddYears(-1));
}
