using Zhifa.Core.Demo;

namespace Zhifa.BrowserTests;

public class IdentityTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task NewUser_IsForcedToChangeTheInitialPassword_AndSeesOnlyTheirOwnAgency()
    {
        // An administrator creates the user and gives them the officer role in the market bureau.
        var admin = await app.SignedInPageAsync("yp.admin");
        await admin.GotoAsync("/admin/users/new");
        var userName = "yp.market.new" + Random.Shared.Next(100, 999);
        await admin.FillAsync("#UserName", userName);
        await admin.FillAsync("#FullName", "新执法员");
        await admin.SelectOptionAsync("#OrganizationId", DemoData.Ids.YuanpingMarket.ToString());
        // Choosing the bureau brings its officers without an account into the officer picker (htmx); 张伟 has one already.
        await admin.Locator("#OfficerId option", new() { HasText = "王芳" }).WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Attached });
        Assert.Equal(0, await admin.Locator("#OfficerId option", new() { HasText = "张伟" }).CountAsync());
        await admin.FillAsync("#InitialPassword", "Init#2026a");
        await admin.ClickAsync("#save");
        await admin.WaitForURLAsync("**/admin/users/*-*");
        await admin.SelectOptionAsync("#RoleId", new Microsoft.Playwright.SelectOptionValue { Label = "执法人员" });
        await admin.SelectOptionAsync("#AssignOrg", DemoData.Ids.YuanpingMarket.ToString());
        await admin.SelectOptionAsync("#Scope", "Agency");
        await admin.ClickAsync("#assign-form button[type=submit]");
        await admin.Locator("#assignments >> text=执法人员").WaitForAsync();
        await admin.ClickAsync("#user-menu");
        await admin.ClickAsync("#sign-out");
        await admin.WaitForURLAsync("**/account/login");

        // The user signs in with the initial password and is sent to change it first.
        var page = await app.NewPageAsync();
        await page.GotoAsync("/organizations");
        await page.WaitForURLAsync("**/account/login**");
        await page.FillAsync("#UserName", userName);
        await page.FillAsync("#Password", "Init#2026a");
        await page.ClickAsync("#sign-in");
        await page.WaitForURLAsync("**/account/change-password**");
        Assert.True(await page.Locator("#must-change").IsVisibleAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotDir, "forced-password-change.png"), FullPage = true });
        // Trying to go elsewhere first leads back to the change.
        await page.GotoAsync("/organizations");
        await page.WaitForURLAsync("**/account/change-password**");

        await page.FillAsync("#CurrentPassword", "Init#2026a");
        await page.FillAsync("#NewPassword", "Mine#2026m");
        await page.FillAsync("#ConfirmPassword", "Mine#2026m");
        await page.ClickAsync("#save-password");
        await page.WaitForURLAsync("**/organizations");

        // Only their own agency: the market bureau and its units, not the other bureaus or the city.
        var tree = page.Locator(".zf-tree-panel");
        await tree.Locator("text=原平市市场监督管理局").First.WaitForAsync();
        var text = await tree.InnerTextAsync();
        Assert.Contains("法规股", text, StringComparison.Ordinal);
        Assert.DoesNotContain("原平市交通运输局", text, StringComparison.Ordinal);
        Assert.DoesNotContain("忻州市", text, StringComparison.Ordinal);
        Assert.DoesNotContain("崞阳市场监督管理所", text, StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotDir, "officer-own-agency.png"), FullPage = true });

        // And an organisation outside it answers not found.
        await page.GotoAsync($"/organizations/{DemoData.Ids.YuanpingTransport}");
        Assert.Contains("不存在", await page.Locator(".zf-panel").First.InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongPassword_ShowsAClearMessage()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#UserName", "yp.market.head");
        await page.FillAsync("#Password", "nope");
        await page.ClickAsync("#sign-in");
        await page.Locator("#login-error").WaitForAsync();
        // The one answer to every refused sign-in: it does not say whether the name exists, and tells of the lockout.
        Assert.Equal("用户名或密码错误，或账号已锁定、已停用。连续 5 次失败后账号锁定 10 分钟；如需帮助请联系管理员。",
            (await page.Locator("#login-error").InnerTextAsync()).Trim());
        Assert.Equal("yp.market.head", await page.InputValueAsync("#UserName"));
    }
}
