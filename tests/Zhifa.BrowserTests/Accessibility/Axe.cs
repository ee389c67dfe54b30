using System.Text.Json;
using Microsoft.Playwright;

namespace Zhifa.BrowserTests.Accessibility;

/// <summary>
/// axe-core (vendored in Accessibility/axe, see its README) run inside a page. The app's Content-Security-Policy refuses
/// scripts it did not serve, so the contexts these tests open bypass it: only the test's own script is let in.
/// </summary>
internal static class Axe
{
    private static readonly string ScriptPath = Path.Combine(AppContext.BaseDirectory, "Accessibility", "axe", "axe.min.js");

    /// <summary>A context that lets the test inject axe-core, at the given viewport width (a desk by default).</summary>
    public static async Task<IPage> NewPageAsync(BrowserApp app, int width = 1366, int height = 860)
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl,
            Locale = "en-US",
            ViewportSize = new() { Width = width, Height = height },
            BypassCSP = true,
        });
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(45_000);
        return await context.NewPageAsync();
    }

    /// <summary>The serious and critical violations on the page as it is now, one line each: id, impact, help, targets.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
            await page.AddScriptTagAsync(new() { Path = ScriptPath });
        var json = await page.EvaluateAsync<string>("""
            async () => {
                const r = await axe.run(document, { resultTypes: ['violations'] });
                return JSON.stringify(r.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target.join(' ')) })));
            }
            """);
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.EnumerateArray().Select(v =>
        {
            var targets = v.GetProperty("targets").EnumerateArray().Select(t => t.GetString()).ToList();
            return $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()} — "
                + string.Join(" | ", targets.Take(8)) + (targets.Count > 8 ? $" … and {targets.Count - 8} more" : "");
        }).ToList();
    }

    /// <summary>Fails the test with the page's address and each serious or critical violation on it as it is now.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        var found = await SeriousViolationsAsync(page);
        Assert.True(found.Count == 0, page.Url + ": " + string.Join("\n", found));
    }

    /// <summary>Visits each address and collects every serious or critical violation, prefixed with the address.</summary>
    public static async Task<List<string>> CheckAsync(IPage page, IEnumerable<string> urls)
    {
        var found = new List<string>();
        foreach (var url in urls)
        {
            var response = await page.GotoAsync(url);
            Assert.True(response is { Ok: true }, $"{url} answered {response?.Status}");
            foreach (var v in await SeriousViolationsAsync(page))
                found.Add($"{url}: {v}");
        }
        return found;
    }
}
