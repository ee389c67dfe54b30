using Microsoft.Playwright;
using Zhifa.BrowserTests.Accessibility;
using Zhifa.Core.Common;
using Zhifa.Core.Demo;

namespace Zhifa.BrowserTests;

/// <summary>
/// Issue 14's plans, draws and supervision in a browser: the head plans and announces a draw, the justice bureau gives its
/// value, anyone re-runs the draw on the public site; a re-draw keeps both; the supervisor sees the chart, the enterprise
/// over the cap and the ratings.
/// </summary>
public class InspectionPlanPagesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    [Trait("Rule", "SSJ-DRAW")]
    public async Task TheHeadAnnouncesADraw_TheBureauDrawsIt_ThePublicReRunsIt_AndARedrawKeepsBoth()
    {
        var head = await Axe.NewPageAsync(app, 1280, 900);
        await BrowserApp.SignInAsync(head, "yp.market.head", DemoData.DemoPassword);
        await head.GotoAsync("/inspections/plans");
        await Axe.AssertNoSeriousViolationsAsync(head);
        // The demo's plan is listed; a new plan without items is refused with the field named, what was typed kept.
        await Assertions.Expect(head.Locator("#inspection-plans")).ToContainTextAsync("双随机、一公开");
        await head.FillAsync("#plan-name", "浏览器测试抽查计划");
        await head.ClickAsync("#plan-submit");
        await Assertions.Expect(head.Locator(".invalid-feedback[data-field='itemIds']")).ToBeVisibleAsync();
        Assert.Equal("浏览器测试抽查计划", await head.InputValueAsync("#plan-name"));
        await head.CheckAsync($"#plan-item-{DeterministicGuid.From("catalogue:140981JC01001")}");
        await head.ClickAsync("#plan-submit");
        await head.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/inspections/plans/[0-9a-f-]{36}$"));
        var planUrl = head.Url;
        await head.ClickAsync("#announce-submit");
        await head.Locator("#draw-1, #plan-error").First.WaitForAsync();
        Assert.True(await head.Locator("#plan-error").CountAsync() == 0, await head.InnerTextAsync("main"));
        await Assertions.Expect(head.Locator("#draw-1")).ToHaveAttributeAsync("data-state", "Announced");
        await Axe.AssertNoSeriousViolationsAsync(head);

        // The justice bureau gives its value: the draw is made.
        var supervisor = await Axe.NewPageAsync(app, 1280, 900);
        await BrowserApp.SignInAsync(supervisor, "yp.supervisor", DemoData.DemoPassword);
        await supervisor.GotoAsync(planUrl);
        await supervisor.FillAsync("#contribute-value", "原平市司法局-浏览器测试");
        await supervisor.ClickAsync("#contribute-submit");
        await Assertions.Expect(supervisor.Locator("#draw-1")).ToHaveAttributeAsync("data-state", "Drawn");

        // Anyone re-runs it on the public site from what was published.
        var visitor = await Axe.NewPageAsync(app, 390, 844);
        await visitor.GotoAsync(await supervisor.GetAttributeAsync("#draw-public-1", "href") ?? "");
        await Assertions.Expect(visitor.Locator("#draw-verified")).ToHaveAttributeAsync("data-matches", "true");
        Assert.True(await visitor.Locator("#draw-result li").CountAsync() >= 1);
        Assert.True(await visitor.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390, "the public draw page is wider than the phone");
        await Axe.AssertNoSeriousViolationsAsync(visitor);
        var download = await visitor.RunAndWaitForDownloadAsync(() => visitor.ClickAsync("#draw-document"));
        using (var json = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(await download.PathAsync())))
            Assert.Equal("原平市司法局-浏览器测试", json.RootElement.GetProperty("supervisorValue").GetString());

        // A re-draw needs its reason; both draws stay, the first with the reason it was replaced.
        await head.GotoAsync(planUrl);
        await head.ClickAsync("#redraw-form-1 button[type=submit]");
        await Assertions.Expect(head.Locator("#redraw-form-1 .invalid-feedback[data-field='reason']")).ToBeVisibleAsync();
        await head.FillAsync("#redraw-form-1 textarea", "抽取后发现检查事项选择有误");
        await head.ClickAsync("#redraw-form-1 button[type=submit]");
        await Assertions.Expect(head.Locator("#draw-2")).ToHaveAttributeAsync("data-state", "Announced");
        await Assertions.Expect(head.Locator("#draw-1")).ToHaveAttributeAsync("data-state", "Superseded");
        await Assertions.Expect(head.Locator("#draw-1")).ToContainTextAsync("抽取后发现检查事项选择有误");
    }

    [Fact]
    [Trait("Rule", "SSJ-FREQ")]
    public async Task TheSupervisor_SeesInspectionsPerBodyAndMonth_TheEnterpriseOverTheCap_AndTheRatings()
    {
        var supervisor = await Axe.NewPageAsync(app, 1280, 900);
        await BrowserApp.SignInAsync(supervisor, "yp.supervisor", DemoData.DemoPassword);
        await supervisor.GotoAsync("/inspections/supervision");
        await Assertions.Expect(supervisor.Locator("#inspection-chart canvas")).ToHaveCountAsync(1);
        await Assertions.Expect(supervisor.Locator("#monthly-table")).ToContainTextAsync("原平市市场监督管理局");
        await Assertions.Expect(supervisor.Locator("#over-cap")).ToContainTextAsync("原平市惠民超市有限公司");
        await Assertions.Expect(supervisor.Locator("#ratings-table")).ToContainTextAsync("检查人员出示证件，程序规范。");
        await Axe.AssertNoSeriousViolationsAsync(supervisor);

        // The inspecting body's officer has no supervision page.
        var officer = await Axe.NewPageAsync(app, 1280, 900);
        await BrowserApp.SignInAsync(officer, "yp.market.officer", DemoData.DemoPassword);
        await officer.GotoAsync("/inspections/supervision");
        Assert.Contains("/account/denied", officer.Url, StringComparison.Ordinal);
        Assert.DoesNotContain("检查人员出示证件", await officer.ContentAsync(), StringComparison.Ordinal);
    }
}
