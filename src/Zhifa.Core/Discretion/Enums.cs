namespace Zhifa.Core.Discretion;

/// <summary>The tiers of a discretion benchmark (CLJZ-TIER), from the mildest to the most severe.</summary>
public enum DiscretionTier
{
    /// <summary>不予处罚 (行政处罚法第三十三条第一款、第三款)</summary>
    NoPenalty,
    /// <summary>可以不予处罚 / 首违不罚 (第三十三条第一款)</summary>
    MayNotPenalize,
    /// <summary>减轻处罚: below the statutory minimum (第三十二条)</summary>
    Mitigated,
    /// <summary>从轻处罚: the lowest part of the statutory range</summary>
    Lighter,
    /// <summary>一般处罚</summary>
    Ordinary,
    /// <summary>从重处罚: the highest part of the statutory range</summary>
    Heavier,
}

/// <summary>
/// Facts of a case that the benchmark's conditions test. A tier's condition is a combination of these that must
/// all be present; a tier may have several alternative combinations.
/// </summary>
[Flags]
public enum Circumstances
{
    None = 0,
    /// <summary>违法行为轻微</summary>
    Minor = 1 << 0,
    /// <summary>及时改正</summary>
    PromptlyCorrected = 1 << 1,
    /// <summary>没有造成危害后果</summary>
    NoHarm = 1 << 2,
    /// <summary>危害后果轻微</summary>
    MinorHarm = 1 << 3,
    /// <summary>初次违法</summary>
    FirstOffence = 1 << 4,
    /// <summary>有证据足以证明没有主观过错</summary>
    NoFault = 1 << 5,
    /// <summary>主动消除或者减轻违法行为危害后果</summary>
    ActivelyReducedHarm = 1 << 6,
    /// <summary>受他人胁迫或者诱骗实施违法行为</summary>
    CoercedOrInduced = 1 << 7,
    /// <summary>主动供述行政机关尚未掌握的违法行为</summary>
    VoluntaryConfession = 1 << 8,
    /// <summary>配合行政机关查处违法行为有立功表现</summary>
    MeritoriousCooperation = 1 << 9,
    /// <summary>一年内因同一种违法行为受过行政处罚 (CLJZ-REPEAT)</summary>
    RepeatWithinYear = 1 << 10,
    /// <summary>拒绝、阻碍或者以暴力威胁执法人员调查</summary>
    ObstructsInvestigation = 1 << 11,
    /// <summary>造成严重危害后果</summary>
    SeriousHarm = 1 << 12,
}

/// <summary>
/// The kinds of administrative penalty (行政处罚法第九条) that enforcement bodies impose. 行政拘留 is left out:
/// only the police impose it, and they are not among Zhifa's bodies.
/// </summary>
public enum PenaltyKind
{
    /// <summary>警告</summary>
    Warning,
    /// <summary>通报批评</summary>
    Criticism,
    /// <summary>罚款</summary>
    Fine,
    /// <summary>没收违法所得</summary>
    ConfiscateGains,
    /// <summary>没收非法财物</summary>
    ConfiscateGoods,
    /// <summary>暂扣许可证件</summary>
    SuspendLicence,
    /// <summary>降低资质等级</summary>
    LowerQualification,
    /// <summary>吊销许可证件</summary>
    RevokeLicence,
    /// <summary>限制开展生产经营活动</summary>
    RestrictActivities,
    /// <summary>责令停产停业</summary>
    SuspendOperations,
    /// <summary>责令关闭</summary>
    OrderClosure,
    /// <summary>限制从业</summary>
    RestrictEmployment,
}

/// <summary>
/// What a fine range is measured in: yuan, multiples of an amount of the case (the illegal gain, the goods' value, the
/// advertising fee, the contract amount, the tax evaded), or yuan per unit of a quantity (per square metre, tonne, day).
/// </summary>
public enum FineBasis
{
    /// <summary>固定金额</summary>
    Fixed,
    /// <summary>违法所得的倍数</summary>
    IllegalGain,
    /// <summary>货值金额的倍数</summary>
    GoodsValue,
    /// <summary>广告费用的倍数（广告法）</summary>
    AdvertisingFee,
    /// <summary>合同金额的倍数</summary>
    ContractAmount,
    /// <summary>偷逃税款的倍数</summary>
    TaxEvaded,
    /// <summary>按数量计罚：每平方米、每吨、每日……若干元（<see cref="FineUnit"/>）</summary>
    PerUnit,
}

/// <summary>The unit a per-unit fine is counted in.</summary>
public enum FineUnit
{
    /// <summary>平方米</summary>
    SquareMetre,
    /// <summary>亩</summary>
    Mu,
    /// <summary>立方米</summary>
    CubicMetre,
    /// <summary>吨</summary>
    Tonne,
    /// <summary>日</summary>
    Day,
    /// <summary>件</summary>
    Piece,
}

/// <summary>A benchmark's filing with the supervising justice bureau (备案审查), the bureau's approval and its publication.</summary>
public enum BenchmarkStatus
{
    Draft,
    Filed,
    Approved,
    Published,
}

/// <summary>The lists published from the benchmarks (“四张清单”).</summary>
public enum ListKind
{
    /// <summary>不予处罚事项清单, with 首违不罚 entries</summary>
    NoPenalty,
    /// <summary>从轻处罚事项清单</summary>
    Lighter,
    /// <summary>减轻处罚事项清单</summary>
    Mitigated,
    /// <summary>免予行政强制事项清单</summary>
    ExemptFromCoercion,
}
