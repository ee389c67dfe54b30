using Zhifa.Core.Calendar;

namespace Zhifa.Tests.Calendar;

/// <summary>
/// The statutory calendar as a pure function (RULES.md "Counting days"), no database. Every expected date was worked out
/// by hand on a printed calendar of 2025–2027 with the State Council schedules of HOLIDAYS.md, never read from the code.
/// </summary>
public class StatutoryCalendarTests
{
    private static readonly StatutoryCalendar Shipped = OfficialSchedules.Calendar();

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    // ---- which days are working days ----

    [Theory]
    [InlineData(2026, 2, 14, true)]   // Saturday, make-up day of the Spring Festival
    [InlineData(2026, 2, 28, true)]   // Saturday, make-up day of the Spring Festival
    [InlineData(2026, 2, 16, false)]  // Monday in the Spring Festival
    [InlineData(2026, 2, 23, false)]  // Monday, last day of the Spring Festival
    [InlineData(2026, 2, 24, true)]   // Tuesday, first day back
    [InlineData(2026, 1, 4, true)]    // Sunday, make-up day of New Year
    [InlineData(2026, 3, 7, false)]   // an ordinary Saturday
    [InlineData(2026, 10, 10, true)]  // Saturday, make-up day of National Day
    [InlineData(2026, 10, 11, false)] // an ordinary Sunday
    [InlineData(2025, 9, 28, true)]   // Sunday, make-up day of National Day 2025
    [InlineData(2025, 10, 8, false)]  // Wednesday, last day of National Day 2025
    [InlineData(2027, 1, 1, true)]    // Friday of 2027: no schedule, so Monday to Friday
    [InlineData(2027, 1, 2, false)]   // Saturday of 2027
    public void IsWorkingDay_FollowsTheScheduleAndItsMakeUpDays(int y, int m, int d, bool working) =>
        Assert.Equal(working, Shipped.IsWorkingDay(D(y, m, d)));

    [Fact]
    public void HolidaysAndMakeUpDays_AreTold()
    {
        Assert.True(Shipped.IsHoliday(D(2026, 2, 15)));
        Assert.False(Shipped.IsHoliday(D(2026, 2, 14)));
        Assert.True(Shipped.IsMakeUpWorkingDay(D(2026, 2, 14)));
        Assert.False(Shipped.IsMakeUpWorkingDay(D(2026, 2, 15)));
        Assert.Equal([2025, 2026], Shipped.Years.Order());
        Assert.False(Shipped.HasSchedule(2027));
    }

    // ---- working days across the Spring Festival 2026 (02-15..02-23 off, 02-14 Sat and 02-28 Sat make-up) ----

    [Fact]
    [Trait("Rule", "XZCF-64")]
    public void FiveWorkingDays_FromTheFridayBeforeTheSpringFestival_CountTheMakeUpSaturday()
    {
        // Fri 02-13 → Sat 02-14 (1), 02-15..02-23 off, Tue 02-24 (2), 02-25 (3), 02-26 (4), Fri 02-27 (5).
        Assert.Equal(new CalendarDue(D(2026, 2, 27), false), Shipped.AddWorkingDays(D(2026, 2, 13), 5));
        Assert.Equal(new CalendarDue(D(2026, 2, 27), false), Shipped.Due(D(2026, 2, 13), Period.WorkingDays(5)));
    }

    [Fact]
    [Trait("Rule", "XZCF-61")]
    public void SevenWorkingDays_AcrossTheSpringFestival_CountBothMakeUpSaturdays()
    {
        // … Fri 02-27 (5), Sat 02-28 make-up (6), Sun 03-01 rest, Mon 03-02 (7).
        Assert.Equal(D(2026, 3, 2), Shipped.AddWorkingDays(D(2026, 2, 13), 7).Date);
        // From Thu 02-12: Fri 02-13 (1), Sat 02-14 (2), 02-24 (3), 02-25 (4), 02-26 (5), 02-27 (6), Sat 02-28 (7).
        Assert.Equal(D(2026, 2, 28), Shipped.AddWorkingDays(D(2026, 2, 12), 7).Date);
    }

    // ---- National Day 2025 (10-01..10-08 off, Sun 09-28 and Sat 10-11 make-up) ----

    [Fact]
    [Trait("Rule", "XZCF-64")]
    public void FiveWorkingDays_BeforeNationalDay2025_CountTheMakeUpSunday()
    {
        // Fri 09-26 → Sat 09-27 rest, Sun 09-28 make-up (1), 09-29 (2), 09-30 (3), 10-01..10-08 off, Thu 10-09 (4), Fri 10-10 (5).
        Assert.Equal(D(2025, 10, 10), Shipped.AddWorkingDays(D(2025, 9, 26), 5).Date);
    }

    [Fact]
    [Trait("Rule", "XZCF-61")]
    public void SevenWorkingDays_AcrossNationalDay2025_CountTheMakeUpSaturdayAfter()
    {
        // … Fri 10-10 (5), Sat 10-11 make-up (6), Sun 10-12 rest, Mon 10-13 (7).
        Assert.Equal(D(2025, 10, 13), Shipped.AddWorkingDays(D(2025, 9, 26), 7).Date);
        // From Tue 09-30: 10-09 (1), 10-10 (2), Sat 10-11 (3), Mon 10-13 (4), Tue 10-14 (5).
        Assert.Equal(D(2025, 10, 14), Shipped.AddWorkingDays(D(2025, 9, 30), 5).Date);
    }

    // ---- National Day 2026 (Mid-Autumn 09-25..09-27, 10-01..10-07 off, Sun 09-20 and Sat 10-10 make-up) ----

    [Fact]
    public void FiveWorkingDays_BeforeMidAutumn2026_CountTheMakeUpSunday()
    {
        // Fri 09-18 → Sat 09-19 rest, Sun 09-20 make-up (1), 09-21 (2), 09-22 (3), 09-23 (4), Thu 09-24 (5).
        Assert.Equal(D(2026, 9, 24), Shipped.AddWorkingDays(D(2026, 9, 18), 5).Date);
    }

    [Fact]
    [Trait("Rule", "XZCF-61")]
    public void FiveAndSevenWorkingDays_AcrossNationalDay2026()
    {
        // Tue 09-29 → Wed 09-30 (1), 10-01..10-07 off, Thu 10-08 (2), Fri 10-09 (3), Sat 10-10 make-up (4), Sun 10-11 rest, Mon 10-12 (5),
        // Tue 10-13 (6), Wed 10-14 (7).
        Assert.Equal(D(2026, 10, 12), Shipped.AddWorkingDays(D(2026, 9, 29), 5).Date);
        Assert.Equal(D(2026, 10, 14), Shipped.AddWorkingDays(D(2026, 9, 29), 7).Date);
    }

    // ---- New Year 2026 (01-01..01-03 off, Sun 01-04 make-up) and Labour Day ----

    [Fact]
    public void WorkingDays_AcrossNewYear2026_CountTheMakeUpSunday()
    {
        // Wed 2025-12-31 → 01-01..01-03 off, Sun 01-04 make-up (1), Mon 01-05 (2), Tue 01-06 (3).
        Assert.Equal(D(2026, 1, 6), Shipped.AddWorkingDays(D(2025, 12, 31), 3).Date);
        // Tue 2025-12-30 → Wed 12-31 (1), Sun 01-04 (2), 01-05 (3), 01-06 (4), Wed 01-07 (5).
        Assert.Equal(new CalendarDue(D(2026, 1, 7), false), Shipped.AddWorkingDays(D(2025, 12, 30), 5));
    }

    [Fact]
    public void WorkingDays_AcrossLabourDay()
    {
        // 2026: Thu 04-30 → 05-01..05-05 off, Wed 05-06 (1), 05-07 (2), Fri 05-08 (3), Sat 05-09 make-up (4), Sun rest, Mon 05-11 (5).
        Assert.Equal(D(2026, 5, 11), Shipped.AddWorkingDays(D(2026, 4, 30), 5).Date);
        // 2025: Fri 04-25 → Sat 04-26 rest, Sun 04-27 make-up (1), 04-28 (2), 04-29 (3), Wed 04-30 (4), 05-01..05-05 off, Tue 05-06 (5).
        Assert.Equal(D(2025, 5, 6), Shipped.AddWorkingDays(D(2025, 4, 25), 5).Date);
    }

    [Fact]
    public void TheEventDay_IsNotCounted()
    {
        // Mon 2026-03-02: one working day later is Tue 03-03, never the Monday itself.
        Assert.Equal(D(2026, 3, 3), Shipped.AddWorkingDays(D(2026, 3, 2), 1).Date);
        // An event on a Saturday: the next Monday is the first working day.
        Assert.Equal(D(2026, 3, 9), Shipped.AddWorkingDays(D(2026, 3, 7), 1).Date);
        // Calendar days likewise: 1 day after Tue 03-03 is Wed 03-04.
        Assert.Equal(D(2026, 3, 4), Shipped.AddCalendarDays(D(2026, 3, 3), 1).Date);
    }

    [Fact]
    public void StoppedDays_DoNotCountInWorkingDays()
    {
        // Mon 03-02, stop Wed 03-04..Thu 03-05: Tue 03-03 (1), Fri 03-06 (2), Mon 03-09 (3), Tue 03-10 (4), Wed 03-11 (5).
        Assert.Equal(D(2026, 3, 9), Shipped.AddWorkingDays(D(2026, 3, 2), 5).Date);
        Assert.Equal(D(2026, 3, 11), Shipped.AddWorkingDays(D(2026, 3, 2), 5, [new ClockStop(D(2026, 3, 4), D(2026, 3, 5))]).Date);
    }

    // ---- calendar days: a last day off moves to the next working day, a make-up Saturday stays ----

    [Fact]
    [Trait("Rule", "XZCF-66")]
    public void FifteenCalendarDays_EndingOnAHoliday_MoveToTheNextWorkingDay()
    {
        // Wed 2026-09-16 + 15 = Thu 10-01 (National Day) → 10-01..10-07 off → Thu 10-08.
        Assert.Equal(new CalendarDue(D(2026, 10, 8), false), Shipped.AddCalendarDays(D(2026, 9, 16), 15));
    }

    [Fact]
    [Trait("Rule", "XZCF-66")]
    public void FifteenCalendarDays_EndingOnAWeekend_MoveToMonday()
    {
        // Fri 2026-03-06 + 15 = Sat 03-21 → Mon 03-23.
        Assert.Equal(D(2026, 3, 23), Shipped.AddCalendarDays(D(2026, 3, 6), 15).Date);
    }

    [Fact]
    [Trait("Rule", "XZCF-66")]
    public void FifteenCalendarDays_EndingOnAMakeUpSaturday_Stay()
    {
        // Fri 2026-02-13 + 15 = Sat 02-28, a make-up working day.
        Assert.Equal(D(2026, 2, 28), Shipped.AddCalendarDays(D(2026, 2, 13), 15).Date);
        // Fri 2026-09-25 + 15 = Sat 10-10, a make-up working day.
        Assert.Equal(D(2026, 10, 10), Shipped.Due(D(2026, 9, 25), Period.CalendarDays(15)).Date);
    }

    [Fact]
    [Trait("Rule", "XZCF-60")]
    public void NinetyCalendarDays_EndingOnNationalDay_MoveToTheNextWorkingDay()
    {
        // Fri 2026-07-03: 07-04..07-31 (28) + August (31) + September (30) = 89, so day 90 is 10-01 → Thu 10-08.
        Assert.Equal(D(2026, 10, 8), Shipped.AddCalendarDays(D(2026, 7, 3), 90).Date);
        // Mon 2026-01-05: 01-06..01-31 (26) + 28 + 31 = 85, day 90 is 04-05 (Qingming, 04-04..04-06) → Tue 04-07.
        Assert.Equal(D(2026, 4, 7), Shipped.AddCalendarDays(D(2026, 1, 5), 90).Date);
    }

    [Fact]
    [Trait("Rule", "XZCF-60")]
    public void ATenDayTestingStop_InsideNinetyDays_LengthensItByExactlyTenDays()
    {
        // Wed 2026-03-04: 03-05..03-31 (27) + 30 + 31 = 88, day 90 is Tue 06-02; with 04-01..04-10 stopped, Fri 06-12.
        var start = D(2026, 3, 4);
        Assert.Equal(D(2026, 6, 2), Shipped.Due(start, Period.CalendarDays(90)).Date);
        Assert.Equal(D(2026, 6, 12), Shipped.Due(start, Period.CalendarDays(90), [new ClockStop(D(2026, 4, 1), D(2026, 4, 10))]).Date);
    }

    // ---- months ----

    [Fact]
    public void SixMonths_EndOnTheSameDayOfTheMonth_OrTheMonthsLastDay()
    {
        // Tue 2026-03-17 → Thu 09-17; 03-31 → 09-30 (September has 30 days), a Wednesday.
        Assert.Equal(D(2026, 9, 17), Shipped.Due(D(2026, 3, 17), Period.Months(6)).Date);
        Assert.Equal(D(2026, 9, 30), Shipped.AddMonths(D(2026, 3, 31), 6).Date);
        // 2025-08-20 → 2026-02-20, in the Spring Festival → Tue 02-24.
        Assert.Equal(D(2026, 2, 24), Shipped.AddMonths(D(2025, 8, 20), 6).Date);
    }

    [Fact]
    [Trait("Rule", "XZQZ-53")]
    public void ThreeMonths_EndingOnAHolidayMove_OnAMakeUpSaturdayStay()
    {
        // Sat 2026-07-04 → 10-04 (National Day) → Thu 10-08.
        Assert.Equal(D(2026, 10, 8), Shipped.AddMonths(D(2026, 7, 4), 3).Date);
        // 2025-11-30 → 2026-02-28 (February's last day), a make-up Saturday.
        Assert.Equal(D(2026, 2, 28), Shipped.AddMonths(D(2025, 11, 30), 3).Date);
    }

    [Fact]
    public void Months_AreLengthenedByTheStoppedDays()
    {
        // Sat 2026-01-10 + 6 months = Fri 07-10; 5 days stopped (02-02..02-06) → Wed 07-15.
        Assert.Equal(D(2026, 7, 10), Shipped.AddMonths(D(2026, 1, 10), 6).Date);
        Assert.Equal(D(2026, 7, 15), Shipped.AddMonths(D(2026, 1, 10), 6, [new ClockStop(D(2026, 2, 2), D(2026, 2, 6))]).Date);
    }

    // ---- a year with no schedule ----

    [Fact]
    public void ACountInto2027_IsProvisional_AndCountsMondayToFriday()
    {
        // Tue 2026-12-29 → Wed 12-30 (1), Thu 12-31 (2), Fri 2027-01-01 (3: no schedule, a weekday), Sat/Sun rest, Mon 01-04 (4), Tue 01-05 (5).
        Assert.Equal(new CalendarDue(D(2027, 1, 5), true), Shipped.AddWorkingDays(D(2026, 12, 29), 5));
        // Staying inside 2026 is not provisional.
        Assert.False(Shipped.AddWorkingDays(D(2026, 12, 21), 5).Provisional);
        // Calendar days ending in 2027: Sun 2026-12-20 + 15 = Mon 2027-01-04, provisional.
        Assert.Equal(new CalendarDue(D(2027, 1, 4), true), Shipped.AddCalendarDays(D(2026, 12, 20), 15));
        Assert.True(Shipped.TouchesUnscheduledYear(D(2026, 12, 29), D(2027, 1, 5)));
        Assert.False(Shipped.TouchesUnscheduledYear(D(2026, 12, 1), D(2026, 12, 31)));
    }

    [Fact]
    public void Entering2027_MakesTheCountFinal_AndCountsItsHolidays()
    {
        // A 2027 schedule (a test's own, not an official one): 01-01 off, Sat 01-09 make-up.
        var with2027 = new StatutoryCalendar([.. OfficialSchedules.All, CalendarYear.Of(2027, [D(2027, 1, 1)], [D(2027, 1, 9)])]);
        // Tue 2026-12-29 → 12-30 (1), 12-31 (2), 01-01 off, Mon 01-04 (3), Tue 01-05 (4), Wed 01-06 (5).
        Assert.Equal(new CalendarDue(D(2027, 1, 6), false), with2027.AddWorkingDays(D(2026, 12, 29), 5));
        Assert.True(with2027.IsWorkingDay(D(2027, 1, 9)));
    }

    // ---- days left ----

    [Fact]
    public void WorkingDaysLeft_IsPositiveBefore_ZeroOn_NegativeAfter()
    {
        var due = D(2026, 2, 27);
        // After Fri 02-13 up to 02-27: Sat 02-14, 02-24, 02-25, 02-26, 02-27.
        Assert.Equal(5, Shipped.WorkingDaysLeft(D(2026, 2, 13), due));
        // On 02-20 (a holiday): 02-24..02-27.
        Assert.Equal(4, Shipped.WorkingDaysLeft(D(2026, 2, 20), due));
        Assert.Equal(0, Shipped.WorkingDaysLeft(due, due));
        // Tue 03-03: Sat 02-28 (make-up), Mon 03-02, Tue 03-03 overdue.
        Assert.Equal(-3, Shipped.WorkingDaysLeft(D(2026, 3, 3), due));
        // Sun 03-01 after: only the make-up Saturday has passed.
        Assert.Equal(-1, Shipped.WorkingDaysLeft(D(2026, 3, 1), due));
    }

    [Fact]
    public void ASchedule_ListingADayTwiceOrAnotherYear_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => new StatutoryCalendar([CalendarYear.Of(2027, [D(2027, 1, 1)], [D(2027, 1, 1)])]));
        Assert.Throws<ArgumentException>(() => new StatutoryCalendar([CalendarYear.Of(2027, [D(2028, 1, 1)], [])]));
        Assert.Throws<ArgumentException>(() => new StatutoryCalendar([CalendarYear.Of(2027, [], []), CalendarYear.Of(2027, [], [])]));
    }
}
