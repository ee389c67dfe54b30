using System.Net;
using System.Text.RegularExpressions;
using Zhifa.Tests.Infrastructure;

namespace Zhifa.Tests.Web;

public abstract partial class ShellTests(ZhifaApp app)
{
    private readonly HttpClient _client = app.ApiAs("admin");

    [Fact]
    public async Task Shell_IsChineseByDefault_EvenWhenTheBrowserAsksForEnglish()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.AcceptLanguage.ParseAdd("en-US");
        var html = await (await _client.SendAsync(request)).Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"zh-CN\"", html, StringComparison.Ordinal);
        Assert.Contains("工作台", html, StringComparison.Ordinal);
        Assert.Contains("组织机构", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#x", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LanguageSwitch_RemembersEnglish_AndReturnsToThePage()
    {
        var switched = await _client.GetAsync("/culture?c=en&r=%2Forganizations");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/organizations", switched.Headers.Location?.OriginalString);
        var cookie = switched.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/organizations");
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        var html = await (await _client.SendAsync(request)).Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"en\"", html, StringComparison.Ordinal);
        Assert.Contains("Organisation tree", html, StringComparison.Ordinal);
        Assert.Contains("原平市", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LanguageSwitch_NeverRedirectsOffSite()
    {
        var response = await _client.GetAsync("/culture?c=en&r=%2F%2Fevil.example");
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task EveryNavigationLink_Answers200()
    {
        var html = await _client.GetStringAsync("/");
        var nav = html[html.IndexOf("class=\"zf-nav\"", StringComparison.Ordinal)..html.IndexOf("</nav>", html.IndexOf("class=\"zf-nav\"", StringComparison.Ordinal), StringComparison.Ordinal)];
        var links = HrefPattern().Matches(nav).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.True(links.Count >= 3, string.Join(", ", links));
        foreach (var link in links)
        {
            var response = await _client.GetAsync(link);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{link} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Pages_Render()
    {
        foreach (var url in new[] { "/organizations", $"/organizations/{TestData.Yuanping}", $"/organizations/{TestData.Yuanping}/edit",
            $"/organizations/{TestData.Yuanping}/move", $"/organizations/new/Body?parentId={TestData.Yuanping}", "/organizations/new/Region", "/organizations/new/Unit",
            $"/organizations?under={TestData.Yuanping}&kind=Body&q=%E5%B8%82",
            "/personnel/officers", "/personnel/officers/new", $"/personnel/officers/{PersonnelFlow.DemoOfficer("张伟")}", $"/personnel/officers/{PersonnelFlow.DemoOfficer("陈静")}",
            "/personnel/certificates?status=Suspended", $"/personnel/certificates/{PersonnelFlow.DemoCertificate("孙浩")}",
            "/personnel/exams", $"/personnel/exams/{Zhifa.Core.Common.DeterministicGuid.From("personnel:exam:new")}",
            "/personnel/training", $"/personnel/training/sessions/{Zhifa.Core.Common.DeterministicGuid.From("personnel:session:year-food")}",
            "/personnel/compliance", $"/personnel/settings?region={TestData.Yuanping}", "/public/verify?number=140981", "/admin/users", "/admin/roles", "/audit", "/audit/logins", "/account/profile" })
        {
            var response = await _client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    [Fact]
    public async Task OrganisationList_FiltersAreKeptInTheUrlAndApplied()
    {
        var html = await _client.GetStringAsync($"/organizations?kind=Body&sector=Transport");
        Assert.Contains("原平市交通运输局", html, StringComparison.Ordinal);
        var table = html[html.IndexOf("id=\"org-table\"", StringComparison.Ordinal)..];
        Assert.DoesNotContain("原平市市场监督管理局<", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheOrganisationApi()
    {
        var json = await _client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("\"/api/v1/organizations/bodies\"", json, StringComparison.Ordinal);
        Assert.Contains("\"/api/v1/organizations/{id}/move\"", json, StringComparison.Ordinal);
        var ui = await _client.GetAsync("/api-docs/index.html");
        Assert.Equal(HttpStatusCode.OK, ui.StatusCode);
    }

    [Fact]
    public async Task Health_LiveAndReady()
    {
        Assert.Equal("Healthy", await _client.GetStringAsync("/health/live"));
        Assert.Equal("Healthy", await _client.GetStringAsync("/health/ready"));
    }

    [GeneratedRegex("href=\"(/[^\"]*)\"")]
    private static partial Regex HrefPattern();
}

public sealed class ShellTests_Sqlite(SqliteApp fixture) : ShellTests(fixture.App), IClassFixture<SqliteApp>;

public sealed class ShellTests_Postgres(PostgresApp fixture) : ShellTests(fixture.App), IClassFixture<PostgresApp>;

public class ReadinessTests
{
    [Fact]
    public async Task Ready_Is503_WhenTheDatabaseIsUnreachable()
    {
        using var app = new ZhifaApp(TestDatabases.Postgres, new Dictionary<string, string?>
        {
            ["ConnectionStrings:Zhifa"] = "Host=127.0.0.1;Port=1;Database=none;Timeout=2",
            ["Zhifa:Database:MigrateOnStartup"] = "false",
        });
        var client = app.Api();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
    }
}
