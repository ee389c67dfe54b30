using System.Collections.Concurrent;
using Microsoft.Playwright;
using Zhifa.Core.Demo;

namespace Zhifa.BrowserTests;

/// <summary>The pages run under the Content-Security-Policy: nothing refused, and what moved into site.js and charts.js still works.</summary>
public class ContentSecurityPolicyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly string[] BackOfficePages =
    [
        "/", "/organizations", $"/organizations/{DemoData.Ids.Yuanping}", $"/organizations/{DemoData.Ids.Yuanping}/edit",
        "/personnel/officers", "/personnel/officers/new", "/personnel/certificates", "/personnel/exams", "/personnel/training",
        "/personnel/compliance", $"/personnel/settings?region={DemoData.Ids.Yuanping}",
        "/catalogue", "/catalogue/cleanup", "/catalogue/review", "/benchmarks", "/benchmarks/new", "/lists", "/discretion/calculator",
        "/admin/users", "/admin/users/new", "/admin/roles", "/audit", "/audit/logins", "/account/profile",
        "/api-docs/index.html",
    ];

    private static readonly string[] PublicPages =
        ["/public", "/public/catalogue", "/public/benchmarks", "/public/lists", "/public/verify", "/public/verify?number=140981", "/account/login"];

    [Fact]
    public async Task BackOfficePages_RunWithoutAnyRefusal()
    {
        var page = await app.SignedInPageAsync("admin");
        var refusals = Watch(page);
        foreach (var url in BackOfficePages)
            await VisitAsync(page, url);
        // Swagger UI builds its page from the API description with its own scripts.
        await page.GotoAsync("/api-docs/index.html");
        await page.Locator(".swagger-ui .opblock").First.WaitForAsync();
        Assert.True(refusals.IsEmpty, string.Join("\n", refusals));
    }

    [Fact]
    public async Task PublicPages_RunWithoutAnyRefusal()
    {
        var page = await app.NewPageAsync();
        var refusals = Watch(page);
        foreach (var url in PublicPages)
            await VisitAsync(page, url);
        Assert.True(refusals.IsEmpty, string.Join("\n", refusals));
    }

    [Fact]
    public async Task MovedBehaviour_StillWorks_AutosubmitHtmxAndTheChart()
    {
        var page = await app.SignedInPageAsync("admin");
        var refusals = Watch(page);

        // <select data-autosubmit> (was onchange="this.form.submit()"): choosing a region loads its settings.
        await page.GotoAsync($"/personnel/settings?region={DemoData.Ids.Yuanping}");
        await page.SelectOptionAsync("#region", DemoData.Ids.Xinzhou.ToString());
        await page.WaitForURLAsync($"**/personnel/settings?region={DemoData.Ids.Xinzhou}");
        Assert.Equal(DemoData.Ids.Xinzhou.ToString(), await page.InputValueAsync("#region"));

        // An htmx partial update: the organisation list filters as one types, without loading the page again.
        await page.GotoAsync("/organizations");
        await page.EvaluateAsync("() => window.zfSamePage = true");
        await page.FillAsync("#q", "交通运输");
        await page.WaitForURLAsync("**/organizations?*q=*");
        await Assertions.Expect(page.Locator("#org-results")).ToContainTextAsync("原平市交通运输局");
        await Assertions.Expect(page.Locator("#org-results")).Not.ToContainTextAsync("原平市市场监督管理局");
        Assert.True(await page.EvaluateAsync<bool>("() => window.zfSamePage === true"), "the list was swapped in, not loaded as a new page");
        // htmx was told to add no <style> of its own.
        Assert.Equal(0, await page.Locator("head style").CountAsync());

        // The training-compliance chart draws, and its tooltip (drawn on the canvas) shows on hover.
        await page.GotoAsync("/personnel/compliance");
        var canvas = page.Locator("#rotation-chart canvas").First;
        await canvas.WaitForAsync();
        var box = await canvas.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Height >= 250, $"the chart is {box.Height}px high (its height comes from site.css)");
        await page.Mouse.MoveAsync(box.X + (box.Width / 2), box.Y + (box.Height / 2));
        await page.WaitForTimeoutAsync(500);
        Assert.True(refusals.IsEmpty, string.Join("\n", refusals));
    }

    private static async Task VisitAsync(IPage page, string url)
    {
        var response = await page.GotoAsync(url);
        Assert.True(response is { Ok: true }, $"{url} answered {response?.Status}");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    /// <summary>Collects what the browser reports about the policy: refusals on the console and script errors.</summary>
    private static ConcurrentQueue<string> Watch(IPage page)
    {
        var refusals = new ConcurrentQueue<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)
                || message.Text.Contains("Content-Security-Policy", StringComparison.OrdinalIgnoreCase))
                refusals.Enqueue($"{page.Url}: {message.Type}: {message.Text}");
        };
        page.PageError += (_, error) => refusals.Enqueue($"{page.Url}: page error: {error}");
        return refusals;
    }
}
