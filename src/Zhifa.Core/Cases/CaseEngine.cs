using System.ComponentModel.DataAnnotations;
using Zhifa.Core.Calendar;
using Zhifa.Core.Common;
using Zhifa.Core.Discretion;
using static Zhifa.Core.Cases.CaseAction;

namespace Zhifa.Core.Cases;

/// <summary>
/// What a step of a case asks for. One shape for every action; each action reads the fields it needs and reports every
/// missing or wrong one at once. <see cref="On"/> is the day the step took effect (default today; never in the future,
/// never before the case's last step) — an officer records a service done yesterday. Through the API, <see cref="Version"/>
/// must be sent: the version of the case the step is based on (a stale one answers 409, nothing changed), or null where the
/// client names it in <c>If-Match</c> instead — a legal step is never taken on a case its author did not see.
/// </summary>
public sealed record CaseActionRequest(
    [MustSend] [Range(0, int.MaxValue)] int? Version = null, [MaxLength(PenaltyCase.MaxText)] string? Note = null, DateOnly? On = null,
    [MaxLength(CaseActionRequest.MaxOfficers)] IReadOnlyList<Guid>? OfficerIds = null, StopReason? StopReason = null,
    Guid? ItemId = null, [MaxLength(CaseActionRequest.MaxKinds)] IReadOnlyList<PenaltyKind>? PenaltyKinds = null, [Range(0, Money.MaxAmount)] decimal? FineAmount = null,
    Circumstances? Circumstances = null,
    [Range(0, Money.MaxAmount)] decimal? IllegalGain = null, [Range(0, Money.MaxAmount)] decimal? GoodsValue = null, [Range(0, Money.MaxAmount)] decimal? BaseAmount = null,
    [Range(0, Money.MaxAmount)] decimal? Quantity = null,
    bool? Complex = null, bool? CrimeSuspected = null, DateOnly? HearingDate = null, Guid? PresidingOfficerId = null,
    [MaxLength(PenaltyCase.MaxText)] string? Reason = null, bool? FirstViolation = null, ServiceMethod? ServiceMethod = null,
    [Range(0, Money.MaxAmount)] decimal? Amount = null, PaymentChannel? Channel = null, [MaxLength(CaseActionRequest.MaxReference)] string? Reference = null, DateOnly? Until = null,
    MeasureKind? MeasureKind = null, [MaxLength(CaseMeasure.MaxItems)] string? Items = null, [Range(1, 10)] int? InventoryCopies = null, bool? Emergency = null,
    MeasureOutcome? Outcome = null, [MaxLength(CaseActionRequest.MaxInstalments)] IReadOnlyList<Instalment>? Instalments = null)
{
    /// <summary>At most this many instalments in one plan.</summary>
    public const int MaxInstalments = 36;

    /// <summary>At most this many officers on a case's team.</summary>
    public const int MaxOfficers = 20;

    /// <summary>At most this many kinds of penalty in one proposal or decision (there are fewer kinds).</summary>
    public const int MaxKinds = 20;

    /// <summary>A receipt's or a bank transfer's reference.</summary>
    public const int MaxReference = 100;
}

/// <summary>An officer named for the team and whether they may act for the body on the day (ZFRY-CERT via XZCF-42).</summary>
public sealed record TeamMember(Guid OfficerId, string Name, bool Eligible, string? RuleId, string? ReasonCode);

/// <summary>The benchmark's verdict on a proposed or decided penalty (CLJZ-DEVIATE, CLJZ-EXPLAIN).</summary>
public sealed record ProposalCheck(bool WithinBenchmark, DiscretionTier Tier, IReadOnlyList<string> Reasons, string Explanation);

/// <summary>What a step needs from outside the case: the day, the calendar and rules, who acts, and what the use case looked up.</summary>
public sealed record CaseStepContext(
    DateOnly Today, DateTime Now, StatutoryCalendar Calendar, CaseRules Rules, Guid? ActorId, string ActorName,
    IReadOnlyList<TeamMember>? Team = null, bool ActorLegallyQualified = false, ProposalCheck? Check = null, bool AudioVideoRecorded = false,
    bool ElectronicConsentRecorded = false);

/// <summary>
/// The case's steps as a pure function over the case and its context: finds the row of <see cref="CaseWorkflow"/>,
/// refuses an action the table does not allow (naming the rule that puts it later, where there is one), checks the
/// request's fields (every wrong one at once), then every guard of the row (each refusal names its rule), and only then
/// changes the case: its state, its deadlines, its timeline. A refusal changes nothing.
/// </summary>
public static class CaseEngine
{
    public static Result<CaseEvent> Apply(PenaltyCase c, CaseAction action, CaseActionRequest request, CaseStepContext ctx)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(ctx);
        if (CaseWorkflow.Find(c.State, action) is not { } row)
            return OutOfOrder(c.State, action);
        var on = request.On ?? ctx.Today;
        if (Validate(c, action, request, ctx, on) is { } invalid)
            return invalid;
        foreach (var guard in row.Guards)
        {
            if (Refuse(guard, c, action, request, ctx, on) is { } refusal)
                return refusal;
        }

        var from = c.State;
        var note = Text(request.Note) ?? Text(request.Reason);
        Effect(c, action, request, ctx, on);
        foreach (var kind in row.MeetsDeadlines)
            Meet(c, kind, on);
        foreach (var kind in row.StartsDeadlines)
            Start(c, kind, on, ctx);
        c.State = row.To;
        c.UpdatedAt = ctx.Now;
        RecomputeDecision(c, ctx);
        var e = new CaseEvent(action, from, row.To, on, ctx.Now, ctx.ActorId, ctx.ActorName, note, row.Document, null);
        c.Events.Add(e);
        return e;
    }

    /// <summary>
    /// Why <paramref name="action"/> cannot be taken on the case today whatever is asked (a guard of the case and the day
    /// alone: the statement period still running, the review not passed, a seizure still in force …); null when nothing
    /// stands in its way before the form is filled. Changes nothing.
    /// </summary>
    public static RuleViolation? WhyNot(PenaltyCase c, CaseAction action, CaseStepContext ctx)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(ctx);
        if (CaseWorkflow.Find(c.State, action) is not { } row)
            return null;
        var empty = new CaseActionRequest();
        foreach (var guard in row.Guards.Where(g => !CaseGuards.JudgeTheRequest.Contains(g)))
        {
            if (Refuse(guard, c, action, empty, ctx, ctx.Today) is { } refusal)
                return refusal;
        }
        return null;
    }

    /// <summary>The refusal of an action the table does not allow from the state: the rule that orders it, else 409.</summary>
    public static Error OutOfOrder(CaseState state, CaseAction action) =>
        CaseWorkflow.PrerequisiteRule(action) is { } rule
            ? CaseErrors.OutOfOrder(rule, state, action)
            : CaseWorkflow.Table.Illegal(state, action);

    /// <summary>The last day to decide (XZCF-60): 90 days (configurable) after opening plus the extensions, stopped days excluded.</summary>
    public static CalendarDue DecisionDue(PenaltyCase c, CaseStepContext ctx)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(ctx);
        var days = ctx.Rules.DecisionDays + (c.DecisionExtensions * ctx.Rules.DecisionExtensionDays);
        return ctx.Calendar.AddCalendarDays(c.OpenedOn ?? c.RegisteredOn, days, c.DecisionStops(ctx.Today));
    }

    /// <summary>
    /// XZCF-72: the surcharge on <paramref name="day"/>: for each day an amount was overdue, 3% (configurable) of what of it
    /// was still unpaid (the whole fine after its due day, or each instalment after its own), not counting days of
    /// reconsideration or litigation, never above the fine (XZQZ-45).
    /// </summary>
    public static decimal Surcharge(PenaltyCase c, DateOnly day, CaseRules rules)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(rules);
        if (c.PaymentDueOn is not { } due || c.DecidedFine is not { } fine || c.Outstanding <= 0)
            return 0;
        // Payments count for the earliest amount due first; with instalments, what was paid before the plan is not part of it.
        var plan = c.Instalments.Count > 0;
        IReadOnlyList<Instalment> schedule = plan ? c.Instalments : [new Instalment(due, fine)];
        var offset = plan ? c.InstalmentBase : 0;
        if (day <= schedule[0].DueOn)
            return 0;
        List<ClockStop> stops = [.. c.SurchargeStops];
        if (c.ReviewSince is { } since)
            stops.Add(new ClockStop(since, day));
        var total = 0m;
        for (var d = schedule[0].DueOn.AddDays(1); d <= day; d = d.AddDays(1))
        {
            if (stops.Any(s => s.Covers(d)))
                continue;
            var paid = c.Payments.Where(p => p.On < d).Sum(p => p.Amount) - offset;
            var before = 0m;
            foreach (var i in schedule)
            {
                if (d > i.DueOn)
                    total += Math.Clamp(before + i.Amount - paid, 0, i.Amount);
                before += i.Amount;
            }
        }
        return Math.Min(fine, decimal.Round(total * rules.SurchargeRatePerDay, 2, MidpointRounding.AwayFromZero));
    }

    /// <summary>The day the fine or its first instalment not yet paid in full falls due (XZCF-66): after it, the amount is overdue.</summary>
    private static DateOnly? NextPaymentDue(PenaltyCase c)
    {
        if (c.Instalments.Count == 0)
            return c.PaymentDueOn;
        var cumulative = 0m;
        foreach (var i in c.Instalments)
        {
            cumulative += i.Amount;
            if (cumulative > c.Paid - c.InstalmentBase)
                return i.DueOn;
        }
        return c.Instalments[^1].DueOn;
    }

    /// <summary>Whether <paramref name="kinds"/> and <paramref name="fine"/> give the party a right to a hearing (XZCF-63).</summary>
    public static bool GivesHearingRight(IReadOnlyCollection<PenaltyKind> kinds, decimal? fine, bool organization, CaseRules rules)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        ArgumentNullException.ThrowIfNull(rules);
        return (fine ?? 0) >= rules.HearingFineFor(organization)
            || kinds.Any(k => k is PenaltyKind.RevokeLicence or PenaltyKind.SuspendLicence or PenaltyKind.LowerQualification
                or PenaltyKind.SuspendOperations or PenaltyKind.OrderClosure or PenaltyKind.RestrictActivities or PenaltyKind.RestrictEmployment);
    }

    /// <summary>
    /// XZCF-51: the simple procedure is for a warning, or a fine up to the sector's limit for a citizen or an organisation;
    /// null when <paramref name="kinds"/> and <paramref name="fine"/> qualify.
    /// </summary>
    public static Error? SimpleProcedureRefusal(IReadOnlyCollection<PenaltyKind> kinds, decimal? fine, bool organization, CaseRules rules)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        ArgumentNullException.ThrowIfNull(rules);
        if (kinds.Count == 0 || kinds.Any(k => k is not (PenaltyKind.Warning or PenaltyKind.Fine)))
            return CaseErrors.WarningOrFineOnly();
        var limit = rules.SimpleFineFor(organization);
        return kinds.Contains(PenaltyKind.Fine) && (fine ?? 0) > limit ? CaseErrors.SimpleFineTooHigh(Money.Format(limit)) : null;
    }

    /// <summary>Starts a clock of <paramref name="kind"/> on <paramref name="on"/> (public for the registration of a case).</summary>
    public static CaseDeadline? Start(PenaltyCase c, DeadlineKind kind, DateOnly on, CaseStepContext ctx)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(ctx);
        // The hearing window exists only where the notice gave the right; payment and the court window only for a fine.
        if ((kind == DeadlineKind.HearingRequest && !c.HearingRight)
            || (kind is DeadlineKind.Payment or DeadlineKind.CourtApplication && c.Outstanding <= 0)
            || (kind == DeadlineKind.MeasureApproval && c.MeasureInForce is not { Emergency: true, ApprovedOn: null }))
            return null;
        var (rule, period) = ctx.Rules.PeriodOf(kind);
        CaseDeadline d;
        if (period is { } p)
        {
            var due = kind switch
            {
                DeadlineKind.Decision => DecisionDue(c, ctx),
                DeadlineKind.MeasureDuration => MeasureDue(c, ctx) ?? ctx.Calendar.Due(on, p),
                _ => ctx.Calendar.Due(on, p),
            };
            d = new CaseDeadline(Guid.CreateVersion7(ctx.Now), c.Id, c.BodyId, kind, rule, on, due.Date, null, p.Unit == PeriodUnit.WorkingDays, due.Provisional);
        }
        else
        {
            var at = ctx.Now.AddHours(kind == DeadlineKind.MeasureApproval ? ctx.Rules.EmergencyApprovalHours : ctx.Rules.PoliceHandoverHours);
            d = new CaseDeadline(Guid.CreateVersion7(ctx.Now), c.Id, c.BodyId, kind, rule, on, DateOnly.FromDateTime(at + ChinaDate.Offset), at, false, false);
        }
        if (kind == DeadlineKind.Payment)
            c.PaymentDueOn = d.DueOn;
        c.Deadlines.Add(d);
        return d;
    }

    private static void Meet(PenaltyCase c, DeadlineKind kind, DateOnly on)
    {
        if (c.OpenDeadline(kind) is not { } d)
            return;
        // The party's own periods end rather than being met or missed by the body.
        if (kind is DeadlineKind.Statement or DeadlineKind.HearingRequest)
        {
            d.Status = DeadlineStatus.Met;
            d.ClosedOn = on;
            return;
        }
        d.Close(on);
    }

    /// <summary>
    /// XZQZ-25: the last day of the seal-up or seizure in force: 30 days (configurable) from the day it was taken, 30 more
    /// once extended, the days of testing excluded; null when none is in force.
    /// </summary>
    public static CalendarDue? MeasureDue(PenaltyCase c, CaseStepContext ctx)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(ctx);
        if (c.MeasureInForce is not { TakenOn: { } taken } m)
            return null;
        var days = ctx.Rules.MeasureDays + (m.Extended ? ctx.Rules.MeasureExtensionDays : 0);
        return ctx.Calendar.AddCalendarDays(taken, days, c.TestingStops(ctx.Today));
    }

    /// <summary>Ends the case's running clocks; a seal-up or seizure keeps its own until it is released.</summary>
    private static void CancelOpen(PenaltyCase c, DateOnly on)
    {
        foreach (var d in c.Deadlines.Where(d => d.Status == DeadlineStatus.Open && d.Kind is not (DeadlineKind.MeasureDuration or DeadlineKind.MeasureApproval)))
        {
            d.Status = DeadlineStatus.Cancelled;
            d.ClosedOn = on;
        }
    }

    /// <summary>The clocks that stopped days move (XZCF-60's decision, XZQZ-25's measure) counted again after a step.</summary>
    private static void RecomputeDecision(PenaltyCase c, CaseStepContext ctx)
    {
        if (c.OpenDeadline(DeadlineKind.Decision) is { } d)
        {
            var due = DecisionDue(c, ctx);
            d.DueOn = due.Date;
            d.Provisional = due.Provisional;
        }
        if (c.OpenDeadline(DeadlineKind.MeasureDuration) is { } md && MeasureDue(c, ctx) is { } mdue)
        {
            md.DueOn = mdue.Date;
            md.Provisional = mdue.Provisional;
        }
    }

    private static ValidationError? Validate(PenaltyCase c, CaseAction action, CaseActionRequest r, CaseStepContext ctx, DateOnly on)
    {
        var errors = new ValidationBuilder();
        if (on > ctx.Today)
            errors.Add(CaseErrors.DayInFuture("on"));
        else if (c.Events.Count > 0 && on < c.Events.Max(e => e.On))
            errors.Add(CaseErrors.DayBeforeLastStep("on"));
        if (r.Note?.Length > PenaltyCase.MaxText)
            errors.Add(CommonErrors.FieldTooLong("note", PenaltyCase.MaxText));
        if (r.Reason?.Length > PenaltyCase.MaxText)
            errors.Add(CommonErrors.FieldTooLong("reason", PenaltyCase.MaxText));
        switch (action)
        {
            case AssignOfficers when (r.OfficerIds?.Count ?? 0) == 0:
                errors.Add(CommonErrors.FieldRequired("officerIds"));
                break;
            case RegisterEvidence or RecordStatement or RecordDiscussion when Text(r.Note) is null:
                errors.Add(CommonErrors.FieldRequired("note"));
                break;
            case StopClock:
                if (r.StopReason is null)
                    errors.Add(CommonErrors.FieldRequired("stopReason"));
                else if (r.StopReason is StopReason.Hearing or StopReason.Suspension)
                    errors.Add(CaseErrors.StopReasonHasItsOwnStep("stopReason"));
                break;
            case Conclude:
                if ((r.PenaltyKinds?.Count ?? 0) > 0 && (r.ItemId ?? c.ItemId) is null)
                    errors.Add(CommonErrors.FieldRequired("itemId"));
                if (r.PenaltyKinds?.Contains(PenaltyKind.Fine) == true && r.FineAmount is null)
                    errors.Add(CommonErrors.FieldRequired("fineAmount"));
                if (r.FineAmount is < 0)
                    errors.Add(CommonErrors.FieldOutOfRange("fineAmount", 0, Money.MaxAmount, false));
                break;
            case ScheduleHearing:
                if (r.HearingDate is null)
                    errors.Add(CommonErrors.FieldRequired("hearingDate"));
                if (r.PresidingOfficerId is null)
                    errors.Add(CommonErrors.FieldRequired("presidingOfficerId"));
                break;
            case Decide:
                if (r.FineAmount is < 0)
                    errors.Add(CommonErrors.FieldOutOfRange("fineAmount", 0, Money.MaxAmount, false));
                if ((r.PenaltyKinds ?? c.NoticedKinds).Contains(PenaltyKind.Fine) && (r.FineAmount ?? c.NoticedFine) is null)
                    errors.Add(CommonErrors.FieldRequired("fineAmount"));
                break;
            case DecideNoPenalty or DeclineToOpen or TransferJurisdiction or Terminate or Suspend when Text(r.Reason) is null:
                errors.Add(CommonErrors.FieldRequired("reason"));
                break;
            case Close when c.State != CaseState.Executed && Text(r.Reason) is null:
                errors.Add(CommonErrors.FieldRequired("reason"));
                break;
            case Serve when r.ServiceMethod is null:
                errors.Add(CommonErrors.FieldRequired("serviceMethod"));
                break;
            case RecordPayment or CollectOnSpot:
                if (r.Amount is null)
                    errors.Add(CommonErrors.FieldRequired("amount"));
                else if (r.Amount <= 0 || r.Amount > c.Outstanding)
                    errors.Add(CaseErrors.AmountNotOwed("amount", Money.Format(c.Outstanding)));
                if (action == RecordPayment && r.Channel is null)
                    errors.Add(CommonErrors.FieldRequired("channel"));
                if (action == RecordPayment && r.Channel == PaymentChannel.OnTheSpot)
                    errors.Add(CaseErrors.OnSpotIsItsOwnStep("channel"));
                if (action == CollectOnSpot && Text(r.Reference) is null)
                    errors.Add(CommonErrors.FieldRequired("reference"));
                break;
            case ApproveMeasure when c.MeasureInForce is not { Emergency: true, ApprovedOn: null }:
            case TakeMeasure when r.Emergency == true:
                if (r.MeasureKind is null)
                    errors.Add(CommonErrors.FieldRequired("measureKind"));
                if (Text(r.Items) is null)
                    errors.Add(CommonErrors.FieldRequired("items"));
                else if (r.Items!.Length > CaseMeasure.MaxItems)
                    errors.Add(CommonErrors.FieldTooLong("items", CaseMeasure.MaxItems));
                if (c.MeasureInForce is not null || c.MeasureApproved is not null)
                    errors.Add(CaseErrors.MeasurePending("measureKind"));
                if (action == TakeMeasure && r.InventoryCopies is null)
                    errors.Add(CommonErrors.FieldRequired("inventoryCopies"));
                break;
            case TakeMeasure:
                if (r.InventoryCopies is null)
                    errors.Add(CommonErrors.FieldRequired("inventoryCopies"));
                if (c.MeasureInForce is not null)
                    errors.Add(CaseErrors.MeasurePending("measureKind"));
                break;
            case ReleaseMeasure when r.Outcome is null:
                errors.Add(CommonErrors.FieldRequired("outcome"));
                break;
            case ApproveDeferral when r.Instalments is { Count: > 0 } plan:
                // Instalments (分期): each later than the approval and than the one before, together what is still owed.
                if (plan.Any(i => i.Amount <= 0) || plan.Select(i => i.DueOn).Prepend(on).Zip(plan.Select(i => i.DueOn)).Any(p => p.Second <= p.First))
                    errors.Add(CaseErrors.InstalmentsOutOfOrder("instalments"));
                else if (plan.Sum(i => i.Amount) != c.Outstanding)
                    errors.Add(CaseErrors.InstalmentsNotTheOutstanding("instalments", Money.Format(c.Outstanding)));
                break;
            case ApproveDeferral:
                if (r.Until is null)
                    errors.Add(CommonErrors.FieldRequired("until"));
                else if (c.PaymentDueOn is { } due && r.Until <= due)
                    errors.Add(CaseErrors.DeferralNotLater("until", due));
                break;
        }
        return errors.Build();
    }

    private static RuleViolation? Refuse(TransitionGuard g, PenaltyCase c, CaseAction action, CaseActionRequest r, CaseStepContext ctx, DateOnly on)
    {
        RuleViolation No(params object[] args) => CaseErrors.GuardFailed(g, args);
        var rules = ctx.Rules;
        if (g == CaseGuards.Limitation)
        {
            var last = c.ActOn.AddYears(c.SeriousHarm ? rules.SeriousLimitationYears : rules.LimitationYears);
            return c.DiscoveredOn <= last ? null : No(c.SeriousHarm ? rules.SeriousLimitationYears : rules.LimitationYears);
        }
        if (g == CaseGuards.OpeningExtendedOnce)
            return c.OpeningExtended ? No() : null;
        if (g == CaseGuards.TeamEligible)
            return TeamRefusal(ctx.Team ?? []);
        if (g == CaseGuards.EvidencePending)
            return c.OpenDeadline(DeadlineKind.EvidenceDisposal) is null ? No() : null;
        if (g == CaseGuards.ClockRunning)
            return c.RunningStop is null ? null : No();
        if (g == CaseGuards.ClockStopped)
            return c.RunningStop is null ? No() : null;
        if (g == CaseGuards.ProposalChecked)
            return c.ProposedKinds.Count > 0 && c.Explanation is not null ? null : No();
        if (g == CaseGuards.ReviewerQualified)
            return ctx.ActorLegallyQualified ? null : No();
        if (g == CaseGuards.ReviewPassed)
            return !c.ReviewRequired || c.ReviewPassedOn is not null ? null : No();
        if (g == CaseGuards.DiscussionHeld)
            return !c.Complex || c.DiscussedOn is not null ? null : No();
        if (g == CaseGuards.DeviationApproved)
        {
            var within = action == Decide ? ctx.Check?.WithinBenchmark ?? c.WithinBenchmark : c.WithinBenchmark;
            return within != false || c.DeviationApprovedOn is not null || c.DiscussedOn is not null ? null : No();
        }
        if (g == CaseGuards.DeviationExists)
            return c.WithinBenchmark == false ? null : No();
        if (g == CaseGuards.FurtherExtension)
            return c.DecisionExtensions < rules.HeadApprovedExtensions || c.DiscussedOn is not null ? null : No(rules.HeadApprovedExtensions);
        if (g == CaseGuards.HearingRight)
            return c.HearingRight ? null : No();
        if (g == CaseGuards.HearingRequestInTime)
            return c.OpenDeadline(DeadlineKind.HearingRequest) is { } hd && on <= hd.DueOn ? null : No(rules.HearingRequestWorkingDays);
        if (g == CaseGuards.HearingNoticeAhead)
        {
            var earliest = ctx.Calendar.AddWorkingDays(on, rules.HearingNoticeWorkingDays).Date;
            return r.HearingDate >= earliest ? null : No(rules.HearingNoticeWorkingDays, earliest);
        }
        if (g == CaseGuards.PresidingNotInvestigator)
            return c.Officers.Any(o => o.OfficerId == r.PresidingOfficerId) ? No() : null;
        if (g == CaseGuards.HearingDayReached)
            return c.HearingDate is { } hday && on >= hday ? null : No();
        if (g == CaseGuards.StatementPeriodOver)
            return c.PartyStated || c.OpenDeadline(DeadlineKind.Statement) is not { } sd || on > sd.DueOn ? null : No(c.OpenDeadline(DeadlineKind.Statement)!.DueOn);
        if (g == CaseGuards.HearingWindowOver)
            return c.OpenDeadline(DeadlineKind.HearingRequest) is not { } hw || on > hw.DueOn ? null : No(hw.DueOn);
        if (g == CaseGuards.NotHeavier)
        {
            if (!c.PartyStated && c.HeardOn is null)
                return null;
            var kinds = r.PenaltyKinds ?? c.NoticedKinds;
            var fine = r.FineAmount ?? c.NoticedFine;
            return (fine ?? 0) > (c.NoticedFine ?? 0) || kinds.Except(c.NoticedKinds).Any() ? No() : null;
        }
        if (g == CaseGuards.NotInsteadOfTransfer)
            return c.CrimeSuspected && !c.PoliceDeclined ? No() : null;
        if (g == CaseGuards.ExplanationPresent)
            return !string.IsNullOrWhiteSpace(ctx.Check?.Explanation ?? c.Explanation) ? null : No();
        if (g == CaseGuards.NoPenaltyGrounds)
        {
            // 首违不罚 (XZCF-33): a first violation, promptly corrected, with no or minor harm.
            var first = r.FirstViolation == true;
            var grounds = c.Circumstances.HasFlag(Circumstances.FirstOffence) && c.Circumstances.HasFlag(Circumstances.PromptlyCorrected)
                && (c.Circumstances.HasFlag(Circumstances.NoHarm) || c.Circumstances.HasFlag(Circumstances.MinorHarm) || c.Circumstances.HasFlag(Circumstances.Minor));
            return !first || grounds ? null : No();
        }
        if (g == CaseGuards.AudioVideoRecord)
            return ctx.AudioVideoRecorded ? null : No();
        if (g == CaseGuards.ElectronicConsent)
            return r.ServiceMethod != ServiceMethod.Electronic || ctx.ElectronicConsentRecorded ? null : No();
        if (g == CaseGuards.PaymentOverdue)
            return c.PaymentDueOn is { } pd && on > pd && c.Outstanding > 0 ? null : No(c.PaymentDueOn ?? on);
        if (g == CaseGuards.NotUnderReview)
            return c.ReviewSince is null ? null : No();
        if (g == CaseGuards.UnderReview)
            return c.ReviewSince is null ? No() : null;
        if (g == CaseGuards.DemandPeriodOver)
            return c.OpenDeadline(DeadlineKind.DemandCompliance) is not { } dd || on > dd.DueOn ? null : No(rules.DemandWorkingDays, c.OpenDeadline(DeadlineKind.DemandCompliance)!.DueOn);
        if (g == CaseGuards.CourtWindowOpen)
        {
            var opens = ctx.Calendar.AddMonths(c.ServedOn ?? on, rules.LitigationMonths).Date;
            var closes = c.OpenDeadline(DeadlineKind.CourtApplication)?.DueOn ?? ctx.Calendar.AddMonths(c.ServedOn ?? on, rules.LitigationMonths + rules.CourtApplicationMonths).Date;
            return on > opens && on <= closes ? null : No(opens.AddDays(1), closes);
        }
        if (g == CaseGuards.ReferralTeam)
            return c.Officers.Count >= 2 ? null : No();
        if (g == CaseGuards.ChallengeInTime)
            return c.OpenDeadline(DeadlineKind.DeclineChallenge) is { } cd && on <= cd.DueOn ? null : No(rules.ChallengeWorkingDays);
        if (g == CaseGuards.OnSpotLimit)
            return (r.Amount ?? 0) <= rules.OnSpotCollectionLimit ? null : No(Money.Format(rules.OnSpotCollectionLimit));
        if (g == CaseGuards.CashPending)
            return c.CashPending > 0 ? null : No();
        if (g == CaseGuards.PaidInFull)
            return c.Outstanding <= 0 ? null : No();
        if (g == CaseGuards.MeasureApproved)
            return r.Emergency == true || c.MeasureApproved is not null ? null : No();
        if (g == CaseGuards.MeasureTeam)
            return TeamRefusal(ctx.Team ?? []) is null ? null : No();
        if (g == CaseGuards.InventoryTwoCopies)
            return r.InventoryCopies == 2 ? null : No();
        if (g == CaseGuards.EmergencyApprovalInTime)
        {
            // Approving ahead of a measure needs no clock; approving an emergency one must come within 24 hours (XZQZ-19).
            return c.MeasureInForce is { Emergency: true, ApprovedOn: null, TakenAt: { } at } && ctx.Now > at.AddHours(rules.EmergencyApprovalHours)
                ? No(rules.EmergencyApprovalHours) : null;
        }
        if (g == CaseGuards.MeasureInForce)
            return c.MeasureInForce is null ? No() : null;
        if (g == CaseGuards.MeasureExtendedOnce)
            return c.MeasureInForce is { Extended: true } ? No() : null;
        if (g == CaseGuards.MeasureNotExpired)
            return c.OpenDeadline(DeadlineKind.MeasureDuration) is { } md && on > md.DueOn ? No(md.DueOn) : null;
        if (g == CaseGuards.MeasuresEnded)
            return c.MeasureInForce is null ? null : No();
        throw new InvalidOperationException($"No check for the guard {g.RuleId}/{g.Code}.");
    }

    private static RuleViolation? TeamRefusal(IReadOnlyList<TeamMember> team)
    {
        if (team.FirstOrDefault(m => !m.Eligible) is { } bad)
            return CaseErrors.OfficerNotEligible(bad.Name, bad.ReasonCode ?? "", bad.RuleId ?? "ZFRY-CERT");
        return team.Select(m => m.OfficerId).Distinct().Count() < 2 ? CaseErrors.TeamTooSmall(2) : null;
    }

    private static void Effect(PenaltyCase c, CaseAction action, CaseActionRequest r, CaseStepContext ctx, DateOnly on)
    {
        switch (action)
        {
            case Open:
                c.OpenedOn = on;
                break;
            case ExtendOpening when c.OpenDeadline(DeadlineKind.OpeningDecision) is { } od:
                c.OpeningExtended = true;
                var extended = ctx.Calendar.AddWorkingDays(od.DueOn, ctx.Rules.OpeningExtensionWorkingDays);
                od.DueOn = extended.Date;
                od.Provisional = extended.Provisional;
                break;
            case DeclineToOpen or TransferJurisdiction or Terminate:
                c.ClosingReason = Text(r.Reason);
                if (action != DeclineToOpen)
                    CancelOpen(c, on);
                if (c.RunningStop is { } running)
                    running.To = on;
                break;
            case AssignOfficers:
                c.Officers.Clear();
                foreach (var m in ctx.Team ?? [])
                    c.Officers.Add(new CaseOfficer(m.OfficerId, m.Name, on));
                break;
            case StopClock:
                c.Stops.Add(new CaseClockStop(r.StopReason!.Value, on.AddDays(1), Text(r.Note)));
                break;
            case RestartClock or Resume:
                c.RunningStop!.To = on;
                break;
            case Suspend:
                c.Stops.Add(new CaseClockStop(StopReason.Suspension, on.AddDays(1), Text(r.Reason)));
                break;
            case Conclude:
                c.ItemId = r.ItemId ?? c.ItemId;
                c.ProposedKinds = [.. (r.PenaltyKinds ?? []).Distinct()];
                c.ProposedFine = c.ProposedKinds.Contains(PenaltyKind.Fine) ? r.FineAmount : null;
                c.Circumstances = r.Circumstances ?? Circumstances.None;
                (c.IllegalGain, c.GoodsValue, c.BaseAmount, c.Quantity) = (r.IllegalGain, r.GoodsValue, r.BaseAmount, r.Quantity);
                c.Complex = r.Complex ?? c.Complex;
                c.CrimeSuspected = r.CrimeSuspected ?? c.CrimeSuspected;
                c.Tier = ctx.Check?.Tier;
                c.WithinBenchmark = ctx.Check?.WithinBenchmark;
                c.DeviationReasons = [.. ctx.Check?.Reasons ?? []];
                c.Explanation = ctx.Check?.Explanation;
                c.ReviewRequired = c.Complex || GivesHearingRight(c.ProposedKinds, c.ProposedFine, c.PartyIsOrganization, ctx.Rules)
                    || (ctx.Rules.MajorDecisionFine is { } major && (c.ProposedFine ?? 0) >= major);
                c.ReviewPassedOn = null;
                c.DeviationApprovedOn = null;
                break;
            case ReturnForInvestigation:
                c.ReviewPassedOn = null;
                break;
            case PassLegalReview:
                c.ReviewPassedOn = on;
                c.ReviewerId = ctx.ActorId;
                break;
            case RecordDiscussion:
                c.DiscussedOn = on;
                break;
            case ApproveDeviation:
                c.DeviationApprovedOn = on;
                break;
            case ExtendDecision:
                c.DecisionExtensions++;
                break;
            case Notify:
                c.NoticedOn = on;
                c.NoticedKinds = [.. c.ProposedKinds];
                c.NoticedFine = c.ProposedFine;
                c.HearingRight = GivesHearingRight(c.NoticedKinds, c.NoticedFine, c.PartyIsOrganization, ctx.Rules);
                c.PartyStated = false;
                break;
            case RecordStatement:
                c.PartyStated = true;
                break;
            case RequestHearing:
                c.HearingRequestedOn = on;
                c.Stops.Add(new CaseClockStop(StopReason.Hearing, on.AddDays(1), Text(r.Note)));
                break;
            case ScheduleHearing:
                c.HearingDate = r.HearingDate;
                c.PresidingOfficerId = r.PresidingOfficerId;
                break;
            case HoldHearing:
                c.HeardOn = on;
                if (c.RunningStop is { Reason: StopReason.Hearing } hearing)
                    hearing.To = on;
                break;
            case Decide:
                c.DecidedOn = on;
                c.DecidedKinds = [.. (r.PenaltyKinds ?? c.NoticedKinds).Distinct()];
                c.DecidedFine = c.DecidedKinds.Contains(PenaltyKind.Fine) ? r.FineAmount ?? c.NoticedFine : null;
                if (ctx.Check is { } check)
                {
                    c.Explanation = check.Explanation;
                    c.Tier = check.Tier;
                    c.WithinBenchmark = check.WithinBenchmark;
                }
                break;
            case DecideNoPenalty:
                c.DecidedOn = on;
                c.DecidedKinds = [];
                c.DecidedFine = null;
                c.NoPenaltyReason = Text(r.Reason);
                c.FirstViolation = r.FirstViolation == true;
                break;
            case Serve:
                c.ServedOn = on;
                c.ServiceMethod = r.ServiceMethod;
                break;
            case RecordPayment:
                c.Payments.Add(new CasePayment(on, r.Amount!.Value, r.Channel!.Value, Text(r.Reference)));
                c.Paid += r.Amount!.Value;
                if (c.Instalments.Count > 0)
                    c.PaymentDueOn = NextPaymentDue(c);
                break;
            case CollectOnSpot:
                c.Payments.Add(new CasePayment(on, r.Amount!.Value, PaymentChannel.OnTheSpot, Text(r.Reference)));
                c.Paid += r.Amount!.Value;
                c.CashPending += r.Amount!.Value;
                break;
            case HandOverCash:
                c.CashPending = 0;
                break;
            case ApproveDeferral:
                // Deferral to a day, or instalments: the payment clock runs to the last of them, the surcharge from each.
                c.Instalments = r.Instalments is { Count: > 0 } plan ? [.. plan.OrderBy(i => i.DueOn)] : [];
                var last = c.Instalments.Count > 0 ? c.Instalments[^1].DueOn : r.Until!.Value;
                c.PaymentDueOn = c.Instalments.Count > 0 ? c.Instalments[0].DueOn : last;
                c.InstalmentBase = c.Paid;
                if (c.OpenDeadline(DeadlineKind.Payment) is { } pay)
                    pay.DueOn = last;
                break;
            case StartReconsideration:
                c.ReviewSince = on;
                break;
            case EndReconsideration:
                c.SurchargeStops = [.. c.SurchargeStops, new ClockStop(c.ReviewSince!.Value, on)];
                c.ReviewSince = null;
                break;
            case CaseAction.Demand:
                c.DemandedOn = on;
                break;
            case ApplyToCourt:
                c.CourtAppliedOn = on;
                break;
            case ProposeReferral:
                c.CrimeSuspected = true;
                c.PoliceDeclined = false;
                break;
            case RejectReferral:
                c.CrimeSuspected = false;
                break;
            case RecordPoliceDecline or ResumeAfterDecline:
                c.PoliceDeclined = true;
                break;
            case ChallengeDecline:
                c.PoliceDeclined = false;
                break;
            case Close:
                c.ClosedOn = on;
                c.ClosingReason = Text(r.Reason) ?? c.ClosingReason;
                CancelOpen(c, on);
                break;
            case Archive:
                c.ArchivedOn = on;
                break;
            case ApproveMeasure:
                if (c.MeasureInForce is { Emergency: true, ApprovedOn: null } emergency)
                    (emergency.ApprovedOn, emergency.ApprovedById) = (on, ctx.ActorId);
                else
                    c.Measures.Add(new CaseMeasure(r.MeasureKind!.Value, Text(r.Items)!, false) { ApprovedOn = on, ApprovedById = ctx.ActorId });
                break;
            case TakeMeasure:
                var measure = r.Emergency == true ? new CaseMeasure(r.MeasureKind!.Value, Text(r.Items)!, true) : c.MeasureApproved!;
                if (r.Emergency == true)
                    c.Measures.Add(measure);
                (measure.TakenOn, measure.TakenAt, measure.InventoryCopies) = (on, ctx.Now, r.InventoryCopies!.Value);
                break;
            case ExtendMeasure:
                c.MeasureInForce!.Extended = true;
                break;
            case ReleaseMeasure:
                var ended = c.MeasureInForce!;
                (ended.EndedOn, ended.Outcome) = (on, r.Outcome);
                break;
        }
    }

    private static string? Text(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
