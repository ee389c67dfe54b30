namespace Zhifa.Core.Calendar;

/// <summary>
/// The State Council General Office's published holiday arrangements that Zhifa ships (HOLIDAYS.md): 2025 and 2026.
/// A year not here has no schedule until an administrator enters it from the published notice — never a guess.
/// </summary>
public static class OfficialSchedules
{
    public static IReadOnlyList<CalendarYear> All { get; } =
    [
        Year(2025,
            holidays: [Day(1, 1), Span(1, 28, 2, 4), Span(4, 4, 4, 6), Span(5, 1, 5, 5), Span(5, 31, 6, 2), Span(10, 1, 10, 8)],
            makeUp: [Day(1, 26), Day(2, 8), Day(4, 27), Day(9, 28), Day(10, 11)]),
        Year(2026,
            holidays: [Span(1, 1, 1, 3), Span(2, 15, 2, 23), Span(4, 4, 4, 6), Span(5, 1, 5, 5), Span(6, 19, 6, 21), Span(9, 25, 9, 27), Span(10, 1, 10, 7)],
            makeUp: [Day(1, 4), Day(2, 14), Day(2, 28), Day(5, 9), Day(9, 20), Day(10, 10)]),
    ];

    /// <summary>A calendar with only the shipped schedules (what a new installation starts with).</summary>
    public static StatutoryCalendar Calendar() => new(All);

    private static CalendarYear Year(int year, (int M1, int D1, int M2, int D2)[] holidays, (int M1, int D1, int M2, int D2)[] makeUp) =>
        CalendarYear.Of(year, holidays.SelectMany(h => Days(year, h)), makeUp.SelectMany(h => Days(year, h)));

    private static (int, int, int, int) Day(int month, int day) => (month, day, month, day);

    private static (int, int, int, int) Span(int m1, int d1, int m2, int d2) => (m1, d1, m2, d2);

    private static IEnumerable<DateOnly> Days(int year, (int M1, int D1, int M2, int D2) span)
    {
        for (var d = new DateOnly(year, span.M1, span.D1); d <= new DateOnly(year, span.M2, span.D2); d = d.AddDays(1))
            yield return d;
    }
}
