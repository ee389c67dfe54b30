using Microsoft.Playwright;
using Zhifa.Core.Demo;

namespace Zhifa.BrowserTests.Accessibility;

/// <summary>On a 390-px-wide phone the pages fit the screen, the public navigation stays short, and tags and dates never break.</summary>
public class PhoneLayoutTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const int Phone = 390;

    private static Task<int> ScrollWidthAsync(IPage page) => page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");

    /// <summary>Every status tag and date on the page renders on one line (its height is that of one line).</summary>
    private static Task<string[]> BrokenTagsAndDatesAsync(IPage page) => page.EvaluateAsync<string[]>("""
        () => [...document.querySelectorAll('.zf-tag, .zf-date')]
            .filter(e => e.getClientRects().length > 1 || e.getBoundingClientRect().height > parseFloat(getComputedStyle(e).lineHeight) * 1.5 + 6)
            .map(e => e.outerHTML)
        """);

    /// <summary>
    /// Where the screenshots go: the test run's screenshot folder; with <c>ZHIFA_UPDATE_SCREENSHOTS=1</c>, docs/screenshots
    /// in the repository this test was built from (so that a test run leaves the committed pictures alone).
    /// </summary>
    private static string DocsScreenshot(string name)
    {
        if (Environment.GetEnvironmentVariable("ZHIFA_UPDATE_SCREENSHOTS") != "1")
            return Path.Combine(BrowserApp.ScreenshotDir, name);
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Zhifa.slnx")))
            dir = dir.Parent;
        var target = dir is null ? BrowserApp.ScreenshotDir : Path.Combine(dir.FullName, "docs", "screenshots");
        Directory.CreateDirectory(target);
        return Path.Combine(target, name);
    }

    [Fact]
    public async Task PublicVerificationResult_FitsA390PxPhone_AndTheNavigationStaysWithinTwoLines()
    {
        var number = await app.CertificateNumberAsync("张伟");
        var page = await Axe.NewPageAsync(app, Phone, 844);
        await page.GotoAsync($"/public/verify?number={number}");
        Assert.Equal("true", await page.Locator("#verify-result").GetAttributeAsync("data-valid"));
        Assert.True(await ScrollWidthAsync(page) <= Phone, $"scrollWidth {await ScrollWidthAsync(page)} > {Phone}");
        Assert.Empty(await BrokenTagsAndDatesAsync(page));

        // The public navigation: its links on at most two lines (distinct top offsets), each link on one line.
        var tops = await page.EvaluateAsync<double[]>("() => [...document.querySelectorAll('.zf-public-nav a')].map(a => Math.round(a.getBoundingClientRect().top))");
        Assert.True(tops.Distinct().Count() <= 2, $"the public navigation takes {tops.Distinct().Count()} lines");
        var navHeight = await page.EvaluateAsync<double>("() => document.querySelector('.zf-public-nav').getBoundingClientRect().height");
        var lineHeight = await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.querySelector('.zf-public-nav a')).lineHeight)");
        Assert.True(navHeight < lineHeight * 2.9, $"the public navigation is {navHeight}px high for a line of {lineHeight}px");
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        await page.ScreenshotAsync(new() { Path = DocsScreenshot("verify-390.png"), FullPage = true });

        // In English, where the words are longer, too.
        await page.ClickAsync("a[lang=en]");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        Assert.True(await ScrollWidthAsync(page) <= Phone, $"scrollWidth {await ScrollWidthAsync(page)} > {Phone} in English");
        tops = await page.EvaluateAsync<double[]>("() => [...document.querySelectorAll('.zf-public-nav a')].map(a => Math.round(a.getBoundingClientRect().top))");
        Assert.True(tops.Distinct().Count() <= 2, $"the public navigation takes {tops.Distinct().Count()} lines in English");
    }

    [Fact]
    public async Task TrainingCompliance_FitsA390PxPhone_WithItsChart()
    {
        var page = await Axe.NewPageAsync(app, Phone, 844);
        await BrowserApp.SignInAsync(page, "yp.supervisor", DemoData.DemoPassword);
        await page.GotoAsync("/personnel/compliance");
        await page.Locator("#rotation-chart canvas").WaitForAsync();
        Assert.True(await ScrollWidthAsync(page) <= Phone, $"scrollWidth {await ScrollWidthAsync(page)} > {Phone}");
        var chartWidth = await page.EvaluateAsync<double>("() => document.querySelector('#rotation-chart canvas').getBoundingClientRect().right");
        Assert.True(chartWidth <= Phone, $"the chart reaches {chartWidth}px");
        // The deadline in the requirement sentence and the tags in the tables stay whole.
        Assert.True(await page.Locator(".zf-date").CountAsync() > 0);
        Assert.Empty(await BrokenTagsAndDatesAsync(page));
        await page.ScreenshotAsync(new() { Path = DocsScreenshot("compliance-390.png"), FullPage = true });
    }

    [Fact]
    public async Task StatusTagsAndDates_NeverBreak_OnTheCertificateList()
    {
        var page = await Axe.NewPageAsync(app, Phone, 844);
        await BrowserApp.SignInAsync(page, "admin", DemoData.DemoPassword);
        await page.GotoAsync("/personnel/certificates");
        Assert.True(await page.Locator(".zf-tag").CountAsync() > 0);
        Assert.Equal("nowrap", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.zf-tag')).whiteSpace"));
        Assert.Empty(await BrokenTagsAndDatesAsync(page));
    }
}
