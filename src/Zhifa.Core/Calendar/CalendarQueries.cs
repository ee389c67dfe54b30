using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Common;

namespace Zhifa.Core.Calendar;

/// <summary>A year in the list: whether it has a schedule, and from which notice.</summary>
public sealed record CalendarYearSummary(int Year, bool HasSchedule, string? Notice, DateOnly? PublishedOn, int Holidays, int MakeUpWorkingDays, DateTime? UpdatedAt);

/// <summary>A saved change of a year's schedule: who, when, from which notice, what changed.</summary>
public sealed record ScheduleRevisionDto(DateTime At, Guid? UserId, string UserName, string Notice, IReadOnlyList<ScheduleChange> Changes);

/// <summary>A year's schedule: its notice and spans, its version (the concurrency token), and its history, newest first.</summary>
public sealed record CalendarYearDto(int Year, bool HasSchedule, string? Notice, DateOnly? PublishedOn, int Version, DateTime? UpdatedAt,
    IReadOnlyList<ScheduleSpan> Days, IReadOnlyList<ScheduleRevisionDto> History);

/// <summary>A computed due date; <see cref="Provisional"/> when the count reached a year without a schedule.</summary>
public sealed record DueDateDto(DateOnly From, int Count, PeriodUnit Unit, DateOnly Due, bool Provisional);

/// <summary>Reading the schedules and computing due dates.</summary>
public sealed class CalendarQueries(ZhifaDbContext db, IStatutoryCalendarSource source, TimeProvider clock)
{
    /// <summary>The longest count the calculator takes (days; months count as 31).</summary>
    public const int MaxCount = 3660;

    /// <summary>The stored years, and last, this and next year (China time) even without a schedule.</summary>
    public async Task<IReadOnlyList<CalendarYearSummary>> YearsAsync(CancellationToken ct = default)
    {
        var rows = await db.HolidaySchedules.AsNoTracking()
            .Select(s => new CalendarYearSummary(s.Year, true, s.Notice, s.PublishedOn,
                s.Days.Count(d => d.Kind == ScheduleDayKind.Holiday), s.Days.Count(d => d.Kind == ScheduleDayKind.MakeUpWorkingDay), s.UpdatedAt))
            .ToListAsync(ct);
        var thisYear = clock.Today().Year;
        var stored = rows.Select(r => r.Year).ToHashSet();
        foreach (var y in new[] { thisYear - 1, thisYear, thisYear + 1 }.Where(y => !stored.Contains(y)))
            rows.Add(new CalendarYearSummary(y, false, null, null, 0, 0, null));
        return [.. rows.OrderBy(r => r.Year)];
    }

    /// <summary>A year's schedule, or a year without one (<c>HasSchedule</c> false); outside the years Zhifa takes, not found.</summary>
    public async Task<Result<CalendarYearDto>> YearAsync(int year, CancellationToken ct = default)
    {
        if (year is < SaveCalendarYear.FirstYear or > SaveCalendarYear.LastYear)
            return CalendarErrors.YearNotFound();
        var schedule = await db.HolidaySchedules.AsNoTracking().Include(s => s.Days).FirstOrDefaultAsync(s => s.Year == year, ct);
        var history = await db.ScheduleRevisions.AsNoTracking().Where(r => r.Year == year).OrderByDescending(r => r.At).Take(50).ToListAsync(ct);
        var revisions = history.Select(r => new ScheduleRevisionDto(r.At, r.UserId, r.UserName, r.Notice, r.Changes)).ToList();
        return schedule is null
            ? new CalendarYearDto(year, false, null, null, 0, null, [], revisions)
            : new CalendarYearDto(year, true, schedule.Notice, schedule.PublishedOn, schedule.Version, schedule.UpdatedAt, schedule.Spans(), revisions);
    }

    /// <summary>The due date of <paramref name="count"/> units after the event of <paramref name="from"/> (the event's day not counted).</summary>
    public async Task<Result<DueDateDto>> DueAsync(DateOnly from, int count, PeriodUnit unit, CancellationToken ct = default)
    {
        var errors = new ValidationBuilder();
        var max = unit == PeriodUnit.Months ? MaxCount / 31 : MaxCount;
        if (count < 0 || count > max)
            errors.Add(CalendarErrors.CountOutOfRange(max));
        if (from.Year is < SaveCalendarYear.FirstYear or > SaveCalendarYear.LastYear - 11)
            errors.Add(CommonErrors.FieldDateOutOfRange("from", SaveCalendarYear.FirstYear, SaveCalendarYear.LastYear - 11));
        if (errors.Build() is { } invalid)
            return invalid;
        var calendar = await source.GetAsync(ct);
        var due = calendar.Due(from, new Period(count, unit));
        return new DueDateDto(from, count, unit, due.Date, due.Provisional);
    }

    /// <summary>The same from text as typed or sent (<c>2026-02-13</c>, <c>5</c>, <c>workingDays</c>): every unreadable field named at once.</summary>
    public Task<Result<DueDateDto>> DueAsync(string? from, string? count, string? unit, CancellationToken ct = default)
    {
        var errors = new ValidationBuilder();
        DateOnly day = default;
        int n = 0;
        PeriodUnit kind = default;
        if (string.IsNullOrWhiteSpace(from))
            errors.Add(CommonErrors.FieldRequired("from"));
        else if (!DateOnly.TryParseExact(from.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out day))
            errors.Add(CommonErrors.FieldUnreadable("from"));
        if (string.IsNullOrWhiteSpace(count))
            errors.Add(CommonErrors.FieldRequired("count"));
        else if (!int.TryParse(count.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out n))
            errors.Add(CommonErrors.FieldUnreadable("count"));
        if (string.IsNullOrWhiteSpace(unit))
            errors.Add(CommonErrors.FieldRequired("unit"));
        else if (!Enum.TryParse(unit.Trim(), ignoreCase: true, out kind) || !Enum.IsDefined(kind) || char.IsDigit(unit.Trim()[0]))
            errors.Add(CommonErrors.FieldNotAChoice("unit", "workingDays, calendarDays, months"));
        return errors.Build() is { } invalid ? Task.FromResult<Result<DueDateDto>>(invalid) : DueAsync(day, n, kind, ct);
    }
}
