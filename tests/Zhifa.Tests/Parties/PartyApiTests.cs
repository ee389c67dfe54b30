using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Audit;
using Zhifa.Core.Common;
using Zhifa.Core.Demo;
using Zhifa.Core.Organizations;
using Zhifa.Core.Parties;
using Zhifa.Tests.Infrastructure;
using Zhifa.Web.Common;

namespace Zhifa.Tests.Parties;

/// <summary>The party registry through the real application, on SQLite and PostgreSQL.</summary>
public abstract class PartyApiTests(ZhifaApp app)
{
    private readonly HttpClient _admin = app.ApiAs("admin");
    private readonly HttpClient _officer = app.ApiAs("yp.market.officer");

    public static Guid Demo(string name) => DeterministicGuid.From("party:" + name);

    private async Task<int> CountAsync()
    {
        await using var scope = app.Scope(out var db);
        return await db.Parties.CountAsync();
    }

    private static PartyRequest Enterprise(string? code = null, Guid? region = null) =>
        new(PartyKind.Enterprise, TestData.Name("测试企业"), region ?? DemoData.Ids.Yuanping, code ?? TestData.CreditCode(), "测试法人", "原平市测试路1号",
            IndustrySection.C, CreditGrade.B, "13912345678");

    private static PartyRequest Person(string idNumber, string phone = "13800001111", Guid? region = null) =>
        new(PartyKind.NaturalPerson, TestData.Name("测试人"), region ?? DemoData.Ids.Yuanping, IdNumber: idNumber, Phone: phone, Address: "原平市测试小区");

    [Fact]
    public async Task Register_WithEveryFieldWrong_ReportsThemAllAtOnce_AndChangesNothing()
    {
        var before = await CountAsync();
        var response = await _officer.PostJsonAsync("/api/v1/parties",
            new PartyRequest(PartyKind.Enterprise, " ", DemoData.Ids.Yuanping, "91350100M000100Y44", LegalRepresentative: "  ", Phone: "call me"));
        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Single(problem.For("name"));
        Assert.Contains("校验位", Assert.Single(problem.For("creditCode")), StringComparison.Ordinal);
        Assert.Single(problem.For("phone"));
        Assert.Equal(3, problem.Errors!.Count);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Register_AnOrganisationWithoutACode_AndAPersonWithABadNumber_AreRefused()
    {
        var noCode = await _officer.PostJsonAsync("/api/v1/parties", new PartyRequest(PartyKind.OtherOrganization, "无代码组织", DemoData.Ids.Yuanping));
        Assert.Single((await Problem.ReadAsync(noCode, HttpStatusCode.BadRequest)).For("creditCode"));
        var valid = TestData.IdNumber();
        var wrong = valid[..17] + (valid[17] == '0' ? '1' : '0');
        var badNumber = await _officer.PostJsonAsync("/api/v1/parties", Person(wrong));
        Assert.Single((await Problem.ReadAsync(badNumber, HttpStatusCode.BadRequest)).For("idNumber"));
        // An individual business may have no code.
        var shop = await _officer.PostJsonAsync("/api/v1/parties", new PartyRequest(PartyKind.IndividualBusiness, TestData.Name("无照小店"), DemoData.Ids.Guoyang));
        Assert.Equal(HttpStatusCode.Created, shop.StatusCode);
    }

    [Fact]
    public async Task RiskTags_AreSplitAsTyped_KeptOnceEach_AndTooManyOrTooLongAreRefused()
    {
        var created = await _officer.PostJsonAsync("/api/v1/parties", Enterprise() with { RiskTags = " 冷链， 食品生产、冷链;进口 " });
        var party = await created.ReadAsync<PartyView>();
        Assert.Equal("冷链、食品生产、进口", party.RiskTags);

        var before = await CountAsync();
        var eleven = string.Join('、', Enumerable.Range(1, 11).Select(i => $"标签{i}"));
        var tooMany = await _officer.PostJsonAsync("/api/v1/parties", Enterprise() with { RiskTags = eleven });
        Assert.Single((await Problem.ReadAsync(tooMany, HttpStatusCode.BadRequest)).For("riskTags"));
        var tooLong = await _officer.PostJsonAsync("/api/v1/parties", Enterprise() with { RiskTags = "冷链、" + new string('长', 21) });
        Assert.Single((await Problem.ReadAsync(tooLong, HttpStatusCode.BadRequest)).For("riskTags"));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Register_ACodeAlreadyRegistered_Answers409NamingTheParty_AndMakesNoDuplicate()
    {
        var code = TestData.CreditCode();
        var first = await (await _officer.PostJsonAsync("/api/v1/parties", Enterprise(code))).ReadAsync<PartyView>();
        var before = await CountAsync();
        var again = await _admin.PostJsonAsync("/api/v1/parties", Enterprise(code.ToLowerInvariant()) with { Name = "另一个名字" });
        var problem = await Problem.ReadAsync(again, HttpStatusCode.Conflict);
        Assert.Equal("party.credit_code_taken", problem.Code);
        Assert.Contains(first.Name, problem.Detail, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());

        var idNumber = TestData.IdNumber();
        var person = await (await _officer.PostJsonAsync("/api/v1/parties", Person(idNumber))).ReadAsync<PartyView>();
        var twice = await Problem.ReadAsync(await _officer.PostJsonAsync("/api/v1/parties", Person(idNumber)), HttpStatusCode.Conflict);
        Assert.Equal("party.id_number_taken", twice.Code);
        Assert.Contains(person.Name, twice.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APersonsIdNumber_IsStoredEncrypted_ShownMasked_AndAuditedWithoutIt()
    {
        var idNumber = TestData.IdNumber();
        const string phone = "13912340987";
        var created = await _officer.PostJsonAsync("/api/v1/parties", Person(idNumber, phone));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var party = await created.ReadAsync<PartyView>();
        Assert.Equal(idNumber[..4] + "**********" + idNumber[^4..], party.IdNumberMasked);
        Assert.Equal("139****0987", party.PhoneMasked);
        var body = await (await _officer.GetAsync($"/api/v1/parties/{party.Id}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(idNumber, body, StringComparison.Ordinal);
        Assert.DoesNotContain(phone, body, StringComparison.Ordinal);

        await using (var scope = app.Scope(out var db))
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = db.IsPostgres
                ? $"SELECT \"IdNumberProtected\" || \"IdNumberHash\" || \"IdNumberMasked\" FROM \"Parties\" WHERE \"Id\" = '{party.Id}'"
                : $"SELECT IdNumberProtected || IdNumberHash || IdNumberMasked FROM Parties WHERE Id = '{party.Id.ToString().ToUpperInvariant()}'";
            var raw = (string?)await command.ExecuteScalarAsync();
            Assert.NotNull(raw);
            Assert.DoesNotContain(idNumber, raw, StringComparison.Ordinal);
            Assert.DoesNotContain(idNumber[6..14], raw, StringComparison.Ordinal);

            var audit = await db.AuditEntries.Unscoped("the test reads the whole trail").Where(e => e.EntityType == "Party" && e.EntityId == party.Id.ToString()).ToListAsync();
            var entry = Assert.Single(audit);
            Assert.DoesNotContain(idNumber, entry.After, StringComparison.Ordinal);
            Assert.DoesNotContain(phone, entry.After, StringComparison.Ordinal);
            Assert.Contains("139****0987", entry.After, StringComparison.Ordinal);
        }

        // The full number only for those allowed: an officer may not, the agency head may.
        Assert.Equal(HttpStatusCode.Forbidden, (await _officer.GetAsync($"/api/v1/parties/{party.Id}/id-number")).StatusCode);
        var revealed = await app.ApiAs("yp.market.head").GetFromJsonAsync<Dictionary<string, string>>($"/api/v1/parties/{party.Id}/id-number", ZhifaApp.Json);
        Assert.Equal(idNumber, revealed!["idNumber"]);
    }

    [Fact]
    public async Task Scope_IsTheBranchOfTheRegionTree_AndAnotherCountysPartyAnswers404()
    {
        var county = await OtherCountyAsync();
        var far = await (await _admin.PostJsonAsync("/api/v1/parties", Enterprise(region: county))).ReadAsync<PartyView>();
        var above = await (await _admin.PostJsonAsync("/api/v1/parties", Enterprise(region: DemoData.Ids.Xinzhou))).ReadAsync<PartyView>();
        var below = await (await _admin.PostJsonAsync("/api/v1/parties", Enterprise(region: DemoData.Ids.Guoyang))).ReadAsync<PartyView>();

        // A county officer: the county's townships and the city above, not another county.
        Assert.Equal(HttpStatusCode.NotFound, (await _officer.GetAsync($"/api/v1/parties/{far.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _officer.GetAsync($"/api/v1/parties/{above.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _officer.GetAsync($"/api/v1/parties/{below.Id}")).StatusCode);
        var list = await (await _officer.GetAsync("/api/v1/parties?pageSize=500")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(far.Id.ToString(), list, StringComparison.Ordinal);
        Assert.Contains(below.Id.ToString(), list, StringComparison.Ordinal);
        var found = await _officer.GetFromJsonAsync<List<PartySummary>>($"/api/v1/parties/search?q={Uri.EscapeDataString(far.Name)}", ZhifaApp.Json);
        Assert.Empty(found!);
        // Nor can the officer register or edit there.
        Assert.Single((await Problem.ReadAsync(await _officer.PostJsonAsync("/api/v1/parties", Enterprise(region: county)), HttpStatusCode.BadRequest)).For("regionId"));
        Assert.Equal(HttpStatusCode.NotFound, (await _officer.PutJsonAsync($"/api/v1/parties/{far.Id}", Enterprise(far.CreditCode, county))).StatusCode);
        // The city's supervisor sees the other county.
        Assert.Equal(HttpStatusCode.OK, (await app.ApiAs("xz.supervisor").GetAsync($"/api/v1/parties/{far.Id}")).StatusCode);
    }

    /// <summary>A county beside 原平市 under 忻州市, made once per app.</summary>
    private async Task<Guid> OtherCountyAsync()
    {
        var existing = await _admin.GetFromJsonAsync<Page<OrganizationDto>>("/api/v1/organizations?q=定襄县&pageSize=50", ZhifaApp.Json);
        if (existing!.Items.FirstOrDefault(o => o.Name == "定襄县") is { } found)
            return found.Id;
        var created = await _admin.PostJsonAsync("/api/v1/organizations/regions", new CreateRegionRequest("定襄县", "140921", DemoData.Ids.Xinzhou));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.ReadAsync<OrganizationDto>()).Id;
    }

    [Fact]
    public async Task Update_WithAStaleVersion_Answers409_AndKeepsTheRecord()
    {
        var party = await (await _officer.PostJsonAsync("/api/v1/parties", Enterprise())).ReadAsync<PartyView>();
        var renamed = await _officer.PutJsonAsync($"/api/v1/parties/{party.Id}", Enterprise(party.CreditCode) with { Name = "改名后的企业" + TestData.Next() });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var current = await renamed.ReadAsync<PartyView>();
        Assert.Equal("13912345678"[..3] + "****" + "5678", current.PhoneMasked);

        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/parties/{party.Id}") { Content = JsonContent.Create(Enterprise(party.CreditCode) with { Name = "过期的修改" }, options: ZhifaApp.Json) };
        stale.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{party.Version}\""));
        Assert.Equal(HttpStatusCode.Conflict, (await _officer.SendAsync(stale)).StatusCode);
        var after = await _officer.GetFromJsonAsync<PartyView>($"/api/v1/parties/{party.Id}", ZhifaApp.Json);
        Assert.Equal(current.Name, after!.Name);
    }

    [Fact]
    public async Task Import_IsAllOrNothing_WithErrorsByRowAndColumn()
    {
        var before = await CountAsync();
        var good = new[] { "企业", TestData.Name("导入企业"), TestData.CreditCode(), "", "导入法人", "原平市导入路", "C", "A", "", "原平市" };
        var person = new[] { "自然人", TestData.Name("导入人"), "", TestData.IdNumber(), "", "", "", "", "13900001111", "140981100" };
        var bad = new[] { "公司", TestData.Name("错误行"), "91350100M000100Y44", "", "", "", "Z", "", "", "定襄县外" };
        var rejected = await UploadAsync(Xlsx.Write("p", PartyImport.Columns.Template, [good, person, bad]));
        var body = await rejected.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        Assert.Contains("\"row\":4,\"column\":\"类型\"", body, StringComparison.Ordinal);
        Assert.Contains("\"row\":4,\"column\":\"所在地区\"", body, StringComparison.Ordinal);
        Assert.Contains("\"row\":4,\"column\":\"行业\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\"row\":2,", body, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());

        var repeated = await UploadAsync(Xlsx.Write("p", PartyImport.Columns.Template, [good, good]));
        Assert.Contains("\"row\":3,\"column\":\"统一社会信用代码\"", await repeated.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());

        var accepted = await UploadAsync(Xlsx.Write("p", PartyImport.Columns.Template, [good, person]));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(before + 2, await CountAsync());
        var found = await _officer.GetFromJsonAsync<List<PartySummary>>($"/api/v1/parties/search?q={good[2]}", ZhifaApp.Json);
        Assert.Equal(good[1], Assert.Single(found!).Name);
    }

    private Task<HttpResponseMessage> UploadAsync(byte[] file)
    {
        var content = new MultipartFormDataContent();
        var bytes = new ByteArrayContent(file);
        bytes.Headers.ContentType = new MediaTypeHeaderValue(Xlsx.ContentType);
        content.Add(bytes, "file", "parties.xlsx");
        return _officer.PostAsync("/api/v1/parties/import", content);
    }

    [Fact]
    public async Task Export_IsExactlyTheFilteredList_InItsOrder()
    {
        var list = await _officer.GetFromJsonAsync<Page<PartyView>>("/api/v1/parties?kind=Enterprise&search=原平市&sort=-name&pageSize=500", ZhifaApp.Json);
        Assert.True(list!.Items.Count >= 5);
        Assert.All(list.Items, p => Assert.Equal(PartyKind.Enterprise, p.Kind));
        var export = await _officer.GetAsync("/api/v1/parties/export?kind=Enterprise&search=原平市&sort=-name");
        var rows = Xlsx.Read(await export.Content.ReadAsStreamAsync())!;
        Assert.Equal(list.Items.Select(p => p.Name), rows.Select(r => r.Get("名称或姓名")));
    }

    [Fact]
    public async Task Search_FindsByName_CreditCodeStart_AndWholeIdNumber()
    {
        var byName = await _officer.GetFromJsonAsync<List<PartySummary>>("/api/v1/parties/search?q=晋北", ZhifaApp.Json);
        Assert.Contains(byName!, p => p.Id == Demo("原平市晋北食品有限公司"));
        var byCode = await _officer.GetFromJsonAsync<List<PartySummary>>("/api/v1/parties/search?q=92140981ma0gq200", ZhifaApp.Json);
        Assert.Equal(new[] { Demo("原平市北城街道老王烩面馆"), Demo("原平市崞阳镇李记五金店") }.Order(), byCode!.Select(p => p.Id).Order());
        var byId = await _officer.GetFromJsonAsync<List<PartySummary>>($"/api/v1/parties/search?q={Zhifa.Core.Personnel.IdNumber.WithCheck("14098119850922304")}", ZhifaApp.Json);
        Assert.Equal("冯淑芬", Assert.Single(byId!).Name);
        Assert.Empty((await _officer.GetFromJsonAsync<List<PartySummary>>("/api/v1/parties/search?q=", ZhifaApp.Json))!);
    }
}

public sealed class PartyApiTests_Sqlite(SqliteApp fixture) : PartyApiTests(fixture.App), IClassFixture<SqliteApp>;

public sealed class PartyApiTests_Postgres(PostgresApp fixture) : PartyApiTests(fixture.App), IClassFixture<PostgresApp>;
