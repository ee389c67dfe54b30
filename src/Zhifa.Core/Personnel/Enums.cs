namespace Zhifa.Core.Personnel;

/// <summary>Where an officer stands with the employer; anything but <see cref="Active"/> ends the certificate (ZFRY-LEAVE).</summary>
public enum EmploymentStatus
{
    /// <summary>在岗</summary>
    Active,
    /// <summary>调离</summary>
    Transferred,
    /// <summary>辞职</summary>
    Resigned,
    /// <summary>辞退/开除</summary>
    Dismissed,
    /// <summary>退休</summary>
    Retired,
    /// <summary>死亡</summary>
    Deceased,
}

/// <summary>The state of an enforcement certificate (执法证) on a given day.</summary>
public enum CertificateStatus
{
    /// <summary>The day asked about is before the issue date; never stored.</summary>
    NotYetValid,
    /// <summary>有效</summary>
    Valid,
    /// <summary>暂扣 — by a sanction with an end date, or by a failed annual review until a re-review passes.</summary>
    Suspended,
    /// <summary>吊销/收回 — for misconduct; final.</summary>
    Revoked,
    /// <summary>注销 — the holder left the post or the certificate was replaced; final.</summary>
    Cancelled,
    /// <summary>过期 — the day after ValidUntil.</summary>
    Expired,
}

/// <summary>What happened to a certificate; its history is the list of these.</summary>
public enum CertificateEventKind
{
    Issued,
    ReviewPassed,
    ReviewFailed,
    Suspended,
    SuspensionLifted,
    Revoked,
    Cancelled,
    Expired,
}

/// <summary>Training categories that the hour requirement counts separately (ZFRY-TRAIN).</summary>
public enum TrainingCategory
{
    /// <summary>公共法律知识</summary>
    PublicLegal,
    /// <summary>业务知识和技能</summary>
    Business,
    /// <summary>政治理论</summary>
    PoliticalTheory,
}

/// <summary>Annual assessment grade (年度考核).</summary>
public enum AssessmentGrade
{
    /// <summary>优秀</summary>
    Excellent,
    /// <summary>称职</summary>
    Competent,
    /// <summary>基本称职</summary>
    BasicallyCompetent,
    /// <summary>不称职</summary>
    Incompetent,
}
