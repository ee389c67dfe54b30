namespace Zhifa.Core.Catalogue;

/// <summary>The kinds of enforcement item (行政执法事项类别).</summary>
public enum ItemKind
{
    /// <summary>行政处罚</summary>
    Penalty,
    /// <summary>行政许可</summary>
    Licensing,
    /// <summary>行政征收征用</summary>
    Levy,
    /// <summary>行政确认</summary>
    Confirmation,
    /// <summary>行政给付</summary>
    Payment,
    /// <summary>行政强制</summary>
    Coercion,
    /// <summary>行政检查</summary>
    Inspection,
    /// <summary>其他行政执法事项</summary>
    Other,
}

/// <summary>Where a version of an item stands: drafted, reviewed by the supervisor, published, replaced or abolished.</summary>
public enum VersionState
{
    Draft,
    Submitted,
    Returned,
    Approved,
    Published,
    Superseded,
    Abolished,
}

/// <summary>Whether the township can carry a delegated item (承接评估): 接得住, with support, or not.</summary>
public enum EvaluationResult
{
    CanCarry,
    NeedsSupport,
    CannotCarry,
}

/// <summary>What the clean-up (事项清理) found wrong with an item.</summary>
public enum CleanupFindingKind
{
    NoLegalBasis,
    UnusedFiveYears,
    SharedBasis,
    DelegationEvaluationOverdue,
}
