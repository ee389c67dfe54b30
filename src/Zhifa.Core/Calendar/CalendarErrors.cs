using Zhifa.Core.Common;

namespace Zhifa.Core.Calendar;

/// <summary>The expected failures of the statutory calendar: each code is stable, API-visible and the resource key of its message.</summary>
public static class CalendarErrors
{
    public static ForbiddenError ManageRequired() => new(CalendarPermissions.Manage);
    public static NotFoundError YearNotFound() => new("calendar_year");

    public static ValidationError YearOutOfRange(int first, int last, string field = "year") => ValidationError.For(field, "calendar.year_out_of_range", first, last);
    public static ValidationError NoDays(string field = "days") => ValidationError.For(field, "calendar.no_days");
    public static ValidationError DayOutsideYear(DateOnly day, int year, string field) => ValidationError.For(field, "calendar.day_outside_year", Text(day), year);
    public static ValidationError RangeReversed(string field) => ValidationError.For(field, "calendar.range_reversed");
    public static ValidationError DayListedTwice(DateOnly day, int firstRow, string field) => ValidationError.For(field, "calendar.day_twice", Text(day), firstRow);
    public static ValidationError DayBothKinds(DateOnly day, int firstRow, string field) => ValidationError.For(field, "calendar.day_both_kinds", Text(day), firstRow);
    public static ValidationError MakeUpDayNotAWeekend(DateOnly day, string field) => ValidationError.For(field, "calendar.make_up_on_weekday", Text(day));
    public static ValidationError CountOutOfRange(int max, string field = "count") => ValidationError.For(field, "calendar.count_out_of_range", max);

    private static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
