using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Common;
using Zhifa.Core.Identity;
using Zhifa.Core.Organizations;

namespace Zhifa.Core.Personnel.UseCases;

public sealed record ScheduleExamRequest(Guid RegionId, [MaxLength(ExamSession.MaxNameLength)] string Name, DateOnly HeldOn);

/// <param name="Score">Checked against the session's full score by the use case; never negative, never absurd.</param>
public sealed record RecordExamResultRequest(Guid OfficerId, [Range(0, PersonnelSettings.MaxFullScore)] decimal Score);

/// <summary>An empty number asks for the next one in the region's format.</summary>
public sealed record IssueCertificateRequest(
    Guid OfficerId, [MaxLength(Officer.MaxFields)] IReadOnlyList<Sector> Fields, DateOnly? IssuedOn = null, [MaxLength(Certificate.MaxNumberLength)] string? Number = null);

public enum CertificateAction
{
    PassReview,
    FailReview,
    Suspend,
    LiftSuspension,
    Revoke,
    Cancel,
    /// <summary>The system's: the daily job records an expiry. Not accepted from a user.</summary>
    Expire,
    /// <summary>The system's: the holder left the post (ZFRY-LEAVE), with the officer's change of employment. Not accepted from a user.</summary>
    LeavePost,
}

public sealed record CertificateActionRequest(
    CertificateAction Action, [MaxLength(Text.MaxReasonLength)] string? Reason = null, [Range(RequestFields.FirstYear, RequestFields.LastYear)] int? Year = null,
    DateOnly? On = null, DateOnly? Until = null);

/// <summary>Qualification exams and certificates: issued by the justice bureau's issuers (personnel.certificate.issue) in their scope.</summary>
public sealed class CertificateDesk(PersonnelContext ctx)
{
    private readonly Data.ZhifaDbContext _db = ctx.Db;

    public async Task<Result<Guid>> ScheduleExamAsync(ScheduleExamRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Every wrong field in one answer: the region and the name.
        var errors = new ValidationBuilder();
        var region = request.RegionId == Guid.Empty ? null : await _db.ActOnAsync(_db.Regions, request.RegionId, PersonnelPermissions.CertificateIssue, ct);
        if (request.RegionId == Guid.Empty)
            errors.Add(CommonErrors.FieldRequired("regionId"));
        else if (region is null)
            errors.Add(OrganizationErrors.UnknownOrganization(field: "regionId"));
        errors.Add(ExamSession.CheckName(request.Name));
        if (errors.Build() is { } invalid)
            return invalid;
        if (region is null)
            throw new InvalidOperationException("The region was checked above.");
        var session = ExamSession.Schedule(region.Id, request.Name, request.HeldOn, await ctx.SettingsForRegionAsync(region.Id, ct), ctx.Now);
        if (!session.IsSuccess)
            return session.Error;
        _db.ExamSessions.Add(session.Value);
        await _db.SaveChangesAsync(ct);
        return session.Value.Id;
    }

    public async Task<Result<Guid>> RecordExamResultAsync(Guid sessionId, RecordExamResultRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var session = await ExamSessionAsync(sessionId, ct);
        if (session is null)
            return PersonnelErrors.ExamNotFound();
        var officer = await ctx.OfficerAsync(request.OfficerId, PersonnelPermissions.CertificateIssue, ct);
        if (officer is null)
            return PersonnelErrors.UnknownOfficer();
        var exists = await _db.ExamResults.Unscoped("one result per officer and exam is checked across the whole database").AnyAsync(r => r.SessionId == sessionId && r.OfficerId == officer.Id, ct);
        var result = ExamResult.Record(session, officer, request.Score, exists, ctx.Now);
        if (!result.IsSuccess)
            return result.Error;
        _db.ExamResults.Add(result.Value);
        await _db.SaveChangesAsync(ct);
        return result.Value.Id;
    }

    public async Task<Result<Guid>> IssueAsync(IssueCertificateRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var officer = await ctx.OfficerAsync(request.OfficerId, PersonnelPermissions.CertificateIssue, ct);
        if (officer is null)
            return PersonnelErrors.UnknownOfficer();
        var placement = await ctx.BodyAsync(officer.BodyId, ct);
        if (placement is not { } p)
            return PersonnelErrors.UnknownOfficer();
        var issuedOn = request.IssuedOn ?? ctx.Today;
        var regionNumbers = await _db.Certificates.Unscoped("certificate numbers are unique across the issuing region").Where(c => c.RegionId == p.Region.Id).Select(c => c.Number).ToListAsync(ct);
        var number = request.Number;
        if (string.IsNullOrWhiteSpace(number))
        {
            var next = CertificateNumberFormat.Of(p.Settings).Next(p.Region.Code[..6], issuedOn.Year, regionNumbers);
            if (!next.IsSuccess)
                return next.Error;
            number = next.Value;
        }
        var evidence = new IssuanceEvidence(
            await _db.ExamResults.Unscoped("the officer's own exam results, whichever body the caller sees").Where(r => r.OfficerId == officer.Id).ToListAsync(ct),
            await ctx.AttendedHoursAsync([officer.Id], ct),
            await _db.Certificates.Unscoped("the officer's own certificates, whichever body the caller sees").Where(c => c.OfficerId == officer.Id).ToListAsync(ct));
        var taken = regionNumbers.ToHashSet(StringComparer.Ordinal);
        var certificate = Certificate.Issue(new CertificateApplication(number, p.Region.Id, p.Region.Code[..6], request.Fields ?? [], issuedOn, ctx.ActorId),
            officer, evidence, p.Settings, taken.Contains, ctx.Now);
        if (!certificate.IsSuccess)
            return certificate.Error;
        _db.Certificates.Add(certificate.Value);
        await _db.SaveChangesAsync(ct);
        return certificate.Value.Id;
    }

    public async Task<Result<Guid>> ActAsync(Guid certificateId, CertificateActionRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        // The table names the permission; a step only the system takes (expiry, leaving the post) is not a user's action.
        if (CertificateWorkflow.Table.PermissionOf(request.Action) is not { } permission)
            return PersonnelErrors.CertificateActionUnknown();
        var certificate = await ctx.CertificateAsync(certificateId, permission, ct);
        if (certificate is null)
            return PersonnelErrors.CertificateNotFound();
        var on = request.On ?? ctx.Today;
        var outcome = request.Action switch
        {
            CertificateAction.PassReview => certificate.PassAnnualReview(request.Year ?? on.Year - 1, on, ctx.ActorId, ctx.Now),
            CertificateAction.FailReview => certificate.FailAnnualReview(request.Year ?? on.Year - 1, request.Reason, on, ctx.ActorId, ctx.Now),
            CertificateAction.Suspend when request.Until is null => PersonnelErrors.SuspensionEndRequired(),
            CertificateAction.Suspend => certificate.Suspend(request.Reason, on, request.Until!.Value, ctx.ActorId, ctx.Now),
            CertificateAction.LiftSuspension => certificate.LiftSuspension(request.Reason, on, ctx.ActorId, ctx.Now),
            CertificateAction.Revoke => certificate.Revoke(request.Reason, on, ctx.ActorId, ctx.Now),
            CertificateAction.Cancel => certificate.Cancel(request.Reason, on, ctx.ActorId, ctx.Now),
            _ => (Result<CertificateEvent>)PersonnelErrors.CertificateActionUnknown(),
        };
        if (!outcome.IsSuccess)
            return outcome.Error;
        await _db.SaveChangesAsync(ct);
        return certificate.Id;
    }

    /// <summary>The actions the caller may take on the certificate today, from the workflow table: what its page offers.</summary>
    public async Task<IReadOnlyList<CertificateAction>> AvailableAsync(Guid certificateId, CancellationToken ct = default)
    {
        // Every user action of the table needs certificate.issue; the certificate is found only where the caller holds it.
        var certificate = await ctx.CertificateAsync(certificateId, PersonnelPermissions.CertificateIssue, ct);
        return certificate is null ? [] : CertificateWorkflow.Available(certificate, ctx.Today, p => p == PersonnelPermissions.CertificateIssue);
    }

    private Task<ExamSession?> ExamSessionAsync(Guid id, CancellationToken ct) =>
        _db.ActOnAsync(_db.ExamSessions, id, s => s.RegionId, _db.Regions, PersonnelPermissions.CertificateIssue, ct);
}
