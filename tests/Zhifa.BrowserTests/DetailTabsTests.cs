using Microsoft.Playwright;
using Zhifa.Core.Common;

namespace Zhifa.BrowserTests;

/// <summary>Detail pages keep the rest behind tabs (UX.md): a tablist with ARIA roles, switched by mouse, keyboard, or a link without script.</summary>
public class DetailTabsTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static async Task AssertSelectedAsync(IPage page, string tabs, string key)
    {
        var tab = page.Locator($"#{tabs}-tab-{key}");
        Assert.Equal("true", await tab.GetAttributeAsync("aria-selected"));
        Assert.True(await page.Locator($"#{tabs}-{key}").IsVisibleAsync(), $"{key} panel visible");
        Assert.Equal(1, await page.Locator($"#{tabs} [role=tabpanel]:visible").CountAsync());
    }

    [Fact]
    public async Task TheOfficerPage_HasTabs_SwitchedByKeyboard_AndAddressable()
    {
        var page = await app.SignedInPageAsync("yp.supervisor");
        var officer = DeterministicGuid.From("personnel:officer:张伟");
        await page.GotoAsync($"/personnel/officers/{officer}");
        Assert.Equal(4, await page.Locator("#officer-tabs [role=tablist] [role=tab]").CountAsync());
        await AssertSelectedAsync(page, "officer-tabs", "info");

        await page.FocusAsync("#officer-tabs-tab-info");
        await page.Keyboard.PressAsync("ArrowRight");
        await AssertSelectedAsync(page, "officer-tabs", "certificates");
        Assert.Equal("officer-tabs-tab-certificates", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        Assert.Contains("天", await page.Locator("#officer-certificates .zf-deadline").First.InnerTextAsync(), StringComparison.Ordinal);
        await page.Keyboard.PressAsync("End");
        await AssertSelectedAsync(page, "officer-tabs", "history");
        await page.Keyboard.PressAsync("ArrowRight");
        await AssertSelectedAsync(page, "officer-tabs", "info");

        await page.ClickAsync("#officer-tabs-tab-training");
        await AssertSelectedAsync(page, "officer-tabs", "training");
        Assert.EndsWith("tab=training", page.Url, StringComparison.Ordinal);

        // The address names the tab: the server shows it on arrival.
        await page.GotoAsync($"/personnel/officers/{officer}?tab=history");
        await AssertSelectedAsync(page, "officer-tabs", "history");
    }

    [Fact]
    public async Task TheCertificatePage_HasTabs_AndShowsItsDeadlines()
    {
        var page = await app.SignedInPageAsync("yp.supervisor");
        await page.GotoAsync($"/personnel/certificates/{DeterministicGuid.From("personnel:certificate:张伟")}");
        await AssertSelectedAsync(page, "certificate-tabs", "info");
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} · (还剩 \d+ 天|今天到期|已逾期 \d+ 天)", (await page.Locator("#certificate-valid-until").InnerTextAsync()).Trim());
        await page.FocusAsync("#certificate-tabs-tab-info");
        await page.Keyboard.PressAsync("ArrowRight");
        await AssertSelectedAsync(page, "certificate-tabs", "history");
        Assert.True(await page.Locator("#certificate-history li").CountAsync() > 0);
    }
}
