using Zhifa.Core.Common;
using Zhifa.Core.Organizations;

namespace Zhifa.Core.Discretion;

/// <summary>Checks of a benchmark's tiers (CLJZ-TIER), of a refinement by a lower level (CLJZ-LEVEL), and which benchmark a body applies.</summary>
public static class BenchmarkRules
{
    /// <summary>
    /// Tiers are unique, 一般 is among them, every other tier says when it applies; 不予处罚 and 可以不予处罚 impose
    /// nothing; a tier imposes only statutory penalties and has a fine range exactly when it fines; the fine tiers
    /// rise in order (减轻 &lt; 从轻 &lt; 一般 &lt; 从重) and may meet at a bound but not overlap; 减轻 lies at or below the
    /// statutory minimum, the others inside the statutory range. Gaps between tiers are allowed, as a refinement makes them.
    /// </summary>
    public static Error? CheckTiers(FineRange? statutoryRange, IReadOnlyList<PenaltyKind> statutoryKinds, IReadOnlyList<BenchmarkTier> tiers)
    {
        ArgumentNullException.ThrowIfNull(statutoryKinds);
        ArgumentNullException.ThrowIfNull(tiers);
        if (statutoryKinds.Count == 0)
            return DiscretionErrors.StatutoryKindsRequired();
        if (statutoryRange is not null && !statutoryRange.IsValid())
            return DiscretionErrors.StatutoryRangeInvalid();
        if ((statutoryRange is null) == statutoryKinds.Contains(PenaltyKind.Fine))
            return DiscretionErrors.StatutoryFineRangeMismatch();
        if (tiers.GroupBy(t => t.Tier).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
            return DiscretionErrors.TierDuplicate(Key(duplicate.Key));
        if (tiers.All(t => t.Tier != DiscretionTier.Ordinary))
            return DiscretionErrors.OrdinaryTierMissing();
        foreach (var tier in tiers)
        {
            if (CheckTier(tier, statutoryRange, statutoryKinds) is { } error)
                return error;
        }
        var fined = tiers.Where(t => t.Range is not null).OrderBy(t => t.Tier).ToList();
        foreach (var (lower, upper) in fined.Zip(fined.Skip(1)))
        {
            if (lower.Range!.Overlaps(upper.Range!))
                return DiscretionErrors.TiersOverlap(Key(lower.Tier), Key(upper.Tier));
            if (!lower.Range.IsBelow(upper.Range!))
                return DiscretionErrors.TiersOutOfOrder(Key(lower.Tier), Key(upper.Tier));
        }
        return null;
    }

    private static Error? CheckTier(BenchmarkTier tier, FineRange? statutoryRange, IReadOnlyList<PenaltyKind> statutoryKinds)
    {
        var key = Key(tier.Tier);
        if (tier.Tier != DiscretionTier.Ordinary && string.IsNullOrWhiteSpace(tier.ConditionText))
            return DiscretionErrors.TierConditionRequired(key);
        if (!tier.ImposesPenalty)
            return tier.PenaltyKinds.Count > 0 || tier.Range is not null ? DiscretionErrors.NoPenaltyTierImposesPenalty(key) : null;
        if (tier.PenaltyKinds.Count == 0)
            return DiscretionErrors.PenaltyKindsRequired(key);
        if (tier.PenaltyKinds.Except(statutoryKinds).Any())
            return DiscretionErrors.TierKindNotStatutory(key);
        if ((tier.Range is null) == tier.PenaltyKinds.Contains(PenaltyKind.Fine))
            return DiscretionErrors.TierFineRangeMismatch(key);
        if (tier.Range is not { } range)
            return null;
        if (!range.IsValid() || !range.SameShape(statutoryRange!))
            return DiscretionErrors.TierRangeInvalid(key);
        var inside = tier.Tier == DiscretionTier.Mitigated ? range.IsBelow(statutoryRange!) : statutoryRange!.Contains(range);
        if (!inside)
            return tier.Tier == DiscretionTier.Mitigated
                ? DiscretionErrors.MitigatedNotBelowMinimum(key)
                : DiscretionErrors.TierOutsideStatutoryRange(key);
        return null;
    }

    /// <summary>
    /// CLJZ-LEVEL: a lower level keeps every tier of the upper level's benchmark, with the same conditions, and may only
    /// narrow each tier's penalties and range, a bound equal to the upper one included. Townships issue no benchmark:
    /// they apply their county's.
    /// </summary>
    public static Error? CheckRefinement(DiscretionBenchmark upper, Issuer lower, IReadOnlyList<BenchmarkTier> tiers)
    {
        ArgumentNullException.ThrowIfNull(upper);
        ArgumentNullException.ThrowIfNull(lower);
        ArgumentNullException.ThrowIfNull(tiers);
        if (upper.Status != BenchmarkStatus.Published)
            return DiscretionErrors.UpperNotPublished();
        if (lower.Level == RegionLevel.Township)
            return DiscretionErrors.TownshipUsesCounty();
        if (lower.Level <= upper.IssuingLevel)
            return DiscretionErrors.RefineNotLowerLevel();
        if (upper.Tiers.FirstOrDefault(u => tiers.All(t => t.Tier != u.Tier)) is { } missing)
            return DiscretionErrors.RefinedTierMissing(Key(missing.Tier));
        foreach (var tier in tiers)
        {
            var key = Key(tier.Tier);
            if (upper.TierOf(tier.Tier) is not { } above)
                return DiscretionErrors.RefinedTierNotInUpper(key);
            if (!tier.Conditions.ToHashSet().SetEquals(above.Conditions))
                return DiscretionErrors.RefinedConditionsDiffer(key);
            if (tier.PenaltyKinds.Except(above.PenaltyKinds).Any())
                return DiscretionErrors.RefinedKindsExceedUpper(key);
            if (tier.Range is not null && above.Range?.Contains(tier.Range) != true)
                return DiscretionErrors.RefinedRangeExceedsUpper(key);
        }
        // Within the upper tiers a refinement is inside the statutory range and in order; what is left is its form.
        return CheckTiers(upper.StatutoryRange, upper.StatutoryKinds, tiers);
    }

    /// <summary>
    /// The benchmark a body applies to an item version on a day: the published one of the nearest region up the body's
    /// chain (its own region first, then each ancestor), the latest in force there. A township has none of its own,
    /// so its bodies fall through to the county's (CLJZ-LEVEL).
    /// </summary>
    public static DiscretionBenchmark? Applicable(IEnumerable<DiscretionBenchmark> benchmarks, Guid itemVersionId, IReadOnlyList<Guid> regionChain, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(regionChain);
        var candidates = benchmarks
            .Where(b => b.ItemVersionId == itemVersionId && b.Status == BenchmarkStatus.Published && b.EffectiveFrom <= on)
            .ToLookup(b => b.IssuingRegionId);
        return regionChain.Select(region => candidates[region].MaxBy(b => b.EffectiveFrom)).FirstOrDefault(b => b is not null);
    }

    internal static string Key(DiscretionTier tier) => $"enum.DiscretionTier.{tier}";
}
