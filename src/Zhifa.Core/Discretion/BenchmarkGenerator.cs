using Zhifa.Core.Common;

namespace Zhifa.Core.Discretion;

/// <summary>
/// Default tiers for a penalty item from its statutory range (CLJZ-TIER, CLJZ-30), with the conditions the
/// 行政处罚法 itself sets. The drafting body then adjusts them; 减轻 gets its range but no structured condition,
/// because the law leaves it to the benchmark which circumstances mitigate below the minimum rather than lighten.
/// </summary>
public static class BenchmarkGenerator
{
    public static Result<IReadOnlyList<BenchmarkTier>> DefaultTiers(FineRange? statutoryRange, IReadOnlyList<PenaltyKind> statutoryKinds, TierSettings settings)
    {
        ArgumentNullException.ThrowIfNull(statutoryKinds);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Check() is { } error)
            return error;
        if (statutoryRange is not null && !statutoryRange.IsValid())
            return DiscretionErrors.StatutoryRangeInvalid();

        List<BenchmarkTier> tiers =
        [
            new(DiscretionTier.NoPenalty, "违法行为轻微并及时改正，没有造成危害后果的；当事人有证据足以证明没有主观过错的（法律、行政法规另有规定的除外）。",
                [Circumstances.Minor | Circumstances.PromptlyCorrected | Circumstances.NoHarm, Circumstances.NoFault], []),
            new(DiscretionTier.MayNotPenalize, "初次违法且危害后果轻微并及时改正的。",
                [Circumstances.FirstOffence | Circumstances.MinorHarm | Circumstances.PromptlyCorrected], []),
        ];
        const string ordinary = "不具有从轻、减轻、从重处罚情节的。";
        if (statutoryRange is null)
        {
            tiers.Add(new(DiscretionTier.Ordinary, ordinary, [], statutoryKinds));
            return tiers;
        }
        if (statutoryRange.BelowMinimum(settings.MitigatedFloorShare) is { } below)
            tiers.Add(new(DiscretionTier.Mitigated, "依法应当减轻处罚的（行政处罚法第三十条至第三十二条），具体情形由本基准列明。", [], statutoryKinds, below));
        var heavierFrom = 1 - settings.HeavierShare;
        tiers.Add(new(DiscretionTier.Lighter,
            "主动消除或者减轻违法行为危害后果的；受他人胁迫或者诱骗实施违法行为的；主动供述行政机关尚未掌握的违法行为的；配合行政机关查处违法行为有立功表现的。",
            [Circumstances.ActivelyReducedHarm, Circumstances.CoercedOrInduced, Circumstances.VoluntaryConfession, Circumstances.MeritoriousCooperation],
            statutoryKinds, statutoryRange.Slice(0, settings.LighterShare)));
        tiers.Add(new(DiscretionTier.Ordinary, ordinary, [], statutoryKinds, statutoryRange.Slice(settings.LighterShare, heavierFrom)));
        tiers.Add(new(DiscretionTier.Heavier,
            "一年内因同一种违法行为受过行政处罚的；拒绝、阻碍或者以暴力威胁执法人员依法调查的；造成严重危害后果的。",
            [Circumstances.RepeatWithinYear, Circumstances.ObstructsInvestigation, Circumstances.SeriousHarm],
            statutoryKinds, statutoryRange.Slice(heavierFrom, 1)));
        return tiers;
    }
}
