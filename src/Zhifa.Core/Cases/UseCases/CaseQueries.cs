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

/// <param name="After">
/// A cursor from <see cref="Page{T}.NextCursor"/>: the rows after it, in the list's order, at the same cost however far
/// into the list (keyset paging, for the registration-date sort). An unreadable cursor shows the first page, as an
/// unknown sort shows the default one.
/// </param>
/// <param name="Before">A cursor from <see cref="Page{T}.PreviousCursor"/>: the rows before it.</param>
/// <summary>A case as other features refer to it: its key, body, number, title and state.</summary>
public sealed record CaseRef(Guid Id, Guid BodyId, string? CaseNumber, string Title, CaseState State)
{
    /// <summary>An archived case's file is locked: nothing is added to it or withdrawn from it.</summary>
    public bool Locked => State == CaseState.Archived;
}

/// <summary>
/// What the record of the case (evidence) tells the steps: whether an audio-video record of a step is attached (SXZD-AV).
/// Declared here, implemented by the feature that keeps the evidence, so that case handling does not depend on it.
/// </summary>
public interface ICaseRecordings
{
    /// <summary>Whether an audio or video record for <paramref name="step"/> of the case was attached after <paramref name="since"/> and not withdrawn.</summary>
    Task<bool> AudioVideoRecordedAsync(Guid caseId, CaseAction step, DateTime? since, CancellationToken ct);
}

public sealed record CaseListFilter(CaseView? View = null, CaseState? State = null, CaseProcedure? Procedure = null, string? Q = null,
    DateOnly? From = null, DateOnly? To = null, Guid? PartyId = null, string? Sort = null, int? Page = null, int? PageSize = null,
    string? After = null, string? Before = null);

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

/// <summary>
/// The opaque key of a row of the case list sorted by registration date: the date and the id (the tie-breaker), so the
/// next page starts right after it through the index on (RegisteredOn, Id).
/// </summary>
public sealed record CaseCursor(DateOnly On, Guid Id)
{
    /// <summary>The sort column the cursor belongs to.</summary>
    public const string Column = "registeredOn";

    public static string Of(PenaltyCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return Encode(new CaseCursor(c.RegisteredOn, c.Id));
    }

    public static string Encode(CaseCursor cursor)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        var text = cursor.On.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) + cursor.Id.ToString("N");
        return Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The cursor in the text, or null when there is none or it cannot be read.</summary>
    public static CaseCursor? Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 80)
            return null;
        try
        {
            var b64 = text.Trim().Replace('-', '+').Replace('_', '/');
            b64 = b64.PadRight(b64.Length + ((4 - (b64.Length % 4)) % 4), '=');
            var plain = System.Text.Encoding.ASCII.GetString(Convert.FromBase64String(b64));
            return plain.Length == 40
                && DateOnly.TryParseExact(plain[..8], "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var on)
                && Guid.TryParseExact(plain[8..], "N", out var id)
                ? new CaseCursor(on, id) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

/// <summary>The case lists and the case page, through the caller's scope.</summary>
public sealed partial class CaseQueries(CaseContext ctx)
{
    private static readonly SortMap<PenaltyCase> Sorts = SortMap<PenaltyCase>.Create(new SortOrder("registeredOn", true), c => c.Id)
        .Add("registeredOn", c => c.RegisteredOn)
        .Add("number", c => c.CaseNumber)
        .Add("party", c => c.PartyName)
        .Add("state", c => c.State);

    private ZhifaDbContext Db => ctx.Db;

    /// <summary>
    /// A page of the list: counted up to <see cref="Paging.CountCap"/>; by page number (offset) within the count, or by
    /// cursor (keyset) anywhere in the list when sorted by registration date. The page's ids are found first, from the
    /// indexes alone (the offset never reads the rows it skips), then its rows by their keys.
    /// </summary>
    public async Task<Page<CaseRow>> ListAsync(CaseListFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var (query, clocked) = await FilteredAsync(filter, ct);
        var sort = Sorts.Resolve(filter.Sort);
        var (number, size) = Paging.Normalize(filter.Page, filter.PageSize);
        var counted = await (clocked ?? query.Select(c => c.Id)).Take(Paging.CountCap + 1).CountAsync(ct);
        var capped = counted > Paging.CountCap;
        var total = capped ? Paging.CountCap : counted;
        var keyed = sort.Key == CaseCursor.Column;
        var after = keyed ? CaseCursor.Read(filter.After) : null;
        var before = keyed && after is null ? CaseCursor.Read(filter.Before) : null;
        if ((after ?? before) is { } cursor)
        {
            var forward = after is not null;
            // Forward in a descending list (or backward in an ascending one) reads the keys below the cursor, newest first.
            var down = sort.Descending == forward;
            var beyond = down
                ? query.Where(c => c.RegisteredOn <= cursor.On && (c.RegisteredOn < cursor.On || c.Id < cursor.Id))
                    .OrderByDescending(c => c.RegisteredOn).ThenByDescending(c => c.Id)
                : query.Where(c => c.RegisteredOn >= cursor.On && (c.RegisteredOn > cursor.On || c.Id > cursor.Id))
                    .OrderBy(c => c.RegisteredOn).ThenBy(c => c.Id);
            var keys = await beyond.Take(size + 1).Select(c => c.Id).ToListAsync(ct);
            var more = keys.Count > size;
            keys = [.. keys.Take(size)];
            if (!forward)
                keys.Reverse();
            var cases = await ByKeysAsync(keys, ct);
            var (first, last) = (cases.FirstOrDefault(), cases.LastOrDefault());
            return new Page<CaseRow>(await RowsAsync(cases, ct), total, 0, size, capped,
                NextCursor: last is null || (forward && !more) ? null : CaseCursor.Of(last),
                PreviousCursor: first is null || (!forward && !more) ? null : CaseCursor.Of(first));
        }
        var lastPage = Math.Max(1, (total + size - 1) / size);
        number = Math.Min(number, lastPage);
        var ids = await Sorts.Apply(query, filter.Sort).Skip((number - 1) * size).Take(size).Select(c => c.Id).ToListAsync(ct);
        var rows = await ByKeysAsync(ids, ct);
        var followed = number < lastPage || capped;
        return new Page<CaseRow>(await RowsAsync(rows, ct), total, number, size, capped,
            NextCursor: keyed && followed && rows.Count == size ? CaseCursor.Of(rows[^1]) : null);
    }

    /// <summary>The cases of a page by their ids, in the order of the ids.</summary>
    private async Task<List<PenaltyCase>> ByKeysAsync(List<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
            return [];
        var found = await Db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        return [.. ids.Where(found.ContainsKey).Select(id => found[id])];
    }

    /// <summary>The counts of the role views, for the workbench: each at most the cap, never a count of every case.</summary>
    public async Task<int> CountAsync(CaseView view, CancellationToken ct = default)
    {
        var (query, clocked) = await FilteredAsync(new CaseListFilter(view), ct);
        return await (clocked ?? query.Select(c => c.Id)).Take(Paging.CountCap).CountAsync(ct);
    }

    /// <summary>
    /// The cases the filter shows; and, for the due-soon and overdue views with no other filter, the same cases' ids
    /// counted from their open clocks alone (each clock carries its case's body): the count then reads a small index
    /// instead of looking up every case it counts.
    /// </summary>
    private async Task<(IQueryable<PenaltyCase> Cases, IQueryable<Guid>? Clocked)> FilteredAsync(CaseListFilter f, CancellationToken ct)
    {
        IQueryable<PenaltyCase> q = Db.Cases.AsNoTracking();
        IQueryable<CaseDeadline> clocks = Db.CaseDeadlines.AsNoTracking().Where(d => d.Status == DeadlineStatus.Open);
        if (!Db.Scope.All)
        {
            // The bodies the caller sees, read through the scope filter, named as keys: the same cases as the cases' own
            // scope filter (the case's body is an organisation the caller sees), which then need not be checked row by row
            // (a lookup of the organisation per counted case), and the database uses the indexes that start with the body.
            var bodies = await Db.Bodies.AsNoTracking().Select(b => b.Id).ToListAsync(ct);
            q = Db.Cases.Unscoped("the cases of the bodies the caller sees, read through the scope filter just above").AsNoTracking();
            clocks = Db.CaseDeadlines.Unscoped("the clocks of the bodies the caller sees, read through the scope filter just above").AsNoTracking().Where(d => d.Status == DeadlineStatus.Open);
            var only = bodies.FirstOrDefault();
            q = bodies.Count switch
            {
                0 => q.Where(_ => false),
                1 => q.Where(c => c.BodyId == only),
                _ => q.Where(c => bodies.Contains(c.BodyId)),
            };
            clocks = bodies.Count switch
            {
                0 => clocks.Where(_ => false),
                1 => clocks.Where(d => d.BodyId == only),
                _ => clocks.Where(d => bodies.Contains(d.BodyId)),
            };
        }
        IQueryable<Guid>? clocked = null;
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
                var soon = Db.CaseDeadlines.Unscoped("the clocks of a case already in scope");
                q = q.Where(c => soon.Any(d => d.CaseId == c.Id && d.Status == DeadlineStatus.Open && d.DueOn >= today && d.DueOn <= until));
                clocked = clocks.Where(d => d.DueOn >= today && d.DueOn <= until).Select(d => d.CaseId).Distinct();
                break;
            }
            case CaseView.Overdue:
                var late = Db.CaseDeadlines.Unscoped("the clocks of a case already in scope");
                q = q.Where(c => late.Any(d => d.CaseId == c.Id && d.Status == DeadlineStatus.Open && d.DueOn < today));
                clocked = clocks.Where(d => d.DueOn < today).Select(d => d.CaseId).Distinct();
                break;
        }
        if (f.State is not null || f.Procedure is not null || f.PartyId is not null || f.From is not null || f.To is not null || !string.IsNullOrWhiteSpace(f.Q))
            clocked = null;
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
        return (q, clocked);
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

    /// <summary>
    /// A case as other features see it (the record of evidence and documents): found through the caller's scope and only
    /// where they hold <paramref name="permission"/> in its body; else null (answered as not found).
    /// </summary>
    public async Task<CaseRef?> RefAsync(Guid id, string permission, CancellationToken ct = default)
    {
        var c = await Db.ActOnAsync(Db.Cases.AsNoTracking(), id, x => x.BodyId, Db.Organizations, permission, ct);
        return c is null ? null : new CaseRef(c.Id, c.BodyId, c.CaseNumber, c.Title, c.State);
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
