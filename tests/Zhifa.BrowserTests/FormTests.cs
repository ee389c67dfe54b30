using Zhifa.Core.Demo;
using Zhifa.Core.Personnel;

namespace Zhifa.BrowserTests;

/// <summary>Forms report every wrong field in one post, next to each field, and keep what was typed (issue 10).</summary>
public class FormTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task OfficerForm_PostedWithThreeWrongFields_ShowsAllThree_AndKeepsWhatWasTyped()
    {
        var valid = IdNumber.WithCheck("14098119850312001");
        var wrong = valid[..17] + (valid[17] == '0' ? '1' : '0');
        var page = await app.SignedInPageAsync("admin");
        await page.GotoAsync("/personnel/officers/new");
        // Three wrong fields: a wrong check digit, no body, no enforcement field (执法领域).
        await page.FillAsync("#FullName", "李表单");
        await page.FillAsync("#IdNumber", wrong);
        await page.FillAsync("#Post", "科员");
        await page.SelectOptionAsync("#BodyId", "");
        await page.ClickAsync("#save");
        await page.Locator(".invalid-feedback[data-field='idNumber']").WaitForAsync();

        Assert.Equal("身份证号码校验码错误，请核对。", (await page.Locator(".invalid-feedback[data-field='idNumber']").InnerTextAsync()).Trim());
        Assert.Equal("必须填写。", (await page.Locator(".invalid-feedback[data-field='bodyId']").InnerTextAsync()).Trim());
        Assert.Equal("请至少选择一个执法领域。", (await page.Locator(".invalid-feedback[data-field='fields']").InnerTextAsync()).Trim());
        Assert.Equal(3, await page.Locator(".invalid-feedback").CountAsync());
        // What was typed is still there.
        Assert.Equal("李表单", await page.InputValueAsync("#FullName"));
        Assert.Equal(wrong, await page.InputValueAsync("#IdNumber"));
        Assert.Equal("科员", await page.InputValueAsync("#Post"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotDir, "officer-form-three-errors.png"), FullPage = true });
    }

    [Fact]
    public async Task UserForm_OrganisationPicker_FiltersAsOneTypes_ShowsThePath_AndPreselectsNoRole()
    {
        var page = await app.SignedInPageAsync("admin");
        await page.GotoAsync("/admin/users/new");
        var search = page.Locator("#OrganizationId-search");
        await search.WaitForAsync();
        Assert.Equal("输入名称筛选", await search.GetAttributeAsync("aria-label"));
        var market = page.Locator($"#OrganizationId option[value='{DemoData.Ids.YuanpingMarket}']");
        // The option names where the body sits, so same-named bodies of other counties are told apart.
        Assert.Equal("原平市市场监督管理局（山西省 / 忻州市 / 原平市）", (await market.InnerTextAsync()).Trim());
        await search.FillAsync("市场监督");
        Assert.False(await market.EvaluateAsync<bool>("o => o.hidden"));
        Assert.True(await page.Locator($"#OrganizationId option[value='{DemoData.Ids.YuanpingJustice}']").EvaluateAsync<bool>("o => o.hidden"));

        // A new user's detail page offers roles without choosing one for the administrator.
        await page.GotoAsync("/admin/users");
        await page.Locator("a[href^='/admin/users/'][href*='-']").First.ClickAsync();
        await page.WaitForURLAsync("**/admin/users/*-*");
        Assert.Equal("", await page.InputValueAsync("#RoleId"));
    }
}
