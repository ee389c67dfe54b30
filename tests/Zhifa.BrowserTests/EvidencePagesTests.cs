using System.Security.Cryptography;
using Microsoft.Playwright;
using Zhifa.BrowserTests.Accessibility;
using Zhifa.Core.Common;
using Zhifa.Core.Demo;

namespace Zhifa.BrowserTests;

/// <summary>Issue 13: an officer on a 390-px phone attaches a photo to a case from its page and downloads it back unchanged.</summary>
public class EvidencePagesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const int Phone = 390;

    /// <summary>The demo's expired-food case of 原平市市场监督管理局, under investigation.</summary>
    private static readonly Guid ExpiredFoodCase = DeterministicGuid.From("case:涉嫌使用超过保质期的食品原料");

    [Fact]
    public async Task AnOfficerOnAPhone_AttachesAPhoto_SeesItsHash_AndDownloadsTheOriginal()
    {
        var page = await Axe.NewPageAsync(app, Phone, 844);
        await BrowserApp.SignInAsync(page, "yp.market.officer", DemoData.DemoPassword);
        await page.GotoAsync($"/cases/{ExpiredFoodCase}");
        await page.ClickAsync("#case-evidence-link");
        await page.WaitForURLAsync($"**/cases/{ExpiredFoodCase}/evidence");
        // The camera opens from the field on a phone; the page fits the phone.
        Assert.Equal("environment", await page.GetAttributeAsync("#evidence-file", "capture"));
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= Phone, "the evidence page is wider than the phone");
        Assert.Empty(await Axe.SeriousViolationsAsync(page));

        // A renamed executable is refused on its field, and nothing is listed for it.
        var before = await page.Locator("#evidence-list li").CountAsync();
        await page.SetInputFilesAsync("#evidence-file", new FilePayload { Name = "现场.jpg", MimeType = "image/jpeg", Buffer = "MZ\0\0not a photo at all"u8.ToArray() });
        await page.ClickAsync("#evidence-submit");
        await Assertions.Expect(page.Locator("#evidence-form .invalid-feedback[data-field='file']")).ToBeVisibleAsync();
        Assert.Equal(before, await page.Locator("#evidence-list li").CountAsync());

        var png = Zhifa.Core.Records.RecordsDemo.Png(40 + Random.Shared.Next(200), 30, (byte)Random.Shared.Next(256), 90, 40);
        var sha = Convert.ToHexStringLower(SHA256.HashData(png));
        await page.SelectOptionAsync("#evidence-kind", "Photo");
        await page.FillAsync("#evidence-title", "货架上的过期冻肉标签");
        await page.SelectOptionAsync("#evidence-step", "RegisterEvidence");
        await page.SetInputFilesAsync("#evidence-file", new FilePayload { Name = "IMG_2001.png", MimeType = "image/png", Buffer = png });
        await page.ClickAsync("#evidence-submit");
        await Assertions.Expect(page.Locator("#evidence-added")).ToBeVisibleAsync();
        var item = page.Locator("#evidence-list li", new() { HasText = "货架上的过期冻肉标签" });
        await Assertions.Expect(item).ToContainTextAsync(sha);
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= Phone, "the list is wider than the phone");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotDir, "evidence-390.png"), FullPage = true });

        var download = await page.RunAndWaitForDownloadAsync(() => item.Locator("a[download]").ClickAsync());
        var path = await download.PathAsync();
        Assert.Equal(sha, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(path))));
    }
}
