namespace Zhifa.Web.Common;

/// <summary>
/// A calendar-day deadline as people see it: the date and the days left or overdue (calendar days, said so), red when
/// overdue, orange within the due-soon window. Not for statutory working-day clocks.
/// </summary>
public readonly record struct Deadline(DateOnly Due, int DaysLeft, string Tone)
{
    /// <summary>Days before the due date from which a deadline shows as due soon (orange).</summary>
    public const int DefaultSoonDays = 30;

    public static Deadline Of(DateOnly due, DateOnly today, int soonDays = DefaultSoonDays)
    {
        var left = due.DayNumber - today.DayNumber;
        var tone = left < 0 ? "red" : left <= soonDays ? "orange" : "grey";
        return new Deadline(due, left, tone);
    }

    public bool Overdue => DaysLeft < 0;

    /// <summary>"2027-03-01 · 还剩 89 天", "2027-03-01 · 今天到期", "2027-03-01 · 已逾期 12 天".</summary>
    public string Text(Microsoft.Extensions.Localization.IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(l);
        var days = DaysLeft switch
        {
            < 0 => l["deadline.overdue", -DaysLeft].Value,
            0 => l["deadline.today"].Value,
            _ => l["deadline.left", DaysLeft].Value,
        };
        return Display.Date(Due) + " · " + days;
    }
}
