using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Zhifa.Core.Common;
using Zhifa.Core.Demo;
using Zhifa.Core.Organizations;
using Zhifa.Core.Parties;
using Zhifa.Tests.Infrastructure;
using Zhifa.Web.Common;

namespace Zhifa.Tests.Identity;

/// <summary>The party registry's rows of the role matrix.</summary>
public abstract partial class RoleMatrixTests
{
    /// <summary>A demo party every role sees: registered in 原平市 (every demo role's county, or an ancestor of their township).</summary>
    private static readonly Guid InParty = DeterministicGuid.From("party:原平市晋北食品有限公司");

    /// <summary>A demo person, for the ID-number call.</summary>
    private static readonly Guid InPerson = DeterministicGuid.From("party:韩志明");

    private static readonly ConcurrentDictionary<ZhifaApp, Lazy<Task<(Guid County, Guid Party, Guid Person)>>> FarParties = new();

    /// <summary>A county beside 原平市 (定襄县) with an enterprise and a person registered there by the province's administrator, once per app.</summary>
    private static Task<(Guid County, Guid Party, Guid Person)> FarAsync(Ctx c) => FarParties.GetOrAdd(c.App, app => new Lazy<Task<(Guid, Guid, Guid)>>(async () =>
    {
        var admin = app.ApiAs("admin");
        var existing = await admin.GetFromJsonAsync<Page<OrganizationDto>>("/api/v1/organizations?q=定襄县&pageSize=50", ZhifaApp.Json);
        var county = existing!.Items.FirstOrDefault(o => o.Name == "定襄县")?.Id
            ?? (await (await admin.PostJsonAsync("/api/v1/organizations/regions", new CreateRegionRequest("定襄县", "140921", DemoData.Ids.Xinzhou))).ReadAsync<OrganizationDto>()).Id;
        var party = await (await admin.PostJsonAsync("/api/v1/parties", FreshParty(county))).ReadAsync<PartyView>();
        var person = await (await admin.PostJsonAsync("/api/v1/parties",
            new PartyRequest(PartyKind.NaturalPerson, "矩阵外县人", county, IdNumber: TestData.IdNumber()))).ReadAsync<PartyView>();
        return (county, party.Id, person.Id);
    })).Value;

    private static PartyRequest FreshParty(Guid region) =>
        new(PartyKind.Enterprise, TestData.Name("矩阵企业"), region, TestData.CreditCode(), "矩阵法人");

    private static async Task<Guid> FreshPartyAsync(Ctx c) =>
        (await (await c.Admin.PostJsonAsync("/api/v1/parties", FreshParty(DemoData.Ids.Yuanping))).ReadAsync<PartyView>()).Id;

    private static Task<HttpResponseMessage> UploadPartiesAsync(HttpClient client, byte[] file)
    {
        var content = new MultipartFormDataContent();
        var bytes = new ByteArrayContent(file);
        bytes.Headers.ContentType = new MediaTypeHeaderValue(Xlsx.ContentType);
        content.Add(bytes, "file", "parties.xlsx");
        return client.PostAsync("/api/v1/parties/import", content);
    }

    /// <summary>What each shipped role gets from the party API: <c>in/out</c> (a party of 原平市 / of another county; <c>-</c>: no such call).</summary>
    internal static readonly string PartiesExpected = """
        endpoint                                      officer  legal_reviewer  agency_head  supervisor  administrator
        GET    /api/v1/parties                        200/200  200/200         200/200      200/200     200/200
        GET    /api/v1/parties/{id:guid}              200/404  200/404         200/404      200/404     200/404
        POST   /api/v1/parties                        201/400  403/403         201/400      403/403     201/400
        PUT    /api/v1/parties/{id:guid}              200/404  403/403         200/404      403/403     200/404
        GET    /api/v1/parties/{id:guid}/id-number    403/403  403/403         200/404      403/403     200/404
        GET    /api/v1/parties/search                 200/200  200/200         200/200      200/200     200/200
        GET    /api/v1/parties/export                 200/-    200/-           200/-        200/-       200/-
        GET    /api/v1/parties/import-template        200/-    403/-           200/-        403/-       200/-
        POST   /api/v1/parties/import                 200/400  403/403         200/400      403/403     200/400
        """;

    private static readonly Case[] PartiesCases =
    [
        new("GET /api/v1/parties/",
            c => c.Client.GetAsync("/api/v1/parties?pageSize=500"), c => c.Client.GetAsync("/api/v1/parties?pageSize=500"),
            ListContains(_ => InParty), async (r, c) => (await r.Content.ReadAsStringAsync()).Contains((await FarAsync(c)).Party.ToString(), StringComparison.Ordinal) ? "list shows another county's party" : null),
        new("GET /api/v1/parties/{id:guid}",
            c => c.Client.GetAsync($"/api/v1/parties/{InParty}"),
            async c => await c.Client.GetAsync($"/api/v1/parties/{(await FarAsync(c)).Party}")),
        new("POST /api/v1/parties/",
            c => c.Client.PostJsonAsync("/api/v1/parties", FreshParty(DemoData.Ids.Yuanping)),
            async c => await c.Client.PostJsonAsync("/api/v1/parties", FreshParty((await FarAsync(c)).County)),
            CheckOut: FieldError("regionId")),
        new("PUT /api/v1/parties/{id:guid}",
            async c => await c.Client.PutJsonAsync($"/api/v1/parties/{await FreshPartyAsync(c)}", FreshParty(DemoData.Ids.Yuanping) with { CreditCode = null, Kind = PartyKind.IndividualBusiness }),
            async c => await c.Client.PutJsonAsync($"/api/v1/parties/{(await FarAsync(c)).Party}", FreshParty(DemoData.Ids.Yuanping) with { CreditCode = null, Kind = PartyKind.IndividualBusiness })),
        new("GET /api/v1/parties/{id:guid}/id-number",
            c => c.Client.GetAsync($"/api/v1/parties/{InPerson}/id-number"),
            async c => await c.Client.GetAsync($"/api/v1/parties/{(await FarAsync(c)).Person}/id-number")),
        new("GET /api/v1/parties/search",
            c => c.Client.GetAsync("/api/v1/parties/search?q=晋北"), c => c.Client.GetAsync("/api/v1/parties/search?q=矩阵外县人"),
            ListContains(_ => InParty), async (r, c) => (await r.Content.ReadAsStringAsync()).Contains((await FarAsync(c)).Person.ToString(), StringComparison.Ordinal) ? "search finds another county's party" : null),
        new("GET /api/v1/parties/export", c => c.Client.GetAsync("/api/v1/parties/export"), null,
            async (r, _) => Xlsx.Read(await r.Content.ReadAsStreamAsync())!.Any(row => row.Get("名称或姓名") == "原平市晋北食品有限公司") ? null : "export lacks the in-scope party"),
        new("GET /api/v1/parties/import-template", c => c.Client.GetAsync("/api/v1/parties/import-template"), null),
        new("POST /api/v1/parties/import",
            c => UploadPartiesAsync(c.Client, Xlsx.Write("p", PartyImport.Columns.Template, [["企业", TestData.Name("矩阵导入"), TestData.CreditCode(), "", "", "", "", "", "", "140981"]])),
            c => UploadPartiesAsync(c.Client, Xlsx.Write("p", PartyImport.Columns.Template, [["企业", TestData.Name("矩阵导入"), TestData.CreditCode(), "", "", "", "", "", "", "140921"]]))),
    ];
}
