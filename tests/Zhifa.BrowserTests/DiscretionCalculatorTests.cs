using Microsoft.Playwright;
using Zhifa.Core.Common;
using Zhifa.Core.Demo;

namespace Zhifa.BrowserTests;

/// <summary>The discretion calculator stays in its body's lane, names what the officer asserted, and keeps its hint true.</summary>
public class DiscretionCalculatorTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    /// <summary>食品安全法第一百二十六条, the market bureau's own item with its published benchmark.</summary>
    private static readonly Guid Food126 = DeterministicGuid.From("catalogue:140981CF01003");

    /// <summary>大气污染防治法第九十九条, the ecology bureau's item (550,000 yuan under its benchmark).</summary>
    private static readonly Guid Air99 = DeterministicGuid.From("catalogue:140900CF61001");

    [Fact]
    public async Task Calculator_RefusesAnotherBodysItem_AndABodyTheOfficerDoesNotActFor()
    {
        var page = await app.SignedInPageAsync("yp.market.officer");
        await page.GotoAsync($"/discretion/calculator?bodyId={DemoData.Ids.YuanpingMarket}&itemId={Air99}");

        // The ecology item is not offered, and asking for it by address gets a message, not a fine.
        await Assertions.Expect(page.Locator($"#itemId option[value='{Air99}']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator($"#itemId option[value='{Food126}']")).ToHaveCountAsync(1);
        Assert.Contains("该执法主体不实施此事项", await page.InnerTextAsync("#calc-form"), StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#calc-suggested")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotDir, "discretion-calculator-refused.png"), FullPage = true });

        // The ecology bureau is not among the bodies the officer acts for; asking for it is refused in words.
        await Assertions.Expect(page.Locator($"#bodyId option[value='{DemoData.Ids.YuanpingEcologyBranch}']")).ToHaveCountAsync(0);
        await page.GotoAsync($"/discretion/calculator?bodyId={DemoData.Ids.YuanpingEcologyBranch}&itemId={Air99}");
        Assert.Contains("您不能代表该执法主体作出决定", await page.InnerTextAsync("#calc-error"), StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#calc-suggested")).ToHaveCountAsync(0);
    }

    [Fact]
    [Trait("Rule", "CLJZ-EXPLAIN")]
    public async Task Calculator_NamesAnAssertedCircumstance_ThatChangesNoTier()
    {
        var page = await app.SignedInPageAsync("yp.market.officer");
        await page.GotoAsync("/discretion/calculator");
        await page.SelectOptionAsync("#itemId", Food126.ToString());
        await page.CheckAsync("#c-Minor");
        await page.ClickAsync("#calculate");
        await page.WaitForURLAsync($"**/discretion/calculator?*itemId={Food126}*");

        Assert.Contains("一般处罚", await page.InnerTextAsync("#calc-tier"), StringComparison.Ordinal);
        Assert.Contains("违法行为轻微", await page.InnerTextAsync("#calc-asserted"), StringComparison.Ordinal);
        var explanation = await page.InnerTextAsync("#calc-explanation");
        Assert.StartsWith("当事人具有违法行为轻微的情节，但不符合本基准从轻、减轻或者从重处罚的条件", explanation.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain("无从轻、减轻或者从重处罚情节", explanation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calculator_TheNoItemsHint_GoesWhenAnotherBodyHasItems()
    {
        var page = await app.SignedInPageAsync("xz.supervisor");
        await page.GotoAsync($"/discretion/calculator?bodyId={DemoData.Ids.Body("忻州市司法局")}");
        await Assertions.Expect(page.Locator("#calc-no-items")).ToBeVisibleAsync();

        await page.SelectOptionAsync("#bodyId", DemoData.Ids.YuanpingMarket.ToString());
        await Assertions.Expect(page.Locator($"#itemId option[value='{Food126}']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#calc-no-items")).ToHaveCountAsync(0);

        // And back: the hint returns for a body without items.
        await page.SelectOptionAsync("#bodyId", DemoData.Ids.Body("忻州市司法局").ToString());
        await Assertions.Expect(page.Locator("#calc-no-items")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#itemId option")).ToHaveCountAsync(0);
    }
}
