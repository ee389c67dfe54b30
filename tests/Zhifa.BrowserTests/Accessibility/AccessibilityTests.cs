using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Core.Common;
using Zhifa.Core.Data;
using Zhifa.Core.Demo;
using Zhifa.Core.Personnel;

namespace Zhifa.BrowserTests.Accessibility;

/// <summary>信息无障碍 (GB/T 37668): axe-core finds no serious or critical violation on the public site and the main back-office pages.</summary>
public class AccessibilityTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly string[] BackOfficePages =
    [
        "/", "/organizations", $"/organizations/{DemoData.Ids.Yuanping}", "/admin/users", "/admin/users/new",
        "/personnel/officers", "/personnel/officers/new", "/personnel/certificates", "/personnel/compliance",
        "/catalogue", "/benchmarks", "/discretion/calculator", "/audit", "/inspections", "/inspections/plans", "/inspections/enterprises",
    ];

    [Fact]
    public async Task PublicSite_HasNoSeriousOrCriticalViolation()
    {
        var number = await app.CertificateNumberAsync("张伟");
        var page = await Axe.NewPageAsync(app);
        var urls = new List<string> { "/public", "/public/catalogue", "/public/benchmarks", "/public/lists", "/public/verify", $"/public/verify?number={number}", "/public/verify?number=NO-SUCH",
            "/public/inspections", "/public/inspections/code", "/public/inspections/code/NOSUCH23", "/public/inspections/registries" };
        await page.GotoAsync("/public/catalogue");
        var item = await page.Locator("main a[href^='/public/catalogue/']").First.GetAttributeAsync("href");
        if (item is not null)
            urls.Add(item);
        await page.GotoAsync("/public/benchmarks");
        var benchmark = await page.Locator("main a[href^='/public/benchmarks/']").First.GetAttributeAsync("href");
        if (benchmark is not null)
            urls.Add(benchmark);

        await page.GotoAsync("/public/inspections");
        var draw = await page.Locator("main a[href^='/public/inspections/draws/']").First.GetAttributeAsync("href");
        Assert.NotNull(draw);
        urls.Add(draw);

        var found = await Axe.CheckAsync(page, urls);
        Assert.True(found.Count == 0, "axe-core:\n" + string.Join("\n", found));
    }

    [Fact]
    public async Task SignIn_AndTheMainBackOfficePages_HaveNoSeriousOrCriticalViolation()
    {
        var page = await Axe.NewPageAsync(app);
        var found = await Axe.CheckAsync(page, ["/account/login"]);
        await BrowserApp.SignInAsync(page, "admin", DemoData.DemoPassword);
        found.AddRange(await Axe.CheckAsync(page, BackOfficePages));
        Assert.True(found.Count == 0, "axe-core:\n" + string.Join("\n", found));
    }

    [Fact]
    public async Task PagesInEnglish_HaveNoSeriousOrCriticalViolation()
    {
        var page = await Axe.NewPageAsync(app);
        await page.GotoAsync("/public");
        await page.ClickAsync("a[lang=en]");
        await Microsoft.Playwright.Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        var found = await Axe.CheckAsync(page, ["/public", "/public/verify", "/public/inspections", "/public/inspections/registries", "/account/login"]);
        await BrowserApp.SignInAsync(page, "yp.supervisor", DemoData.DemoPassword);
        found.AddRange(await Axe.CheckAsync(page, ["/", "/personnel/compliance", "/personnel/certificates", "/inspections/supervision", "/inspections/plans"]));
        Assert.True(found.Count == 0, "axe-core:\n" + string.Join("\n", found));
    }

    [Fact]
    public async Task Keyboard_SkipLinkIsTheFirstStop_AndLeadsToTheMainContent()
    {
        var page = await Axe.NewPageAsync(app);
        // The sign-in page puts the focus in the user name field, so it is left out.
        foreach (var url in new[] { "/public/verify", "/public/catalogue", "/personnel/compliance" })
        {
            if (url == "/personnel/compliance")
                await BrowserApp.SignInAsync(page, "yp.supervisor", DemoData.DemoPassword);
            await page.GotoAsync(url);
            await page.Keyboard.PressAsync("Tab");
            Assert.Equal("zf-skip-link", await page.EvaluateAsync<string>("() => document.activeElement.classList.contains('zf-skip-link') ? 'zf-skip-link' : document.activeElement.outerHTML"));
            // Visible once focused, with a focus outline.
            Assert.True(await page.Locator(".zf-skip-link").IsVisibleAsync());
            await page.Keyboard.PressAsync("Enter");
            // The same page, at its main content, which now has the focus.
            Assert.Equal(app.BaseUrl + url + "#main", page.Url);
            Assert.Equal("main", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        }
    }
}
