using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Calendar;
using Zhifa.Core.Common;
using Zhifa.Core.Data;
using Zhifa.Core.Discretion;
using Zhifa.Core.Organizations;

namespace Zhifa.Core.Cases.UseCases;

/// <summary>Which cases a list shows: the role-shaped views of the issue, and all cases in scope.</summary>
public enum CaseView
{
    /// <summary>Cases the caller registered or investigates.</summary>
    Mine,
    /// <summary>Waiting for the head: a lead to open, a notice or a decision to approve, a referral to decide, a case to close.</summary>
    AwaitingApproval,
    /// <summary>Concluded cases waiting for legal review.</summary>
    AwaitingReview,
    /// <summary>With a deadline due within the configured working days.</summary>
    DueSoon,
    /// <summary>With a deadline past its day and not met.</summary>
    Overdue,
    All,
}

public sealed record CaseListFilter(CaseView? View = null, CaseState? State = null, CaseProcedure? Procedure = null, string? Q = null,
    DateOnly? From = null, DateOnly? To = null, Guid? PartyId = null, string? Sort = null, int? Page = null, int? PageSize = null);

public sealed record CaseRow(Guid Id, string? CaseNumber, string Title, Guid PartyId, string PartyName, Guid BodyId, string BodyName, CaseProcedure Procedure,
    CaseState State, DateOnly RegisteredOn, DateOnly? NextDue, string? NextDueRule, bool NextDueProvisional, bool NextDueWorkingDays = false, int? NextDueDaysLeft = null);

public sealed record DeadlineView(Guid Id, DeadlineKind Kind, string RuleId, DateOnly StartedOn, DateOnly DueOn, DateTime? DueAt, bool WorkingDays, bool Provisional,
    DeadlineStatus Status, DateOnly? ClosedOn, int DaysLeft);

public sealed record CaseEventView(CaseAction Action, CaseState From, CaseState To, DateOnly On, DateTime At, string ActorName, string? Note, DocumentKind? Document, string? DocumentNumber);

public sealed record CaseDetail(
    Guid Id, int Version, string? CaseNumber, string? DecisionNumber, CaseProcedure Procedure, CaseState State, LeadSource Source, Guid BodyId, string BodyName,
    Guid PartyId, string PartyName, bool PartyIsOrganization, Guid? ItemId, string Title, string Facts, DateOnly ActOn, DateOnly DiscoveredOn, bool SeriousHarm,
    DateOnly RegisteredOn, DateOnly? OpenedOn, bool Complex, bool CrimeSuspected, IReadOnlyList<PenaltyKind> ProposedKinds, decimal? ProposedFine,
    DiscretionTier? Tier, bool? WithinBenchmark, IReadOnlyList<string> DeviationReasons, string? Explanation, bool ReviewRequired, DateOnly? ReviewPassedOn,
    DateOnly? DiscussedOn, DateOnly? NoticedOn, bool HearingRight, DateOnly? HearingDate, DateOnly? DecidedOn, IReadOnlyList<PenaltyKind> DecidedKinds,
    decimal? DecidedFine, string? NoPenaltyReason, bool FirstViolation, DateOnly? ServedOn, ServiceMethod? ServiceMethod, DateOnly? PaymentDueOn, decimal Paid,
    decimal Outstanding, decimal SurchargeToday, string? OnSpotFormNumber, decimal CashPending, DateOnly? ClosedOn, string? ClosingReason,
    IReadOnlyList<CaseOfficerView> Officers, IReadOnlyList<ClockStopView> Stops, IReadOnlyList<DeadlineView> Deadlines, IReadOnlyList<CaseEventView> Timeline,
    IReadOnlyList<PaymentView> Payments, IReadOnlyList<CaseAction> Actions, IReadOnlyList<MeasureView> Measures, IReadOnlyList<BlockedAction> Blocked,
    IReadOnlyList<Instalment> Instalments);

/// <summary>A step the caller may take but not yet: the rule that stands in the way and why, as a clerk reads it.</summary>
public sealed record BlockedAction(CaseAction Action, string RuleId, string Code, IReadOnlyList<object> Args);

/// <summary>A seal-up or seizure of the case (XZQZ-18/19/24/25) as its page shows it.</summary>
public sealed record MeasureView(MeasureKind Kind, string Items, bool Emergency, DateOnly? ApprovedOn, DateOnly? TakenOn, int InventoryCopies, bool Extended,
    DateOnly? EndedOn, MeasureOutcome? Outcome);

public sealed record CaseOfficerView(Guid OfficerId, string Name, DateOnly Since);

public sealed record ClockStopView(StopReason Reason, DateOnly From, DateOnly? To, string? Note);

public sealed record PaymentView(DateOnly On, decimal Amount, PaymentChannel Channel, string? Reference);

/// <summary>The case lists and the case page, through the caller's scope.</summary>
public sealed partial class CaseQueries(CaseContext ctx)
{
    private static readonly SortMap<PenaltyCase> Sorts = SortMap<PenaltyCase>.Create(new SortOrder("registeredOn", true), c => c.Id)
        .Add("registeredOn", c => c.RegisteredOn)
        .Add("number", c => c.CaseNumber)
        .Add("party", c => c.PartyName)
        .Add("state", c => c.State);

    private ZhifaDbContext Db => ctx.Db;

    public async Task<Page<CaseRow>> ListAsync(CaseListFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = await FilteredAsync(filter, ct);
        var page = await Paging.CappedAsync(Sorts.Apply(query, filter.Sort), filter.Page, filter.PageSize, ct);
        return new Page<CaseRow>(await RowsAsync(page.Items, ct), page.Total, page.PageNumber, page.PageSize, page.TotalIsLowerBound);
    }

    /// <summary>The counts of the role views, for the workbench: each at most the cap, never a count of every case.</summary>
    public async Task<int> CountAsync(CaseView view, CancellationToken ct = default) =>
        await (await FilteredAsync(new CaseListFilter(view), ct)).Take(Paging.CountCap).CountAsync(ct);

    private async Task<IQueryable<PenaltyCase>> FilteredAsync(CaseListFilter f, CancellationToken ct)
    {
        IQueryable<PenaltyCase> q = Db.Cases.AsNoTracking();
        var me = Db.Actor.UserId ?? Guid.Empty;
        var officerId = Db.Actor.Access?.OfficerId;
        var today = ctx.Today;
        switch (f.View ?? CaseView.All)
        {
            case CaseView.Mine:
                q = q.Where(c => c.RegisteredById == me || (officerId != null && c.Officers.Any(o => o.OfficerId == officerId)));
                break;
            case CaseView.AwaitingApproval:
                q = q.Where(c => c.State == CaseState.Lead || c.State == CaseState.Reviewed || c.State == CaseState.Notified || c.State == CaseState.Heard
                    || c.State == CaseState.ReferralProposed || c.State == CaseState.Executed || c.State == CaseState.NoPenaltyDecided
                    || (c.State == CaseState.Concluded && !c.ReviewRequired));
                break;
            case CaseView.AwaitingReview:
                q = q.Where(c => c.State == CaseState.Concluded && c.ReviewRequired);
                break;
            case CaseView.DueSoon:
            {
                var calendar = await ctx.CalendarAsync(ct);
                var until = calendar.AddWorkingDays(today, ctx.DefaultRules.DueSoonWorkingDays).Date;
                var soon = Db.CaseDeadlines;
                q = q.Where(c => soon.Any(d => d.CaseId == c.Id && d.Status == DeadlineStatus.Open && d.DueOn >= today && d.DueOn <= until));
                break;
            }
            case CaseView.Overdue:
                var late = Db.CaseDeadlines;
                q = q.Where(c => late.Any(d => d.CaseId == c.Id && d.Status == DeadlineStatus.Open && d.DueOn < today));
                break;
        }
        if (f.State is { } state)
            q = q.Where(c => c.State == state);
        if (f.Procedure is { } procedure)
            q = q.Where(c => c.Procedure == procedure);
        if (f.PartyId is { } party)
            q = q.Where(c => c.PartyId == party);
        if (f.From is { } from)
            q = q.Where(c => c.RegisteredOn >= from);
        if (f.To is { } to)
            q = q.Where(c => c.RegisteredOn <= to);
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var text = f.Q.Trim();
            q = q.Where(c => c.CaseNumber == text || c.DecisionNumber == text || c.PartyName.StartsWith(text) || c.Title.Contains(text));
        }
        return q;
    }

    private async Task<List<CaseRow>> RowsAsync(IReadOnlyList<PenaltyCase> cases, CancellationToken ct)
    {
        var ids = cases.Select(c => c.Id).ToList();
        var bodyIds = cases.Select(c => c.BodyId).Distinct().ToList();
        var bodies = await Db.Organizations.Unscoped("a body's name is public").AsNoTracking().Where(o => bodyIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var next = (await Db.CaseDeadlines.AsNoTracking().Where(d => ids.Contains(d.CaseId) && d.Status == DeadlineStatus.Open)
                .Select(d => new { d.CaseId, d.DueOn, d.RuleId, d.Provisional, d.WorkingDays }).ToListAsync(ct))
            .GroupBy(d => d.CaseId).ToDictionary(g => g.Key, g => g.OrderBy(d => d.DueOn).First());
        var calendar = await ctx.CalendarAsync(ct);
        var today = ctx.Today;
        return [.. cases.Select(c =>
        {
            var n = next.GetValueOrDefault(c.Id);
            int? left = n is null ? null : n.WorkingDays ? calendar.WorkingDaysLeft(today, n.DueOn) : n.DueOn.DayNumber - today.DayNumber;
            return new CaseRow(c.Id, c.CaseNumber, c.Title, c.PartyId, c.PartyName, c.BodyId, bodies.GetValueOrDefault(c.BodyId, ""), c.Procedure, c.State,
                c.RegisteredOn, n?.DueOn, n?.RuleId, n?.Provisional ?? false, n?.WorkingDays ?? false, left);
        })];
    }

    public async Task<Result<CaseDetail>> DetailAsync(Guid id, CancellationToken ct = default)
    {
        var c = await Db.Cases.AsNoTracking().Include(x => x.Officers).Include(x => x.Stops).Include(x => x.Deadlines).Include(x => x.Events).Include(x => x.Payments)
            .Include(x => x.Measures).AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
            return CaseErrors.CaseNotFound();
        // The body: its name is public, and the caller's permissions in it decide the steps offered.
        var body = await Db.Organizations.Unscoped("a body's name is public; the caller's permissions in it decide the steps offered").AsNoTracking()
            .FirstAsync(o => o.Id == c.BodyId, ct);
        var calendar = await ctx.CalendarAsync(ct);
        var rules = await ctx.RulesForAsync(c.BodyId, ct);
        var today = ctx.Today;
        // The steps this caller may take, less those the case and the day forbid whatever is asked: those say why.
        var step = new CaseStepContext(today, ctx.Now, calendar, rules, Db.Actor.UserId, "");
        var available = CaseWorkflow.Table.Available(c.State, p => Db.Actor.CanIn(p, body));
        var blocked = available.Select(a => (Action: a, Why: CaseEngine.WhyNot(c, a, step))).Where(b => b.Why is not null)
            .Select(b => new BlockedAction(b.Action, b.Why!.RuleId, b.Why.Code, b.Why.Args)).ToList();
        var ready = available.Where(a => blocked.All(b => b.Action != a)).ToList();
        var deadlines = c.Deadlines.OrderBy(d => d.Status != DeadlineStatus.Open).ThenBy(d => d.DueOn).Select(d => new DeadlineView(d.Id, d.Kind, d.RuleId, d.StartedOn,
            d.DueOn, d.DueAt, d.WorkingDays, d.Provisional, d.Status, d.ClosedOn,
            d.WorkingDays ? calendar.WorkingDaysLeft(today, d.DueOn) : d.DueOn.DayNumber - today.DayNumber)).ToList();
        return new CaseDetail(c.Id, c.Version, c.CaseNumber, c.DecisionNumber, c.Procedure, c.State, c.Source, c.BodyId, body.Name, c.PartyId, c.PartyName,
            c.PartyIsOrganization, c.ItemId, c.Title, c.Facts, c.ActOn, c.DiscoveredOn, c.SeriousHarm, c.RegisteredOn, c.OpenedOn, c.Complex, c.CrimeSuspected,
            c.ProposedKinds, c.ProposedFine, c.Tier, c.WithinBenchmark, c.DeviationReasons, c.Explanation, c.ReviewRequired, c.ReviewPassedOn, c.DiscussedOn,
            c.NoticedOn, c.HearingRight, c.HearingDate, c.DecidedOn, c.DecidedKinds, c.DecidedFine, c.NoPenaltyReason, c.FirstViolation, c.ServedOn, c.ServiceMethod,
            c.PaymentDueOn, c.Paid, c.Outstanding, CaseEngine.Surcharge(c, today, rules), c.OnSpotFormNumber, c.CashPending, c.ClosedOn, c.ClosingReason,
            [.. c.Officers.Select(o => new CaseOfficerView(o.OfficerId, o.Name, o.Since))],
            [.. c.Stops.OrderBy(s => s.From).Select(s => new ClockStopView(s.Reason, s.From, s.To, s.Note))],
            deadlines,
            [.. c.Events.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new CaseEventView(e.Action, e.From, e.To, e.On, e.At, e.ActorName, e.Note, e.Document, e.DocumentNumber))],
            [.. c.Payments.OrderBy(p => p.On).Select(p => new PaymentView(p.On, p.Amount, p.Channel, p.Reference))],
            ready,
            [.. c.Measures.OrderBy(m => m.Id).Select(m => new MeasureView(m.Kind, m.Items, m.Emergency, m.ApprovedOn, m.TakenOn, m.InventoryCopies, m.Extended, m.EndedOn, m.Outcome))],
            blocked,
            c.Instalments);
    }
}

/// <summary>When an administrator enters or changes a year's schedule, the open deadlines counted on it are counted again.</summary>
internal sealed class CaseCalendarChanged(ZhifaDbContext db, IStatutoryCalendarSource calendar, CaseRuleBook rules, TimeProvider clock) : ICalendarChanged
{
    public async Task CalendarChangedAsync(int year, CancellationToken ct)
    {
        var cal = await calendar.GetAsync(ct);
        var start = new DateOnly(year, 1, 1).AddYears(-1);
        var end = new DateOnly(year, 12, 31).AddYears(1);
        var affected = await db.CaseDeadlines.Unscoped("a new schedule applies to every case's clocks")
            .Where(d => d.Status == DeadlineStatus.Open && d.DueAt == null && d.DueOn >= start && d.StartedOn <= end).ToListAsync(ct);
        var caseIds = affected.Select(d => d.CaseId).Distinct().ToList();
        var cases = await db.Cases.Unscoped("a new schedule applies to every case's clocks").Include(c => c.Stops).Include(c => c.Measures)
            .Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var bodyIds = cases.Values.Select(c => c.BodyId).Distinct().ToList();
        var sectors = await db.Bodies.Unscoped("a body's sector decides its rules").Where(b => bodyIds.Contains(b.Id))
            .ToDictionaryAsync(b => b.Id, b => b.Sector, ct);
        foreach (var d in affected)
        {
            var c = cases[d.CaseId];
            var r = rules.For(sectors.GetValueOrDefault(c.BodyId));
            var (_, period) = r.PeriodOf(d.Kind);
            if (period is not { } p || d.Kind is DeadlineKind.Payment)
                continue;
            var step = new CaseStepContext(clock.Today(), clock.GetUtcNow().UtcDateTime, cal, r, null, "system");
            var due = d.Kind switch
            {
                DeadlineKind.Decision => CaseEngine.DecisionDue(c, step),
                DeadlineKind.MeasureDuration => CaseEngine.MeasureDue(c, step) ?? cal.Due(d.StartedOn, p),
                _ => cal.Due(d.StartedOn, p),
            };
            // An opening deadline extended once (XZCF-54) keeps its extension.
            if (d.Kind == DeadlineKind.OpeningDecision && c.OpeningExtended)
                due = cal.AddWorkingDays(due.Date, r.OpeningExtensionWorkingDays) is var extended ? extended with { Provisional = extended.Provisional || due.Provisional } : due;
            d.DueOn = due.Date;
            d.Provisional = due.Provisional;
        }
    }
}
