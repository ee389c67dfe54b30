using System.Net;
using System.Text.RegularExpressions;
using Zhifa.Tests.Infrastructure;

namespace Zhifa.Tests.Web;

/// <summary>Every response carries the browser's safety catches: pages, API, static files, errors and redirects.</summary>
public abstract partial class SecurityHeadersTests(ZhifaApp app)
{
    // Written out by hand: a change to the policy has to change this test too.
    private const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private const string ApiDocsPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='; img-src 'self' data:; "
        + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static void AssertSafetyCatches(HttpResponseMessage response, string policy = PagePolicy)
    {
        var what = $"{response.RequestMessage?.RequestUri?.PathAndQuery} ({(int)response.StatusCode})";
        Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var csp), $"{what}: no Content-Security-Policy");
        Assert.Equal([policy], csp);
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        Assert.Equal(["strict-origin-when-cross-origin"], response.Headers.GetValues("Referrer-Policy"));
        // One value: the antiforgery's own SAMEORIGIN on pages with a form is not added beside it.
        Assert.Equal(["DENY"], response.Headers.GetValues("X-Frame-Options"));
        // Strict-Transport-Security is for production only (ReverseProxyTests).
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), $"{what}: HSTS outside production");
    }

    [Fact]
    public async Task PublicPage_CarriesTheHeaders()
    {
        var response = await app.Api().GetAsync("/public");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertSafetyCatches(response);
    }

    [Fact]
    public async Task BackOfficePages_CarryTheHeaders_AlsoThoseWithAnAntiforgeryToken()
    {
        var admin = await Forms.SignInWithCookieAsync(app, "admin");
        foreach (var url in new[] { "/", "/organizations", $"/organizations/{TestData.Yuanping}/edit", "/admin/users/new" })
        {
            var response = await admin.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            AssertSafetyCatches(response);
        }
        var login = await app.Api().GetAsync("/account/login");
        Assert.Contains("__RequestVerificationToken", await login.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        AssertSafetyCatches(login);
    }

    [Fact]
    public async Task ApiAnswers_CarryTheHeaders_SuccessProblemAndRefusal()
    {
        var admin = app.ApiAs("admin");
        var ok = await admin.GetAsync("/api/v1/auth/me");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        AssertSafetyCatches(ok);

        var missing = await admin.GetAsync($"/api/v1/organizations/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        AssertSafetyCatches(missing);

        var anonymous = await app.Api().GetAsync("/api/v1/auth/me");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        AssertSafetyCatches(anonymous);
    }

    [Fact]
    public async Task StaticFilesAndRedirects_CarryTheHeaders()
    {
        var client = app.Api();
        foreach (var url in new[] { "/css/site.css", "/js/site.js", "/lib/htmx/htmx.min.js" })
        {
            var file = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            AssertSafetyCatches(file);
        }
        var redirect = await client.GetAsync("/organizations");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Contains("/account/login?ReturnUrl=", redirect.Headers.Location?.OriginalString, StringComparison.Ordinal);
        AssertSafetyCatches(redirect);
    }

    [Fact]
    public async Task MissingStaticFile_Is404_NeverARedirectToSignIn()
    {
        var client = app.Api();
        foreach (var url in new[] { "/css/missing.css", "/js/missing.js", "/lib/htmx/missing.js", "/lib/nothing/here.png", "/favicon.ico" })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url} answered {(int)response.StatusCode} {response.Headers.Location}");
            AssertSafetyCatches(response);
        }
        // A page that is not there still sends an anonymous visitor to sign in first.
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/cssx/missing.css")).StatusCode);
    }

    [Fact]
    public async Task ApiDocs_HaveTheirOwnPolicy_WithOnlyTheLogoStyleAllowed()
    {
        var docs = await app.ApiAs("admin").GetAsync("/api-docs/index.html");
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        var html = await docs.Content.ReadAsStringAsync();
        // Swashbuckle's page loads its set-up from a file: no inline script needs an exception.
        Assert.Contains("<script src=\"index.js\"", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(InlineScript(), html);
        AssertSafetyCatches(docs, ApiDocsPolicy);
        AssertSafetyCatches(await app.ApiAs("admin").GetAsync("/api-docs/index.js"), ApiDocsPolicy);
    }

    [Fact]
    public async Task Pages_ConfigureHtmx_ToAddNoStyleAndEvaluateNothing()
    {
        var html = await app.Api().GetStringAsync("/public");
        Assert.Contains("<meta name=\"htmx-config\" content='{\"includeIndicatorStyles\":false,\"allowEval\":false}'", html, StringComparison.Ordinal);
        Assert.Contains("<script src=\"js/site.js\"></script>", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(InlineScript(), html);
    }

    /// <summary>A script element without a <c>src</c> (other than a JSON data block, which is never run).</summary>
    [GeneratedRegex("<script(?![^>]*\\ssrc=)(?![^>]*type=\"application/json\")[^>]*>", RegexOptions.IgnoreCase)]
    internal static partial Regex InlineScript();
}

public sealed class SecurityHeadersTests_Sqlite(SqliteApp fixture) : SecurityHeadersTests(fixture.App), IClassFixture<SqliteApp>;

public sealed class SecurityHeadersTests_Postgres(PostgresApp fixture) : SecurityHeadersTests(fixture.App), IClassFixture<PostgresApp>;

/// <summary>
/// The shipped pages need nothing the Content-Security-Policy refuses: no inline script, no <c>on…=</c> handler, no
/// <c>javascript:</c> link, no style attribute, and no htmx feature that evaluates a string (hx-on, <c>js:</c> values,
/// trigger filters in brackets). Behaviour lives in <c>wwwroot/js</c>.
/// </summary>
public partial class ContentSecurityPolicySourceTests
{
    private static readonly string Root = FindRoot();

    [Fact]
    public void NoShippedPage_NeedsInlineScriptOrStyle()
    {
        var pages = Directory.EnumerateFiles(Path.Combine(Root, "src", "Zhifa.Web"), "*.razor", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToDictionary(f => Path.GetRelativePath(Root, f).Replace('\\', '/'), File.ReadAllText);
        var violations = pages.SelectMany(p => Scan(p.Value).Select(v => $"{p.Key}: {v.Kind}: {v.Found}")).ToList();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
        // The scan looked at the pages: there are many, and some load external scripts or ask for behaviour by data attribute.
        Assert.True(pages.Count > 40, $"{pages.Count} .razor files");
        Assert.Contains(pages.Values, p => p.Contains("<script src=", StringComparison.Ordinal));
        Assert.Contains(pages.Values, p => p.Contains("data-autosubmit", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "inline script")]
    [InlineData("<script type=\"text/javascript\">\n go();\n</script>", "inline script")]
    [InlineData("<script src=\"js/a.js\">go();</script>", "inline script")]
    [InlineData("<select id=\"x\" onchange=\"this.form.submit()\">", "event handler attribute")]
    [InlineData("<button class=\"btn\"\n        onclick='return confirm(\"?\")'>", "event handler attribute")]
    [InlineData("<form ONSUBMIT=\"go()\">", "event handler attribute")]
    [InlineData("<a href=\"javascript:void(0)\">", "javascript: URL")]
    [InlineData("<div style=\"height: 260px\">", "style attribute")]
    [InlineData("<style>.x { color: red }</style>", "style element")]
    [InlineData("<button hx-on:click=\"go()\">", "htmx evaluation")]
    [InlineData("<button hx-on::after-request=\"go()\">", "htmx evaluation")]
    [InlineData("<div hx-vals='js:{a: b()}'>", "htmx evaluation")]
    [InlineData("<input hx-trigger=\"keyup[key=='Enter']\">", "htmx evaluation")]
    public void TheScan_FindsWhatThePolicyRefuses(string markup, string kind)
    {
        Assert.Contains(Scan(markup), v => v.Kind == kind);
    }

    [Theory]
    [InlineData("<script src=\"lib/htmx/htmx.min.js\"></script>")]
    [InlineData("<script type=\"application/json\" id=\"chart-data\">[1,2]</script>")]
    [InlineData("<form method=\"post\" @formname=\"login\" @onsubmit=\"SignInAsync\">")]
    [InlineData("<StatusTag Text=\"@L[\"x\"]\" Tone=\"grey\" /><OfficerPicker Options=\"_o\" />")]
    [InlineData("<select data-autosubmit hx-trigger=\"submit, input changed delay:400ms from:#q, change from:select\">")]
    [InlineData("<td class=\"zf-min-w-14\">")]
    [InlineData("<EditForm Model=\"Form\" FormName=\"org-form\" OnSubmit=\"SaveAsync\" method=\"post\">")]
    public void TheScan_LetsAllowedMarkupPass(string markup)
    {
        Assert.Empty(Scan(markup));
    }

    private static IEnumerable<(string Kind, string Found)> Scan(string razor)
    {
        foreach (Match m in ScriptElement().Matches(razor))
        {
            // A JSON data block is never run; a script with src must not carry code of its own too.
            var attrs = m.Groups["attrs"].Value;
            var data = attrs.Contains("application/json", StringComparison.OrdinalIgnoreCase);
            var external = attrs.Contains("src=", StringComparison.OrdinalIgnoreCase);
            if (!data && (!external || !string.IsNullOrWhiteSpace(m.Groups["body"].Value)))
                yield return ("inline script", m.Value);
        }
        foreach (Match m in HandlerAttribute().Matches(razor))
            yield return ("event handler attribute", m.Value);
        foreach (Match m in JavascriptUrl().Matches(razor))
            yield return ("javascript: URL", m.Value);
        foreach (Match m in StyleAttribute().Matches(razor))
            yield return ("style attribute", m.Value);
        foreach (Match m in StyleElement().Matches(razor))
            yield return ("style element", m.Value);
        foreach (Match m in HtmxEvaluation().Matches(razor))
            yield return ("htmx evaluation", m.Value);
    }

    [GeneratedRegex("<script(?<attrs>[^>]*)>(?<body>.*?)</script>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ScriptElement();

    // An HTML on… attribute, in any case; Blazor's @on… handlers (run on the server) have the @, and a component's
    // parameters (EditForm's OnSubmit) are PascalCase.
    [GeneratedRegex("(?<=\\s)(?-i:(?!On[A-Z]))on[a-z]+\\s*=\\s*[\"']", RegexOptions.IgnoreCase)]
    private static partial Regex HandlerAttribute();

    [GeneratedRegex("javascript:", RegexOptions.IgnoreCase)]
    private static partial Regex JavascriptUrl();

    [GeneratedRegex("(?<=\\s)style\\s*=\\s*[\"']", RegexOptions.IgnoreCase)]
    private static partial Regex StyleAttribute();

    [GeneratedRegex("<style[\\s>]", RegexOptions.IgnoreCase)]
    private static partial Regex StyleElement();

    [GeneratedRegex("hx-on[:-]|hx-vals\\s*=\\s*[\"']\\s*(js|javascript):|hx-trigger\\s*=\\s*[\"'][^\"']*\\[", RegexOptions.IgnoreCase)]
    private static partial Regex HtmxEvaluation();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Zhifa.slnx")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Zhifa.slnx not found above " + AppContext.BaseDirectory);
    }
}
