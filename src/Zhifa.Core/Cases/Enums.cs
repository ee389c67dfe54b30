namespace Zhifa.Core.Cases;

/// <summary>普通程序 or 简易程序 (CASEFLOW.md).</summary>
public enum CaseProcedure
{
    General,
    Simple,
}

/// <summary>Where a lead (案源) came from (CASEFLOW.md step 1).</summary>
public enum LeadSource
{
    /// <summary>监督检查中发现</summary>
    Inspection,
    /// <summary>投诉举报（含12345）</summary>
    Complaint,
    /// <summary>其他机关移送</summary>
    TransferIn,
    /// <summary>上级交办</summary>
    Assigned,
    /// <summary>数据监测</summary>
    DataMonitoring,
    /// <summary>执法人员自行发现</summary>
    OwnDiscovery,
}

/// <summary>The states of a penalty case: the law's steps, not a ladder of approvals.</summary>
public enum CaseState
{
    /// <summary>案源登记: the lead waits for the opening decision (XZCF-54).</summary>
    Lead,
    /// <summary>不予立案</summary>
    NotOpened,
    /// <summary>移送管辖: handed to the competent body.</summary>
    TransferredOut,
    /// <summary>调查取证: opened, the decision clock runs (XZCF-60).</summary>
    Investigating,
    /// <summary>中止: the clock stands still.</summary>
    Suspended,
    /// <summary>调查终结: the report with the proposed handling is in.</summary>
    Concluded,
    /// <summary>法制审核通过 (XZCF-58).</summary>
    Reviewed,
    /// <summary>已告知: the prior notice is served, the statement period runs (XZCF-44, XZCF-STMT).</summary>
    Notified,
    /// <summary>已申请听证 (XZCF-64): the hearing's days stop the decision clock.</summary>
    HearingRequested,
    /// <summary>听证结束</summary>
    Heard,
    /// <summary>已作出处罚决定</summary>
    Decided,
    /// <summary>不予行政处罚 (XZCF-33)</summary>
    NoPenaltyDecided,
    /// <summary>已送达, awaiting payment (XZCF-61, XZCF-66).</summary>
    Served,
    /// <summary>已催告 (XZQZ-35)</summary>
    Demanded,
    /// <summary>已申请法院强制执行 (XZQZ-53)</summary>
    CourtEnforcement,
    /// <summary>执行完毕</summary>
    Executed,
    /// <summary>拟移送公安 (YSGD-5): the head decides within 3 working days.</summary>
    ReferralProposed,
    /// <summary>已移送公安</summary>
    ReferredToPolice,
    /// <summary>公安不予立案 (YSGD-9: may be challenged within 3 working days).</summary>
    PoliceDeclined,
    /// <summary>终止</summary>
    Terminated,
    /// <summary>当场处罚 (简易程序): decided and served on the spot (XZCF-51, XZCF-52).</summary>
    OnSpotDecided,
    /// <summary>结案</summary>
    Closed,
    /// <summary>归档: the file is locked.</summary>
    Archived,
}

/// <summary>What people do to a case. Each is one row or more of <see cref="CaseWorkflow.Table"/>.</summary>
public enum CaseAction
{
    /// <summary>案源登记: the lead registered (an event of the timeline, not a row of the table).</summary>
    Register,
    Open,
    DeclineToOpen,
    ExtendOpening,
    TransferJurisdiction,
    AssignOfficers,
    RegisterEvidence,
    DisposeEvidence,
    StopClock,
    RestartClock,
    Conclude,
    ReturnForInvestigation,
    PassLegalReview,
    RecordDiscussion,
    ApproveDeviation,
    ExtendDecision,
    Notify,
    RecordStatement,
    RequestHearing,
    ScheduleHearing,
    HoldHearing,
    Decide,
    DecideNoPenalty,
    Serve,
    RecordPayment,
    ApproveDeferral,
    StartReconsideration,
    EndReconsideration,
    Demand,
    ApplyToCourt,
    Settle,
    Suspend,
    Resume,
    Terminate,
    ProposeReferral,
    ApproveReferral,
    RejectReferral,
    RecordPoliceHandover,
    RecordPoliceDecline,
    ChallengeDecline,
    ResumeAfterDecline,
    CollectOnSpot,
    HandOverCash,
    FileWithBody,
    Close,
    Archive,
    /// <summary>查封扣押审批 (XZQZ-18 before, XZQZ-19 within 24 hours after an emergency measure).</summary>
    ApproveMeasure,
    /// <summary>实施查封扣押 with the two-copy inventory (XZQZ-18, XZQZ-24).</summary>
    TakeMeasure,
    /// <summary>延长查封扣押期限 once by 30 days (XZQZ-25).</summary>
    ExtendMeasure,
    /// <summary>解除查封扣押 or dispose of what was seized.</summary>
    ReleaseMeasure,
}

/// <summary>The clocks of a case (DESIGN.md "Deadlines are rows"); each names its rule.</summary>
public enum DeadlineKind
{
    /// <summary>XZCF-54: decide on opening.</summary>
    OpeningDecision,
    /// <summary>XZCF-60: the decision within 90 days of opening.</summary>
    Decision,
    /// <summary>XZCF-56: evidence registered for preservation disposed of.</summary>
    EvidenceDisposal,
    /// <summary>XZCF-STMT: the statement and defence period.</summary>
    Statement,
    /// <summary>XZCF-64: a hearing requested within 5 working days of the notice.</summary>
    HearingRequest,
    /// <summary>XZCF-61: the decision served.</summary>
    Service,
    /// <summary>XZCF-66: the fine paid.</summary>
    Payment,
    /// <summary>XZQZ-54: the demand complied with before a court application.</summary>
    DemandCompliance,
    /// <summary>XZQZ-53: the last day to apply to the court.</summary>
    CourtApplication,
    /// <summary>YSGD-5: the head decides on the transfer to the police.</summary>
    ReferralDecision,
    /// <summary>YSGD-5: the file reaches the police within 24 hours.</summary>
    PoliceHandover,
    /// <summary>YSGD-9: the police's refusal challenged.</summary>
    DeclineChallenge,
    /// <summary>XZCF-71: cash collected on the spot handed to the body.</summary>
    CashHandover,
    /// <summary>XZCF-52: the on-the-spot decision filed with the body.</summary>
    Filing,
    /// <summary>XZQZ-19: an emergency seal-up or seizure approved within 24 hours.</summary>
    MeasureApproval,
    /// <summary>XZQZ-25: a seal-up or seizure released or disposed of within 30 days (+30 once), testing excluded.</summary>
    MeasureDuration,
}

/// <summary>Where a deadline stands.</summary>
public enum DeadlineStatus
{
    /// <summary>Running (overdue when its due date has passed).</summary>
    Open,
    /// <summary>Done in time.</summary>
    Met,
    /// <summary>Done late, or closed undone.</summary>
    Missed,
    /// <summary>No longer applies (the step it waited for will not come).</summary>
    Cancelled,
}

/// <summary>Why a clock stands still (XZCF Art. 60; CASEFLOW.md).</summary>
public enum StopReason
{
    /// <summary>检测、检验、检疫、鉴定</summary>
    Testing,
    /// <summary>听证</summary>
    Hearing,
    /// <summary>公告</summary>
    PublicNotice,
    /// <summary>权利人辨认或者鉴别</summary>
    Identification,
    /// <summary>中止</summary>
    Suspension,
}

/// <summary>How a decision was served (XZCF-61).</summary>
public enum ServiceMethod
{
    /// <summary>直接送达</summary>
    InPerson,
    /// <summary>留置送达</summary>
    LeftAtAddress,
    /// <summary>邮寄送达</summary>
    Post,
    /// <summary>电子送达: only with the party's signed consent (送达地址确认书).</summary>
    Electronic,
    /// <summary>公告送达</summary>
    PublicNotice,
}

/// <summary>How a fine was paid (XZCF-67, XZCF-68).</summary>
public enum PaymentChannel
{
    /// <summary>指定银行</summary>
    Bank,
    /// <summary>电子支付</summary>
    Electronic,
    /// <summary>当场收缴 (XZCF-68)</summary>
    OnTheSpot,
}

/// <summary>The documents a step produces (CASEFLOW.md "The document set"); the record of each is kept with the case.</summary>
public enum DocumentKind
{
    LeadRegistration,
    OpeningApproval,
    NotOpeningApproval,
    TransferLetter,
    EvidencePreservationNotice,
    EvidenceDisposalDecision,
    InvestigationReport,
    LegalReviewOpinion,
    DiscussionRecord,
    DeviationApproval,
    ExtensionApproval,
    PenaltyNotice,
    HearingNotice,
    StatementRecord,
    HearingSummons,
    HearingReport,
    PenaltyDecision,
    NoPenaltyDecision,
    OnSpotDecision,
    ServiceReturn,
    PaymentRecord,
    DeferralApproval,
    Demand,
    CourtApplication,
    SuspensionDecision,
    TerminationDecision,
    CriminalReferral,
    OnSpotReceipt,
    ClosingReport,
    ClockStopRecord,
    MeasureDecision,
    MeasureExtension,
    MeasureRelease,
}

/// <summary>The coercive measures a case may take (行政强制措施, XZQZ-18).</summary>
public enum MeasureKind
{
    /// <summary>查封</summary>
    SealUp,
    /// <summary>扣押</summary>
    Seizure,
}

/// <summary>How a seal-up or seizure ended (XZQZ-25).</summary>
public enum MeasureOutcome
{
    /// <summary>解除</summary>
    Released,
    /// <summary>依法没收</summary>
    Confiscated,
    /// <summary>依法销毁</summary>
    Destroyed,
}
