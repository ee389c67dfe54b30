using Microsoft.Playwright;

namespace Zhifa.BrowserTests;

public class ShellTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Shell_LoadsInChinese_AndSwitchesToEnglish()
    {
        var page = await app.SignedInPageAsync("admin");
        await page.GotoAsync("/");
        // The browser asks for English (Locale en-US), yet the default is Chinese.
        Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("工作台", (await page.Locator("h1.zf-title").InnerTextAsync()).Trim());
        Assert.True(await page.Locator("nav.zf-nav >> text=组织机构").First.IsVisibleAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotDir, "shell-zh.png"), FullPage = true });

        // The switch goes through /culture and back to the same address, so wait for the new page itself.
        await page.ClickAsync("a[lang=en]");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        Assert.Equal(app.BaseUrl + "/", page.Url);
        Assert.Equal("Workbench", (await page.Locator("h1.zf-title").InnerTextAsync()).Trim());
        await page.ClickAsync("a.zf-nav-link[href=\"/organizations\"]");
        await page.WaitForURLAsync("**/organizations");
        Assert.Contains("Organisation tree", await page.ContentAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotDir, "organizations-en.png"), FullPage = true });

        await page.ClickAsync("a[lang=zh-CN]");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        Assert.EndsWith("/organizations", page.Url, StringComparison.Ordinal);
    }
}
