using Zhifa.Core.Calendar;
using Zhifa.Core.Cases;
using Zhifa.Core.Common;
using Zhifa.Core.Discretion;
using static Zhifa.Core.Cases.CaseAction;

namespace Zhifa.Tests.Cases;

/// <summary>
/// The case's gates as a pure function (no database): each statutory rule refused out of order, late, by the wrong
/// person or with the wrong amount, and every due date worked out by hand on the 2026 calendar (HOLIDAYS.md) — the
/// Spring Festival 02-15..02-23 with make-up Saturdays 02-14 and 02-28, Qingming 04-04..04-06, Labour Day 05-01..05-05
/// with 05-09, Mid-Autumn 09-25..09-27 and National Day 10-01..10-07 with make-up 09-20 and 10-10.
/// </summary>
public sealed class CaseEngineTests
{
    private static readonly Guid Body = Guid.NewGuid();
    private static readonly Guid Item = Guid.NewGuid();
    private static readonly TeamMember Zhang = new(Guid.NewGuid(), "张伟", true, null, null);
    private static readonly TeamMember Wang = new(Guid.NewGuid(), "王芳", true, null, null);
    private static readonly ProposalCheck Within = new(true, DiscretionTier.Ordinary, [], "依据裁量基准第三档，处罚款。");

    private static DateOnly D(int month, int day, int year = 2026) => new(year, month, day);

    private static CaseStepContext Ctx(DateOnly today, IReadOnlyList<TeamMember>? team = null, bool qualified = false, ProposalCheck? check = null, CaseRules? rules = null,
        bool audioVideo = true) =>
        new(today, today.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc), OfficialSchedules.Calendar(), rules ?? new CaseRules(), Guid.NewGuid(), "测试", team ?? [Zhang, Wang], qualified, check,
            audioVideo);

    private static PenaltyCase Lead(DateOnly discovered, DateOnly? act = null, bool organization = true, bool serious = false)
    {
        var c = new PenaltyCase(Guid.NewGuid(), Body, CaseProcedure.General, CaseState.Lead, LeadSource.Complaint, Guid.NewGuid(), "原平市某商贸有限公司",
            organization, Item, "销售过期食品", "现场发现过期食品", act ?? discovered.AddDays(-3), discovered, serious, discovered, Guid.NewGuid(), DateTime.UtcNow);
        CaseEngine.Start(c, DeadlineKind.OpeningDecision, discovered, Ctx(discovered));
        return c;
    }

    private static void Ok(PenaltyCase c, CaseAction action, DateOnly on, CaseActionRequest? request = null, CaseStepContext? ctx = null)
    {
        var r = CaseEngine.Apply(c, action, (request ?? new CaseActionRequest()) with { On = on }, ctx ?? Ctx(on, check: Within));
        Assert.True(r.IsSuccess, r.IsSuccess ? "" : $"{action} on {on}: {r.Error!.Describe()}");
    }

    private static void Refused(string rule, string code, PenaltyCase c, CaseAction action, DateOnly on, CaseActionRequest? request = null, CaseStepContext? ctx = null)
    {
        var before = (c.State, c.Events.Count, c.Deadlines.Count, c.Version);
        var r = CaseEngine.Apply(c, action, (request ?? new CaseActionRequest()) with { On = on }, ctx ?? Ctx(on, check: Within));
        var v = Assert.IsType<RuleViolation>(r.Error);
        Assert.Equal((rule, code), (v.RuleId, v.ViolationCode));
        Assert.Equal(before, (c.State, c.Events.Count, c.Deadlines.Count, c.Version));
    }

    private static DateOnly Due(PenaltyCase c, DeadlineKind kind) => c.Deadlines.Single(d => d.Kind == kind && d.Status == DeadlineStatus.Open).DueOn;

    /// <summary>Opened on <paramref name="opened"/>, concluded the same day with <paramref name="fine"/> yuan proposed.</summary>
    private static PenaltyCase Concluded(DateOnly opened, decimal fine, bool organization = true, bool complex = false, ProposalCheck? check = null, bool crime = false)
    {
        var c = Lead(opened, organization: organization);
        Ok(c, Open, opened);
        Ok(c, AssignOfficers, opened, new CaseActionRequest(OfficerIds: [Zhang.OfficerId, Wang.OfficerId]));
        Ok(c, Conclude, opened, new CaseActionRequest(PenaltyKinds: [PenaltyKind.Fine], FineAmount: fine, Complex: complex, CrimeSuspected: crime),
            Ctx(opened, check: check ?? Within));
        return c;
    }

    [Fact]
    [Trait("Rule", "XZCF-54")]
    public void XZCF54_TheOpeningDecisionIsDue15WorkingDaysAfterTheLead_AcrossTheSpringFestival_AndIsExtendedOnce()
    {
        var c = Lead(D(2, 10));
        // 02-11..02-13 (3), 02-14 make-up Saturday (4), 02-15..02-23 off, 02-24..02-27 (8), 02-28 make-up (9), 03-02..03-06 (14), 03-09 (15).
        Assert.Equal(D(3, 9), Due(c, DeadlineKind.OpeningDecision));
        Ok(c, ExtendOpening, D(3, 2));
        Assert.Equal(D(3, 30), Due(c, DeadlineKind.OpeningDecision));
        Refused("XZCF-54", "case.opening_already_extended", c, ExtendOpening, D(3, 3));
    }

    [Fact]
    [Trait("Rule", "XZCF-36")]
    public void XZCF36_AnActDiscoveredMoreThanTwoYearsLater_IsNotOpened_UnlessLifeHealthOrMoneyWasHarmed()
    {
        var late = Lead(D(3, 2), act: D(2, 27, 2024));
        Refused("XZCF-36", "case.limitation_expired", late, Open, D(3, 2));
        var serious = Lead(D(3, 2), act: D(2, 27, 2024), serious: true);
        Ok(serious, Open, D(3, 2));
        Assert.Equal(CaseState.Investigating, serious.State);
        var inTime = Lead(D(3, 2), act: D(3, 3, 2024));
        Ok(inTime, Open, D(3, 2));
    }

    [Fact]
    [Trait("Rule", "XZCF-60")]
    public void XZCF60_TheDecisionIsDue90DaysAfterOpening_MovedPastQingming_LengthenedByStoppedDays_AndExtendedOnceByTheHead()
    {
        var c = Lead(D(1, 5));
        Ok(c, Open, D(1, 5));
        // 01-05 + 90 days = 04-05, a Sunday inside Qingming (04-04..04-06): the next working day.
        Assert.Equal(D(4, 7), Due(c, DeadlineKind.Decision));
        Ok(c, StopClock, D(2, 2), new CaseActionRequest(StopReason: StopReason.Testing, Note: "送检"));
        Refused("XZCF-60", "case.clock_already_stopped", c, StopClock, D(2, 3), new CaseActionRequest(StopReason: StopReason.Testing));
        Ok(c, RestartClock, D(2, 12));
        // Stopped 02-03..02-12, ten days: 100 days after 01-05 is 04-15, a Wednesday.
        Assert.Equal(D(4, 15), Due(c, DeadlineKind.Decision));
        Ok(c, ExtendDecision, D(2, 13));
        // +30: 05-15 (Friday).
        Assert.Equal(D(5, 15), Due(c, DeadlineKind.Decision));
        Refused("XZCF-60", "case.extension_needs_discussion", c, ExtendDecision, D(2, 13));
    }

    [Fact]
    [Trait("Rule", "XZCF-42")]
    public void XZCF42_TheInvestigationNeedsTwoOfficers_EachEligibleOnTheDay()
    {
        var c = Lead(D(3, 2));
        Ok(c, Open, D(3, 2));
        var suspended = new TeamMember(Guid.NewGuid(), "李娜", false, "ZFRY-CERT", "eligibility.certificate_suspended");
        var refused = CaseEngine.Apply(c, AssignOfficers, new CaseActionRequest(On: D(3, 2), OfficerIds: [Zhang.OfficerId, suspended.OfficerId]),
            Ctx(D(3, 2), team: [Zhang, suspended]));
        var v = Assert.IsType<RuleViolation>(refused.Error);
        Assert.Equal(("XZCF-42", "case.officer_not_eligible"), (v.RuleId, v.ViolationCode));
        Assert.Equal("李娜", v.Arguments[0]);
        Refused("XZCF-42", "case.team_too_small", c, AssignOfficers, D(3, 2), new CaseActionRequest(OfficerIds: [Zhang.OfficerId]), Ctx(D(3, 2), team: [Zhang]));
        Ok(c, AssignOfficers, D(3, 2), new CaseActionRequest(OfficerIds: [Zhang.OfficerId, Wang.OfficerId]));
        Assert.Equal(2, c.Officers.Count);
        // Expired the day before the report: the report is refused.
        var expired = Zhang with { Eligible = false, RuleId = "ZFRY-VALID", ReasonCode = "eligibility.certificate_expired" };
        Refused("XZCF-42", "case.officer_not_eligible", c, Conclude, D(3, 3), new CaseActionRequest(PenaltyKinds: [PenaltyKind.Warning]), Ctx(D(3, 3), team: [expired, Wang], check: Within));
    }

    [Fact]
    [Trait("Rule", "XZCF-56")]
    public void XZCF56_EvidenceRegisteredBeforeMidAutumn_IsDisposedOfWithin7WorkingDays()
    {
        var c = Lead(D(9, 24));
        Ok(c, Open, D(9, 24));
        Refused("XZCF-56", "case.no_evidence_pending", c, DisposeEvidence, D(9, 24));
        Ok(c, RegisterEvidence, D(9, 24), new CaseActionRequest(Note: "过期食品12箱"));
        // 09-25..09-27 off; 09-28, 09-29, 09-30 (3); 10-01..10-07 off; 10-08, 10-09 (5); 10-10 make-up (6); 10-12 (7).
        Assert.Equal(D(10, 12), Due(c, DeadlineKind.EvidenceDisposal));
        Ok(c, DisposeEvidence, D(10, 13));
        Assert.Equal(DeadlineStatus.Missed, c.Deadlines.Single(d => d.Kind == DeadlineKind.EvidenceDisposal).Status);
    }

    [Fact]
    [Trait("Rule", "XZCF-44")]
    public void XZCF44_NoDecisionWithoutThePriorNotice()
    {
        var c = Concluded(D(3, 2), 5000);
        Refused("XZCF-44", "case.out_of_order", c, Decide, D(3, 3));
    }

    [Fact]
    [Trait("Rule", "XZCF-58")]
    public void XZCF58_ALargeFineNeedsLegalReview_ByALegallyQualifiedReviewer_BeforeTheNotice()
    {
        var c = Concluded(D(3, 2), 150_000);
        Assert.True(c.ReviewRequired);
        Refused("XZCF-58", "case.legal_review_required", c, Notify, D(3, 3));
        Refused("XZCF-58", "case.reviewer_not_qualified", c, PassLegalReview, D(3, 3), null, Ctx(D(3, 3), qualified: false));
        Ok(c, PassLegalReview, D(3, 3), null, Ctx(D(3, 3), qualified: true));
        Ok(c, Notify, D(3, 3));
        Assert.Equal(CaseState.Notified, c.State);
        var small = Concluded(D(3, 2), 5000);
        Assert.False(small.ReviewRequired);
        Ok(small, Notify, D(3, 3));
    }

    [Fact]
    [Trait("Rule", "XZCF-STMT")]
    public void XZCFSTMT_TheDecisionWaitsForTheStatementPeriod_AcrossTheSpringFestival()
    {
        var c = Concluded(D(2, 12), 5000);
        Ok(c, Notify, D(2, 12));
        // 02-13 (1), 02-14 make-up (2), 02-24 (3), 02-25 (4), 02-26 (5).
        Assert.Equal(D(2, 26), Due(c, DeadlineKind.Statement));
        Refused("XZCF-STMT", "case.statement_period_running", c, Decide, D(2, 26));
        Ok(c, Decide, D(2, 27));
        Assert.Equal(CaseState.Decided, c.State);
    }

    [Fact]
    [Trait("Rule", "XZCF-63")]
    [Trait("Rule", "XZCF-64")]
    public void XZCF63_64_AHearingIsForLargeFines_RequestedWithin5WorkingDays_Noticed7Ahead_PresidedByANonInvestigator_AndStopsTheClock()
    {
        var small = Concluded(D(2, 12), 5000, organization: false);
        Ok(small, Notify, D(2, 12));
        Refused("XZCF-63", "case.no_hearing_right", small, RequestHearing, D(2, 13));

        var late = Concluded(D(2, 12), 20_000, organization: false);
        Ok(late, PassLegalReview, D(2, 12), null, Ctx(D(2, 12), qualified: true));
        Ok(late, Notify, D(2, 12));
        Assert.Equal(D(2, 26), Due(late, DeadlineKind.HearingRequest));
        Refused("XZCF-64", "case.hearing_request_late", late, RequestHearing, D(2, 27));

        var c = Concluded(D(2, 12), 20_000, organization: false);
        Ok(c, PassLegalReview, D(2, 12), null, Ctx(D(2, 12), qualified: true));
        Ok(c, Notify, D(2, 12));
        var decisionDue = Due(c, DeadlineKind.Decision);
        Ok(c, RequestHearing, D(2, 24));
        Refused("XZCF-64", "case.hearing_notice_too_short", c, ScheduleHearing, D(2, 24), new CaseActionRequest(HearingDate: D(3, 3), PresidingOfficerId: Guid.NewGuid()));
        Refused("XZCF-64", "case.presiding_is_investigator", c, ScheduleHearing, D(2, 24), new CaseActionRequest(HearingDate: D(3, 4), PresidingOfficerId: Zhang.OfficerId));
        // 02-25, 02-26, 02-27, 02-28 make-up, 03-02, 03-03, 03-04: the seventh working day.
        Ok(c, ScheduleHearing, D(2, 24), new CaseActionRequest(HearingDate: D(3, 4), PresidingOfficerId: Guid.NewGuid()));
        Refused("XZCF-64", "case.hearing_not_yet", c, HoldHearing, D(3, 3));
        Ok(c, HoldHearing, D(3, 4));
        // Stopped 02-25..03-04: eight days more.
        Assert.Equal(8, Due(c, DeadlineKind.Decision).DayNumber - decisionDue.DayNumber);
    }

    [Fact]
    [Trait("Rule", "XZCF-45")]
    public void XZCF45_NoHeavierPenaltyAfterADefence()
    {
        var c = Concluded(D(3, 2), 5000);
        Ok(c, Notify, D(3, 2));
        Ok(c, RecordStatement, D(3, 3), new CaseActionRequest(Note: "当事人申辩已整改"));
        Refused("XZCF-45", "case.heavier_after_defence", c, Decide, D(3, 10), new CaseActionRequest(FineAmount: 6000));
        Refused("XZCF-45", "case.heavier_after_defence", c, Decide, D(3, 10), new CaseActionRequest(PenaltyKinds: [PenaltyKind.Fine, PenaltyKind.SuspendLicence], FineAmount: 5000));
        Ok(c, Decide, D(3, 10), new CaseActionRequest(FineAmount: 4000));
        Assert.Equal(4000m, c.DecidedFine);
    }

    [Fact]
    [Trait("Rule", "XZCF-57")]
    public void XZCF57_AComplexCaseIsDecidedOnlyAfterCollectiveDiscussion()
    {
        var c = Concluded(D(3, 2), 5000, complex: true);
        Ok(c, PassLegalReview, D(3, 2), null, Ctx(D(3, 2), qualified: true));
        Ok(c, Notify, D(3, 2));
        Refused("XZCF-57", "case.discussion_required", c, Decide, D(3, 10));
        Ok(c, RecordDiscussion, D(3, 10), new CaseActionRequest(Note: "集体讨论同意"));
        Ok(c, Decide, D(3, 10));
    }

    [Fact]
    [Trait("Rule", "CLJZ-DEVIATE")]
    public void CLJZDEVIATE_AProposalOutsideTheBenchmark_NeedsTheHeadsApproval()
    {
        var outside = new ProposalCheck(false, DiscretionTier.Lighter, ["discretion.amount_outside_tier"], "依据裁量基准……");
        var c = Concluded(D(3, 2), 9000, check: outside);
        Refused("CLJZ-DEVIATE", "case.deviation_not_approved", c, Notify, D(3, 2));
        Ok(c, ApproveDeviation, D(3, 2));
        Ok(c, Notify, D(3, 2));
        var within = Concluded(D(3, 2), 5000);
        Refused("CLJZ-DEVIATE", "case.no_deviation", within, ApproveDeviation, D(3, 2));
    }

    [Fact]
    [Trait("Rule", "CLJZ-EXPLAIN")]
    public void CLJZEXPLAIN_ADecisionStatesHowTheBenchmarkWasApplied()
    {
        var c = Concluded(D(3, 2), 5000);
        Ok(c, Notify, D(3, 2));
        Refused("CLJZ-EXPLAIN", "case.explanation_missing", c, Decide, D(3, 10), null, Ctx(D(3, 10), check: Within with { Explanation = " " }));
    }

    [Fact]
    [Trait("Rule", "XZCF-61")]
    public void XZCF61_TheDecisionIsServedWithin7WorkingDays_ElectronicallyOnlyWithConsent()
    {
        var c = Concluded(D(9, 10), 5000);
        Ok(c, Notify, D(9, 10));
        Ok(c, Decide, D(9, 24));
        Assert.Equal(D(10, 12), Due(c, DeadlineKind.Service));
        Refused("XZCF-61", "case.electronic_service_without_consent", c, Serve, D(9, 24), new CaseActionRequest(ServiceMethod: ServiceMethod.Electronic));
        Ok(c, Serve, D(9, 24), new CaseActionRequest(ServiceMethod: ServiceMethod.Electronic), Ctx(D(9, 24)) with { ElectronicConsentRecorded = true });
        Assert.Equal(DeadlineStatus.Met, c.Deadlines.Single(d => d.Kind == DeadlineKind.Service).Status);
    }

    private static PenaltyCase Served(DateOnly servedOn, decimal fine = 10_000)
    {
        var c = Concluded(servedOn.AddDays(-20), fine);
        Ok(c, Notify, servedOn.AddDays(-20));
        Ok(c, Decide, servedOn);
        Ok(c, Serve, servedOn, new CaseActionRequest(ServiceMethod: ServiceMethod.InPerson));
        return c;
    }

    [Fact]
    [Trait("Rule", "XZCF-66")]
    [Trait("Rule", "XZCF-72")]
    public void XZCF66_72_PaymentIsDueIn15Days_TheSurchargeIs3PercentADay_CappedAtTheFine_AndStandsStillDuringReconsideration()
    {
        var c = Served(D(3, 2));
        Assert.Equal(D(3, 17), c.PaymentDueOn);
        Assert.Equal(0m, CaseEngine.Surcharge(c, D(3, 17), new CaseRules()));
        Assert.Equal(900m, CaseEngine.Surcharge(c, D(3, 20), new CaseRules()));
        Assert.Equal(10_000m, CaseEngine.Surcharge(c, D(6, 1), new CaseRules()));
        Ok(c, StartReconsideration, D(3, 18));
        Ok(c, EndReconsideration, D(3, 27));
        // Late 03-18..03-30 is 13 days, ten of them under reconsideration.
        Assert.Equal(900m, CaseEngine.Surcharge(c, D(3, 30), new CaseRules()));
        Ok(c, RecordPayment, D(3, 30), new CaseActionRequest(Amount: 4000, Channel: PaymentChannel.Bank));
        Assert.Equal(6000m, c.Outstanding);
    }

    [Fact]
    [Trait("Rule", "XZCF-66")]
    [Trait("Rule", "XZCF-72")]
    public void XZCF66_72_InstalmentsOnApproval_EachFallsDueOnItsDay_AndTheSurchargeRunsOnlyOnWhatIsOverdue()
    {
        var c = Served(D(3, 2));
        Assert.Equal((10_000m, D(3, 17)), (c.Outstanding, c.PaymentDueOn!.Value));
        string Wrong(params Instalment[] plan)
        {
            var r = CaseEngine.Apply(c, ApproveDeferral, new CaseActionRequest(On: D(3, 10), Instalments: plan), Ctx(D(3, 10)));
            return Assert.Single(Assert.IsType<ValidationError>(r.Error).Fields["instalments"]).Code;
        }
        Assert.Equal("case.instalments_out_of_order", Wrong(new(D(3, 31), 4000), new(D(3, 20), 6000)));
        Assert.Equal("case.instalments_not_outstanding", Wrong(new(D(3, 31), 4000), new(D(4, 30), 5000)));
        Assert.Equal(D(3, 17), c.PaymentDueOn);

        Ok(c, ApproveDeferral, D(3, 10), new CaseActionRequest(Instalments: [new(D(3, 31), 4000), new(D(4, 30), 6000)]));
        Assert.Equal((D(3, 31), D(4, 30)), (c.PaymentDueOn!.Value, Due(c, DeadlineKind.Payment)));
        // 04-02: the first instalment two days late, 4,000 × 3% × 2.
        Assert.Equal(240m, CaseEngine.Surcharge(c, D(4, 2), new CaseRules()));
        Ok(c, RecordPayment, D(4, 3), new CaseActionRequest(Amount: 4000, Channel: PaymentChannel.Bank));
        // Late 04-01..04-03 (paid that day): 360, and nothing more until the second falls due.
        Assert.Equal(D(4, 30), c.PaymentDueOn);
        Assert.Equal(360m, CaseEngine.Surcharge(c, D(4, 30), new CaseRules()));
        // 05-02: the second two days late, 6,000 × 3% × 2 = 360 more.
        Assert.Equal(720m, CaseEngine.Surcharge(c, D(5, 2), new CaseRules()));
    }

    [Fact]
    [Trait("Rule", "XZCF-67")]
    public void XZCF67_TheDecidingBodyDoesNotCollect_APaymentIsRecordedFromTheBankOrElectronically()
    {
        var c = Served(D(3, 2));
        var refused = CaseEngine.Apply(c, RecordPayment, new CaseActionRequest(On: D(3, 5), Amount: 1000, Channel: PaymentChannel.OnTheSpot), Ctx(D(3, 5)));
        var v = Assert.IsType<ValidationError>(refused.Error);
        Assert.Equal("case.on_spot_own_step", Assert.Single(v.Fields["channel"]).Code);
        Assert.Equal((10_000m, 0), (c.Outstanding, c.Payments.Count));
        Ok(c, RecordPayment, D(3, 5), new CaseActionRequest(Amount: 1000, Channel: PaymentChannel.Electronic, Reference: "WX2026030500001"));
        Assert.Equal((9_000m, PaymentChannel.Electronic), (c.Outstanding, c.Payments.Single().Channel));
    }

    [Fact]
    [Trait("Rule", "XZQZ-35")]
    [Trait("Rule", "XZQZ-54")]
    [Trait("Rule", "XZQZ-53")]
    public void XZQZ35_53_54_TheDemandComesAfterPaymentIsOverdue_TheCourtApplication10WorkingDaysLater_WithinItsWindow()
    {
        var c = Served(D(3, 2));
        Refused("XZQZ-35", "case.payment_not_overdue", c, CaseAction.Demand, D(3, 17));
        Ok(c, CaseAction.Demand, D(4, 27));
        // 04-28, 04-29, 04-30 (3); 05-01..05-05 off; 05-06, 05-07, 05-08 (6); 05-09 make-up (7); 05-11, 05-12, 05-13 (10).
        Assert.Equal(D(5, 13), Due(c, DeadlineKind.DemandCompliance));
        Refused("XZQZ-54", "case.demand_period_running", c, ApplyToCourt, D(5, 13));
        // The litigation period (6 months after service) has not run out: too early for the court.
        Refused("XZQZ-53", "case.court_window_closed", c, ApplyToCourt, D(5, 14));
        // 09-02 + 3 months: 12-02 is the last day.
        Assert.Equal(D(12, 2), Due(c, DeadlineKind.CourtApplication));
        Ok(c, ApplyToCourt, D(9, 3));
        Assert.Equal(CaseState.CourtEnforcement, c.State);
    }

    [Fact]
    [Trait("Rule", "YSGD-5")]
    [Trait("Rule", "YSGD-9")]
    [Trait("Rule", "YSGD-11")]
    public void YSGD_ACrimeIsReportedByTwoOfficers_DecidedIn3WorkingDays_HandedOverIn24Hours_ChallengedIn3_AndNeverPenalisedInstead()
    {
        var c = Concluded(D(4, 28), 5000, crime: true);
        Refused("YSGD-11", "case.no_penalty_instead_of_transfer", c, DecideNoPenalty, D(4, 28), new CaseActionRequest(Reason: "情节轻微"));
        Ok(c, ProposeReferral, D(4, 28));
        // 04-29, 04-30, then Labour Day: 05-06.
        Assert.Equal(D(5, 6), Due(c, DeadlineKind.ReferralDecision));
        var ctx = Ctx(D(4, 29));
        Ok(c, ApproveReferral, D(4, 29), null, ctx);
        var handover = c.Deadlines.Single(d => d.Kind == DeadlineKind.PoliceHandover);
        Assert.Equal(ctx.Now.AddHours(24), handover.DueAt);
        Ok(c, RecordPoliceHandover, D(4, 30));
        Ok(c, RecordPoliceDecline, D(4, 30));
        Assert.Equal(D(5, 8), Due(c, DeadlineKind.DeclineChallenge));
        Refused("YSGD-9", "case.challenge_late", c, ChallengeDecline, D(5, 9));

        var single = Lead(D(3, 2));
        Ok(single, Open, D(3, 2));
        Refused("YSGD-5", "case.referral_needs_two_officers", single, ProposeReferral, D(3, 2));
    }

    [Fact]
    [Trait("Rule", "XZCF-33")]
    public void XZCF33_AFirstViolationIsExemptOnlyWhenPromptlyCorrectedWithoutHarm()
    {
        var c = Lead(D(3, 2));
        Ok(c, Open, D(3, 2));
        Ok(c, AssignOfficers, D(3, 2), new CaseActionRequest(OfficerIds: [Zhang.OfficerId, Wang.OfficerId]));
        Ok(c, Conclude, D(3, 2), new CaseActionRequest(Circumstances: Circumstances.FirstOffence), Ctx(D(3, 2), check: null));
        Refused("XZCF-33", "case.no_penalty_grounds_missing", c, DecideNoPenalty, D(3, 3), new CaseActionRequest(Reason: "首违", FirstViolation: true));
        var exempt = Lead(D(3, 2));
        Ok(exempt, Open, D(3, 2));
        Ok(exempt, AssignOfficers, D(3, 2), new CaseActionRequest(OfficerIds: [Zhang.OfficerId, Wang.OfficerId]));
        Ok(exempt, Conclude, D(3, 2), new CaseActionRequest(Circumstances: Circumstances.FirstOffence | Circumstances.PromptlyCorrected | Circumstances.NoHarm), Ctx(D(3, 2), check: null));
        Ok(exempt, DecideNoPenalty, D(3, 3), new CaseActionRequest(Reason: "首次违法、及时改正、没有造成危害后果", FirstViolation: true));
        Assert.Equal(CaseState.NoPenaltyDecided, exempt.State);
        Assert.Equal(DeadlineStatus.Met, exempt.Deadlines.Single(d => d.Kind == DeadlineKind.Decision).Status);
    }

    [Fact]
    [Trait("Rule", "XZCF-51")]
    [Trait("Rule", "XZCF-68")]
    [Trait("Rule", "XZCF-71")]
    [Trait("Rule", "XZCF-52")]
    public void XZCF51_52_68_71_TheSimpleProcedure_ItsLimits_OnTheSpotCollection_AndTheCashHandedOverIn2WorkingDays()
    {
        var rules = new CaseRules();
        Assert.Null(CaseEngine.SimpleProcedureRefusal([PenaltyKind.Fine], 200, organization: false, rules));
        Assert.Equal("XZCF-51", Assert.IsType<RuleViolation>(CaseEngine.SimpleProcedureRefusal([PenaltyKind.Fine], 201, organization: false, rules)).RuleId);
        Assert.Null(CaseEngine.SimpleProcedureRefusal([PenaltyKind.Fine], 3000, organization: true, rules));
        Assert.Equal("XZCF-51", Assert.IsType<RuleViolation>(CaseEngine.SimpleProcedureRefusal([PenaltyKind.Fine], 3001, organization: true, rules)).RuleId);
        Assert.IsType<ValidationError>(CaseEngine.SimpleProcedureRefusal([PenaltyKind.SuspendLicence], null, organization: true, rules));

        var c = new PenaltyCase(Guid.NewGuid(), Body, CaseProcedure.Simple, CaseState.OnSpotDecided, LeadSource.Inspection, Guid.NewGuid(), "张三", false,
            Item, "占道经营", "占道经营", D(9, 30), D(9, 30), false, D(9, 30), Guid.NewGuid(), DateTime.UtcNow);
        c.DecidedKinds = [PenaltyKind.Fine];
        c.DecidedFine = 150;
        var filing = CaseEngine.Start(c, DeadlineKind.Filing, D(9, 30), Ctx(D(9, 30)))!;
        // 10-01..10-07 off: 10-08, 10-09.
        Assert.Equal(D(10, 9), filing.DueOn);
        Refused("XZCF-68", "case.on_spot_limit", c, CollectOnSpot, D(9, 30), new CaseActionRequest(Amount: 150, Reference: "R001"));
        Refused("XZCF-71", "case.no_cash_pending", c, HandOverCash, D(9, 30));
        Ok(c, CollectOnSpot, D(9, 30), new CaseActionRequest(Amount: 100, Reference: "R001"));
        Assert.Equal(D(10, 9), Due(c, DeadlineKind.CashHandover));
        Ok(c, HandOverCash, D(10, 8));
        Assert.Equal(DeadlineStatus.Met, c.Deadlines.Single(d => d.Kind == DeadlineKind.CashHandover).Status);
    }

    [Fact]
    [Trait("Rule", "XZCF-71")]
    public void XZCF71_AFineCollectedInFullOnTheSpot_SettlesTheCase_AndItsCashIsStillHandedOver()
    {
        var c = new PenaltyCase(Guid.NewGuid(), Body, CaseProcedure.Simple, CaseState.OnSpotDecided, LeadSource.Inspection, Guid.NewGuid(), "张三", false,
            Item, "占道经营", "占道经营", D(9, 30), D(9, 30), false, D(9, 30), Guid.NewGuid(), DateTime.UtcNow);
        c.DecidedKinds = [PenaltyKind.Fine];
        c.DecidedFine = 100;
        Ok(c, CollectOnSpot, D(9, 30), new CaseActionRequest(Amount: 100, Reference: "R002"));
        Ok(c, Settle, D(9, 30));
        Assert.Equal(CaseState.Executed, c.State);
        Ok(c, HandOverCash, D(10, 8));
        Assert.Equal(CaseState.Executed, c.State);
        Assert.Equal(0, c.CashPending);
        Assert.Equal(DeadlineStatus.Met, c.Deadlines.Single(d => d.Kind == DeadlineKind.CashHandover).Status);
    }

    [Fact]
    public void ARefusedStep_ReportsEveryWrongFieldAtOnce_AndChangesNothing()
    {
        var c = Served(D(3, 2));
        var r = CaseEngine.Apply(c, RecordPayment, new CaseActionRequest(On: D(3, 30), Amount: 20_000, Channel: PaymentChannel.OnTheSpot, Note: new string('x', 5000)), Ctx(D(3, 20)));
        var v = Assert.IsType<ValidationError>(r.Error);
        Assert.Equal(["amount", "channel", "note", "on"], v.Fields.Keys.Order());
        Assert.Empty(c.Payments);
    }

    [Fact]
    public void TheTable_HasEveryStepOfCaseflow_AndEachActionOnePermission()
    {
        // Hand-written: the action, the state it starts from, where it leads, who may take it.
        (CaseState From, CaseAction Action, CaseState To, string? Permission)[] expected =
        [
            (CaseState.Lead, Open, CaseState.Investigating, "case.approve"),
            (CaseState.Investigating, Conclude, CaseState.Concluded, "case.handle"),
            (CaseState.Concluded, PassLegalReview, CaseState.Reviewed, "case.review"),
            (CaseState.Reviewed, Notify, CaseState.Notified, "case.approve"),
            (CaseState.Notified, RequestHearing, CaseState.HearingRequested, "case.handle"),
            (CaseState.HearingRequested, HoldHearing, CaseState.Heard, "case.handle"),
            (CaseState.Heard, Decide, CaseState.Decided, "case.approve"),
            (CaseState.Decided, Serve, CaseState.Served, "case.handle"),
            (CaseState.Served, CaseAction.Demand, CaseState.Demanded, "case.handle"),
            (CaseState.Demanded, ApplyToCourt, CaseState.CourtEnforcement, "case.approve"),
            (CaseState.Served, Settle, CaseState.Executed, null),
            (CaseState.Executed, Close, CaseState.Closed, "case.approve"),
            (CaseState.Closed, Archive, CaseState.Archived, "case.archive"),
            (CaseState.Investigating, Suspend, CaseState.Suspended, "case.approve"),
            (CaseState.Suspended, Resume, CaseState.Investigating, "case.approve"),
            (CaseState.ReferralProposed, ApproveReferral, CaseState.ReferredToPolice, "case.approve"),
            (CaseState.OnSpotDecided, CollectOnSpot, CaseState.OnSpotDecided, "case.handle"),
        ];
        foreach (var (from, action, to, permission) in expected)
        {
            var row = CaseWorkflow.Find(from, action);
            Assert.True(row is not null, $"{from} + {action} missing");
            Assert.Equal((to, permission), (row!.To, row.Permission));
        }
        Assert.Null(CaseWorkflow.Find(CaseState.Archived, Close));
        Assert.Null(CaseWorkflow.Find(CaseState.Decided, Decide));
        Assert.All(Enum.GetValues<CaseState>().Where(s => s is not (CaseState.Archived)),
            s => Assert.True(CaseWorkflow.Rows.Any(r => r.From == s), $"{s} is a dead end"));
    }

    private static PenaltyCase Opened(DateOnly on)
    {
        var c = Lead(on);
        Ok(c, Open, on);
        Ok(c, AssignOfficers, on, new CaseActionRequest(OfficerIds: [Zhang.OfficerId, Wang.OfficerId]));
        return c;
    }

    private static readonly CaseActionRequest Seize = new(MeasureKind: MeasureKind.Seizure, Items: "过期食品200箱", InventoryCopies: 2);

    [Fact]
    [Trait("Rule", "XZQZ-18")]
    [Trait("Rule", "XZQZ-24")]
    [Trait("Rule", "XZQZ-25")]
    [Trait("Rule", "SXZD-AV")]
    public void XZQZ18_24_25_ASeizureIsApprovedFirst_TakenByTwoOfficersWithATwoCopyInventory_And30DaysLongerByTestingAndOneExtension()
    {
        var c = Opened(D(9, 1));
        Refused("XZQZ-18", "case.measure_not_approved", c, TakeMeasure, D(9, 1), Seize);
        Ok(c, ApproveMeasure, D(9, 1), Seize);
        Refused("XZQZ-24", "case.inventory_two_copies", c, TakeMeasure, D(9, 2), new CaseActionRequest(InventoryCopies: 1), Ctx(D(9, 2)));
        Refused("XZQZ-18", "case.measure_team_not_eligible", c, TakeMeasure, D(9, 2), new CaseActionRequest(InventoryCopies: 2), Ctx(D(9, 2), team: [Zhang]));
        // SXZD-AV: no audio-video record of the seizure attached, no seizure.
        Refused("SXZD-AV", "case.audio_video_missing", c, TakeMeasure, D(9, 2), new CaseActionRequest(InventoryCopies: 2), Ctx(D(9, 2), audioVideo: false));
        Ok(c, TakeMeasure, D(9, 2), new CaseActionRequest(InventoryCopies: 2));
        // 30 days after 09-02 is 10-02, inside National Day (10-01..10-07): the next working day, Thursday 10-08.
        Assert.Equal(D(10, 8), Due(c, DeadlineKind.MeasureDuration));
        // Testing from 09-11 to 09-20 (ten days) is not counted: 40 days after 09-02 is Monday 10-12.
        Ok(c, StopClock, D(9, 10), new CaseActionRequest(StopReason: StopReason.Testing, Note: "送检"));
        Ok(c, RestartClock, D(9, 20));
        Assert.Equal(D(10, 12), Due(c, DeadlineKind.MeasureDuration));
        Ok(c, ExtendMeasure, D(10, 12));
        // +30: 70 days after 09-02 is Wednesday 11-11.
        Assert.Equal(D(11, 11), Due(c, DeadlineKind.MeasureDuration));
        Refused("XZQZ-25", "case.measure_already_extended", c, ExtendMeasure, D(10, 13));
        Ok(c, Terminate, D(10, 14), new CaseActionRequest(Reason: "违法事实不能成立"));
        Refused("XZQZ-25", "case.measure_still_in_force", c, Close, D(10, 14), new CaseActionRequest(Reason: "终止调查"));
        Ok(c, ReleaseMeasure, D(10, 15), new CaseActionRequest(Outcome: MeasureOutcome.Released));
        Assert.Equal(DeadlineStatus.Met, c.Deadlines.Single(d => d.Kind == DeadlineKind.MeasureDuration).Status);
        Ok(c, Close, D(10, 15), new CaseActionRequest(Reason: "终止调查"));
        Assert.Equal(CaseState.Closed, c.State);
    }

    [Fact]
    [Trait("Rule", "XZQZ-25")]
    public void XZQZ25_ASeizurePastItsLastDay_CannotBeExtended()
    {
        var c = Opened(D(9, 1));
        Ok(c, ApproveMeasure, D(9, 1), Seize);
        Ok(c, TakeMeasure, D(9, 2), new CaseActionRequest(InventoryCopies: 2));
        Refused("XZQZ-25", "case.measure_expired", c, ExtendMeasure, D(10, 9));
    }

    [Fact]
    [Trait("Rule", "XZQZ-19")]
    public void XZQZ19_AnEmergencySeizure_IsApprovedWithin24Hours_OrNotAtAll()
    {
        var late = Opened(D(9, 1));
        Ok(late, TakeMeasure, D(9, 2), Seize with { Emergency = true });
        var approval = late.Deadlines.Single(d => d.Kind == DeadlineKind.MeasureApproval);
        // Taken at 09-02 02:00 UTC: approval due 24 hours later.
        Assert.Equal(new DateTime(2026, 9, 3, 2, 0, 0, DateTimeKind.Utc), approval.DueAt);
        Refused("XZQZ-19", "case.emergency_approval_late", late, ApproveMeasure, D(9, 3), null,
            Ctx(D(9, 3)) with { Now = new DateTime(2026, 9, 3, 2, 1, 0, DateTimeKind.Utc) });

        var inTime = Opened(D(9, 1));
        Ok(inTime, TakeMeasure, D(9, 2), Seize with { Emergency = true });
        Ok(inTime, ApproveMeasure, D(9, 3));
        Assert.Equal(DeadlineStatus.Met, inTime.Deadlines.Single(d => d.Kind == DeadlineKind.MeasureApproval).Status);
        Assert.Equal(D(9, 3), inTime.Measures.Single().ApprovedOn);
    }
}
