namespace Zhifa.BrowserTests;

public class WorkbenchTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Officer_SeesTheirCertificateAndTraining_Supervisor_SeesWhatWaitsForReview()
    {
        var officer = await app.SignedInPageAsync("yp.market.officer");
        await officer.GotoAsync("/");
        Assert.Contains("有效期至", await officer.InnerTextAsync("#my-certificate"), StringComparison.Ordinal);
        await officer.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotDir, "workbench-officer.png"), FullPage = true });

        var supervisor = await app.SignedInPageAsync("yp.supervisor");
        await supervisor.GotoAsync("/");
        await supervisor.ClickAsync("[data-todo=review_items]");
        await supervisor.WaitForURLAsync("**/catalogue/review");
        Assert.Contains("140981CF01005", await supervisor.ContentAsync(), StringComparison.Ordinal);
        await supervisor.GotoAsync("/");
        await supervisor.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotDir, "workbench-supervisor.png"), FullPage = true });
    }
}
