using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Zhifa.Tests.Infrastructure;
using Zhifa.Web.Common;
using static Zhifa.Tests.Catalogue.CatalogueApi;

namespace Zhifa.Tests.Catalogue;

/// <summary>The catalogue's pages as the browser gets them: rendered on the server, forms posted with their antiforgery token.</summary>
public abstract partial class CataloguePageTests(ZhifaApp app)
{
    private async Task<string> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {html[..Math.Min(300, html.Length)]}");
        return WebUtility.HtmlDecode(html);
    }

    [Fact]
    public async Task BackOfficePages_Render_WithTheDemoCatalogue()
    {
        var supervisor = app.ApiAs("yp.supervisor");
        Assert.Contains("140981CF01001", await PageAsync(supervisor, "/catalogue?kind=Penalty"), StringComparison.Ordinal);
        Assert.Contains("第一百二十六条", await PageAsync(supervisor, $"/catalogue/{Food126}"), StringComparison.Ordinal);
        Assert.Contains("140981CF01005", await PageAsync(supervisor, "/catalogue/review"), StringComparison.Ordinal);
        var cleanup = await PageAsync(supervisor, "/catalogue/cleanup");
        Assert.Contains("140981CF09001", cleanup, StringComparison.Ordinal);
        Assert.Contains("赋权评估逾期", cleanup, StringComparison.Ordinal);
        Assert.Contains("忻州市生态环境局原平分局行政处罚裁量基准实施细则", await PageAsync(supervisor, "/benchmarks"), StringComparison.Ordinal);
        var benchmark = await PageAsync(supervisor, $"/benchmarks/{Benchmark("market-126")}");
        Assert.Contains("18,500", benchmark, StringComparison.Ordinal);
        Assert.Contains("从重处罚", benchmark, StringComparison.Ordinal);
        Assert.Contains("初次违法且危害后果轻微并及时改正的", await PageAsync(supervisor, $"/lists?bodyId={Market}"), StringComparison.Ordinal);
        Assert.Contains("食品安全", await PageAsync(app.ApiAs("yp.market.head"), "/catalogue/new"), StringComparison.Ordinal);
        Assert.Contains("id=\"minAmount\"", await PageAsync(app.ApiAs("yp.market.head"), $"/benchmarks/new?itemId={Food126}"), StringComparison.Ordinal);
        // A published benchmark is not edited: its editor answers not found.
        Assert.Contains("裁量基准不存在", await PageAsync(app.ApiAs("yp.market.head"), $"/benchmarks/{Benchmark("market-126")}/edit"), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "CLJZ-EXPLAIN")]
    public async Task CalculatorPage_ShowsTheTierRangeSuggestionAndExplanation_CLJZ_EXPLAIN()
    {
        var officer = app.ApiAs("yp.market.officer");
        var html = await PageAsync(officer, $"/discretion/calculator?itemId={Food126}&c=ActivelyReducedHarm");
        Assert.Contains("11,750", html, StringComparison.Ordinal);
        Assert.Contains("5,000 至 18,500 元", html, StringComparison.Ordinal);
        Assert.Contains("依据《原平市市场监督管理局行政处罚裁量基准（食品安全）》第4档（从轻处罚）的规定", html, StringComparison.Ordinal);

        var checkedHtml = await PageAsync(officer, $"/discretion/calculator?itemId={Food126}&k=Fine&amount=36500&check=1");
        Assert.Contains("CLJZ-DEVIATE", checkedHtml, StringComparison.Ordinal);
        var negative = await PageAsync(app.ApiAs("yp.transport.officer"), $"/discretion/calculator?itemId={Road63}&bodyId={Transport}&gain=-5");
        Assert.Contains("data-field=\"illegalGain\"", negative, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ItemForm_CreatesADraft_KeepsTypedValuesOnError_AndTheItemGoesThroughReviewOnItsPage()
    {
        var head = await Forms.SignInWithCookieAsync(app, "yp.market.head");
        var code = Code();
        var fields = new Dictionary<string, string>
        {
            ["code"] = code, ["ownerId"] = Market.ToString(), ["name"] = "页面新增的执法事项", ["kind"] = "Penalty", ["settingLevel"] = "County",
            ["bases[0].lawName"] = "中华人民共和国食品安全法", ["bases[0].article"] = "", ["bases[0].clause"] = "", ["bases[0].text"] = "条文",
            ["bodyIds"] = Market.ToString(), ["action"] = "save",
        };
        var refused = await Forms.SubmitAsync(head, "/catalogue/new", "item-form", fields);
        var refusedHtml = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("data-field=\"bases\"", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"页面新增的执法事项\"", refusedHtml, StringComparison.Ordinal);

        fields["bases[0].article"] = "第一百二十六条";
        var created = await Forms.SubmitAsync(head, "/catalogue/new", "item-form", fields);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var itemUrl = created.Headers.Location!.OriginalString;
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.SubmitAsync(head, itemUrl, "submit", new Dictionary<string, string>())).StatusCode);

        var supervisor = await Forms.SignInWithCookieAsync(app, "yp.supervisor");
        var returned = await Forms.SubmitAsync(supervisor, itemUrl, "return", new Dictionary<string, string> { ["Comments"] = "" });
        Assert.Contains("data-field=\"comments\"", await returned.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.SubmitAsync(supervisor, itemUrl, "approve", new Dictionary<string, string>())).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.SubmitAsync(head, itemUrl, "publish", new Dictionary<string, string>())).StatusCode);
        Assert.Contains("已公布", WebUtility.HtmlDecode(await head.GetStringAsync(itemUrl)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportPage_ListsEveryBadRow_WithItsColumn()
    {
        var head = await Forms.SignInWithCookieAsync(app, "yp.market.head");
        var page = await head.GetStringAsync("/catalogue/import");
        var token = WebUtility.HtmlDecode(TokenPattern().Match(page).Groups[1].Value);
        var sheet = Xlsx.Write("目录", ["事项编码", "事项名称", "事项类别"], [[Code(), "名称", "行政奖励"], ["", "无编码", "行政处罚"]]);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("import"), "_handler" },
            { new StringContent(Market.ToString()), "ownerId" },
            { new ByteArrayContent(sheet) { Headers = { ContentType = new MediaTypeHeaderValue(Xlsx.ContentType) } }, "file", "catalogue.xlsx" },
        };
        var response = await head.PostAsync("/catalogue/import", form);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"import-errors\"", html, StringComparison.Ordinal);
        Assert.Matches(new Regex("<td class=\"zf-amount\">2</td><td>事项类别</td>"), html);
        Assert.Matches(new Regex("<td class=\"zf-amount\">3</td><td>事项编码</td>"), html);
    }

    [Fact]
    public async Task PublicPages_AnswerWithoutSignIn_AndSayWhenPublished()
    {
        var anonymous = app.Api();
        Assert.Contains("140981CF01001", await PageAsync(anonymous, "/public/catalogue?q=" + Uri.EscapeDataString("食品")), StringComparison.Ordinal);
        var item = await PageAsync(anonymous, $"/public/catalogue/{Food126}");
        Assert.Contains("公布", item, StringComparison.Ordinal);
        var benchmark = await PageAsync(anonymous, $"/public/benchmarks/{Benchmark("ecology-99-yuanping")}");
        Assert.Contains("忻州市生态环境行政处罚自由裁量基准", benchmark, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"于 \d{4}-\d{2}-\d{2} 公布"), benchmark);
        Assert.Contains("不予处罚事项清单", await PageAsync(anonymous, $"/public/lists?bodyId={Market}"), StringComparison.Ordinal);
        Assert.DoesNotContain("140981CF01004", await PageAsync(anonymous, "/public/catalogue?pageSize=500"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/catalogue")).StatusCode);
    }

    [Fact]
    public async Task Pages_AreCompleteInEnglish()
    {
        var client = app.ApiAs("yp.supervisor");
        var switched = await client.GetAsync("/culture?c=en&r=%2Fcatalogue");
        var cookie = switched.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal)).Split(';')[0];
        foreach (var (url, text) in new[] { ("/catalogue", "Enforcement catalogue"), ($"/benchmarks/{Benchmark("market-126")}", "Tier 4"),
            ($"/discretion/calculator?bodyId={Market}&itemId={Food126}&c=ActivelyReducedHarm", "Suggested fine"), ("/public/lists", "Edition 1") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add("Cookie", cookie);
            var html = WebUtility.HtmlDecode(await (await client.SendAsync(request)).Content.ReadAsStringAsync());
            Assert.Contains(text, html, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

public sealed class CataloguePageTests_Sqlite(SqliteApp fixture) : CataloguePageTests(fixture.App), IClassFixture<SqliteApp>;

public sealed class CataloguePageTests_Postgres(PostgresApp fixture) : CataloguePageTests(fixture.App), IClassFixture<PostgresApp>;
