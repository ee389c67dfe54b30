namespace Zhifa.Core.Calendar;

/// <summary>
/// The State Council General Office's published holiday arrangements that Zhifa ships (HOLIDAYS.md): 2025 and 2026.
/// A year not here has no schedule until an administrator enters it from the published notice — never a guess.
/// </summary>
public static class OfficialSchedules
{
    /// <summary>The shipped notices with their days, as they are put into a new database (<see cref="CalendarModule"/>).</summary>
    public static IReadOnlyList<PublishedSchedule> Published { get; } =
    [
        new(2025, "国办发明电〔2024〕12号", new DateOnly(2024, 11, 12),
        [
            Off(2025, 1, 1, 1, 1, "元旦"),
            Off(2025, 1, 28, 2, 4, "春节"), Work(2025, 1, 26, "春节"), Work(2025, 2, 8, "春节"),
            Off(2025, 4, 4, 4, 6, "清明节"),
            Off(2025, 5, 1, 5, 5, "劳动节"), Work(2025, 4, 27, "劳动节"),
            Off(2025, 5, 31, 6, 2, "端午节"),
            Off(2025, 10, 1, 10, 8, "国庆节、中秋节"), Work(2025, 9, 28, "国庆节、中秋节"), Work(2025, 10, 11, "国庆节、中秋节"),
        ]),
        new(2026, "国办发明电〔2025〕7号", new DateOnly(2025, 11, 4),
        [
            Off(2026, 1, 1, 1, 3, "元旦"), Work(2026, 1, 4, "元旦"),
            Off(2026, 2, 15, 2, 23, "春节"), Work(2026, 2, 14, "春节"), Work(2026, 2, 28, "春节"),
            Off(2026, 4, 4, 4, 6, "清明节"),
            Off(2026, 5, 1, 5, 5, "劳动节"), Work(2026, 5, 9, "劳动节"),
            Off(2026, 6, 19, 6, 21, "端午节"),
            Off(2026, 9, 25, 9, 27, "中秋节"),
            Off(2026, 10, 1, 10, 7, "国庆节"), Work(2026, 9, 20, "国庆节"), Work(2026, 10, 10, "国庆节"),
        ]),
    ];

    public static IReadOnlyList<CalendarYear> All { get; } = [.. Published.Select(p => p.ToCalendarYear())];

    /// <summary>A calendar with only the shipped schedules (what a new installation starts with).</summary>
    public static StatutoryCalendar Calendar() => new(All);

    private static ScheduleSpan Off(int year, int m1, int d1, int m2, int d2, string name) =>
        new(new DateOnly(year, m1, d1), new DateOnly(year, m2, d2), ScheduleDayKind.Holiday, name);

    private static ScheduleSpan Work(int year, int month, int day, string name) =>
        new(new DateOnly(year, month, day), new DateOnly(year, month, day), ScheduleDayKind.MakeUpWorkingDay, name);
}

/// <summary>What a listed day of a schedule is.</summary>
public enum ScheduleDayKind
{
    /// <summary>A public holiday: not a working day, even on a weekday.</summary>
    Holiday,

    /// <summary>A make-up working day (调休): a working day, even on a Saturday or Sunday.</summary>
    MakeUpWorkingDay,
}

/// <summary>Consecutive days of one kind for one holiday (both ends included): how a notice lists them.</summary>
public sealed record ScheduleSpan(DateOnly From, DateOnly To, ScheduleDayKind Kind, string Name)
{
    public IEnumerable<DateOnly> Days()
    {
        for (var d = From; d <= To; d = d.AddDays(1))
            yield return d;
    }
}

/// <summary>A year's notice (国务院办公厅关于部分节假日安排的通知): its number, the day it was published, its days.</summary>
public sealed record PublishedSchedule(int Year, string Notice, DateOnly? PublishedOn, IReadOnlyList<ScheduleSpan> Spans)
{
    public CalendarYear ToCalendarYear() => CalendarYear.Of(Year,
        Spans.Where(s => s.Kind == ScheduleDayKind.Holiday).SelectMany(s => s.Days()),
        Spans.Where(s => s.Kind == ScheduleDayKind.MakeUpWorkingDay).SelectMany(s => s.Days()));
}
