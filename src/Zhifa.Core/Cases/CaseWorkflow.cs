using Zhifa.Core.Common;
using static Zhifa.Core.Cases.CaseAction;
using static Zhifa.Core.Cases.CaseState;

namespace Zhifa.Core.Cases;

/// <summary>
/// One row of the case's table: from a state an action leads to a state, for those holding <see cref="Permission"/>
/// (null: a step only the system takes), when every guard holds; it starts and meets deadlines and produces a document.
/// </summary>
public sealed record CaseRow(
    CaseState From, CaseAction Action, CaseState To, string? Permission, IReadOnlyList<TransitionGuard> Guards,
    DocumentKind? Document = null, IReadOnlyList<DeadlineKind>? Starts = null, IReadOnlyList<DeadlineKind>? Meets = null)
{
    public IReadOnlyList<DeadlineKind> StartsDeadlines => Starts ?? [];
    public IReadOnlyList<DeadlineKind> MeetsDeadlines => Meets ?? [];
}

/// <summary>The guards of the case's steps, each with its rule id (RULES.md) and the message a clerk understands.</summary>
public static class CaseGuards
{
    public static readonly TransitionGuard Limitation = new("XZCF-36", "case.limitation_expired");
    public static readonly TransitionGuard OpeningExtendedOnce = new("XZCF-54", "case.opening_already_extended");
    public static readonly TransitionGuard TeamEligible = new("XZCF-42", "case.team_not_eligible");
    public static readonly TransitionGuard EvidencePending = new("XZCF-56", "case.no_evidence_pending");
    public static readonly TransitionGuard ClockRunning = new("XZCF-60", "case.clock_already_stopped");
    public static readonly TransitionGuard ClockStopped = new("XZCF-60", "case.clock_not_stopped");
    public static readonly TransitionGuard ProposalChecked = new("CLJZ-DEVIATE", "case.proposal_missing");
    public static readonly TransitionGuard ReviewerQualified = new("XZCF-58", "case.reviewer_not_qualified");
    public static readonly TransitionGuard ReviewPassed = new("XZCF-58", "case.legal_review_required");
    public static readonly TransitionGuard DiscussionHeld = new("XZCF-57", "case.discussion_required");
    public static readonly TransitionGuard DeviationApproved = new("CLJZ-DEVIATE", "case.deviation_not_approved");
    public static readonly TransitionGuard DeviationExists = new("CLJZ-DEVIATE", "case.no_deviation");
    public static readonly TransitionGuard FurtherExtension = new("XZCF-60", "case.extension_needs_discussion");
    public static readonly TransitionGuard HearingRight = new("XZCF-63", "case.no_hearing_right");
    public static readonly TransitionGuard HearingRequestInTime = new("XZCF-64", "case.hearing_request_late");
    public static readonly TransitionGuard HearingNoticeAhead = new("XZCF-64", "case.hearing_notice_too_short");
    public static readonly TransitionGuard PresidingNotInvestigator = new("XZCF-64", "case.presiding_is_investigator");
    public static readonly TransitionGuard HearingDayReached = new("XZCF-64", "case.hearing_not_yet");
    public static readonly TransitionGuard StatementPeriodOver = new("XZCF-STMT", "case.statement_period_running");
    public static readonly TransitionGuard HearingWindowOver = new("XZCF-64", "case.hearing_window_running");
    public static readonly TransitionGuard NotHeavier = new("XZCF-45", "case.heavier_after_defence");
    public static readonly TransitionGuard NotInsteadOfTransfer = new("YSGD-11", "case.no_penalty_instead_of_transfer");
    public static readonly TransitionGuard ExplanationPresent = new("CLJZ-EXPLAIN", "case.explanation_missing");
    public static readonly TransitionGuard NoPenaltyGrounds = new("XZCF-33", "case.no_penalty_grounds_missing");
    public static readonly TransitionGuard ElectronicConsent = new("XZCF-61", "case.electronic_service_without_consent");

    /// <summary>SXZD-AV: a seal-up or seizure only with its audio-video record attached to the case.</summary>
    public static readonly TransitionGuard AudioVideoRecord = new("SXZD-AV", "case.audio_video_missing");
    public static readonly TransitionGuard PaymentOverdue = new("XZQZ-35", "case.payment_not_overdue");
    public static readonly TransitionGuard DemandPeriodOver = new("XZQZ-54", "case.demand_period_running");
    public static readonly TransitionGuard CourtWindowOpen = new("XZQZ-53", "case.court_window_closed");
    public static readonly TransitionGuard NotUnderReview = new("XZCF-72", "case.reconsideration_running");
    public static readonly TransitionGuard UnderReview = new("XZCF-72", "case.reconsideration_not_running");
    public static readonly TransitionGuard ReferralTeam = new("YSGD-5", "case.referral_needs_two_officers");
    public static readonly TransitionGuard ChallengeInTime = new("YSGD-9", "case.challenge_late");
    public static readonly TransitionGuard OnSpotLimit = new("XZCF-68", "case.on_spot_limit");
    public static readonly TransitionGuard CashPending = new("XZCF-71", "case.no_cash_pending");
    public static readonly TransitionGuard PaidInFull = new("XZCF-66", "case.not_paid");
    public static readonly TransitionGuard MeasureApproved = new("XZQZ-18", "case.measure_not_approved");
    public static readonly TransitionGuard MeasureTeam = new("XZQZ-18", "case.measure_team_not_eligible");
    public static readonly TransitionGuard InventoryTwoCopies = new("XZQZ-24", "case.inventory_two_copies");
    public static readonly TransitionGuard EmergencyApprovalInTime = new("XZQZ-19", "case.emergency_approval_late");
    public static readonly TransitionGuard MeasureInForce = new("XZQZ-25", "case.no_measure_in_force");
    public static readonly TransitionGuard MeasureExtendedOnce = new("XZQZ-25", "case.measure_already_extended");
    public static readonly TransitionGuard MeasureNotExpired = new("XZQZ-25", "case.measure_expired");
    public static readonly TransitionGuard MeasuresEnded = new("XZQZ-25", "case.measure_still_in_force");

    /// <summary>
    /// The guards that judge what is asked (the team named, the amount, the hearing's date …) or who asks; the others
    /// judge the case and the day alone, so a page can tell before anyone fills a form why a step cannot be taken yet.
    /// </summary>
    public static readonly IReadOnlySet<TransitionGuard> JudgeTheRequest = new HashSet<TransitionGuard>
    {
        TeamEligible, MeasureTeam, ReviewerQualified, HearingNoticeAhead, PresidingNotInvestigator, NotHeavier, NoPenaltyGrounds, ElectronicConsent,
        AudioVideoRecord, OnSpotLimit, MeasureApproved, InventoryTwoCopies, ExplanationPresent,
    };
}

/// <summary>
/// The penalty case as one table (DESIGN.md "Workflows are tables"; CASEFLOW.md). The API's refusals, the buttons a
/// page shows, the flow chart and the tests read it. Order matters only for display.
/// </summary>
public static class CaseWorkflow
{
    public const string Handle = CasePermissions.Handle;
    public const string Approve = CasePermissions.Approve;
    public const string Review = CasePermissions.Review;
    public const string ArchivePermission = CasePermissions.Archive;

    private static readonly TransitionGuard[] None = [];
    private static readonly CaseState[] BeforeDecision = [Investigating, Concluded, Reviewed, Notified, HearingRequested, Heard];
    private static readonly CaseState[] Paying = [Served, Demanded, CourtEnforcement];

    /// <summary>Where a seal-up or seizure may still be in force: from the investigation until the case is closed.</summary>
    private static readonly CaseState[] MeasureHeld =
        [.. BeforeDecision, Suspended, Decided, NoPenaltyDecided, .. Paying, Executed, ReferralProposed, ReferredToPolice, PoliceDeclined, Terminated, TransferredOut];

    public static IReadOnlyList<CaseRow> Rows { get; } = Build();

    public static Workflow<CaseState, CaseAction> Table { get; } = new(Rows.Select(r =>
        new Transition<CaseState, CaseAction>(r.From, r.Action, r.To, r.Permission, r.Guards.FirstOrDefault(), r.Document?.ToString())));

    private static readonly Dictionary<(CaseState, CaseAction), CaseRow> ByKey = Rows.ToDictionary(r => (r.From, r.Action));

    public static CaseRow? Find(CaseState from, CaseAction action) => ByKey.GetValueOrDefault((from, action));

    /// <summary>
    /// The rule that puts <paramref name="action"/> after another step, for a refusal out of order that a clerk
    /// understands ("no decision without the prior notice, XZCF-44"); null where only the state speaks.
    /// </summary>
    public static string? PrerequisiteRule(CaseAction action) => action switch
    {
        Decide => "XZCF-44",
        Notify => "XZCF-58",
        Conclude or RegisterEvidence or AssignOfficers => "XZCF-42",
        RequestHearing or ScheduleHearing or HoldHearing => "XZCF-64",
        Serve => "XZCF-61",
        RecordPayment or ApproveDeferral => "XZCF-66",
        Demand => "XZQZ-35",
        ApplyToCourt => "XZQZ-54",
        ApproveReferral or RejectReferral => "YSGD-5",
        ChallengeDecline => "YSGD-9",
        ExtendDecision => "XZCF-60",
        Archive => "CASE-ARCHIVE",
        _ => null,
    };

    private static List<CaseRow> Build()
    {
        List<CaseRow> rows = [];
        void Add(CaseState from, CaseAction action, CaseState to, string? permission, TransitionGuard[]? guards = null, DocumentKind? document = null,
            DeadlineKind[]? starts = null, DeadlineKind[]? meets = null) =>
            rows.Add(new CaseRow(from, action, to, permission, guards ?? None, document, starts, meets));
        void Each(IEnumerable<CaseState> froms, CaseAction action, Func<CaseState, CaseState> to, string? permission, TransitionGuard[]? guards = null,
            DocumentKind? document = null, DeadlineKind[]? starts = null, DeadlineKind[]? meets = null)
        {
            foreach (var from in froms)
                Add(from, action, to(from), permission, guards, document, starts, meets);
        }

        // 1–2. The lead and the opening decision (XZCF-54, XZCF-36).
        Add(Lead, Open, Investigating, Approve, [CaseGuards.Limitation], DocumentKind.OpeningApproval, [DeadlineKind.Decision], [DeadlineKind.OpeningDecision]);
        Add(Lead, DeclineToOpen, NotOpened, Approve, null, DocumentKind.NotOpeningApproval, null, [DeadlineKind.OpeningDecision]);
        Add(Lead, ExtendOpening, Lead, Approve, [CaseGuards.OpeningExtendedOnce], DocumentKind.ExtensionApproval);
        Each([Lead, Investigating], TransferJurisdiction, _ => TransferredOut, Approve, null, DocumentKind.TransferLetter, null, [DeadlineKind.OpeningDecision]);

        // 3. Investigation (XZCF-42, XZCF-56; stopped clocks of XZCF-60).
        Add(Investigating, AssignOfficers, Investigating, Handle, [CaseGuards.TeamEligible]);
        Add(Investigating, RegisterEvidence, Investigating, Handle, [CaseGuards.TeamEligible], DocumentKind.EvidencePreservationNotice, [DeadlineKind.EvidenceDisposal]);
        Add(Investigating, DisposeEvidence, Investigating, Handle, [CaseGuards.EvidencePending], DocumentKind.EvidenceDisposalDecision, null, [DeadlineKind.EvidenceDisposal]);
        Add(Investigating, StopClock, Investigating, Handle, [CaseGuards.ClockRunning], DocumentKind.ClockStopRecord);
        Add(Investigating, RestartClock, Investigating, Handle, [CaseGuards.ClockStopped], DocumentKind.ClockStopRecord);

        // 4. The investigation report with the proposed handling, checked against the benchmark.
        Add(Investigating, Conclude, Concluded, Handle, [CaseGuards.TeamEligible], DocumentKind.InvestigationReport);
        Each([Concluded, Reviewed], ReturnForInvestigation, _ => Investigating, Review);

        // 5–6. Legal review (XZCF-58), collective discussion (XZCF-57), a deviation approved (CLJZ-DEVIATE).
        Add(Concluded, PassLegalReview, Reviewed, Review, [CaseGuards.ReviewerQualified], DocumentKind.LegalReviewOpinion);
        Each([Concluded, Reviewed, Notified, Heard], RecordDiscussion, s => s, Approve, null, DocumentKind.DiscussionRecord);
        Each([Concluded, Reviewed], ApproveDeviation, s => s, Approve, [CaseGuards.DeviationExists], DocumentKind.DeviationApproval);
        Each(BeforeDecision, ExtendDecision, s => s, Approve, [CaseGuards.FurtherExtension], DocumentKind.ExtensionApproval);

        // 7–8. Prior notice (XZCF-44, XZCF-63), statement (XZCF-STMT), hearing (XZCF-64).
        Each([Concluded, Reviewed], Notify, _ => Notified, Approve, [CaseGuards.ProposalChecked, CaseGuards.ReviewPassed, CaseGuards.DeviationApproved],
            DocumentKind.PenaltyNotice, [DeadlineKind.Statement, DeadlineKind.HearingRequest]);
        Each([Notified, Heard], RecordStatement, s => s, Handle, null, DocumentKind.StatementRecord);
        Add(Notified, RequestHearing, HearingRequested, Handle, [CaseGuards.HearingRight, CaseGuards.HearingRequestInTime], null, null, [DeadlineKind.HearingRequest]);
        Add(HearingRequested, ScheduleHearing, HearingRequested, Handle, [CaseGuards.HearingNoticeAhead, CaseGuards.PresidingNotInvestigator], DocumentKind.HearingSummons);
        Add(HearingRequested, HoldHearing, Heard, Handle, [CaseGuards.HearingDayReached], DocumentKind.HearingReport);

        // 9. The decision (XZCF-60, XZCF-45, XZCF-58, XZCF-57, YSGD-11, CLJZ-EXPLAIN) or no penalty (XZCF-33).
        Each([Notified, Heard], Decide, _ => Decided, Approve,
            [CaseGuards.StatementPeriodOver, CaseGuards.HearingWindowOver, CaseGuards.NotHeavier, CaseGuards.ReviewPassed, CaseGuards.DiscussionHeld,
             CaseGuards.DeviationApproved, CaseGuards.NotInsteadOfTransfer, CaseGuards.ExplanationPresent],
            DocumentKind.PenaltyDecision, [DeadlineKind.Service], [DeadlineKind.Decision, DeadlineKind.Statement, DeadlineKind.HearingRequest]);
        Each([Concluded, Reviewed], DecideNoPenalty, _ => NoPenaltyDecided, Approve,
            [CaseGuards.NoPenaltyGrounds, CaseGuards.ReviewPassed, CaseGuards.NotInsteadOfTransfer],
            DocumentKind.NoPenaltyDecision, null, [DeadlineKind.Decision]);

        // 10–12. Service (XZCF-61), payment (XZCF-66/67/72), demand and court (XZQZ-35/53/54).
        Add(Decided, Serve, Served, Handle, [CaseGuards.ElectronicConsent], DocumentKind.ServiceReturn,
            [DeadlineKind.Payment, DeadlineKind.CourtApplication], [DeadlineKind.Service]);
        Each(Paying, RecordPayment, s => s, Handle, null, DocumentKind.PaymentRecord);
        Each([Served, Demanded], ApproveDeferral, s => s, Approve, [CaseGuards.NotUnderReview], DocumentKind.DeferralApproval);
        Each(Paying, StartReconsideration, s => s, Handle, [CaseGuards.NotUnderReview]);
        Each(Paying, EndReconsideration, s => s, Handle, [CaseGuards.UnderReview]);
        Add(Served, Demand, Demanded, Handle, [CaseGuards.PaymentOverdue, CaseGuards.NotUnderReview], DocumentKind.Demand, [DeadlineKind.DemandCompliance]);
        Add(Demanded, ApplyToCourt, CourtEnforcement, Approve, [CaseGuards.DemandPeriodOver, CaseGuards.NotUnderReview, CaseGuards.CourtWindowOpen],
            DocumentKind.CourtApplication, null, [DeadlineKind.DemandCompliance, DeadlineKind.CourtApplication]);
        Each([.. Paying, OnSpotDecided], Settle, _ => Executed, null, [CaseGuards.PaidInFull], null, null, [DeadlineKind.Payment, DeadlineKind.DemandCompliance, DeadlineKind.CourtApplication]);

        // Side paths before the decision: suspension (the clock stops), termination, transfer to the police (YSGD-5/9/11).
        Add(Investigating, Suspend, Suspended, Approve, null, DocumentKind.SuspensionDecision);
        Add(Suspended, Resume, Investigating, Approve, null, DocumentKind.SuspensionDecision);
        Each([Investigating, Suspended, Concluded, Reviewed], Terminate, _ => Terminated, Approve, null, DocumentKind.TerminationDecision);
        Each([Investigating, Concluded], ProposeReferral, _ => ReferralProposed, Handle, [CaseGuards.ReferralTeam], DocumentKind.CriminalReferral, [DeadlineKind.ReferralDecision]);
        Add(ReferralProposed, ApproveReferral, ReferredToPolice, Approve, null, DocumentKind.CriminalReferral, [DeadlineKind.PoliceHandover], [DeadlineKind.ReferralDecision]);
        Add(ReferralProposed, RejectReferral, Investigating, Approve, null, null, null, [DeadlineKind.ReferralDecision]);
        Add(ReferredToPolice, RecordPoliceHandover, ReferredToPolice, Handle, null, null, null, [DeadlineKind.PoliceHandover]);
        Add(ReferredToPolice, RecordPoliceDecline, PoliceDeclined, Handle, null, null, [DeadlineKind.DeclineChallenge]);
        Add(PoliceDeclined, ChallengeDecline, ReferredToPolice, Approve, [CaseGuards.ChallengeInTime], null, null, [DeadlineKind.DeclineChallenge]);
        Add(PoliceDeclined, ResumeAfterDecline, Investigating, Approve, null, null, null, [DeadlineKind.DeclineChallenge]);

        // The simple procedure (XZCF-51/52/68/71): decided on the spot when registered.
        Add(OnSpotDecided, CollectOnSpot, OnSpotDecided, Handle, [CaseGuards.OnSpotLimit], DocumentKind.OnSpotReceipt, [DeadlineKind.CashHandover]);
        // A fine collected in full on the spot settles the case at once: its cash is still handed over afterwards (XZCF-71).
        Each([OnSpotDecided, Executed], HandOverCash, s => s, Handle, [CaseGuards.CashPending], null, null, [DeadlineKind.CashHandover]);
        Each([OnSpotDecided, Executed], FileWithBody, s => s, Handle, null, null, null, [DeadlineKind.Filing]);
        Add(OnSpotDecided, RecordPayment, OnSpotDecided, Handle, null, DocumentKind.PaymentRecord);

        // Coercive measures inside the case (XZQZ-18/19/24/25): approved before, or taken in an emergency and approved
        // within 24 hours; two officers and a two-copy inventory; 30 days plus one extension, testing excluded.
        Each([.. BeforeDecision, Suspended], ApproveMeasure, s => s, Approve, [CaseGuards.EmergencyApprovalInTime], null, null, [DeadlineKind.MeasureApproval]);
        Each(BeforeDecision, TakeMeasure, s => s, Handle, [CaseGuards.MeasureApproved, CaseGuards.MeasureTeam, CaseGuards.InventoryTwoCopies, CaseGuards.AudioVideoRecord],
            DocumentKind.MeasureDecision, [DeadlineKind.MeasureDuration, DeadlineKind.MeasureApproval]);
        Each(MeasureHeld, ExtendMeasure, s => s, Approve, [CaseGuards.MeasureInForce, CaseGuards.MeasureExtendedOnce, CaseGuards.MeasureNotExpired],
            DocumentKind.MeasureExtension);
        Each(MeasureHeld, ReleaseMeasure, s => s, Handle, [CaseGuards.MeasureInForce], DocumentKind.MeasureRelease, null,
            [DeadlineKind.MeasureDuration, DeadlineKind.MeasureApproval]);

        // 13–14. Closure (nothing left sealed or seized) and archive.
        Each([Executed, NoPenaltyDecided, NotOpened, TransferredOut, Terminated, ReferredToPolice, CourtEnforcement], Close, _ => Closed, Approve,
            [CaseGuards.MeasuresEnded], DocumentKind.ClosingReport);
        Add(Closed, Archive, Archived, ArchivePermission);
        return rows;
    }
}
