using Zhifa.Core.Personnel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Core.Common;
using Zhifa.Core.Data;

namespace Zhifa.BrowserTests;

public class PersonnelTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    [Trait("Rule", "ZFRY-LEAVE")]
    public async Task PublicPage_VerifiesAValidCertificate_AndReportsACancelledOneAsInvalid()
    {
        var valid = await app.CertificateNumberAsync("张伟");
        var cancelled = await app.CertificateNumberAsync("陈静");
        var page = await app.NewPageAsync();

        await page.GotoAsync("/public/verify");
        await page.FillAsync("#number", valid);
        await page.ClickAsync("#verify");
        var result = page.Locator("#verify-result");
        await result.WaitForAsync();
        Assert.Equal("true", await result.GetAttributeAsync("data-valid"));
        Assert.Contains("该执法证有效", await result.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("张*", (await page.Locator("#holder").InnerTextAsync()).Trim());
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotDir, "public-verify-valid.png"), FullPage = true });

        await page.FillAsync("#number", cancelled);
        await page.ClickAsync("#verify");
        await page.WaitForURLAsync("**number=" + cancelled);
        Assert.Equal("false", await page.Locator("#verify-result").GetAttributeAsync("data-valid"));
        Assert.Contains("注销", await page.Locator("#verify-result").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotDir, "public-verify-cancelled.png"), FullPage = true });
    }

    [Fact]
    public async Task CertificatePage_ShowsTheQrCodeThatLeadsToThePublicPage()
    {
        var number = await app.CertificateNumberAsync("周杰");
        var page = await app.SignedInPageAsync("yp.supervisor");
        await page.GotoAsync($"/personnel/certificates/{DeterministicGuid.From("personnel:certificate:周杰")}");
        var qr = page.Locator($"img[src*='{number}/qr.png']");
        await qr.WaitForAsync();
        Assert.True(await qr.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 100"));
        await page.ClickAsync("text=公众核验页面");
        await page.WaitForURLAsync("**/public/verify?number=" + number);
        Assert.Equal("true", await page.Locator("#verify-result").GetAttributeAsync("data-valid"));
    }

    [Fact]
    public async Task Compliance_ShowsWhoIsShort_WithAChartAndTheNumbersBesideIt()
    {
        var page = await app.SignedInPageAsync("yp.supervisor");
        await page.GotoAsync("/personnel/compliance");
        await page.Locator("#rotation-chart canvas").WaitForAsync();
        var table = await page.Locator("#compliance-table").InnerTextAsync();
        Assert.Contains("王芳", table, StringComparison.Ordinal);
        Assert.Contains("郭涛", table, StringComparison.Ordinal);
        Assert.Contains("原平市市场监督管理局", await page.Locator("#rotation-table").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotDir, "training-compliance.png"), FullPage = true });
    }
}
