using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Common;

namespace Zhifa.Core.Calendar;

/// <summary>One row of a year's schedule: consecutive days (both ends included) of one kind for one holiday.</summary>
public sealed record ScheduleSpanRequest(DateOnly From, DateOnly To, ScheduleDayKind Kind, [MaxLength(HolidaySchedule.MaxNameLength)] string Name);

/// <summary>
/// A year's schedule as the notice gives it, replacing the stored one whole. <see cref="Version"/>: the version the
/// caller read (also accepted as <c>If-Match</c>); a stale one answers 409.
/// </summary>
public sealed record SaveCalendarYearRequest(
    [MaxLength(HolidaySchedule.MaxNoticeLength)] string Notice, DateOnly? PublishedOn,
    [MaxLength(SaveCalendarYear.MaxRows)] IReadOnlyList<ScheduleSpanRequest> Days, [Range(0, int.MaxValue)] int? Version = null);

/// <summary>
/// An administrator enters or corrects a year's schedule: checked whole (every wrong row at once), stored with a
/// revision, the features told (<see cref="ICalendarChanged"/>) in the same unit of work, one save, the cache renewed.
/// </summary>
public sealed class SaveCalendarYear(ZhifaDbContext db, TimeProvider clock, StatutoryCalendarSource source, StatutoryCalendarCache cache,
    ConcurrencyExpectation concurrency, IEnumerable<ICalendarChanged> listeners)
{
    public const int MaxRows = 100;
    public const int FirstYear = 2000;
    public const int LastYear = RequestFields.LastYear;

    public async Task<Result<int>> ExecuteAsync(int year, SaveCalendarYearRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!db.Actor.Can(CalendarPermissions.Manage))
            return CalendarErrors.ManageRequired();
        if (Validate(year, request) is { } invalid)
            return invalid;

        var schedule = await db.HolidaySchedules.Include(s => s.Days).FirstOrDefaultAsync(s => s.Year == year, ct);
        if (request.Version is { } expected && expected != (schedule?.Version ?? 0))
            return CommonErrors.StaleVersion();
        var now = clock.GetUtcNow().UtcDateTime;
        var notice = request.Notice.Trim();
        var spans = request.Days.Select(d => new ScheduleSpan(d.From, d.To, d.Kind, d.Name.Trim())).ToList();
        if (schedule is not null)
        {
            // The year moves to its next version with any change of its days (a change of days alone does not modify the year's row).
            concurrency.Expect(schedule.Id, schedule.Version);
        }
        else
        {
            schedule = new HolidaySchedule(year, notice, request.PublishedOn, now);
            db.HolidaySchedules.Add(schedule);
        }
        var changes = schedule.Replace(notice, request.PublishedOn, spans, now);
        if (!db.ChangeTracker.HasChanges())
            return year;
        db.ScheduleRevisions.Add(new ScheduleRevision(year, now, db.Actor.UserId, db.Actor.ActorName, notice, changes));

        // The features count with the schedule being saved, in this unit of work.
        var others = await StatutoryCalendarCache.LoadAsync(db, ct);
        source.UsePending(new StatutoryCalendar([.. others.Years.Where(y => y != year).Select(y => others.Schedule(y)!), schedule.ToCalendarYear()]));
        foreach (var listener in listeners)
            await listener.CalendarChangedAsync(year, ct);
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        return year;
    }

    /// <summary>Every wrong field at once: the year, the notice, and each row (outside the year, reversed, listed twice, a make-up day on a weekday).</summary>
    public static ValidationError? Validate(int year, SaveCalendarYearRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationBuilder();
        if (year is < FirstYear or > LastYear)
            return CalendarErrors.YearOutOfRange(FirstYear, LastYear);
        if (string.IsNullOrWhiteSpace(request.Notice))
            errors.Add(CommonErrors.FieldRequired("notice"));
        if (request.Days is null || request.Days.Count == 0)
            return errors.Add(CalendarErrors.NoDays()).Build();
        var seen = new Dictionary<DateOnly, (int Row, ScheduleDayKind Kind)>();
        for (var i = 0; i < request.Days.Count; i++)
        {
            var row = request.Days[i];
            var field = $"days[{i}]";
            if (row is null)
            {
                errors.Add(CommonErrors.FieldRequired(field));
                continue;
            }
            if (string.IsNullOrWhiteSpace(row.Name))
                errors.Add(CommonErrors.FieldRequired(field + ".name"));
            var fromOk = row.From.Year == year;
            var toOk = row.To.Year == year;
            if (!fromOk)
                errors.Add(CalendarErrors.DayOutsideYear(row.From, year, field + ".from"));
            if (!toOk)
                errors.Add(CalendarErrors.DayOutsideYear(row.To, year, field + ".to"));
            if (!fromOk || !toOk)
                continue;
            if (row.To < row.From)
            {
                errors.Add(CalendarErrors.RangeReversed(field + ".to"));
                continue;
            }
            ValidationError? twice = null, weekday = null;
            for (var d = row.From; d <= row.To; d = d.AddDays(1))
            {
                if (seen.TryGetValue(d, out var first))
                    twice ??= first.Kind == row.Kind ? CalendarErrors.DayListedTwice(d, first.Row + 1, field) : CalendarErrors.DayBothKinds(d, first.Row + 1, field);
                else
                    seen[d] = (i, row.Kind);
                // A holiday on a weekend is fine (the notice lists whole runs); a make-up day is a weekend day made a working one.
                if (row.Kind == ScheduleDayKind.MakeUpWorkingDay && d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                    weekday ??= CalendarErrors.MakeUpDayNotAWeekend(d, field + ".from");
            }
            errors.Add(twice).Add(weekday);
        }
        return errors.Build();
    }
}
