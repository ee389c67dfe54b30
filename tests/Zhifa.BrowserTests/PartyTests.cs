using Zhifa.Core.Common;

namespace Zhifa.BrowserTests;

public class PartyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task ThePicker_FindsAPartyAsTheOfficerTypes_AndLeadsToItsPage()
    {
        var page = await app.SignedInPageAsync("yp.market.officer");
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/parties");
        await page.FillAsync("#pp-found-q", "晋北");
        var match = page.Locator(".zf-party-match", new() { HasText = "原平市晋北食品有限公司" });
        await match.WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotDir, "party-picker-phone.png"), FullPage = true });
        await match.ClickAsync();

        // Choosing puts the party's id into the hidden input and shows who was chosen, with a link to its page.
        var id = DeterministicGuid.From("party:原平市晋北食品有限公司").ToString();
        var chosen = page.Locator($"#pp-found-chosen [data-party-chosen='{id}']");
        await chosen.WaitForAsync();
        Assert.Equal(id, await page.Locator("#pp-found-chosen input[type=hidden][name=found]").InputValueAsync());
        await chosen.Locator("a").ClickAsync();
        await page.WaitForURLAsync($"**/parties/{id}");
        Assert.Contains("91140981MA0GQ1001", await page.Locator("#party-info").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("李建国", await page.Locator("#party-info").InnerTextAsync(), StringComparison.Ordinal);
    }
}
