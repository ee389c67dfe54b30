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

    public async Task<Page<OfficerRow>> OfficersAsync(OfficerListFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return Paging.Of(await AllOfficerRowsAsync(filter, ct), filter.Page, filter.PageSize);
    }

    /// <summary>Every row the filter matches, unpaged (for figures and exports).</summary>
    public async Task<List<OfficerRow>> AllOfficerRowsAsync(OfficerListFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var q = _db.Officers.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Q))
            q = q.Where(o => o.FullName.Contains(filter.Q.Trim()));
        if (filter.BodyId is { } body)
            q = q.Where(o => o.BodyId == body);
        if (filter.Status is { } status)
            q = q.Where(o => o.EmploymentStatus == status);
        var officers = await q.OrderBy(o => o.FullName).ToListAsync(ct);
        var rows = await RowsAsync(officers, ct);
        if (filter.CertificateStatus is { } cs)
            rows = rows.Where(r => r.CertificateStatus == cs).ToList();
        if (filter.TrainingShort is { } shortOnly)
            rows = rows.Where(r => (r.TrainingHoursNeeded > 0) == shortOnly).ToList();
        if (filter.WithoutCertificate is { } without)
            rows = rows.Where(r => HasNoCertificate(r) == without).ToList();
        return OfficerSort.Apply(rows, filter.Sort).ToList();
    }

    public async Task<PersonnelSummary> SummaryAsync(CancellationToken ct = default)
    {
        var officers = await AllOfficerRowsAsync(new OfficerListFilter(Status: EmploymentStatus.Active), ct);
        var certificates = await AllCertificatesAsync(new CertificateListFilter(), ct);
        return new PersonnelSummary(officers.Count, certificates.Count(c => c.Status == CertificateStatus.Valid), certificates.Count(c => c.Status == CertificateStatus.Suspended),
            certificates.Count(IsReviewOverdue),
            officers.Count(o => o.TrainingHoursNeeded > 0), officers.Count(HasNoCertificate));
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

    public async Task<Page<CertificateView>> CertificatesAsync(CertificateListFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return Paging.Of(await AllCertificatesAsync(filter, ct), filter.Page, filter.PageSize);
    }

    /// <summary>Every certificate the filter matches, sorted, unpaged (for figures and exports).</summary>
    public async Task<List<CertificateView>> AllCertificatesAsync(CertificateListFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = _db.Certificates.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Q))
            query = query.Where(c => c.Number.Contains(filter.Q.Trim().ToUpperInvariant()));
        if (filter.BodyId is { } b)
            query = query.Where(c => c.BodyId == b);
        if (filter.ValidFrom is { } from)
            query = query.Where(c => c.ValidUntil >= from);
        if (filter.ValidTo is { } to)
            query = query.Where(c => c.ValidUntil <= to);
        var views = await CertificateViewsAsync(await query.ToListAsync(ct), ct);
        if (filter.Status is { } s)
            views = views.Where(v => v.Status == s).ToList();
        if (filter.ReviewOverdue is { } overdue)
            views = views.Where(v => IsReviewOverdue(v) == overdue).ToList();
        return CertificateSort.Apply(views, filter.Sort).ToList();
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
        var attended = await ctx.AttendedHoursAsync(officers.Select(o => o.Id).ToList(), ct);
        var bodyNames = await _db.Organizations.AsNoTracking().Where(o => officers.Select(x => x.BodyId).Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var rows = new List<ComplianceRow>();
        var rotations = new List<BodyRotation>();
        TrainingRequirement? shown = null;
        var settingsByBody = await ctx.SettingsForBodiesAsync(officers.Select(o => o.BodyId), ct);
        foreach (var group in officers.GroupBy(o => o.BodyId))
        {
            var settings = settingsByBody[group.Key];
            shown ??= settings.Training;
            var from = new DateOnly(year, 1, 1);
            var rotation = TrainingCalculator.RotationRate(group.ToList(), attended, from, due, settings.Training);
            rotations.Add(new BodyRotation(group.Key, bodyNames.GetValueOrDefault(group.Key) ?? "", rotation.Officers, rotation.Completed, rotation.Rate));
            foreach (var officer in group)
            {
                var s = TrainingCalculator.Summarise(attended.Where(a => a.OfficerId == officer.Id), from, due, settings.Training);
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
        var certificates = await _db.Certificates.Unscoped("the officers' own certificates, whichever body the caller sees").AsNoTracking().Where(c => ids.Contains(c.OfficerId)).ToListAsync(ct);
        var attended = await ctx.AttendedHoursAsync(ids, ct);
        var settingsByBody = await ctx.SettingsForBodiesAsync(officers.Select(o => o.BodyId), ct);
        var today = ctx.Today;
        return officers.Select(o =>
        {
            var current = certificates.Where(c => c.OfficerId == o.Id).OrderByDescending(c => c.IssuedOn).FirstOrDefault();
            var summary = TrainingCalculator.Summarise(attended.Where(a => a.OfficerId == o.Id), today.Year, settingsByBody[o.BodyId].Training);
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
