using Microsoft.Playwright;
using Zhifa.BrowserTests.Accessibility;
using Zhifa.Core.Common;
using Zhifa.Core.Demo;

namespace Zhifa.BrowserTests;

/// <summary>
/// Issue 14 end to end on phones: an officer files an inspection, the enterprise opens its code on a 390-px page and sees
/// who inspects it, the officer records the visit, turns the finding into a lead and publishes the result, which the
/// public site shows.
/// </summary>
public class InspectionPagesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const int Phone = 390;

    private static async Task FitsAsync(IPage page, string what) =>
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= Phone, $"{what} is wider than the phone");

    [Fact]
    public async Task AnOfficerFilesAnInspection_TheEnterpriseScansItsCode_TheVisitsFindingBecomesALead_AndTheResultIsPublished()
    {
        var officer = await Axe.NewPageAsync(app, Phone, 844);
        await BrowserApp.SignInAsync(officer, "yp.market.officer", DemoData.DemoPassword);
        await officer.GotoAsync("/inspections/new");
        await FitsAsync(officer, "the new inspection's form");
        await Axe.AssertNoSeriousViolationsAsync(officer);
        await officer.FillAsync("#pp-Form-PartyId-q", "恒信建筑");
        await officer.Locator(".zf-party-match", new() { HasText = "原平市恒信建筑工程有限公司" }).ClickAsync();
        await officer.Locator("#pp-Form-PartyId-chosen [data-party-chosen]").WaitForAsync();
        await officer.CheckAsync($"#item-{DeterministicGuid.From("catalogue:140981JC01001")}");
        await officer.CheckAsync($"#officer-{DeterministicGuid.From("personnel:officer:张伟")}");
        await officer.CheckAsync($"#officer-{DeterministicGuid.From("personnel:officer:刘洋")}");
        await officer.ClickAsync("#inspection-submit");
        await officer.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/inspections/[0-9a-f-]{36}$"));
        var code = (await officer.InnerTextAsync("#inspection-code")).Trim();
        Assert.Matches("^[2-9A-HJ-NP-Z]{8}$", code);
        await Assertions.Expect(officer.Locator("#inspection-state")).ToHaveTextAsync("已备案");
        await FitsAsync(officer, "the inspection's page");

        // The enterprise scans the code: no sign-in, who inspects it with their certificates, and on what basis.
        var enterprise = await Axe.NewPageAsync(app, Phone, 844);
        await enterprise.GotoAsync($"/public/inspections/code/{code}");
        await Assertions.Expect(enterprise.Locator("main")).ToContainTextAsync("张伟");
        await Assertions.Expect(enterprise.Locator("main")).ToContainTextAsync("对食品经营者执行食品安全法律法规情况的监督检查");
        await Assertions.Expect(enterprise.Locator("main a[href^='/public/verify?number=']").First).ToBeVisibleAsync();
        await FitsAsync(enterprise, "the enterprise's page of the code");
        await Axe.AssertNoSeriousViolationsAsync(enterprise);

        // A photo of the visit from the phone's camera, kept with the inspection.
        Assert.Equal("environment", await officer.GetAttributeAsync("#photo-file", "capture"));
        await officer.SetInputFilesAsync("#photo-file", new FilePayload { Name = "IMG_3001.png", MimeType = "image/png",
            Buffer = Zhifa.Core.Records.RecordsDemo.Png(48, 32, (byte)Random.Shared.Next(256), 60, 90) });
        await officer.ClickAsync("#photo-submit");
        await Assertions.Expect(officer.Locator("#inspection-photos img")).ToHaveCountAsync(1);

        // The visit: a result for the item is required; then a problem found becomes a lead in one action.
        await officer.FillAsync("#visit-record", "检查了仓库和进货台账，发现一批过期原料未下架。");
        await officer.ClickAsync("#visit-submit");
        await Assertions.Expect(officer.Locator(".invalid-feedback[data-field^='findings.']")).ToBeVisibleAsync();
        Assert.Equal("检查了仓库和进货台账，发现一批过期原料未下架。", await officer.InputValueAsync("#visit-record"));
        await officer.CheckAsync("#result-0-ProblemFound");
        await officer.FillAsync("#note-0", "过期原料12袋");
        await officer.ClickAsync("#visit-submit");
        await Assertions.Expect(officer.Locator("#inspection-findings li[data-result='ProblemFound']")).ToHaveCountAsync(1);
        await officer.Locator("#inspection-findings button[id^='lead-submit-']").ClickAsync();
        var lead = officer.Locator("#inspection-findings a[id^='lead-']");
        await Assertions.Expect(lead).ToBeVisibleAsync();
        await officer.ClickAsync("#publish-submit");
        await Assertions.Expect(officer.Locator("#inspection-state")).ToHaveTextAsync("已公示");
        await officer.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotDir, "inspection-390.png"), FullPage = true });

        // The lead is a case of the body, from the inspection.
        await lead.ClickAsync();
        await officer.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/cases/[0-9a-f-]{36}$"));
        await Assertions.Expect(officer.Locator("main")).ToContainTextAsync("原平市恒信建筑工程有限公司");

        // The public site shows the result.
        await enterprise.GotoAsync("/public/inspections");
        await Assertions.Expect(enterprise.Locator("main")).ToContainTextAsync("原平市恒信建筑工程有限公司");
        // And the two lists the draws take, 一单两库: subjects with their grade and risk tags, inspectors masked.
        await enterprise.ClickAsync("#pub-registries-link");
        await Assertions.Expect(enterprise.Locator("#registry-subjects tr", new() { HasText = "原平市鑫源煤业有限责任公司" })).ToContainTextAsync("安全生产重点");
        await Assertions.Expect(enterprise.Locator("#registry-inspectors")).ToContainTextAsync("张*");
        await Assertions.Expect(enterprise.Locator("#registry-inspectors")).Not.ToContainTextAsync("张伟");

        // After the visit the enterprise sees each item's result and rates the inspection once: a score is required.
        await enterprise.GotoAsync($"/public/inspections/code/{code}");
        await Assertions.Expect(enterprise.Locator("main li[data-result='Lead']")).ToHaveCountAsync(1);
        await enterprise.FillAsync("#rating-comment", "检查人员态度很好");
        await enterprise.ClickAsync("#rating-submit");
        await Assertions.Expect(enterprise.Locator(".invalid-feedback[data-field='score']")).ToBeVisibleAsync();
        Assert.Equal("检查人员态度很好", await enterprise.InputValueAsync("#rating-comment"));
        await enterprise.CheckAsync("#score-4");
        await enterprise.ClickAsync("#rating-submit");
        await Assertions.Expect(enterprise.Locator("#rating-done")).ToBeVisibleAsync();
        Assert.Equal(0, await enterprise.Locator("#rating-form").CountAsync());
    }
}
