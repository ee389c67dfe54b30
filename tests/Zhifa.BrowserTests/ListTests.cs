using Microsoft.Playwright;
using Zhifa.Web.Common;

namespace Zhifa.BrowserTests;

/// <summary>A list as people work with it: filtered, sorted, paged, exported — and the file holds exactly what the list shows.</summary>
public class ListTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static async Task<List<string>> NamesOnPageAsync(IPage page) =>
        [.. (await page.Locator("#officer-table tbody tr td:first-child a").AllInnerTextsAsync()).Select(n => n.Trim())];

    [Fact]
    public async Task OfficerList_FilteredSortedPagedAndExported_TheFileHoldsExactlyTheFilteredRowsInTheirOrder()
    {
        var page = await app.SignedInPageAsync("admin");
        // A shared link with a small page, so that the province's demo officers take several pages.
        await page.GotoAsync("/personnel/officers?size=5");
        var everyone = int.Parse(await page.Locator(".zf-pager-total").GetAttributeAsync("data-total") ?? "0", System.Globalization.CultureInfo.InvariantCulture);

        // Filter: in post only (陈静 resigned in the demo). The list updates in place and the URL keeps the filter.
        await page.SelectOptionAsync("#status", "Active");
        await page.WaitForURLAsync("**status=Active**");
        // Sort by training hours, then by name — which the list was in already (the default), so the other way.
        await page.ClickAsync("th a.zf-sort:has-text('学时')");
        await page.WaitForURLAsync("**sort=training**");
        Assert.Equal("ascending", await page.Locator("th[aria-sort]:has(a:has-text('学时'))").GetAttributeAsync("aria-sort"));
        await page.ClickAsync("th a.zf-sort:has-text('姓名')");
        await page.WaitForURLAsync("**sort=name**");
        await page.ClickAsync("th a.zf-sort:has-text('姓名')");
        await page.WaitForURLAsync("**sort=-name**");
        Assert.Equal("descending", await page.Locator("th[aria-sort]:has(a:has-text('姓名'))").GetAttributeAsync("aria-sort"));

        var total = int.Parse(await page.Locator(".zf-pager-total").GetAttributeAsync("data-total") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(total, 6, everyone - 1);
        var shown = new List<string>();
        for (var n = 1; n <= (total + 4) / 5; n++)
        {
            if (n > 1)
            {
                await page.ClickAsync($".zf-pager .page-link:text-is('{n}')");
                await page.WaitForURLAsync($"**page={n}**");
            }
            var names = await NamesOnPageAsync(page);
            Assert.InRange(names.Count, 1, 5);
            Assert.All(await page.Locator("#officer-table tbody tr td:nth-child(4)").AllInnerTextsAsync(), t => Assert.Equal("在岗", t.Trim()));
            shown.AddRange(names);
        }
        Assert.Equal(total, shown.Count);
        Assert.Equal(shown.Distinct().Count(), shown.Count);
        Assert.Equal(shown.OrderByDescending(n => n, StringComparer.Ordinal), shown);
        Assert.DoesNotContain("陈静", shown);

        // The export on the last page is still the whole filtered list, in the list's order.
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#officers-export"));
        await using var file = File.OpenRead(await download.PathAsync());
        var rows = Xlsx.Read(file)!;
        Assert.Equal(shown, rows.Select(r => r.Get("姓名")));
    }
}
