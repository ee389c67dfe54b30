using Microsoft.Playwright;
using Zhifa.Core.Common;

namespace Zhifa.BrowserTests;

/// <summary>An officer runs the discretion calculator; the public reads a published benchmark without signing in.</summary>
public class CatalogueTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    /// <summary>食品安全法第一百二十六条 (5,000 to 50,000 yuan) and the market bureau's published benchmark for it.</summary>
    private static readonly Guid Food126 = DeterministicGuid.From("catalogue:140981CF01003");
    private static readonly Guid Market126 = DeterministicGuid.From("benchmark:market-126");
    private static readonly Guid CountyRefinement = DeterministicGuid.From("benchmark:ecology-99-yuanping");

    [Fact]
    [Trait("Rule", "CLJZ-EXPLAIN")]
    public async Task Calculator_FindsTheItem_TicksACircumstance_AndShowsTierRangeSuggestionAndExplanation()
    {
        var page = await app.SignedInPageAsync("yp.market.officer");
        await page.GotoAsync("/");
        await page.ClickAsync("nav.zf-nav >> text=裁量计算器");
        await page.WaitForURLAsync("**/discretion/calculator");

        // The item list filters as the officer types (htmx), then the item is picked from it.
        await page.FillAsync("#q", "进货查验");
        await page.Locator("#itemId option").First.WaitForAsync();
        await Assertions.Expect(page.Locator("#itemId option")).ToHaveCountAsync(1);
        await page.SelectOptionAsync("#itemId", Food126.ToString());
        await page.CheckAsync("#c-ActivelyReducedHarm");
        await page.ClickAsync("#calculate");
        await page.WaitForURLAsync($"**/discretion/calculator?*itemId={Food126}*");

        Assert.Contains("从轻处罚", await page.InnerTextAsync("#calc-tier"), StringComparison.Ordinal);
        Assert.Equal("5,000 至 18,500 元", (await page.InnerTextAsync("#calc-range")).Trim());
        Assert.Equal("11,750 元", (await page.InnerTextAsync("#calc-suggested")).Trim());
        Assert.Contains("第4档（从轻处罚）", await page.InnerTextAsync("#calc-explanation"), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotDir, "discretion-calculator.png"), FullPage = true });

        // A proposed fine in another tier needs the head's approval (CLJZ-DEVIATE).
        await page.CheckAsync("#k-Fine");
        await page.FillAsync("#amount", "36500");
        await page.ClickAsync("#check");
        await page.Locator("#check-result").WaitForAsync();
        Assert.Contains("CLJZ-DEVIATE", await page.InnerTextAsync("#check-result"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Supervisor_FindsTheOverdueDelegationInTheCleanup_AndSeesItOnTheItem()
    {
        var page = await app.SignedInPageAsync("yp.supervisor");
        await page.GotoAsync("/catalogue/cleanup");
        await page.SelectOptionAsync("#kind", "DelegationEvaluationOverdue");
        await page.WaitForURLAsync("**/catalogue/cleanup?*kind=DelegationEvaluationOverdue*");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotDir, "catalogue-cleanup.png"), FullPage = true });
        await page.ClickAsync("#findings >> text=140981CF51001");
        await page.WaitForURLAsync("**/catalogue/*-*");
        Assert.Contains("赋权评估逾期", await page.InnerTextAsync("h1.zf-title"), StringComparison.Ordinal);
        Assert.Contains("已逾期", await page.InnerTextAsync("#delegation"), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotDir, "catalogue-item.png"), FullPage = true });
    }

    [Fact]
    public async Task PublicBenchmarkPage_IsReadWithoutSigningIn_AndSaysWhenItWasPublished()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/public");
        await page.ClickAsync("text=行政裁量基准");
        await page.WaitForURLAsync("**/public/benchmarks");
        await page.ClickAsync($"a[href='/public/benchmarks/{Market126}']");
        await page.WaitForURLAsync($"**/public/benchmarks/{Market126}");

        Assert.Contains("原平市市场监督管理局行政处罚裁量基准（食品安全）", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
        Assert.Matches(@"原平市市场监督管理局 于 \d{4}-\d{2}-\d{2} 公布", await page.InnerTextAsync("#published-note"));
        var lighter = page.Locator("#tiers tr[data-tier='Lighter']");
        Assert.Contains("5,000 至 18,500 元", await lighter.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("36,500 至 50,000 元", await page.Locator("#tiers tr[data-tier='Heavier']").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotDir, "public-benchmark.png"), FullPage = true });

        // A county refinement names the city benchmark it refines.
        await page.GotoAsync($"/public/benchmarks/{CountyRefinement}");
        Assert.Contains("忻州市生态环境行政处罚自由裁量基准", await page.InnerTextAsync(".zf-dl"), StringComparison.Ordinal);
        Assert.Contains("/account/login", (await page.GotoAsync("/benchmarks"))!.Url, StringComparison.Ordinal);
    }
}
