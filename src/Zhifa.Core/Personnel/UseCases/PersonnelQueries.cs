using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Common;
using Zhifa.Core.Organizations;

namespace Zhifa.Core.Personnel.UseCases;

/// <param name="WithoutCertificate">Only officers with no certificate that counts (none, or cancelled, revoked, expired): the workbench's 无有效执法证.</param>
/// <param name="Sort">A key of <see cref="PersonnelQueries.OfficerSort"/>, "-" first for descending.</param>
public sealed record OfficerListFilter(string? Q = null, Guid? BodyId = null, EmploymentStatus? Status = null, CertificateStatus? CertificateStatus = null,
    bool? TrainingShort = null, int? Page = null, int? PageSize = null, bool? WithoutCertificate = null, string? Sort = null);

/// <param name="ValidFrom">Certificates valid until this day or later (with <paramref name="ValidTo"/>: expiring within a range).</param>
/// <param name="ReviewOverdue">Only valid or suspended certificates whose annual review is overdue: the workbench's 年审逾期.</param>
public sealed record CertificateListFilter(string? Q = null, CertificateStatus? Status = null, Guid? BodyId = null, DateOnly? ValidFrom = null, DateOnly? ValidTo = null,
    bool? ReviewOverdue = null, string? Sort = null, int? Page = null, int? PageSize = null);

/// <summary>An officer on the inspector list, with the number and end of the certificate that allows them to act.</summary>
public sealed record EligibleInspector(Guid OfficerId, string FullName, string CertificateNumber, DateOnly ValidUntil);

public sealed record OfficerRow(Guid Id, string FullName, string IdNumberMasked, Guid BodyId, string? BodyName, string? UnitName, string? Post,
    bool HasLegalQualification, IReadOnlyList<Sector> Fields, EmploymentStatus EmploymentStatus, string? CertificateNumber,
    CertificateStatus? CertificateStatus, decimal TrainingHours, decimal TrainingHoursNeeded, Guid? UnitId = null, int Version = 0);

public sealed record CertificateView(Guid Id, string Number, Guid OfficerId, string HolderName, Guid BodyId, string? BodyName, DateOnly IssuedOn,
    DateOnly ValidUntil, IReadOnlyList<Sector> Fields, CertificateStatus Status, DateOnly? SuspendedUntil, int? LastReviewedYear, bool ReviewOverdue,
    IReadOnlyList<CertificateEventView> History, int Version = 0, DateOnly? ReviewDueOn = null);

public sealed record CertificateEventView(int Sequence, CertificateEventKind Kind, DateOnly On, string? Reason, DateOnly? Until, int? Year, string? RuleId, DateTime RecordedAt);

public sealed record ExamResultView(Guid Id, Guid SessionId, string SessionName, DateOnly SatOn, Guid OfficerId, string OfficerName, decimal Score, decimal PassMark, bool Passed);

public sealed record TrainingRecordView(Guid SessionId, string CourseName, TrainingCategory Category, DateOnly StartsOn, DateOnly EndsOn, decimal Hours);

public sealed record AssessmentView(int Year, AssessmentGrade Grade, string? Remarks);

public sealed record EmploymentChangeView(int Sequence, EmploymentStatus? From, EmploymentStatus To, DateOnly On, string? Reason, DateTime RecordedAt);

public sealed record OfficerDetail(OfficerRow Officer, IReadOnlyList<EmploymentChangeView> Employment, IReadOnlyList<CertificateView> Certificates,
    IReadOnlyList<ExamResultView> Exams, TrainingSummary ThisYear, TrainingSummary LastYear, IReadOnlyList<TrainingRecordView> Training,
    IReadOnlyList<AssessmentView> Assessments, int Version = 0);

public sealed record ExamSessionView(Guid Id, Guid RegionId, string Name, DateOnly HeldOn, decimal PassMark, decimal FullScore, int Candidates, int Passed);

public sealed record CourseView(Guid Id, string Name, TrainingCategory Category, decimal Hours, Guid OrganizerId, string? OrganizerName);

public sealed record SessionView(Guid Id, Guid CourseId, string CourseName, TrainingCategory Category, decimal Hours, DateOnly StartsOn, DateOnly EndsOn, int Attendees);

public sealed record ComplianceRow(Guid OfficerId, string FullName, Guid BodyId, string? BodyName, decimal PublicLegal, decimal Business, decimal PoliticalTheory,
    decimal Total, decimal ShortPublicLegal, decimal ShortBusiness, decimal ShortPoliticalTheory, decimal ShortTotal, decimal HoursNeeded);

public sealed record BodyRotation(Guid BodyId, string BodyName, int Officers, int Completed, decimal? Rate);

public sealed record ComplianceReport(int Year, DateOnly Deadline, TrainingRequirement Requirement, IReadOnlyList<ComplianceRow> Officers, IReadOnlyList<BodyRotation> Bodies);

/// <summary>What a member of the public sees when verifying a certificate: validity, masked name, body, fields.</summary>
public sealed record PublicVerification(string Number, bool Valid, CertificateStatus Status, string HolderName, string BodyName,
    IReadOnlyList<Sector> Fields, DateOnly IssuedOn, DateOnly ValidUntil);

/// <summary>Workbench figures: what needs attention in the caller's scope.</summary>
public sealed record PersonnelSummary(int ActiveOfficers, int ValidCertificates, int SuspendedCertificates, int ReviewOverdue, int TrainingShort, int WithoutCertificate);

/// <summary>Reads of the personnel registry, always through the caller's scope (public verification excepted).</summary>
public sealed class PersonnelQueries(PersonnelContext ctx)
{
    private readonly Data.ZhifaDbContext _db = ctx.Db;

    /// <summary>The officer list's columns. Rows carry computed figures (certificate status, training shortfall), so the list is sorted after they are computed.</summary>
    public static readonly SortMap<OfficerRow> OfficerSort = SortMap<OfficerRow>.Create(new SortOrder("name", false), r => r.Id)
        .Add("name", r => r.FullName).Add("body", r => r.BodyName).Add("employment", r => r.EmploymentStatus)
        .Add("certificate", r => r.CertificateNumber).Add("training", r => r.TrainingHours);

    /// <summary>The certificate list's columns.</summary>
    public static readonly SortMap<CertificateView> CertificateSort = SortMap<CertificateView>.Create(new SortOrder("issuedOn", true), c => c.Id)
        .Add("number", c => c.Number).Add("holder", c => c.HolderName).Add("body", c => c.BodyName).Add("issuedOn", c => c.IssuedOn)
        .Add("validUntil", c => c.ValidUntil).Add("status", c => c.Status);

    /// <summary>The officer sorts the database can order by; the others (certificate number, training hours) are computed per row.</summary>
    private static readonly HashSet<string> SqlOfficerSorts = new(["name", "body", "employment"], StringComparer.OrdinalIgnoreCase);

    /// <summary>The certificate sorts the database can order by (all of them: the status is <see cref="PersonnelSql.StatusAsync"/>).</summary>
    private static readonly HashSet<string> SqlCertificateSorts = new(["number", "holder", "body", "issuedOn", "validUntil", "status"], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// A page of officers. Filtered and sorted by stored columns or the current certificate's status, the database counts
    /// and pages, and the page's certificates, training and names are read by its ids: a fixed number of queries. Filtered
    /// by training shortfall or sorted by certificate number or training hours, every matching row is computed first.
    /// </summary>
    public async Task<Page<OfficerRow>> OfficersAsync(OfficerListFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var sort = OfficerSort.Resolve(filter.Sort);
        if (filter.TrainingShort is not null || !SqlOfficerSorts.Contains(sort.Key))
            return Paging.Of(await AllOfficerRowsAsync(filter, ct), filter.Page, filter.PageSize);
        var (page, size) = Paging.Normalize(filter.Page, filter.PageSize);
        var query = await FilteredOfficersAsync(filter, ct);
        var total = await query.CountAsync(ct);
        var officers = total == 0 ? [] : await OrderedOfficers(query, sort).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new Page<OfficerRow>(await RowsAsync(officers, ct), total, page, size);
    }

    /// <summary>Every row the filter matches, unpaged (for figures and exports).</summary>
    public async Task<List<OfficerRow>> AllOfficerRowsAsync(OfficerListFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var officers = await (await FilteredOfficersAsync(filter, ct)).OrderBy(o => o.FullName).ToListAsync(ct);
        var rows = await RowsAsync(officers, ct);
        if (filter.TrainingShort is { } shortOnly)
            rows = rows.Where(r => (r.TrainingHoursNeeded > 0) == shortOnly).ToList();
        return OfficerSort.Apply(rows, filter.Sort).ToList();
    }

    /// <summary>The officers in scope the filter matches on everything but the training shortfall (computed per row).</summary>
    private async Task<IQueryable<Officer>> FilteredOfficersAsync(OfficerListFilter filter, CancellationToken ct)
    {
        var q = _db.Officers.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Q))
            q = q.Where(o => o.FullName.Contains(filter.Q.Trim()));
        if (filter.BodyId is { } body)
            q = q.Where(o => o.BodyId == body);
        if (filter.Status is { } status)
            q = q.Where(o => o.EmploymentStatus == status);
        if (filter.CertificateStatus is null && filter.WithoutCertificate is null)
            return q;
        var current = await CurrentCertificateStatusAsync(ct);
        if (filter.CertificateStatus is { } cs)
        {
            var code = (int)cs;
            q = q.Where(current.Then(v => v == code));
        }
        if (filter.WithoutCertificate is { } without)
            q = q.Where(current.Then(v => ((v ?? int.MaxValue) >= (int)CertificateStatus.Revoked) == without));
        return q;
    }

    /// <summary>
    /// The status today of an officer's current certificate (the latest issued, whichever body issued it), null for none:
    /// what <see cref="OfficerRow.CertificateStatus"/> shows. "Without a certificate" is none, or revoked, cancelled or expired
    /// (the statuses from <see cref="CertificateStatus.Revoked"/> on).
    /// </summary>
    private async Task<Expression<Func<Officer, int?>>> CurrentCertificateStatusAsync(CancellationToken ct)
    {
        var status = await PersonnelSql.StatusAsync(_db, ctx.Today, ct);
        var certificates = _db.Certificates.Unscoped("the officers' own certificates, whichever body the caller sees");
        return o => certificates.Where(c => c.OfficerId == o.Id).OrderByDescending(c => c.IssuedOn).ThenByDescending(c => c.Id).Select(status).FirstOrDefault();
    }

    private IOrderedQueryable<Officer> OrderedOfficers(IQueryable<Officer> query, SortOrder sort)
    {
        var d = sort.Descending;
        var names = _db.Organizations.Unscoped("an organisation's name is public");
        var ordered = sort.Key.ToLowerInvariant() switch
        {
            "body" => By(query, Ordinal<Officer>(o => names.Where(n => n.Id == o.BodyId).Select(n => n.Name).FirstOrDefault()), d),
            // The enum's order, not its stored name's.
            "employment" => By(query, o => o.EmploymentStatus == EmploymentStatus.Active ? 0 : o.EmploymentStatus == EmploymentStatus.Transferred ? 1
                : o.EmploymentStatus == EmploymentStatus.Resigned ? 2 : o.EmploymentStatus == EmploymentStatus.Dismissed ? 3
                : o.EmploymentStatus == EmploymentStatus.Retired ? 4 : 5, d),
            _ => By(query, Ordinal<Officer>(o => o.FullName), d),
        };
        return d ? ordered.ThenByDescending(o => o.Id) : ordered.ThenBy(o => o.Id);
    }

    // Not <T, …>: the architecture test's reader takes a method's T for the kernel's SortMap<T> of the same name.
    private static IOrderedQueryable<TRow> By<TRow, TKey>(IQueryable<TRow> query, Expression<Func<TRow, TKey>> key, bool descending) =>
        descending ? query.OrderByDescending(key) : query.OrderBy(key);

    /// <summary>
    /// Text in the order of <see cref="StringComparer.Ordinal"/>, as the lists sorted in memory order it: by code point
    /// whatever the database's locale (PostgreSQL's "C" collation; SQLite's default is binary).
    /// </summary>
    private Expression<Func<T, string?>> Ordinal<T>(Expression<Func<T, string?>> text) =>
        _db.IsPostgres ? text.Then(s => EF.Functions.Collate(s, "C")) : text;

    /// <summary>
    /// The workbench figures, counted by the database, but for the training shortfall: that compares each active officer's
    /// hours this year with the requirement of the body's region, so the active officers' ids and this year's attendance are read.
    /// </summary>
    public async Task<PersonnelSummary> SummaryAsync(CancellationToken ct = default)
    {
        var today = ctx.Today;
        var active = _db.Officers.AsNoTracking().Where(o => o.EmploymentStatus == EmploymentStatus.Active);
        var activeCount = await active.CountAsync(ct);
        var status = await PersonnelSql.StatusAsync(_db, today, ct);
        var certificates = _db.Certificates.AsNoTracking();
        var valid = await certificates.CountAsync(status.Then(v => v == (int)CertificateStatus.Valid), ct);
        var suspended = await certificates.CountAsync(status.Then(v => v == (int)CertificateStatus.Suspended), ct);
        var overdue = await PersonnelSql.ReviewOverdueAsync(ctx, certificates, today, ct);
        var reviewOverdue = await certificates.CountAsync(overdue.With(status, (o, v) => o && (v == (int)CertificateStatus.Valid || v == (int)CertificateStatus.Suspended)), ct);
        var current = await CurrentCertificateStatusAsync(ct);
        var without = await active.CountAsync(current.Then(v => (v ?? int.MaxValue) >= (int)CertificateStatus.Revoked), ct);
        return new PersonnelSummary(activeCount, valid, suspended, reviewOverdue, await TrainingShortCountAsync(active, today, ct), without);
    }

    /// <summary>How many of <paramref name="officers"/> are short of this year's training requirement (<see cref="OfficerRow.TrainingHoursNeeded"/> above 0).</summary>
    private async Task<int> TrainingShortCountAsync(IQueryable<Officer> officers, DateOnly today, CancellationToken ct)
    {
        var ids = await officers.Select(o => new { o.Id, o.BodyId }).ToListAsync(ct);
        var yearStart = new DateOnly(today.Year, 1, 1);
        var yearEnd = new DateOnly(today.Year, 12, 31);
        var hours = (await (from a in _db.TrainingAttendances.Unscoped("the officers' own training hours, whichever body the caller sees")
                            join s in _db.TrainingSessions on a.SessionId equals s.Id
                            join o in officers on a.OfficerId equals o.Id
                            where s.EndsOn >= yearStart && s.EndsOn <= yearEnd
                            select new { a.OfficerId, s.EndsOn, s.Category, a.Hours }).ToListAsync(ct))
            .ToLookup(r => r.OfficerId, r => new AttendedHours(r.OfficerId, r.EndsOn, r.Category, r.Hours));
        var settings = await ctx.SettingsForBodiesAsync(ids.Select(o => o.BodyId), ct);
        return ids.Count(o => TrainingCalculator.Summarise(hours[o.Id], today.Year, settings[o.BodyId].Training).HoursNeeded > 0);
    }

    private static bool HasNoCertificate(OfficerRow o) => o.CertificateStatus is null or CertificateStatus.Cancelled or CertificateStatus.Revoked or CertificateStatus.Expired;

    private static bool IsReviewOverdue(CertificateView c) => c.ReviewOverdue && c.Status is CertificateStatus.Valid or CertificateStatus.Suspended;

    public async Task<Result<OfficerDetail>> OfficerAsync(Guid id, CancellationToken ct = default)
    {
        var officer = await _db.Officers.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (officer is null)
            return PersonnelContext.NotFound;
        var row = (await RowsAsync([officer], ct))[0];
        var certificates = await CertificateViewsAsync(await _db.Certificates.AsNoTracking().Where(c => c.OfficerId == id).ToListAsync(ct), ct);
        var exams = await (from r in _db.ExamResults.AsNoTracking()
                           join s in _db.ExamSessions.Unscoped("the exam session of the officer's own result, whoever held it") on r.SessionId equals s.Id
                           where r.OfficerId == id
                           select new ExamResultView(r.Id, s.Id, s.Name, r.SatOn, r.OfficerId, officer.FullName, r.Score, s.PassMark, r.Passed)).ToListAsync(ct);
        var training = await (from a in _db.TrainingAttendances.AsNoTracking()
                              join s in _db.TrainingSessions on a.SessionId equals s.Id
                              join c in _db.TrainingCourses on s.CourseId equals c.Id
                              where a.OfficerId == id
                              select new TrainingRecordView(s.Id, c.Name, s.Category, s.StartsOn, s.EndsOn, a.Hours)).ToListAsync(ct);
        var settings = await SettingsForBodyAsync(officer.BodyId, ct);
        var attended = await ctx.AttendedHoursAsync([id], ct);
        var assessments = await _db.AnnualAssessments.AsNoTracking().Where(a => a.OfficerId == id).OrderByDescending(a => a.Year)
            .Select(a => new AssessmentView(a.Year, a.Grade, a.Remarks)).ToListAsync(ct);
        return new OfficerDetail(row, officer.EmploymentHistory.Select(e => new EmploymentChangeView(e.Sequence, e.From, e.To, e.On, e.Reason, e.RecordedAt)).ToList(), certificates.OrderByDescending(c => c.IssuedOn).ToList(),
            exams.OrderByDescending(e => e.SatOn).ToList(),
            TrainingCalculator.Summarise(attended, ctx.Today.Year, settings.Training),
            TrainingCalculator.Summarise(attended, ctx.Today.Year - 1, settings.Training),
            training.OrderByDescending(t => t.EndsOn).ToList(), assessments, officer.Version);
    }

    /// <summary>
    /// A page of certificates, counted, filtered and sorted by the database (the status and the overdue review as
    /// <see cref="PersonnelSql"/> expressions); the page's holders, bodies and settings are read by its ids.
    /// </summary>
    public async Task<Page<CertificateView>> CertificatesAsync(CertificateListFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var sort = CertificateSort.Resolve(filter.Sort);
        if (!SqlCertificateSorts.Contains(sort.Key))
            return Paging.Of(await AllCertificatesAsync(filter, ct), filter.Page, filter.PageSize);
        var (page, size) = Paging.Normalize(filter.Page, filter.PageSize);
        var today = ctx.Today;
        var query = FilteredCertificates(filter);
        Expression<Func<Certificate, int?>>? status = null;
        if (filter.Status is { } wanted)
        {
            status = await PersonnelSql.StatusAsync(_db, today, ct);
            var code = (int)wanted;
            query = query.Where(status.Then(v => v == code));
        }
        if (filter.ReviewOverdue is { } overdue)
        {
            status ??= await PersonnelSql.StatusAsync(_db, today, ct);
            var due = await PersonnelSql.ReviewOverdueAsync(ctx, query, today, ct);
            query = query.Where(due.With(status, (o, v) => (o && (v == (int)CertificateStatus.Valid || v == (int)CertificateStatus.Suspended)) == overdue));
        }
        var total = await query.CountAsync(ct);
        if (total == 0)
            return new Page<CertificateView>([], 0, page, size);
        if (sort.Key.Equals("status", StringComparison.OrdinalIgnoreCase))
            status ??= await PersonnelSql.StatusAsync(_db, today, ct);
        var certificates = await OrderedCertificates(query, sort, status).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new Page<CertificateView>(await CertificateViewsAsync(certificates, ct), total, page, size);
    }

    /// <summary>Every certificate the filter matches, sorted, unpaged (for figures and exports).</summary>
    public async Task<List<CertificateView>> AllCertificatesAsync(CertificateListFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var views = await CertificateViewsAsync(await FilteredCertificates(filter).ToListAsync(ct), ct);
        if (filter.Status is { } s)
            views = views.Where(v => v.Status == s).ToList();
        if (filter.ReviewOverdue is { } overdue)
            views = views.Where(v => IsReviewOverdue(v) == overdue).ToList();
        return CertificateSort.Apply(views, filter.Sort).ToList();
    }

    /// <summary>The certificates in scope the filter matches on its stored columns.</summary>
    private IQueryable<Certificate> FilteredCertificates(CertificateListFilter filter)
    {
        var query = _db.Certificates.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Q))
            query = query.Where(c => c.Number.Contains(filter.Q.Trim().ToUpperInvariant()));
        if (filter.BodyId is { } b)
            query = query.Where(c => c.BodyId == b);
        if (filter.ValidFrom is { } from)
            query = query.Where(c => c.ValidUntil >= from);
        if (filter.ValidTo is { } to)
            query = query.Where(c => c.ValidUntil <= to);
        return query;
    }

    private IOrderedQueryable<Certificate> OrderedCertificates(IQueryable<Certificate> query, SortOrder sort, Expression<Func<Certificate, int?>>? status)
    {
        var d = sort.Descending;
        var names = _db.Organizations.Unscoped("an organisation's name is public");
        var holders = _db.Officers.Unscoped("the holder's name of a certificate the caller may see");
        var ordered = sort.Key.ToLowerInvariant() switch
        {
            "number" => By(query, Ordinal<Certificate>(c => c.Number), d),
            "holder" => By(query, Ordinal<Certificate>(c => holders.Where(o => o.Id == c.OfficerId).Select(o => o.FullName).FirstOrDefault() ?? ""), d),
            "body" => By(query, Ordinal<Certificate>(c => names.Where(n => n.Id == c.BodyId).Select(n => n.Name).FirstOrDefault()), d),
            "validuntil" => By(query, c => c.ValidUntil, d),
            "status" => By(query, status!, d),
            _ => By(query, c => c.IssuedOn, d),
        };
        return d ? ordered.ThenByDescending(c => c.Id) : ordered.ThenBy(c => c.Id);
    }

    public async Task<Result<CertificateView>> CertificateAsync(Guid id, CancellationToken ct = default)
    {
        var certificate = await _db.Certificates.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        return certificate is null ? PersonnelErrors.CertificateNotFound() : (await CertificateViewsAsync([certificate], ct))[0];
    }

    public async Task<IReadOnlyList<ExamSessionView>> ExamSessionsAsync(CancellationToken ct = default)
    {
        var sessions = await _db.ExamSessions.AsNoTracking().OrderByDescending(s => s.HeldOn).ToListAsync(ct);
        var visible = await VisibleRegionIdsAsync(sessions.Select(s => s.RegionId), ct);
        var counts = await _db.ExamResults.AsNoTracking().GroupBy(r => r.SessionId)
            .Select(g => new { g.Key, Count = g.Count(), Passed = g.Count(r => r.Passed) }).ToDictionaryAsync(g => g.Key, ct);
        return sessions.Where(s => visible.Contains(s.RegionId)).Select(s => new ExamSessionView(s.Id, s.RegionId, s.Name, s.HeldOn, s.PassMark, s.FullScore,
            counts.GetValueOrDefault(s.Id)?.Count ?? 0, counts.GetValueOrDefault(s.Id)?.Passed ?? 0)).ToList();
    }

    public async Task<Result<IReadOnlyList<ExamResultView>>> ExamResultsAsync(Guid sessionId, CancellationToken ct = default)
    {
        var session = await _db.ExamSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null || !(await VisibleRegionIdsAsync([session.RegionId], ct)).Contains(session.RegionId))
            return PersonnelErrors.ExamNotFound();
        var results = await (from r in _db.ExamResults.AsNoTracking()
                             join o in _db.Officers on r.OfficerId equals o.Id
                             where r.SessionId == sessionId
                             orderby o.FullName
                             select new ExamResultView(r.Id, session.Id, session.Name, r.SatOn, o.Id, o.FullName, r.Score, session.PassMark, r.Passed)).ToListAsync(ct);
        return results;
    }

    public async Task<IReadOnlyList<CourseView>> CoursesAsync(CancellationToken ct = default)
    {
        var courses = await _db.TrainingCourses.AsNoTracking().ToListAsync(ct);
        var orgs = await _db.Organizations.AsNoTracking().Where(o => courses.Select(c => c.OrganizerId).Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return courses.Where(c => orgs.ContainsKey(c.OrganizerId)).OrderBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => new CourseView(c.Id, c.Name, c.Category, c.Hours, c.OrganizerId, orgs[c.OrganizerId])).ToList();
    }

    public async Task<IReadOnlyList<SessionView>> SessionsAsync(Guid? courseId, CancellationToken ct = default)
    {
        var courses = (await CoursesAsync(ct)).ToDictionary(c => c.Id);
        var sessions = await _db.TrainingSessions.AsNoTracking().Where(s => courseId == null || s.CourseId == courseId).ToListAsync(ct);
        var attendees = await _db.TrainingAttendances.AsNoTracking().GroupBy(a => a.SessionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return sessions.Where(s => courses.ContainsKey(s.CourseId)).OrderByDescending(s => s.StartsOn)
            .Select(s => new SessionView(s.Id, s.CourseId, courses[s.CourseId].Name, s.Category, s.Hours, s.StartsOn, s.EndsOn, attendees.GetValueOrDefault(s.Id))).ToList();
    }

    public async Task<IReadOnlyList<OfficerRow>> SessionAttendeesAsync(Guid sessionId, CancellationToken ct = default)
    {
        var ids = await _db.TrainingAttendances.AsNoTracking().Where(a => a.SessionId == sessionId).Select(a => a.OfficerId).ToListAsync(ct);
        var officers = await _db.Officers.AsNoTracking().Where(o => ids.Contains(o.Id)).OrderBy(o => o.FullName).ToListAsync(ct);
        return await RowsAsync(officers, ct);
    }

    /// <summary>
    /// ZFRY-TRAIN for every officer in scope active at the deadline: hours by category in the year against
    /// the requirement of their region, who is short and by how much; and each body's full-rotation rate.
    /// </summary>
    public async Task<ComplianceReport> ComplianceAsync(int year, Guid? bodyId, DateOnly? deadline, CancellationToken ct = default)
    {
        var due = deadline ?? new DateOnly(year, 12, 31);
        var query = _db.Officers.AsNoTracking();
        if (bodyId is { } b)
            query = query.Where(o => o.BodyId == b);
        var officers = (await query.ToListAsync(ct)).Where(o => o.IsActiveOn(due)).ToList();
        var attended = (await ctx.AttendedHoursAsync(officers.Select(o => o.Id).ToList(), ct)).ToLookup(a => a.OfficerId);
        var bodyIds = officers.Select(o => o.BodyId).Distinct().ToList();
        var bodyNames = await _db.Organizations.AsNoTracking().Where(o => bodyIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var rows = new List<ComplianceRow>();
        var rotations = new List<BodyRotation>();
        TrainingRequirement? shown = null;
        var settingsByBody = await ctx.SettingsForBodiesAsync(bodyIds, ct);
        foreach (var group in officers.GroupBy(o => o.BodyId))
        {
            var settings = settingsByBody[group.Key];
            shown ??= settings.Training;
            var from = new DateOnly(year, 1, 1);
            var rotation = TrainingCalculator.RotationRate(group.ToList(), group.SelectMany(o => attended[o.Id]), from, due, settings.Training);
            rotations.Add(new BodyRotation(group.Key, bodyNames.GetValueOrDefault(group.Key) ?? "", rotation.Officers, rotation.Completed, rotation.Rate));
            foreach (var officer in group)
            {
                var s = TrainingCalculator.Summarise(attended[officer.Id], from, due, settings.Training);
                rows.Add(new ComplianceRow(officer.Id, officer.FullName, officer.BodyId, bodyNames.GetValueOrDefault(officer.BodyId), s.PublicLegal, s.Business,
                    s.PoliticalTheory, s.Total, s.ShortfallIn(TrainingCategory.PublicLegal), s.ShortfallIn(TrainingCategory.Business),
                    s.ShortfallIn(TrainingCategory.PoliticalTheory), s.TotalShortfall, s.HoursNeeded));
            }
        }
        return new ComplianceReport(year, due, shown ?? TrainingRequirement.Default,
            rows.OrderByDescending(r => r.HoursNeeded).ThenBy(r => r.FullName, StringComparer.Ordinal).ToList(),
            rotations.OrderBy(r => r.Rate ?? 1).ThenBy(r => r.BodyName, StringComparer.Ordinal).ToList());
    }

    /// <summary>May officer P act for body B in field F on date D (ZFRY-CERT, ZFRY-VALID, ZFRY-LEAVE)?</summary>
    public async Task<Result<EligibilityResult>> EligibilityAsync(Guid officerId, Guid bodyId, Sector field, DateOnly? on, CancellationToken ct = default)
    {
        var officer = await _db.Officers.AsNoTracking().FirstOrDefaultAsync(o => o.Id == officerId, ct);
        if (officer is null)
            return PersonnelContext.NotFound;
        var certificates = await _db.Certificates.Unscoped("the officer's own certificates, whichever body the caller sees").AsNoTracking().Where(c => c.OfficerId == officerId).ToListAsync(ct);
        return Eligibility.Check(officer, certificates, bodyId, field, on ?? ctx.Today, await SettingsForBodyAsync(bodyId, ct));
    }

    /// <summary>
    /// The inspector list of 一单两库: the body's active officers who may act for it in <paramref name="field"/> on
    /// <paramref name="on"/> (ZFRY-CERT, ZFRY-VALID, ZFRY-LEAVE; XZCF-42), each with the certificate that allows it — in a fixed
    /// number of queries whatever the number of officers (one for the officers, one for their certificates, the settings once). Published, and what a draw's inspectors are taken from.
    /// </summary>
    public async Task<IReadOnlyList<EligibleInspector>> EligibleInspectorsAsync(Guid bodyId, Sector field, DateOnly on, CancellationToken ct = default)
    {
        var officers = await _db.Officers.Unscoped("the inspector list is published (一单两库)").AsNoTracking()
            .Where(o => o.BodyId == bodyId && o.EmploymentStatus == EmploymentStatus.Active).OrderBy(o => o.FullName).ThenBy(o => o.Id).ToListAsync(ct);
        var ids = officers.Select(o => o.Id).ToList();
        var certificates = (await _db.Certificates.Unscoped("the inspectors' certificates are published with the list").AsNoTracking()
            .Where(c => ids.Contains(c.OfficerId)).ToListAsync(ct)).ToLookup(c => c.OfficerId);
        var settings = await SettingsForBodyAsync(bodyId, ct);
        var list = new List<EligibleInspector>();
        foreach (var officer in officers)
        {
            var own = certificates[officer.Id].ToList();
            if (Eligibility.Check(officer, own, bodyId, field, on, settings) is { Allowed: true, CertificateId: { } certificateId }
                && own.FirstOrDefault(c => c.Id == certificateId) is { } certificate)
                list.Add(new EligibleInspector(officer.Id, officer.FullName, certificate.Number, certificate.ValidUntil));
        }
        return list;
    }

    /// <summary>Public verification by number (or QR code): no sign-in, nothing but what the public may see.</summary>
    public async Task<Result<PublicVerification>> VerifyAsync(string number, CancellationToken ct = default)
    {
        var n = CertificateNumberFormat.Normalize(number);
        var certificate = await _db.Certificates.Unscoped("public verification of a certificate by its number, without sign-in").AsNoTracking().FirstOrDefaultAsync(c => c.Number == n, ct);
        if (certificate is null)
            return PersonnelErrors.CertificateNotFound();
        var officer = await _db.Officers.Unscoped("public verification shows the holder of a certificate").AsNoTracking().FirstAsync(o => o.Id == certificate.OfficerId, ct);
        var body = await _db.Organizations.Unscoped("an organisation's name is public").AsNoTracking().FirstAsync(o => o.Id == certificate.BodyId, ct);
        var view = PublicCertificate.Of(certificate, officer, ctx.Today);
        return new PublicVerification(view.Number, view.Status == CertificateStatus.Valid, view.Status, view.HolderName, body.Name, view.Fields, view.IssuedOn, view.ValidUntil);
    }

    public async Task<PersonnelSettings> SettingsForBodyAsync(Guid bodyId, CancellationToken ct)
    {
        var regionId = await _db.Bodies.Unscoped("the settings of a body's region apply whoever reads them").Where(b => b.Id == bodyId).Select(b => (Guid?)b.RegionId).FirstOrDefaultAsync(ct);
        return regionId is { } r ? await ctx.SettingsForRegionAsync(r, ct) : PersonnelSettings.Default;
    }

    private async Task<List<OfficerRow>> RowsAsync(IReadOnlyList<Officer> officers, CancellationToken ct)
    {
        var ids = officers.Select(o => o.Id).ToList();
        var orgIds = officers.Select(o => o.BodyId).Concat(officers.Where(o => o.UnitId != null).Select(o => o.UnitId!.Value)).Distinct().ToList();
        var names = await _db.Organizations.Unscoped("an organisation's name is public").AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var certificates = (await _db.Certificates.Unscoped("the officers' own certificates, whichever body the caller sees").AsNoTracking()
            .Where(c => ids.Contains(c.OfficerId)).ToListAsync(ct)).ToLookup(c => c.OfficerId);
        var attended = (await ctx.AttendedHoursAsync(ids, ct)).ToLookup(a => a.OfficerId);
        var settingsByBody = await ctx.SettingsForBodiesAsync(officers.Select(o => o.BodyId), ct);
        var today = ctx.Today;
        return officers.Select(o =>
        {
            // The latest issued; of two issued the same day, the later made (ids grow with time), as the database picks it.
            var current = certificates[o.Id].OrderByDescending(c => c.IssuedOn).ThenByDescending(c => c.Id).FirstOrDefault();
            var summary = TrainingCalculator.Summarise(attended[o.Id], today.Year, settingsByBody[o.BodyId].Training);
            return new OfficerRow(o.Id, o.FullName, o.IdNumberMasked, o.BodyId, names.GetValueOrDefault(o.BodyId), o.UnitId is { } u ? names.GetValueOrDefault(u) : null,
                o.Post, o.HasLegalQualification, o.Fields, o.EmploymentStatus, current?.Number, current?.StatusOn(today), summary.Total, summary.HoursNeeded, o.UnitId, o.Version);
        }).ToList();
    }

    private async Task<List<CertificateView>> CertificateViewsAsync(IReadOnlyList<Certificate> certificates, CancellationToken ct)
    {
        var officerIds = certificates.Select(c => c.OfficerId).Distinct().ToList();
        var holders = await _db.Officers.Unscoped("the holder's name of a certificate the caller may see").AsNoTracking().Where(o => officerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.FullName, ct);
        var bodyIds = certificates.Select(c => c.BodyId).Distinct().ToList();
        var bodies = await _db.Organizations.Unscoped("an organisation's name is public").AsNoTracking().Where(o => bodyIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var today = ctx.Today;
        var settingsByBody = await ctx.SettingsForBodiesAsync(bodyIds, ct);
        var views = new List<CertificateView>();
        foreach (var c in certificates)
        {
            var settings = settingsByBody[c.BodyId];
            views.Add(new CertificateView(c.Id, c.Number, c.OfficerId, holders.GetValueOrDefault(c.OfficerId) ?? "", c.BodyId, bodies.GetValueOrDefault(c.BodyId),
                c.IssuedOn, c.ValidUntil, c.Fields, c.StatusOn(today), c.SuspendedUntil, c.LastReviewedYear, c.IsReviewOverdueOn(today, settings),
                c.History.Select(e => new CertificateEventView(e.Sequence, e.Kind, e.On, e.Reason, e.Until, e.Year, e.RuleId, e.RecordedAt)).ToList(), c.Version,
                c.NextReviewDueOn(today, settings)));
        }
        return views;
    }

    private async Task<HashSet<Guid>> VisibleRegionIdsAsync(IEnumerable<Guid> regionIds, CancellationToken ct)
    {
        var ids = regionIds.Distinct().ToList();
        return (await _db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).Select(o => o.Id).ToListAsync(ct)).ToHashSet();
    }
}
