using System.ComponentModel.DataAnnotations;
using Zhifa.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Common;
using Zhifa.Core.Identity;

namespace Zhifa.Core.Personnel.UseCases;

public sealed record CreateCourseRequest(
    [MaxLength(TrainingCourse.MaxNameLength)] string Name, TrainingCategory Category,
    [Range(0, TrainingCourse.MaxHoursWhole, MinimumIsExclusive = true)] decimal Hours, Guid OrganizerId);

public sealed record ScheduleSessionRequest(
    DateOnly StartsOn, DateOnly EndsOn, [Range(0, TrainingCourse.MaxHoursWhole, MinimumIsExclusive = true)] decimal? Hours = null);

public sealed record RecordAttendanceRequest(Guid OfficerId, [Range(0, TrainingCourse.MaxHoursWhole, MinimumIsExclusive = true)] decimal? Hours = null);

/// <summary>Training courses, their sessions and who attended, organised by a body or a justice bureau in the caller's scope.</summary>
public sealed class TrainingDesk(PersonnelContext ctx)
{
    private readonly Data.ZhifaDbContext _db = ctx.Db;

    public async Task<Result<Guid>> CreateCourseAsync(CreateCourseRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Every wrong field in one answer: the organiser, the name and the hours.
        var errors = new ValidationBuilder();
        var organizer = request.OrganizerId == Guid.Empty ? null
            : await _db.ActOnAsync(_db.Organizations.Where(o => o.IsActive), request.OrganizerId, PersonnelPermissions.TrainingManage, ct);
        if (request.OrganizerId == Guid.Empty)
            errors.Add(CommonErrors.FieldRequired("organizerId"));
        else if (organizer is null)
            errors.Add(Organizations.OrganizationErrors.UnknownOrganization(field: "organizerId"));
        errors.Add(TrainingCourse.Check(request.Name, request.Hours));
        if (errors.Build() is { } invalid)
            return invalid;
        if (organizer is null)
            throw new InvalidOperationException("The organiser was checked above.");
        var course = TrainingCourse.Create(request.Name, request.Category, request.Hours, organizer.Id, ctx.Now);
        if (!course.IsSuccess)
            return course.Error;
        _db.TrainingCourses.Add(course.Value);
        await _db.SaveChangesAsync(ct);
        return course.Value.Id;
    }

    public async Task<Result<Guid>> ScheduleSessionAsync(Guid courseId, ScheduleSessionRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var course = await CourseAsync(courseId, ct);
        if (course is null)
            return PersonnelErrors.CourseNotFound();
        var session = TrainingSession.Schedule(course, request.StartsOn, request.EndsOn, request.Hours, ctx.Now);
        if (!session.IsSuccess)
            return session.Error;
        _db.TrainingSessions.Add(session.Value);
        await _db.SaveChangesAsync(ct);
        return session.Value.Id;
    }

    public async Task<Result<Guid>> RecordAttendanceAsync(Guid sessionId, RecordAttendanceRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var session = await SessionAsync(sessionId, ct);
        if (session is null)
            return PersonnelErrors.TrainingSessionNotFound();
        var officer = await ctx.OfficerAsync(request.OfficerId, PersonnelPermissions.TrainingManage, ct);
        if (officer is null)
            return PersonnelErrors.UnknownOfficer();
        var exists = await _db.TrainingAttendances.Unscoped("one attendance per officer and session is checked across the whole database").AnyAsync(a => a.SessionId == sessionId && a.OfficerId == officer.Id, ct);
        var attendance = TrainingAttendance.Record(session, officer, request.Hours, exists, ctx.Now);
        if (!attendance.IsSuccess)
            return attendance.Error;
        _db.TrainingAttendances.Add(attendance.Value);
        await _db.SaveChangesAsync(ct);
        return attendance.Value.Id;
    }

    internal Task<TrainingCourse?> CourseAsync(Guid id, CancellationToken ct) =>
        _db.ActOnAsync(_db.TrainingCourses, id, c => c.OrganizerId, _db.Organizations, PersonnelPermissions.TrainingManage, ct);

    internal async Task<TrainingSession?> SessionAsync(Guid id, CancellationToken ct)
    {
        var session = await _db.TrainingSessions.FirstOrDefaultAsync(s => s.Id == id, ct);
        return session is not null && await CourseAsync(session.CourseId, ct) is not null ? session : null;
    }
}
