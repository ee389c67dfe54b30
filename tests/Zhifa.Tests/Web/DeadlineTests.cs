using System.Globalization;
using Zhifa.Core.Personnel;
using Zhifa.Web.Common;
using Zhifa.Web.Resources;

namespace Zhifa.Tests.Web;

/// <summary>Calendar-day deadlines as people read them: the date, then the days left or overdue, coloured by how near they are.</summary>
public class DeadlineTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    private static string Chinese(Deadline d) => In("zh-CN", d);
    private static string English(Deadline d) => In("en", d);

    private static string In(string culture, Deadline d)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            return d.Text(new UiStringLocalizer());
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void DueToday_IsOrange_AndSaysSo()
    {
        var d = Deadline.Of(Today, Today);
        Assert.Equal(0, d.DaysLeft);
        Assert.Equal("orange", d.Tone);
        Assert.False(d.Overdue);
        Assert.Equal("2026-12-02 · 今天到期（还剩 0 天）", Chinese(d));
        Assert.Equal("2026-12-02 · due today (0 days left)", English(d));
    }

    [Fact]
    public void OneDayLeft()
    {
        var d = Deadline.Of(new DateOnly(2026, 12, 3), Today);
        Assert.Equal(1, d.DaysLeft);
        Assert.Equal("orange", d.Tone);
        Assert.Equal("2026-12-03 · 还剩 1 天", Chinese(d));
        Assert.Equal("2026-12-03 · 1 days left", English(d));
    }

    [Fact]
    public void OneDayOverdue_IsRed()
    {
        var d = Deadline.Of(new DateOnly(2026, 12, 1), Today);
        Assert.Equal(-1, d.DaysLeft);
        Assert.True(d.Overdue);
        Assert.Equal("red", d.Tone);
        Assert.Equal("2026-12-01 · 已逾期 1 天", Chinese(d));
        Assert.Equal("2026-12-01 · 1 days overdue", English(d));
    }

    [Fact]
    public void TheSoonWindow_EndsAtItsLastDay()
    {
        Assert.Equal("orange", Deadline.Of(Today.AddDays(30), Today).Tone);
        Assert.Equal("grey", Deadline.Of(Today.AddDays(31), Today).Tone);
        Assert.Equal("orange", Deadline.Of(Today.AddDays(90), Today, soonDays: 90).Tone);
        Assert.Equal("grey", Deadline.Of(Today.AddDays(91), Today, soonDays: 90).Tone);
    }

    [Fact]
    public void AYearAway_CountsCalendarDays()
    {
        var d = Deadline.Of(new DateOnly(2027, 3, 1), Today);
        Assert.Equal(89, d.DaysLeft);
        Assert.Equal("2027-03-01 · 还剩 89 天", Chinese(d));
    }
}
