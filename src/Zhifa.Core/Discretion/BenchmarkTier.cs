using System.ComponentModel.DataAnnotations;
using Zhifa.Core.Common;
using Zhifa.Core.Organizations;

namespace Zhifa.Core.Discretion;

/// <summary>
/// One tier of a benchmark: when it applies — in words for people, and as combinations of circumstances for the
/// calculator (the tier applies when all circumstances of any one combination are present) — which penalties it
/// imposes and, where one of them is a fine, the fine's range.
/// </summary>
public sealed record BenchmarkTier(
    DiscretionTier Tier,
    [MaxLength(BenchmarkTier.MaxConditionTextLength)] string ConditionText,
    [MaxLength(BenchmarkTier.MaxConditions)] IReadOnlyList<Circumstances> Conditions,
    [MaxLength(BenchmarkTier.MaxKinds)] IReadOnlyList<PenaltyKind> PenaltyKinds,
    FineRange? Range = null)
{
    public const int MaxConditionTextLength = 2000;
    public const int MaxConditions = 50;
    public const int MaxKinds = 20;
    public const int MaxTiers = 20;

    /// <summary>False for 不予处罚 and 可以不予处罚, which impose nothing.</summary>
    public bool ImposesPenalty => Tier is not (DiscretionTier.NoPenalty or DiscretionTier.MayNotPenalize);

    public bool AppliesTo(Circumstances facts) => MatchedBy(facts) != Circumstances.None;

    /// <summary>The circumstances of every combination that <paramref name="facts"/> fulfil: the reasons to name in the decision.</summary>
    public Circumstances MatchedBy(Circumstances facts) =>
        Conditions.Where(c => c != Circumstances.None && (facts & c) == c).Aggregate(Circumstances.None, (all, c) => all | c);
}

/// <summary>
/// When a coercive measure is not taken (行政强制法第十六条第二款: 违法行为情节显著轻微或者没有明显社会危害的，可以不采取
/// 行政强制措施): the condition of a coercion item's benchmark, published in the 免予行政强制清单.
/// </summary>
public sealed record CoercionExemption(
    [MaxLength(BenchmarkTier.MaxConditionTextLength)] string ConditionText, [MaxLength(BenchmarkTier.MaxConditions)] IReadOnlyList<Circumstances> Conditions);

/// <summary>The body that issues a benchmark, its region and the region's level.</summary>
public sealed record Issuer(Guid BodyId, Guid RegionId, RegionLevel Level);

/// <summary>
/// Where the default tiers split the statutory range (CLJZ-30): 从轻 the lowest <see cref="LighterShare"/>, 从重 the highest
/// <see cref="HeavierShare"/>, 一般 between; 减轻 from <see cref="MitigatedFloorShare"/> of the statutory minimum up to it.
/// </summary>
public sealed record TierSettings(decimal LighterShare = 0.3m, decimal HeavierShare = 0.3m, decimal MitigatedFloorShare = 0m)
{
    public static TierSettings Default { get; } = new();

    internal Error? Check() =>
        LighterShare <= 0 || HeavierShare <= 0 || LighterShare + HeavierShare >= 1 || MitigatedFloorShare is < 0 or >= 1
            ? DiscretionErrors.TierSettingsInvalid()
            : null;
}
