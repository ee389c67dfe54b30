using Microsoft.Playwright;

namespace Zhifa.BrowserTests;

/// <summary>The statutory calendar page: the year as month grids with holidays and make-up days marked, and the calculator.</summary>
public class CalendarTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    [Trait("Rule", "XZCF-61")]
    public async Task TheYearGrid_MarksTheSpringFestival_AndTheCalculatorAnswers()
    {
        var page = await app.SignedInPageAsync("yp.market.officer");
        await page.GotoAsync("/calendar?year=2026");

        // Marked in words and a sign, not only a colour: 02-16 is 春节 off, Sat 02-14 a make-up working day.
        var off = page.Locator("#year-grid td[data-date='2026-02-16']");
        Assert.Contains("休", await off.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("春节", await off.GetAttributeAsync("title") ?? "", StringComparison.Ordinal);
        Assert.Contains("班", await page.Locator("#year-grid td[data-date='2026-02-14']").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("国办发明电〔2025〕7号", await page.InnerTextAsync("#year-notice"), StringComparison.Ordinal);
        // An officer reads the calendar but is not offered its editing.
        await Assertions.Expect(page.Locator("#edit-year")).ToHaveCountAsync(0);

        // 7 working days from Fri 02-13: 02-14 (make-up), 02-24..02-27, Sat 02-28 (make-up), Mon 03-02.
        await page.FillAsync("#due-from", "2026-02-13");
        await page.FillAsync("#due-count", "7");
        await page.SelectOptionAsync("#due-unit", "WorkingDays");
        await page.ClickAsync("#due-submit");
        await page.WaitForURLAsync("**/calendar?*count=7*");
        Assert.Contains("2026-03-02", await page.InnerTextAsync("#due-result"), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotDir, "calendar-2026.png"), FullPage = true });
    }

    [Fact]
    public async Task AYearWithoutASchedule_SaysItsWorkingDaysAreProvisional_AndAnAdministratorAddsARow()
    {
        var page = await app.SignedInPageAsync("admin");
        await page.GotoAsync("/calendar?year=2098");
        Assert.Contains("周一至周五", await page.InnerTextAsync("#no-schedule"), StringComparison.Ordinal);

        await page.ClickAsync("#edit-year");
        await page.WaitForURLAsync("**/calendar/2098/edit");
        await Assertions.Expect(page.Locator("#calendar-rows tbody tr")).ToHaveCountAsync(1);
        await page.ClickAsync("#add-row");
        await Assertions.Expect(page.Locator("#calendar-rows tbody tr")).ToHaveCountAsync(2);
    }
}
