namespace Zhifa.Core.Discretion;

/// <summary>
/// The sentence a decision document carries on how the benchmark was applied (CLJZ-EXPLAIN), in Chinese for the
/// document and in English for the English interface. It is the text of a legal document, written here rather than
/// in the interface's resources, and the officer may edit it before the document is issued.
/// </summary>
public sealed record Explanation(string Chinese, string English)
{
    internal static Explanation For(
        string title, BenchmarkTier tier, int number, Circumstances asserted, Circumstances applied, bool offset, ResolvedRange? range, decimal? amount)
    {
        static List<Circumstances> Each(Circumstances flags) => [.. Enum.GetValues<Circumstances>().Where(c => c != Circumstances.None && flags.HasFlag(c))];
        var facts = Each(applied);
        // What the officer asserted but the benchmark's conditions do not take up is still said: the decision answers it.
        var unused = Each(asserted & ~applied);
        var unusedZh = string.Join("、", unused.Select(c => Phrases[c].Zh));
        var unusedEn = string.Join("; ", unused.Select(c => Phrases[c].En));
        string factsZh, factsEn;
        if (facts.Count > 0)
        {
            factsZh = string.Join("，", facts.Select(c => Phrases[c].Zh));
            factsEn = string.Join("; ", facts.Select(c => Phrases[c].En));
            if (unused.Count > 0)
            {
                factsZh += $"；另有{unusedZh}的情节，不影响处罚档次";
                factsEn += $"; also {unusedEn}, which does not change the tier";
            }
        }
        else if (unused.Count > 0)
        {
            factsZh = $"具有{unusedZh}的情节，但不符合本基准从轻、减轻或者从重处罚的条件";
            factsEn = $"{unusedEn}, which does not meet this benchmark's conditions for a lighter, mitigated or heavier penalty";
        }
        else
        {
            factsZh = "无从轻、减轻或者从重处罚情节";
            factsEn = "no circumstances for a lighter, mitigated or heavier penalty";
        }
        if (offset)
        {
            factsZh += "，从轻、减轻情节与从重情节相互抵消";
            factsEn += "; the mitigating and the aggravating circumstances offset each other";
        }
        var (tierZh, tierEn) = TierNames[tier.Tier];
        var chinese = $"当事人{factsZh}，依据《{title}》第{number}档（{tierZh}）的规定，{DecisionZh(tier, range, amount)}。";
        var english = $"Circumstances: {factsEn}. Under tier {number} ({tierEn}) of {title}, {DecisionEn(tier, range, amount)}.";
        return new Explanation(chinese, english);
    }

    private static string DecisionZh(BenchmarkTier tier, ResolvedRange? range, decimal? amount)
    {
        if (!tier.ImposesPenalty)
            return "决定不予行政处罚";
        var others = string.Join("、", tier.PenaltyKinds.Where(k => k != PenaltyKind.Fine).Select(k => KindNames[k].Zh));
        if (range is null || amount is null)
            return $"决定给予{others}";
        var basis = range.MinMultiple is null ? ""
            : range.Unit is { } unit
            ? $"（{Money.Format(range.BaseAmount!.Value)}{UnitNames[unit].Zh}，每{UnitNames[unit].Zh}{Money.Format(range.MinMultiple.Value)}元至{Money.Format(range.MaxMultiple!.Value)}元）"
            : $"（{BaseNames[range.Basis].Zh}{Money.Format(range.BaseAmount!.Value)}元的{Money.Format(range.MinMultiple.Value)}倍至{Money.Format(range.MaxMultiple!.Value)}倍）";
        var also = others.Length == 0 ? "" : $"给予{others}，并处";
        return $"在罚款{Money.Format(range.Min)}元至{Money.Format(range.Max)}元{basis}的幅度内，决定{also}罚款{Money.Format(amount.Value)}元";
    }

    private static string DecisionEn(BenchmarkTier tier, ResolvedRange? range, decimal? amount)
    {
        if (!tier.ImposesPenalty)
            return "no penalty is imposed";
        var others = string.Join(", ", tier.PenaltyKinds.Where(k => k != PenaltyKind.Fine).Select(k => KindNames[k].En));
        if (range is null || amount is null)
            return $"the penalty imposed is: {others}";
        var basis = range.MinMultiple is null ? ""
            : range.Unit is { } unit
            ? $" ({Money.Format(range.MinMultiple.Value)} to {Money.Format(range.MaxMultiple!.Value)} yuan per {UnitNames[unit].En} for {Money.Format(range.BaseAmount!.Value)} {UnitNames[unit].Plural})"
            : $" ({Money.Format(range.MinMultiple.Value)} to {Money.Format(range.MaxMultiple!.Value)} times the {BaseNames[range.Basis].En} of {Money.Format(range.BaseAmount!.Value)} yuan)";
        var also = others.Length == 0 ? "" : $", together with: {others}";
        return $"within the fine range of {Money.Format(range.Min)} to {Money.Format(range.Max)} yuan{basis}, a fine of {Money.Format(amount.Value)} yuan is imposed{also}";
    }

    private static readonly Dictionary<Circumstances, (string Zh, string En)> Phrases = new()
    {
        [Circumstances.Minor] = ("违法行为轻微", "the violation is minor"),
        [Circumstances.PromptlyCorrected] = ("及时改正", "corrected promptly"),
        [Circumstances.NoHarm] = ("没有造成危害后果", "no harm caused"),
        [Circumstances.MinorHarm] = ("危害后果轻微", "minor harm"),
        [Circumstances.FirstOffence] = ("属于初次违法", "first violation"),
        [Circumstances.NoFault] = ("有证据足以证明没有主观过错", "proved to be without fault"),
        [Circumstances.ActivelyReducedHarm] = ("主动消除或者减轻违法行为危害后果", "actively eliminated or reduced the harm"),
        [Circumstances.CoercedOrInduced] = ("受他人胁迫或者诱骗实施违法行为", "coerced or induced by others"),
        [Circumstances.VoluntaryConfession] = ("主动供述行政机关尚未掌握的违法行为", "confessed violations the agency did not know of"),
        [Circumstances.MeritoriousCooperation] = ("配合行政机关查处违法行为有立功表现", "cooperated meritoriously with the investigation"),
        [Circumstances.RepeatWithinYear] = ("一年内因同一种违法行为受过行政处罚", "penalised for the same kind of violation within one year"),
        [Circumstances.ObstructsInvestigation] = ("拒绝、阻碍执法人员依法调查", "obstructed the investigation"),
        [Circumstances.SeriousHarm] = ("造成严重危害后果", "serious harm caused"),
    };

    private static readonly Dictionary<FineBasis, (string Zh, string En)> BaseNames = new()
    {
        [FineBasis.IllegalGain] = ("违法所得", "illegal gain"),
        [FineBasis.GoodsValue] = ("货值金额", "goods value"),
        [FineBasis.AdvertisingFee] = ("广告费用", "advertising fee"),
        [FineBasis.ContractAmount] = ("合同金额", "contract amount"),
        [FineBasis.TaxEvaded] = ("偷逃税款", "tax evaded"),
    };

    private static readonly Dictionary<FineUnit, (string Zh, string En, string Plural)> UnitNames = new()
    {
        [FineUnit.SquareMetre] = ("平方米", "square metre", "square metres"),
        [FineUnit.Mu] = ("亩", "mu", "mu"),
        [FineUnit.CubicMetre] = ("立方米", "cubic metre", "cubic metres"),
        [FineUnit.Tonne] = ("吨", "tonne", "tonnes"),
        [FineUnit.Day] = ("日", "day", "days"),
        [FineUnit.Piece] = ("件", "piece", "pieces"),
    };

    private static readonly Dictionary<DiscretionTier, (string Zh, string En)> TierNames = new()
    {
        [DiscretionTier.NoPenalty] = ("不予处罚", "no penalty"),
        [DiscretionTier.MayNotPenalize] = ("首违不罚", "first violation, no penalty"),
        [DiscretionTier.Mitigated] = ("减轻处罚", "mitigated"),
        [DiscretionTier.Lighter] = ("从轻处罚", "lighter"),
        [DiscretionTier.Ordinary] = ("一般处罚", "ordinary"),
        [DiscretionTier.Heavier] = ("从重处罚", "heavier"),
    };

    private static readonly Dictionary<PenaltyKind, (string Zh, string En)> KindNames = new()
    {
        [PenaltyKind.Warning] = ("警告", "a warning"),
        [PenaltyKind.Criticism] = ("通报批评", "a public criticism"),
        [PenaltyKind.Fine] = ("罚款", "a fine"),
        [PenaltyKind.ConfiscateGains] = ("没收违法所得", "confiscation of the illegal gain"),
        [PenaltyKind.ConfiscateGoods] = ("没收非法财物", "confiscation of the illegal goods"),
        [PenaltyKind.SuspendLicence] = ("暂扣许可证件", "suspension of the licence"),
        [PenaltyKind.LowerQualification] = ("降低资质等级", "a lower qualification grade"),
        [PenaltyKind.RevokeLicence] = ("吊销许可证件", "revocation of the licence"),
        [PenaltyKind.RestrictActivities] = ("限制开展生产经营活动", "restriction of business activities"),
        [PenaltyKind.SuspendOperations] = ("责令停产停业", "suspension of production and business"),
        [PenaltyKind.OrderClosure] = ("责令关闭", "closure"),
        [PenaltyKind.RestrictEmployment] = ("限制从业", "restriction of employment"),
    };
}
