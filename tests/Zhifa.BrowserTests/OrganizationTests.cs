using Microsoft.Playwright;
using Zhifa.Core.Demo;
using Zhifa.Core.Organizations;

namespace Zhifa.BrowserTests;

public class OrganizationTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static string NewCreditCode() =>
        CreditCode.WithCheck("91140981" + Random.Shared.Next(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task CreateBody_ThroughThePage_AppearsInTheTree()
    {
        var page = await app.SignedInPageAsync("admin");
        await page.GotoAsync("/organizations");
        await page.ClickAsync("text=新增执法主体");
        await page.WaitForURLAsync("**/organizations/new/Body");

        var name = "原平市文化和旅游局" + Random.Shared.Next(1000, 9999);
        await page.FillAsync("#name", name);
        await page.SelectOptionAsync("#parentId", new SelectOptionValue { Value = DemoData.Ids.Yuanping.ToString() });
        await page.FillAsync("#creditCode", NewCreditCode());
        await page.SelectOptionAsync("#sector", "CultureTourism");
        await page.ClickAsync("#save");

        await page.WaitForURLAsync("**/organizations/*-*");
        Assert.Equal(name, (await page.Locator("h1.zf-title").InnerTextAsync()).Split('\n')[0].Trim());
        Assert.Contains("文化旅游", await page.Locator(".zf-dl").InnerTextAsync(), StringComparison.Ordinal);

        await page.GotoAsync("/organizations");
        var node = page.Locator(".zf-tree-node", new() { HasText = name });
        Assert.Equal(1, await node.CountAsync());
        // It hangs under 原平市 in the tree.
        var yuanpingBranch = page.Locator($"li:has(> .zf-tree-node[data-id='{DemoData.Ids.Yuanping}'])");
        Assert.Equal(1, await yuanpingBranch.Locator(".zf-tree-node", new() { HasText = name }).CountAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotDir, "organizations-after-create.png"), FullPage = true });
    }

    [Fact]
    public async Task CreateBody_WithBadCreditCode_ShowsTheMessageByTheField_AndKeepsWhatWasTyped()
    {
        var page = await app.SignedInPageAsync("admin");
        await page.GotoAsync($"/organizations/new/Body?parentId={DemoData.Ids.Yuanping}");
        var name = "错误代码测试局" + Random.Shared.Next(1000, 9999);
        await page.FillAsync("#name", name);
        await page.FillAsync("#creditCode", "91140981ABCDEFGHI0");
        await page.ClickAsync("#save");

        var message = page.Locator(".invalid-feedback[data-field=creditCode]");
        await message.WaitForAsync();
        Assert.Contains("统一社会信用代码不正确", await message.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(name, await page.InputValueAsync("#name"));
        Assert.Contains("is-invalid", await page.GetAttributeAsync("#creditCode", "class") ?? "", StringComparison.Ordinal);

        await page.GotoAsync("/organizations?q=" + Uri.EscapeDataString(name));
        Assert.Equal(0, await page.Locator("#org-table").CountAsync());
    }

    [Fact]
    public async Task ListFilter_UpdatesTheResultsInPlace_AndKeepsTheFilterInTheUrl()
    {
        var page = await app.SignedInPageAsync("admin");
        await page.GotoAsync("/organizations");
        await page.SelectOptionAsync("#sector", "Transport");
        await page.WaitForURLAsync("**/organizations?*sector=Transport*");
        await page.Locator("#org-table >> text=原平市交通运输局").WaitForAsync();
        Assert.Equal(0, await page.Locator("#org-table >> text=原平市应急管理局").CountAsync());
    }
}
