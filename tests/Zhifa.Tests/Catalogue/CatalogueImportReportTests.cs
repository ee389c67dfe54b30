using System.Net;
using Zhifa.Core.Demo;
using Zhifa.Tests.Infrastructure;
using Zhifa.Web.Common;

namespace Zhifa.Tests.Catalogue;

/// <summary>A refused catalogue import names every wrong cell of a row, and a long report lists the first 200 with the total.</summary>
public abstract class CatalogueImportReportTests(ZhifaApp app)
{
    private static readonly string[] Header = ["事项编码", "事项名称", "事项类别", "法律法规名称", "条款号", "款项", "条文内容", "实施主体", "设定层级", "赋权文件", "赋权日期", "评估期限", "生效日期"];

    private readonly HttpClient _head = app.ApiAs("yp.market.head");

    [Fact]
    public async Task ARow_ReportsEachOfItsWrongCells()
    {
        var sheet = Xlsx.Write("目录", Header,
        [
            [CatalogueApi.Code(), "对多处错误的处罚", "行政奖励", "中华人民共和国食品安全法", "", "", "", "原平市市场监督管理局", "省县级", "赋权文件", "", "", "2026-13-45"],
        ]);
        var problem = await Problem.ReadAsync(await ImportAsync(sheet), HttpStatusCode.BadRequest);
        Assert.Equal(
            ["rows[2].article", "rows[2].delegatedOn", "rows[2].effectiveFrom", "rows[2].evaluationDueOn", "rows[2].kind", "rows[2].settingLevel", "rows[2].text"],
            problem.Errors!.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ALongReport_ListsTheFirst200_WithTheTotal()
    {
        var rows = Enumerable.Range(0, 300).Select(_ => (IReadOnlyList<string?>)[CatalogueApi.Code(), "对未知类别的处罚", "行政奖励", "", "", "", "", "原平市市场监督管理局", "县级", "", "", "", ""]).ToList();
        var problem = await Problem.ReadAsync(await ImportAsync(Xlsx.Write("目录", Header, rows)), HttpStatusCode.BadRequest);
        Assert.Equal(201, problem.Errors!.Count);
        Assert.Contains("rows[2].kind", problem.Errors.Keys);
        Assert.Contains("rows[201].kind", problem.Errors.Keys);
        Assert.DoesNotContain("rows[202].kind", problem.Errors.Keys);
        Assert.Equal("共 300 处错误，只列出前 200 处。", Assert.Single(problem.For("file")));
    }

    private Task<HttpResponseMessage> ImportAsync(byte[] workbook)
    {
        var content = new MultipartFormDataContent { { new ByteArrayContent(workbook), "file", "catalogue.xlsx" } };
        return _head.PostAsync($"/api/v1/catalogue/import?ownerId={DemoData.Ids.YuanpingMarket}", content);
    }
}

public sealed class CatalogueImportReportTests_Sqlite(SqliteApp fixture) : CatalogueImportReportTests(fixture.App), IClassFixture<SqliteApp>;

public sealed class CatalogueImportReportTests_Postgres(PostgresApp fixture) : CatalogueImportReportTests(fixture.App), IClassFixture<PostgresApp>;
