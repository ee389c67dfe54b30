using System.Net;
using System.Net.Http.Json;
using Zhifa.Core.Catalogue;
using Zhifa.Core.Common;
using Zhifa.Core.Demo;
using Zhifa.Core.Discretion;
using Zhifa.Core.Organizations;
using Zhifa.Tests.Infrastructure;

namespace Zhifa.Tests.Catalogue;

/// <summary>The demo catalogue's ids and calls that set up items and benchmarks through the API, as their users would.</summary>
internal static class CatalogueApi
{
    public static readonly Guid Market = DemoData.Ids.YuanpingMarket;
    public static readonly Guid MarketStation = DemoData.Ids.Body("原平市市场监督管理局崞阳市场监督管理所");
    public static readonly Guid Transport = DemoData.Ids.YuanpingTransport;
    public static readonly Guid CityEcology = DemoData.Ids.XinzhouEcology;
    public static readonly Guid EcologyBranch = DemoData.Ids.YuanpingEcologyBranch;

    public static Guid Item(string code) => DeterministicGuid.From("catalogue:" + code);

    public static Guid Benchmark(string key) => DeterministicGuid.From("benchmark:" + key);

    /// <summary>食品安全法第一百二十六条: a fixed range of 5,000 to 50,000 yuan; 从轻 up to 18,500, 从重 from 36,500 (CLJZ-30).</summary>
    public static readonly Guid Food126 = Item("140981CF01003");

    /// <summary>道路运输条例第六十三条: 2 to 10 times the illegal gain; 10,000 to 100,000 yuan below a gain of 20,000.</summary>
    public static readonly Guid Road63 = Item("140981CF11001");

    public static readonly Guid Air99 = Item("140900CF61001");
    public static readonly Guid SafetyInspection = Item("140981JC21001");
    public static readonly Guid DraftItem = Item("140981CF01004");

    public static LegalBasis Basis(string article = "第一百二十六条") =>
        new("中华人民共和国食品安全法", article, "第一款", "违反本法规定，有下列情形之一的，由县级以上人民政府食品安全监督管理部门责令改正，给予警告……");

    public static ItemContentRequest Content(string? name = null, ItemKind kind = ItemKind.Penalty, LegalBasis[]? bases = null, Guid[]? bodies = null) =>
        new(name ?? TestData.Name("测试执法事项"), kind, bases ?? [Basis()], bodies ?? [Market, MarketStation], RegionLevel.County);

    public static string Code() => "T" + TestData.Next().ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<CatalogueItemDetail> CreateAsync(HttpClient client, ItemContentRequest? content = null, Guid? owner = null)
    {
        var response = await client.PostJsonAsync("/api/v1/catalogue", new CreateItemRequest(owner ?? Market, Code(), content ?? Content()));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<CatalogueItemDetail>();
    }

    public static async Task<CatalogueItemDetail> PostAsync(HttpClient client, string url, object? body = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.PostJsonAsync(url, body ?? new { });
        Assert.True(response.StatusCode == expected, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<CatalogueItemDetail>();
    }

    /// <summary>An item of the market bureau taken through review (by the city's supervisor) and published today.</summary>
    public static async Task<CatalogueItemDetail> PublishedAsync(ZhifaApp app, ItemContentRequest? content = null)
    {
        var head = app.ApiAs("yp.market.head");
        var item = await CreateAsync(head, content);
        await PostAsync(head, $"/api/v1/catalogue/{item.Id}/submit");
        await PostAsync(app.ApiAs("yp.supervisor"), $"/api/v1/catalogue/{item.Id}/approve");
        return await PostAsync(head, $"/api/v1/catalogue/{item.Id}/publish");
    }

    public static async Task<BenchmarkDetail> BenchmarkAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<BenchmarkDetail>($"/api/v1/benchmarks/{id}", ZhifaApp.Json))!;

    public static async Task<BenchmarkDetail> SendAsync(Task<HttpResponseMessage> call, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await call;
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<BenchmarkDetail>();
    }

    /// <summary>A benchmark of the market bureau with the default tiers for a fresh published item, filed, approved and published.</summary>
    public static async Task<(CatalogueItemDetail Item, BenchmarkDetail Benchmark)> PublishedBenchmarkAsync(ZhifaApp app, FineRange range, PenaltyKind[] kinds)
    {
        var head = app.ApiAs("yp.market.head");
        var item = await PublishedAsync(app);
        var created = await SendAsync(head.PostJsonAsync("/api/v1/benchmarks", new CreateBenchmarkRequest(item.Id, Market, "测试裁量基准", range, kinds)), HttpStatusCode.Created);
        await SendAsync(head.PostAsync($"/api/v1/benchmarks/{created.Id}/file", null));
        await SendAsync(app.ApiAs("yp.supervisor").PostAsync($"/api/v1/benchmarks/{created.Id}/approve", null));
        return (item, await SendAsync(head.PostJsonAsync($"/api/v1/benchmarks/{created.Id}/publish", new EffectiveDateRequest())));
    }
}
