using Zhifa.Core.Common;

namespace Zhifa.Core.Personnel;

/// <summary>A training course (培训课程) in one category, offered by a body or a justice bureau.</summary>
public sealed class TrainingCourse : IEntityWithId
{
    public const int MaxNameLength = 100;
    public const decimal MaxHours = MaxHoursWhole;

    /// <summary><see cref="MaxHours"/> where a decimal constant cannot go (an attribute's argument).</summary>
    public const int MaxHoursWhole = 200;

    private TrainingCourse() => Name = "";

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public TrainingCategory Category { get; private set; }

    /// <summary>Class hours (学时) a session of the course gives by default.</summary>
    public decimal Hours { get; private set; }

    public Guid OrganizerId { get; private set; }
    public DateTime CreatedAt { get; private set; }

    /// <summary>Every wrong field of a course at once (name, hours); null when right.</summary>
    public static ValidationError? Check(string? name, decimal hours)
    {
        var errors = new ValidationBuilder();
        var clean = Text.Clean(name);
        if (clean is null)
            errors.Add(PersonnelErrors.CourseNameRequired());
        else if (clean.Length > MaxNameLength)
            errors.Add(PersonnelErrors.CourseNameTooLong(MaxNameLength));
        if (hours <= 0 || hours > MaxHours)
            errors.Add(PersonnelErrors.TrainingHoursOutOfRange(MaxHours));
        return errors.Build();
    }

    public static Result<TrainingCourse> Create(string? name, TrainingCategory category, decimal hours, Guid organizerId, DateTime now)
    {
        if (Check(name, hours) is { } error)
            return error;
        var clean = Text.Clean(name)!;
        return new TrainingCourse { Id = Utc.NewId(now), Name = clean, Category = category, Hours = hours, OrganizerId = organizerId, CreatedAt = now };
    }
}

/// <summary>One run of a course. Its hours count in the year of <see cref="EndsOn"/>.</summary>
public sealed class TrainingSession
{
    private TrainingSession()
    {
    }

    public Guid Id { get; private set; }
    public Guid CourseId { get; private set; }
    public TrainingCategory Category { get; private set; }
    public decimal Hours { get; private set; }
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    public DateTime CreatedAt { get; private set; }

    /// <summary>A session of <paramref name="course"/>, in its category, with its hours unless <paramref name="hours"/> says otherwise.</summary>
    public static Result<TrainingSession> Schedule(TrainingCourse course, DateOnly startsOn, DateOnly endsOn, decimal? hours, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(course);
        if (endsOn < startsOn)
            return PersonnelErrors.SessionEndsBeforeStart();
        var h = hours ?? course.Hours;
        if (h <= 0 || h > TrainingCourse.MaxHours)
            return PersonnelErrors.TrainingHoursOutOfRange(TrainingCourse.MaxHours);
        return new TrainingSession
        {
            Id = Utc.NewId(now), CourseId = course.Id, Category = course.Category, Hours = h,
            StartsOn = startsOn, EndsOn = endsOn, CreatedAt = now,
        };
    }
}

/// <summary>An officer attended a session and is credited hours: all of the session's, or fewer for part of it.</summary>
public sealed class TrainingAttendance
{
    private TrainingAttendance()
    {
    }

    public Guid Id { get; private set; }
    public Guid SessionId { get; private set; }
    public Guid OfficerId { get; private set; }
    public decimal Hours { get; private set; }
    public DateTime RecordedAt { get; private set; }

    public static Result<TrainingAttendance> Record(TrainingSession session, Officer officer, decimal? hours, bool alreadyRecorded, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(officer);
        var h = hours ?? session.Hours;
        if (h <= 0 || h > session.Hours)
            return PersonnelErrors.AttendanceHoursOutOfRange(session.Hours);
        if (!officer.IsActiveOn(session.EndsOn))
            return PersonnelErrors.TrainingOfficerNotActive();
        if (alreadyRecorded)
            return PersonnelErrors.AttendanceDuplicate();
        return new TrainingAttendance { Id = Utc.NewId(now), SessionId = session.Id, OfficerId = officer.Id, Hours = h, RecordedAt = now };
    }
}

/// <summary>Hours an officer was credited, with the session's day and category: what the calculator counts.</summary>
public sealed record AttendedHours(Guid OfficerId, DateOnly On, TrainingCategory Category, decimal Hours)
{
    public static AttendedHours Of(TrainingAttendance attendance, TrainingSession session)
    {
        ArgumentNullException.ThrowIfNull(attendance);
        ArgumentNullException.ThrowIfNull(session);
        if (attendance.SessionId != session.Id)
            throw new ArgumentException("The attendance is of another session.", nameof(session));
        return new(attendance.OfficerId, session.EndsOn, session.Category, attendance.Hours);
    }
}
