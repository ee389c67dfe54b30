using System.Security.Cryptography;
using Microsoft.Playwright;
using Zhifa.BrowserTests.Accessibility;
using Zhifa.Core.Common;
using Zhifa.Core.Demo;

namespace Zhifa.BrowserTests;

/// <summary>
/// Issue 13: an officer on a 390-px phone attaches a photo to a case from its page, downloads it back unchanged, then the
/// decision document and the case-file archive, which holds the photo.
/// </summary>
public class EvidencePagesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const int Phone = 390;

    /// <summary>The demo's served and unpaid case of 原平市市场监督管理局: decided, so it has its decision document.</summary>
    private static readonly Guid DecidedCase = DeterministicGuid.From("case:涉嫌销售不合格车用尿素");

    [Fact]
    public async Task AnOfficerOnAPhone_AttachesAPhoto_SeesItsHash_AndDownloadsTheOriginal()
    {
        var page = await Axe.NewPageAsync(app, Phone, 844);
        await BrowserApp.SignInAsync(page, "yp.market.officer", DemoData.DemoPassword);
        await page.GotoAsync($"/cases/{DecidedCase}");
        await page.ClickAsync("#case-evidence-link");
        await page.WaitForURLAsync($"**/cases/{DecidedCase}/evidence");
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

        // The decision: its printable page from the case's documents, then the DOCX.
        await page.GotoAsync($"/cases/{DecidedCase}/documents/PenaltyDecision");
        await Assertions.Expect(page.Locator("#document [data-item='remedy']")).ToContainTextAsync("行政复议");
        var docx = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#document-docx"));
        var docxBytes = await File.ReadAllBytesAsync(await docx.PathAsync());
        Assert.Equal((byte)'P', docxBytes[0]);
        using (var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(docxBytes), false))
            Assert.Contains("山西原平宏达运输有限公司", word.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);

        // The case file: one archive, the photo in it by its hash.
        await page.GotoAsync($"/cases/{DecidedCase}");
        var archive = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#case-file-download"));
        using var zip = new System.IO.Compression.ZipArchive(File.OpenRead(await archive.PathAsync()));
        Assert.Contains("\"" + sha + "\"", new StreamReader(zip.GetEntry("manifest.json")!.Open()).ReadToEnd(), StringComparison.Ordinal);

        // The case file on the page: both volumes' contents with their pages, and the timeline naming who attached the photo.
        await page.ClickAsync("#case-file-link");
        await page.WaitForURLAsync($"**/cases/{DecidedCase}/file");
        await Assertions.Expect(page.Locator("#toc-main tbody tr").First).ToHaveAttributeAsync("data-pages", "1");
        await Assertions.Expect(page.Locator("#case-file-timeline li[data-kind='evidence']", new() { HasText = "货架上的过期冻肉标签" })).ToContainTextAsync(sha[..12]);
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= Phone, "the case file is wider than the phone");
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
    }

    [Fact]
    public async Task AHead_EditsTheDecisionsTemplate_AFaultIsShownOnItsField_AndWhatWasTypedIsKept()
    {
        var page = await Axe.NewPageAsync(app, 1280, 900);
        await BrowserApp.SignInAsync(page, "yp.market.head", DemoData.DemoPassword);
        await page.GotoAsync("/documents");
        await Assertions.Expect(page.Locator("#document-words")).ToContainTextAsync("原市监罚");
        await page.ClickAsync("#document-templates tr[data-kind='PenaltyDecision'] a");
        await page.WaitForURLAsync("**/templates/PenaltyDecision");
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        var typed = (await page.InputValueAsync("#template-text")).Replace("{{裁量说明}}", "（略）", StringComparison.Ordinal);
        await page.FillAsync("#template-text", typed);
        await page.ClickAsync("#template-submit");
        // CLJZ-EXPLAIN: the decision must carry the benchmark's explanation; the text typed stays in the box.
        await Assertions.Expect(page.Locator("#template-form .invalid-feedback[data-field='text']")).ToContainTextAsync("{{裁量说明}}");
        Assert.Equal(typed, await page.InputValueAsync("#template-text"));
        await Assertions.Expect(page.Locator("#template-history")).Not.ToContainTextAsync("1");
    }
}
