using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Zhifa.Core.Catalogue;
using Zhifa.Core.Common;
using Zhifa.Core.Demo;
using Zhifa.Core.Organizations;
using Zhifa.Core.Personnel.UseCases;
using Zhifa.Tests.Infrastructure;
using Zhifa.Web.Common;

namespace Zhifa.Tests.Web;

/// <summary>
/// Text that a spreadsheet would take for a formula comes out of every export inert — an inline string with Excel's
/// quote prefix in a workbook, a leading quote in CSV — checked in the raw bytes; and an exported catalogue, formula-like
/// text and all, imports again as it is into another database.
/// </summary>
public sealed partial class FormulaSafeExportTests(SqliteApp fixture) : IClassFixture<SqliteApp>
{
    private static readonly string[] Formulas = ["=HYPERLINK(\"http://evil.example\",\"点我\")", "+1", "-2", "@SUM(A1)"];

    private readonly ZhifaApp _app = fixture.App;

    [Fact]
    public async Task FormulaLikeOfficerNames_AreInertTextInTheExcelExport_AndReadBackUnchanged()
    {
        var admin = _app.ApiAs("admin");
        foreach (var name in Formulas)
        {
            var registered = await admin.PostJsonAsync("/api/v1/officers",
                new RegisterOfficerRequest(name, TestData.IdNumber(), DemoData.Ids.YuanpingMarket, null, null, false, [Sector.MarketRegulation]));
            Assert.True(registered.StatusCode == HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
        }

        var export = await (await admin.GetAsync($"/api/v1/officers/export?bodyId={DemoData.Ids.YuanpingMarket}")).Content.ReadAsByteArrayAsync();

        using (var zip = new ZipArchive(new MemoryStream(export)))
        {
            var sheet = Read(zip, "xl/worksheets/");
            Assert.DoesNotMatch("<(x:)?f[ >]", sheet);
            foreach (var name in Formulas)
            {
                var cell = Regex.Match(sheet, $"""<x:c r="A\d+"( s="\d+")? t="inlineStr"><x:is><x:t xml:space="preserve">{Regex.Escape(name)}</x:t>""");
                Assert.True(cell.Success, $"no inline cell for {name}");
                Assert.Equal(" s=\"1\"", cell.Groups[1].Value);
            }
            Assert.Matches("""<x:cellXfs count="2"><x:xf [^>]*/><x:xf [^>]*quotePrefix="1"[^>]*/></x:cellXfs>""", Read(zip, "xl/styles"));
        }
        var rows = Xlsx.Read(new MemoryStream(export))!;
        Assert.All(Formulas, name => Assert.Contains(rows, r => r.Get("姓名") == name));
    }

    [Fact]
    public async Task FormulaLikeText_IsQuotedInTheCsvExports()
    {
        // A failed sign-in is logged with the user agent the client sent: text an attacker chooses.
        string[] agents = ["=HYPERLINK(\"http://evil.example\",\"click\")", "+1", "-2", "@SUM(A1)"];
        foreach (var agent in agents)
        {
            using var client = _app.Api();
            client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", agent);
            var attempt = await client.PostJsonAsync("/api/v1/auth/token", new { userName = "yp.market.officer", password = "not the password" });
            Assert.Equal(HttpStatusCode.Unauthorized, attempt.StatusCode);
        }

        var csv = await (await _app.ApiAs("admin").GetAsync("/api/v1/login-log/export?success=false&userName=yp.market.officer")).Content.ReadAsByteArrayAsync();

        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        var text = Encoding.UTF8.GetString(csv, 3, csv.Length - 3);
        Assert.Contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"\r\n", text, StringComparison.Ordinal);
        Assert.Contains(",'+1\r\n", text, StringComparison.Ordinal);
        Assert.Contains(",'-2\r\n", text, StringComparison.Ordinal);
        Assert.Contains(",'@SUM(A1)\r\n", text, StringComparison.Ordinal);
        // No cell of any line starts like a formula.
        Assert.DoesNotMatch(new Regex("(^|,)[=+\\-@]", RegexOptions.Multiline), text);
    }

    [Fact]
    public async Task AnExportedCatalogue_ImportsAgainAsItIs_IntoAnotherDatabase()
    {
        var head = _app.ApiAs("yp.market.head");
        var prefix = "RT" + TestData.Next().ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        string[] header = ["事项编码", "事项名称", "事项类别", "法律法规名称", "条款号", "款项", "条文内容", "实施主体", "设定层级", "赋权文件", "赋权日期", "评估期限", "生效日期"];
        var sheet = Xlsx.Write("目录", header,
        [
            [prefix + "A", "=对公式样名称的行政处罚", "行政处罚", "中华人民共和国食品安全法", "第一百二十六条", "-第一款", "@条文：违反本法规定的", "原平市市场监督管理局", "县级", "", "", "", ""],
            [prefix + "A", "", "", "中华人民共和国食品安全法", "第一百二十五条", "", "+条文", "", "", "", "", "", ""],
            [prefix + "B", "对旧目录事项的行政检查", "行政检查", "中华人民共和国食品安全法", "第一百一十条", "", "条文", "原平市市场监督管理局", "县级", "", "", "", "2020-01-01"],
        ]);
        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(head, sheet)).StatusCode);

        var export = await (await head.GetAsync($"/api/v1/catalogue/export?q={prefix}")).Content.ReadAsByteArrayAsync();
        using (var zip = new ZipArchive(new MemoryStream(export)))
            Assert.Contains("""s="1" t="inlineStr"><x:is><x:t xml:space="preserve">=对公式样名称的行政处罚</x:t>""", Read(zip, "xl/worksheets/"), StringComparison.Ordinal);

        using var other = new ZhifaApp(TestDatabases.Sqlite);
        var otherHead = other.ApiAs("yp.market.head");
        var imported = await ImportAsync(otherHead, export);
        var body = await imported.Content.ReadAsStringAsync();
        Assert.True(imported.StatusCode == HttpStatusCode.OK, body);
        var outcome = await imported.ReadAsync<ImportOutcome>();
        Assert.Equal((1, 1), (outcome.Drafts, outcome.Published));

        foreach (var code in new[] { prefix + "A", prefix + "B" })
        {
            var original = await DetailAsync(head, code);
            var copy = await DetailAsync(otherHead, code);
            Assert.Equal(original.Current.Name, copy.Current.Name);
            Assert.Equal(original.Current.Kind, copy.Current.Kind);
            Assert.Equal(original.Current.State, copy.Current.State);
            Assert.Equal(original.Current.EffectiveFrom, copy.Current.EffectiveFrom);
            Assert.Equal(original.Current.Bases.OrderBy(b => b.Article, StringComparer.Ordinal), copy.Current.Bases.OrderBy(b => b.Article, StringComparer.Ordinal));
            Assert.Equal(original.Current.Bodies.Select(b => b.Name), copy.Current.Bodies.Select(b => b.Name));
        }
        Assert.Equal("=对公式样名称的行政处罚", (await DetailAsync(otherHead, prefix + "A")).Current.Name);
        Assert.Contains((await DetailAsync(otherHead, prefix + "A")).Current.Bases, b => b.Text == "@条文：违反本法规定的" && b.Clause == "-第一款");
    }

    private static Task<HttpResponseMessage> ImportAsync(HttpClient client, byte[] workbook)
    {
        var content = new MultipartFormDataContent { { new ByteArrayContent(workbook), "file", "catalogue.xlsx" } };
        return client.PostAsync($"/api/v1/catalogue/import?ownerId={DemoData.Ids.YuanpingMarket}", content);
    }

    private static async Task<CatalogueItemDetail> DetailAsync(HttpClient client, string code)
    {
        var list = await client.GetFromJsonAsync<Page<CatalogueItemSummary>>($"/api/v1/catalogue?q={code}", ZhifaApp.Json);
        var item = Assert.Single(list!.Items, i => i.Code == code);
        return (await client.GetFromJsonAsync<CatalogueItemDetail>($"/api/v1/catalogue/{item.Id}", ZhifaApp.Json))!;
    }

    private static string Read(ZipArchive zip, string prefix)
    {
        using var reader = new StreamReader(zip.Entries.Single(e => e.FullName.StartsWith(prefix, StringComparison.Ordinal)).Open());
        return reader.ReadToEnd();
    }
}
