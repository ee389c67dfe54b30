namespace Zhifa.Core.Calendar;

/// <summary>
/// One year's official schedule (国务院办公厅关于部分节假日安排的通知): the public holidays (not working days even on a
/// weekday) and the make-up working days (调休: working days even on a weekend). Any other Saturday or Sunday is a rest day.
/// </summary>
public sealed record CalendarYear(int Year, IReadOnlySet<DateOnly> Holidays, IReadOnlySet<DateOnly> MakeUpWorkingDays)
{
    public static CalendarYear Of(int year, IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> makeUpWorkingDays) =>
        new(year, holidays.ToHashSet(), makeUpWorkingDays.ToHashSet());
}

/// <summary>
/// Days on which a clock stands still (testing, a hearing, suspension…), both ends included. A stop still running is
/// passed with <see cref="To"/> the day the caller counts to (usually today).
/// </summary>
public readonly record struct ClockStop(DateOnly From, DateOnly To)
{
    public bool Covers(DateOnly day) => day >= From && day <= To;
}

/// <summary>
/// A computed due date. <see cref="Provisional"/>: the count reached a year that has no official schedule, so its
/// working days were taken as Monday to Friday; the date is recomputed when an administrator enters that year.
/// </summary>
public readonly record struct CalendarDue(DateOnly Date, bool Provisional);

/// <summary>How a statutory period is counted (RULES.md "Counting days").</summary>
public enum PeriodUnit
{
    /// <summary>Working days (XZCF Art. 85 for 2, 3, 5 and 7 days; XZQZ Art. 69 for 10 days or less).</summary>
    WorkingDays,

    /// <summary>Calendar days (the penalty law's 15, 30, 60, 90 days); a last day that is not a working day moves to the next working day.</summary>
    CalendarDays,

    /// <summary>Calendar months (3 months of XZQZ-53, 6 months of litigation); same rule for a last day off.</summary>
    Months,
}

/// <summary>A statutory period: a count and its unit.</summary>
public readonly record struct Period(int Count, PeriodUnit Unit)
{
    public static Period WorkingDays(int n) => new(n, PeriodUnit.WorkingDays);
    public static Period CalendarDays(int n) => new(n, PeriodUnit.CalendarDays);
    public static Period Months(int n) => new(n, PeriodUnit.Months);
}

/// <summary>
/// The statutory calendar: the only way a deadline is computed (DESIGN.md "Time"). A pure function of the yearly
/// schedules it is given — no clock, no database. The rules (RULES.md "Counting days"):
/// <list type="bullet">
/// <item>a period starts the day after the event (the event's day is not counted);</item>
/// <item>working days skip weekends and listed holidays and count listed make-up days; a year without a schedule
/// counts Monday to Friday and makes the result provisional (never a guessed schedule);</item>
/// <item>calendar days and months: a last day that is a holiday or weekend rest day moves to the next working day
/// (民法典 Art. 203), a make-up day being a working day;</item>
/// <item>stopped days (<see cref="ClockStop"/>) do not count in either kind of period.</item>
/// </list>
/// </summary>
public sealed class StatutoryCalendar
{
    /// <summary>How far a count may run before it is taken for a bug (a stop that never ends, a period in the thousands).</summary>
    private const int MaxDays = 20 * 366;

    private readonly Dictionary<int, CalendarYear> _years;

    public StatutoryCalendar(IEnumerable<CalendarYear> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        _years = [];
        foreach (var y in years)
        {
            if (!_years.TryAdd(y.Year, y))
                throw new ArgumentException($"The year {y.Year} is given twice.", nameof(years));
            if (y.Holidays.Concat(y.MakeUpWorkingDays).Any(d => d.Year != y.Year))
                throw new ArgumentException($"The schedule of {y.Year} lists a day of another year.", nameof(years));
            if (y.Holidays.Overlaps(y.MakeUpWorkingDays))
                throw new ArgumentException($"The schedule of {y.Year} lists a day as both holiday and make-up working day.", nameof(years));
        }
    }

    /// <summary>The years that have an official schedule.</summary>
    public IReadOnlyCollection<int> Years => _years.Keys;

    public bool HasSchedule(int year) => _years.ContainsKey(year);

    public CalendarYear? Schedule(int year) => _years.GetValueOrDefault(year);

    /// <summary>Whether people work on <paramref name="day"/> (Monday to Friday where its year has no schedule).</summary>
    public bool IsWorkingDay(DateOnly day)
    {
        if (_years.TryGetValue(day.Year, out var y))
        {
            if (y.Holidays.Contains(day))
                return false;
            if (y.MakeUpWorkingDays.Contains(day))
                return true;
        }
        return day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>Whether <paramref name="day"/> is a listed public holiday.</summary>
    public bool IsHoliday(DateOnly day) => _years.TryGetValue(day.Year, out var y) && y.Holidays.Contains(day);

    /// <summary>Whether <paramref name="day"/> is a listed make-up working day (调休).</summary>
    public bool IsMakeUpWorkingDay(DateOnly day) => _years.TryGetValue(day.Year, out var y) && y.MakeUpWorkingDays.Contains(day);

    /// <summary>The due date of <paramref name="period"/> after the event of <paramref name="eventDay"/>.</summary>
    public CalendarDue Due(DateOnly eventDay, Period period, IReadOnlyList<ClockStop>? stops = null) => period.Unit switch
    {
        PeriodUnit.WorkingDays => AddWorkingDays(eventDay, period.Count, stops),
        PeriodUnit.CalendarDays => AddCalendarDays(eventDay, period.Count, stops),
        PeriodUnit.Months => AddMonths(eventDay, period.Count, stops),
        _ => throw new ArgumentOutOfRangeException(nameof(period)),
    };

    /// <summary>The <paramref name="count"/>-th working day after <paramref name="eventDay"/>, stopped days not counted.</summary>
    public CalendarDue AddWorkingDays(DateOnly eventDay, int count, IReadOnlyList<ClockStop>? stops = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var day = eventDay;
        var provisional = false;
        for (var counted = 0; counted < count;)
        {
            day = Next(day, eventDay);
            provisional |= !HasSchedule(day.Year);
            if (!Stopped(day, stops) && IsWorkingDay(day))
                counted++;
        }
        return new CalendarDue(day, provisional);
    }

    /// <summary>
    /// <paramref name="count"/> calendar days after <paramref name="eventDay"/>, stopped days not counted; a last day off
    /// moves to the next working day.
    /// </summary>
    public CalendarDue AddCalendarDays(DateOnly eventDay, int count, IReadOnlyList<ClockStop>? stops = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var day = eventDay;
        for (var counted = 0; counted < count;)
        {
            day = Next(day, eventDay);
            if (!Stopped(day, stops))
                counted++;
        }
        return RollForward(day);
    }

    /// <summary>
    /// <paramref name="months"/> calendar months after <paramref name="eventDay"/> (the same day of the month, or the
    /// month's last day), lengthened by the stopped days after the event; a last day off moves to the next working day.
    /// </summary>
    public CalendarDue AddMonths(DateOnly eventDay, int months, IReadOnlyList<ClockStop>? stops = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(months);
        var day = eventDay.AddMonths(months);
        // Each stopped day inside the period pushes the end one day further (and may bring more stopped days in).
        var extended = day;
        for (var guard = 0; ; guard++)
        {
            var stopped = StoppedDays(eventDay, extended, stops);
            var next = day.AddDays(stopped);
            if (next == extended || guard > MaxDays)
                break;
            extended = next;
        }
        return RollForward(extended);
    }

    /// <summary><paramref name="day"/> itself when people work on it, else the next working day.</summary>
    public CalendarDue RollForward(DateOnly day)
    {
        var provisional = !HasSchedule(day.Year);
        var start = day;
        while (!IsWorkingDay(day))
        {
            day = Next(day, start);
            provisional |= !HasSchedule(day.Year);
        }
        return new CalendarDue(day, provisional);
    }

    /// <summary>
    /// The working days after <paramref name="from"/> up to and including <paramref name="to"/> (0 when
    /// <paramref name="to"/> is not after <paramref name="from"/>). "Days left" of a working-day deadline.
    /// </summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to, IReadOnlyList<ClockStop>? stops = null)
    {
        if (to.DayNumber - from.DayNumber > MaxDays)
            throw new ArgumentOutOfRangeException(nameof(to), "The span is longer than a count can be.");
        var n = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (!Stopped(day, stops) && IsWorkingDay(day))
                n++;
        }
        return n;
    }

    /// <summary>
    /// Working days left until <paramref name="due"/> seen on <paramref name="today"/>: positive before it, 0 on the day,
    /// negative after it (the working days it is overdue).
    /// </summary>
    public int WorkingDaysLeft(DateOnly today, DateOnly due) =>
        due >= today ? WorkingDaysBetween(today, due) : -WorkingDaysBetween(due, today);

    /// <summary>Whether any day after <paramref name="from"/> up to <paramref name="to"/> lies in a year without a schedule.</summary>
    public bool TouchesUnscheduledYear(DateOnly from, DateOnly to)
    {
        for (var year = from.AddDays(1).Year; year <= to.Year; year++)
        {
            if (!HasSchedule(year))
                return true;
        }
        return false;
    }

    private static bool Stopped(DateOnly day, IReadOnlyList<ClockStop>? stops)
    {
        if (stops is null)
            return false;
        foreach (var s in stops)
        {
            if (s.Covers(day))
                return true;
        }
        return false;
    }

    private static int StoppedDays(DateOnly after, DateOnly through, IReadOnlyList<ClockStop>? stops)
    {
        if (stops is null)
            return 0;
        var n = 0;
        for (var day = after.AddDays(1); day <= through; day = day.AddDays(1))
        {
            if (Stopped(day, stops))
                n++;
        }
        return n;
    }

    private static DateOnly Next(DateOnly day, DateOnly start) =>
        day.DayNumber - start.DayNumber < MaxDays
            ? day.AddDays(1)
            : throw new InvalidOperationException($"A count from {start:yyyy-MM-dd} ran past {MaxDays} days: a stop that never ends?");
}
