using Microsoft.Playwright;
using Zhifa.BrowserTests.Accessibility;
using Zhifa.Core.Common;
using Zhifa.Core.Demo;

namespace Zhifa.BrowserTests;

/// <summary>
/// The penalty case through its pages: a general-procedure case of 原平市市场监督管理局 from the lead to the archive by
/// an officer, the head and the legal reviewer, and an on-the-spot decision on a 390-px phone.
/// </summary>
public class CasePagesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const int Phone = 390;

    /// <summary>对生产经营不符合食品安全标准的食品等行为的行政处罚 (140981CF01003): benchmark 5,000–50,000 yuan, 一般 in the middle.</summary>
    private static readonly string Item = DeterministicGuid.From("catalogue:140981CF01003").ToString();

    private static DateOnly ChinaToday => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    [Fact]
    [Trait("Rule", "XZCF-42")]
    [Trait("Rule", "XZCF-58")]
    [Trait("Rule", "XZCF-57")]
    public async Task AGeneralCase_GoesFromLeadToArchive_ThroughThePages_AndARefusedStepNamesItsRule()
    {
        var officer = await app.SignedInPageAsync("yp.market.officer");
        var head = await app.SignedInPageAsync("yp.market.head");
        var reviewer = await app.SignedInPageAsync("yp.market.reviewer");

        // The lead: an empty form reports every missing field at once and keeps nothing half-saved.
        await officer.GotoAsync("/cases/new");
        await officer.ClickAsync("#lead-submit");
        foreach (var field in new[] { "source", "partyId", "title", "facts", "actOn" })
            await Assertions.Expect(officer.Locator($"#lead-form .invalid-feedback[data-field='{field}']")).ToBeVisibleAsync();

        await officer.SelectOptionAsync("#lead-source", "Complaint");
        await officer.FillAsync("#pp-Form-PartyId-q", "惠民");
        await officer.Locator(".zf-party-match", new() { HasText = "原平市惠民超市有限公司" }).ClickAsync();
        await officer.Locator("#pp-Form-PartyId-chosen [data-party-chosen]").WaitForAsync();
        var title = "涉嫌销售不符合食品安全标准的熟食" + TestDataSuffix();
        await officer.FillAsync("#lead-title", title);
        await officer.FillAsync("#lead-facts", "市民投诉：熟食柜台销售的卤肉菌落总数超标。");
        await officer.FillAsync("#lead-act", Display(ChinaToday.AddDays(-10)));
        await officer.SelectOptionAsync("#lead-item", Item);
        await officer.ClickAsync("#lead-submit");
        await officer.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/cases/[0-9a-f-]{36}$"));
        var caseUrl = new Uri(officer.Url).AbsolutePath;
        await ExpectStateAsync(officer, "Lead");
        // Only the steps this user may take: opening is the head's.
        await Assertions.Expect(officer.Locator("#case-actions [data-action='Open']")).ToHaveCountAsync(0);

        await ActAsync(head, caseUrl, "Open");
        await ExpectStateAsync(head, "Investigating");
        Assert.StartsWith("原市监立〔", await head.Locator("h1.zf-title").InnerTextAsync(), StringComparison.Ordinal);

        // XZCF-42: an officer whose certificate is suspended may not investigate; the refusal names the rule and keeps the choice.
        await OpenStepAsync(officer, caseUrl, "AssignOfficers");
        await officer.Locator("#step-form .zf-picker-list label", new() { HasText = "张伟" }).ClickAsync();
        await officer.Locator("#step-form .zf-picker-list label", new() { HasText = "李娜" }).ClickAsync();
        await officer.ClickAsync("#step-submit");
        await ExpectRefusalAsync(officer, "XZCF-42");
        Assert.True(await officer.Locator("#step-officers option[selected]", new() { HasText = "李娜" }).CountAsync() == 1, "the choice was lost");
        await officer.Locator("#step-form .zf-picker-list label", new() { HasText = "李娜" }).ClickAsync();
        await officer.Locator("#step-form .zf-picker-list label", new() { HasText = "王芳" }).ClickAsync();
        await SubmitAsync(officer, caseUrl);
        await ExpectStateAsync(officer, "Investigating");
        await officer.GotoAsync(caseUrl + "?tab=people");
        Assert.Equal(2, await officer.Locator("#case-officers tbody tr").CountAsync());

        // The report proposes a fine within the benchmark; a complex case needs legal review and collective discussion.
        await ActAsync(officer, caseUrl, "Conclude", async p =>
        {
            Assert.Equal(Item, await p.Locator("#step-item").InputValueAsync());
            await p.CheckAsync("#step-kind-Fine");
            await p.FillAsync("#step-fine", "20000");
            await p.CheckAsync("#step-complex");
        });
        await ExpectStateAsync(officer, "Concluded");

        // XZCF-58: no prior notice before the legal review has passed — the case page says so beside the step, and the
        // step's form, opened anyway, is refused with the rule.
        await head.GotoAsync(caseUrl);
        await Assertions.Expect(head.Locator("#case-blocked [data-action='Notify']")).ToHaveAttributeAsync("data-rule", "XZCF-58");
        Assert.Equal(0, await head.Locator("#case-actions [data-action='Notify']").CountAsync());
        await head.GotoAsync(caseUrl + "/act/Notify");
        await head.ClickAsync("#step-submit");
        await ExpectRefusalAsync(head, "XZCF-58");

        await ActAsync(reviewer, caseUrl, "PassLegalReview");
        await ExpectStateAsync(reviewer, "Reviewed");

        // The head's form was opened before the review: sent again, it meets the newer version and keeps what was typed.
        await head.FillAsync("#step-note", "拟罚款二万元");
        await head.ClickAsync("#step-submit");
        await Assertions.Expect(head.Locator("#step-refusal")).ToContainTextAsync("此记录已被他人修改");
        Assert.Null(await head.Locator("#step-refusal").GetAttributeAsync("data-rule"));
        Assert.Equal("拟罚款二万元", await head.Locator("#step-note").InputValueAsync());
        await ActAsync(head, caseUrl, "RecordDiscussion", p => p.FillAsync("#step-note", "集体讨论同意按一般档次罚款二万元。"));
        await ActAsync(head, caseUrl, "Notify");
        await ExpectStateAsync(head, "Notified");
        await ActAsync(officer, caseUrl, "RecordStatement", p => p.FillAsync("#step-note", "当事人承认违法事实，无异议。"));
        await ActAsync(head, caseUrl, "Decide", async p => Assert.Equal("20000", await p.Locator("#step-fine").InputValueAsync()));
        await ExpectStateAsync(head, "Decided");
        StringAssert(await head.Locator("#decision-number").InnerTextAsync(), "原市监罚〔");
        await ActAsync(officer, caseUrl, "Serve");
        await ExpectStateAsync(officer, "Served");
        await Assertions.Expect(officer.Locator("#case-deadlines tr[data-deadline='Payment'][data-rule='XZCF-66']")).ToHaveCountAsync(1);
        await ActAsync(officer, caseUrl, "RecordPayment", p => p.FillAsync("#step-reference", "BK-TEST-0001"));
        // Paid in full: the system settles the case.
        await ExpectStateAsync(officer, "Executed");
        await ActAsync(head, caseUrl, "Close");
        await ExpectStateAsync(head, "Closed");
        await ActAsync(head, caseUrl, "Archive");
        await ExpectStateAsync(head, "Archived");

        // The path: every step passed, none ahead, the review-less shortcut not taken; the documents with their numbers.
        await Assertions.Expect(head.Locator("#case-flow [data-mark='Current']")).ToHaveAttributeAsync("data-state", "Archived");
        await Assertions.Expect(head.Locator("#case-flow [data-mark='Ahead']")).ToHaveCountAsync(0);
        foreach (var passed in new[] { "Lead", "Investigating", "Concluded", "Reviewed", "Notified", "Decided", "Served", "Executed", "Closed" })
            await Assertions.Expect(head.Locator($"#case-flow [data-state='{passed}']")).ToHaveAttributeAsync("data-mark", "Done");
        await Assertions.Expect(head.Locator("#case-actions a")).ToHaveCountAsync(0);
        await head.GotoAsync(caseUrl + "?tab=documents");
        StringAssert(await head.Locator("#case-documents tr[data-document='PenaltyDecision']").InnerTextAsync(), "原市监罚〔");
        StringAssert(await head.Locator("#case-documents tr[data-document='LegalReviewOpinion']").InnerTextAsync(), "刘洋");

        // The list finds it by its title; the party's page lists it.
        await head.GotoAsync("/cases?state=Archived&q=" + Uri.EscapeDataString(title));
        await Assertions.Expect(head.Locator("#case-table tbody tr")).ToHaveCountAsync(1);
        await head.GotoAsync($"/parties/{DeterministicGuid.From("party:原平市惠民超市有限公司")}?tab=cases");
        await Assertions.Expect(head.Locator($"#party-cases a[href='{caseUrl}']")).ToHaveCountAsync(1);
    }

    [Fact]
    [Trait("Rule", "XZCF-71")]
    [Trait("Rule", "XZCF-52")]
    public async Task AnOnTheSpotDecision_OnA390PxPhone_ShowsTheDecisionAndTheCashHandOverDeadline()
    {
        var page = await Axe.NewPageAsync(app, Phone, 844);
        await BrowserApp.SignInAsync(page, "yp.transport.officer", DemoData.DemoPassword);
        await page.GotoAsync("/cases/on-spot");
        Assert.True(await ScrollWidthAsync(page) <= Phone, $"scrollWidth {await ScrollWidthAsync(page)} > {Phone}: {await WideAsync(page)}");

        await page.FillAsync("#pp-Form-PartyId-q", "曹国栋");
        await page.Locator(".zf-party-match", new() { HasText = "曹国栋" }).ClickAsync();
        await page.Locator("#pp-Form-PartyId-chosen [data-party-chosen]").WaitForAsync();
        var form = "原交简〔" + ChinaToday.Year + "〕T" + TestDataSuffix();
        await page.FillAsync("#spot-form-number", form);
        await page.FillAsync("#spot-title", "货车驾驶员未随车携带道路运输证");
        await page.FillAsync("#spot-facts", "检查站查获货车驾驶员未随车携带道路运输证。");
        await page.CheckAsync("#spot-fine");
        await page.FillAsync("#spot-amount", "100");
        await page.CheckAsync("#spot-collected");
        await page.FillAsync("#spot-receipt", "晋财收据No.0099001");
        await page.ClickAsync("#spot-submit");

        await page.WaitForURLAsync("**/cases/on-spot/*");
        StringAssert(await page.Locator("#on-spot-number").InnerTextAsync(), form);
        StringAssert(await page.Locator("#on-spot-penalty").InnerTextAsync(), "100");
        var cash = page.Locator("#case-deadlines tr[data-deadline='CashHandover']");
        await Assertions.Expect(cash).ToHaveAttributeAsync("data-rule", "XZCF-71");
        await Assertions.Expect(cash.Locator(".zf-deadline")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#case-deadlines tr[data-deadline='Filing']")).ToHaveAttributeAsync("data-rule", "XZCF-52");
        await Assertions.Expect(page.Locator("#case-actions [data-action='HandOverCash']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#case-actions [data-action='FileWithBody']")).ToBeVisibleAsync();
        Assert.True(await ScrollWidthAsync(page) <= Phone, $"scrollWidth {await ScrollWidthAsync(page)} > {Phone} on the result: {await WideAsync(page)}");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotDir, "on-spot-390.png"), FullPage = true });

        // Handing the cash over meets its clock.
        await page.ClickAsync("#case-actions [data-action='HandOverCash']");
        await page.WaitForURLAsync("**/act/HandOverCash");
        Assert.True(await ScrollWidthAsync(page) <= Phone, $"scrollWidth {await ScrollWidthAsync(page)} > {Phone} on the step form: {await WideAsync(page)}");
        await page.ClickAsync("#step-submit");
        await page.WaitForURLAsync("**/cases/on-spot/*");
        await Assertions.Expect(page.Locator("#case-deadlines tr[data-deadline='CashHandover']")).ToHaveAttributeAsync("data-status", "Met");
    }

    [Fact]
    public async Task TheCaseListAndACasePage_HaveNoSeriousOrCriticalViolation()
    {
        var page = await Axe.NewPageAsync(app);
        await BrowserApp.SignInAsync(page, "yp.market.head", DemoData.DemoPassword);
        var served = DeterministicGuid.From("case:涉嫌销售不合格车用尿素");
        var found = await Axe.CheckAsync(page, ["/cases", "/cases?view=Overdue", $"/cases/{served}", $"/cases/{served}?tab=timeline", "/cases/new"]);
        Assert.True(found.Count == 0, "axe-core:\n" + string.Join("\n", found));
    }

    private static Task<int> ScrollWidthAsync(IPage page) => page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");

    /// <summary>The elements that reach past the phone's width, for the message of a failed layout check.</summary>
    private static async Task<string> WideAsync(IPage page) => string.Join("; ", await page.EvaluateAsync<string[]>(
        "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 391).slice(0, 8).map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))"));

    private static string Display(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string TestDataSuffix() => Guid.NewGuid().ToString("N")[..6];

    private static void StringAssert(string text, string expected) => Assert.Contains(expected, text, StringComparison.Ordinal);

    private static Task ExpectStateAsync(IPage page, string state) =>
        Assertions.Expect(page.Locator("#case-state")).ToHaveAttributeAsync("data-state", state);

    private static async Task ExpectRefusalAsync(IPage page, string rule)
    {
        await Assertions.Expect(page.Locator("#step-refusal")).ToHaveAttributeAsync("data-rule", rule);
        StringAssert(await page.Locator("#step-refusal").InnerTextAsync(), rule);
    }

    /// <summary>Opens a step from the case page's buttons (only those the user may take are there).</summary>
    private static async Task OpenStepAsync(IPage page, string caseUrl, string action)
    {
        await page.GotoAsync(caseUrl);
        await page.ClickAsync($"#case-actions [data-action='{action}']");
        await page.WaitForURLAsync($"**{caseUrl}/act/{action}");
    }

    private static async Task SubmitAsync(IPage page, string caseUrl)
    {
        await page.ClickAsync("#step-submit");
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        // A refused step stays on its form: say why, rather than time out.
        if (new Uri(page.Url).AbsolutePath != caseUrl)
        {
            var text = await page.Locator("body").InnerTextAsync();
            Assert.Fail($"{page.Url}: {text[Math.Max(0, text.Length - 1500)..]}");
        }
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == caseUrl);
    }

    private static async Task ActAsync(IPage page, string caseUrl, string action, Func<IPage, Task>? fill = null)
    {
        await OpenStepAsync(page, caseUrl, action);
        if (fill is not null)
            await fill(page);
        await SubmitAsync(page, caseUrl);
    }
}
