using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Common;
using Zhifa.Core.Identity;
using Zhifa.Core.Organizations;

namespace Zhifa.Core.Personnel.UseCases;

public sealed record RegisterOfficerRequest(
    [MaxLength(Officer.MaxNameLength)] string FullName, [MaxLength(IdNumber.MaxInputLength)] string IdNumber, Guid BodyId, Guid? UnitId,
    [MaxLength(Officer.MaxPostLength)] string? Post, bool HasLegalQualification, [MaxLength(Officer.MaxFields)] IReadOnlyList<Sector> Fields, DateOnly? JoinedOn = null);

public sealed record UpdateOfficerRequest(
    [MaxLength(Officer.MaxNameLength)] string FullName, Guid BodyId, Guid? UnitId, [MaxLength(Officer.MaxPostLength)] string? Post, bool HasLegalQualification,
    [MaxLength(Officer.MaxFields)] IReadOnlyList<Sector> Fields);

public sealed record ChangeEmploymentRequest(EmploymentStatus Status, DateOnly? On, [MaxLength(Text.MaxReasonLength)] string? Reason);

public sealed record RecordAssessmentRequest(
    [Range(RequestFields.FirstYear, RequestFields.LastYear)] int Year, AssessmentGrade Grade, [MaxLength(Text.MaxReasonLength)] string? Remarks);

/// <summary>The officer registry: register, edit, employment changes (which cancel certificates, ZFRY-LEAVE), assessments.</summary>
public sealed class OfficerRegistry(PersonnelContext ctx, IEnumerable<IOfficerDeparture> departures)
{
    private readonly Data.ZhifaDbContext _db = ctx.Db;

    public async Task<Result<Guid>> RegisterAsync(RegisterOfficerRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Every wrong field in one answer: the placement, the ID number and the profile are checked together.
        var errors = new ValidationBuilder();
        errors.Add(await PlacementAsync(request.BodyId, request.UnitId, ct));
        var stored = StoredIdNumber.Create(request.IdNumber, ctx.Today, ctx.Protector, ctx.Pepper);
        if (!stored.IsSuccess)
        {
            if (stored.Error is not ValidationError idError)
                return stored.Error;
            errors.Add(idError);
        }
        var profile = Profile(request.FullName, request.BodyId, request.UnitId, request.Post, request.HasLegalQualification, request.Fields);
        errors.Add(Officer.CheckProfile(profile));
        if (errors.Build() is { } invalid)
            return invalid;
        var taken = await ctx.IdNumberTakenAsync(stored.Value.Hash, ct);
        var officer = Officer.Register(profile, stored.Value, _ => taken, request.JoinedOn ?? ctx.Today, ctx.ActorId, ctx.Now);
        if (!officer.IsSuccess)
            return officer.Error;
        _db.Officers.Add(officer.Value);
        await _db.SaveChangesAsync(ct);
        return officer.Value.Id;
    }

    public async Task<Result<Guid>> UpdateAsync(Guid id, UpdateOfficerRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var officer = await ctx.OfficerAsync(id, PersonnelPermissions.PersonnelManage, ct);
        if (officer is null)
            return PersonnelContext.NotFound;
        var profile = Profile(request.FullName, request.BodyId, request.UnitId, request.Post, request.HasLegalQualification, request.Fields);
        var errors = new ValidationBuilder();
        errors.Add(await PlacementAsync(request.BodyId, request.UnitId, ct));
        errors.Add(Officer.CheckProfile(profile));
        if (errors.Build() is { } invalid)
            return invalid;
        if (officer.Update(profile, ctx.Now) is { } error)
            return error;
        await _db.SaveChangesAsync(ct);
        return officer.Id;
    }

    public async Task<Result<Guid>> ChangeEmploymentAsync(Guid id, ChangeEmploymentRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var officer = await ctx.OfficerAsync(id, PersonnelPermissions.PersonnelManage, ct);
        if (officer is null)
            return PersonnelContext.NotFound;
        var certificates = await _db.Certificates.Unscoped("the officer's own certificates, whichever body the caller sees").Where(c => c.OfficerId == id).ToListAsync(ct);
        var change = officer.ChangeEmployment(request.Status, request.On ?? ctx.Today, request.Reason, certificates, ctx.ActorId, ctx.Now);
        if (!change.IsSuccess)
            return change.Error;
        // Leaving the post also closes the person's account, in the same transaction: signed-in sessions end at
        // their next request. An administrator reactivates it if the person keeps working in the system.
        if (request.Status != EmploymentStatus.Active)
        {
            foreach (var departure in departures)
                await departure.OfficerLeftAsync(id, ctx.Now, ct);
        }
        await _db.SaveChangesAsync(ct);
        return officer.Id;
    }

    public async Task<Result<Guid>> RecordAssessmentAsync(Guid id, RecordAssessmentRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var officer = await ctx.OfficerAsync(id, PersonnelPermissions.PersonnelManage, ct);
        if (officer is null)
            return PersonnelContext.NotFound;
        var exists = await _db.AnnualAssessments.Unscoped("one assessment per officer and year is checked across the whole database").AnyAsync(a => a.OfficerId == id && a.Year == request.Year, ct);
        var assessment = AnnualAssessment.Record(officer, request.Year, request.Grade, request.Remarks, exists, ctx.ActorId, ctx.Now);
        if (!assessment.IsSuccess)
            return assessment.Error;
        _db.AnnualAssessments.Add(assessment.Value);
        await _db.SaveChangesAsync(ct);
        return assessment.Value.Id;
    }

    /// <summary>The full ID number, for those who need it (the reading is itself recorded in the audit trail by the caller's endpoint).</summary>
    public async Task<Result<string>> RevealIdNumberAsync(Guid id, CancellationToken ct = default)
    {
        var officer = await ctx.OfficerAsync(id, PersonnelPermissions.PersonnelIdNumberView, ct);
        return officer is null ? PersonnelContext.NotFound : ctx.Protector.Unprotect(officer.IdNumberProtected);
    }

    internal static OfficerProfile Profile(string fullName, Guid bodyId, Guid? unitId, string? post, bool legal, IReadOnlyList<Sector>? fields) =>
        new((fullName ?? "").Trim(), bodyId, unitId, post, legal, fields ?? []);

    /// <summary>
    /// The body must be one the caller manages officers in (an empty one is "required"); a unit must belong to
    /// that body. Null when both are right.
    /// </summary>
    private async Task<ValidationError?> PlacementAsync(Guid bodyId, Guid? unitId, CancellationToken ct)
    {
        if (bodyId == Guid.Empty)
            return CommonErrors.FieldRequired("bodyId");
        var body = await _db.ActOnAsync(_db.Bodies.Where(b => b.IsActive), bodyId, PersonnelPermissions.PersonnelManage, ct);
        if (body is null)
            return OrganizationErrors.UnknownOrganization(field: "bodyId");
        if (unitId is { } u && !await _db.Units.AnyAsync(x => x.Id == u && x.AgencyId == bodyId, ct))
            return PersonnelErrors.UnitNotInBody();
        return null;
    }
}
