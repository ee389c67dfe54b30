using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Catalogue;
using Zhifa.Core.Common;
using Zhifa.Tests.Infrastructure;
using Zhifa.Web.Common;
using static Zhifa.Tests.Catalogue.CatalogueApi;

namespace Zhifa.Tests.Catalogue;

/// <summary>The catalogue's life cycle, clean-up, Excel and public pages over HTTP, on SQLite and on PostgreSQL.</summary>
public abstract class CatalogueApiTests(ZhifaApp app)
{
    private readonly HttpClient _head = app.ApiAs("yp.market.head");
    private readonly HttpClient _supervisor = app.ApiAs("yp.supervisor");

    private async Task<(VersionState State, DateTime UpdatedAt, int Versions)> StoredAsync(Guid id)
    {
        await using var scope = app.Scope(out var db);
        var versions = await db.CatalogueItemVersions.Where(v => v.ItemId == id).OrderByDescending(v => v.VersionNumber).ToListAsync();
        return (versions[0].State, versions[0].UpdatedAt, versions.Count);
    }

    [Fact]
    public async Task LifeCycle_FromDraftThroughReviewToPublication_AmendmentAndAbolition()
    {
        var today = app.Clock.Today();
        var item = await CreateAsync(_head);
        Assert.Equal((1, VersionState.Draft), (item.Current.VersionNumber, item.Current.State));
        Assert.True(item.Actions.Edit && item.Actions.Submit && !item.Actions.Publish);

        var edited = await _head.PutJsonAsync($"/api/v1/catalogue/{item.Id}", Content("对未按规定建立进货查验记录制度的行政处罚"));
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        await PostAsync(_head, $"/api/v1/catalogue/{item.Id}/submit");
        var returned = await PostAsync(_supervisor, $"/api/v1/catalogue/{item.Id}/return", new ReviewCommentsRequest("请注明款项"));
        Assert.Equal((VersionState.Returned, "请注明款项"), (returned.Current.State, returned.Current.ReviewComments));

        await PostAsync(_head, $"/api/v1/catalogue/{item.Id}/submit");
        var approved = await PostAsync(_supervisor, $"/api/v1/catalogue/{item.Id}/approve");
        Assert.Equal(VersionState.Approved, approved.Current.State);
        var published = await PostAsync(_head, $"/api/v1/catalogue/{item.Id}/publish", new EffectiveDateRequest(today));
        Assert.Equal((VersionState.Published, today), (published.Current.State, published.Current.EffectiveFrom));
        Assert.Equal(published.Current.Id, published.InForce?.Id);

        // An amendment is a new version; the published one stays as it is and in force until the new one takes over.
        var amended = await PostAsync(_head, $"/api/v1/catalogue/{item.Id}/amend");
        Assert.Equal((2, VersionState.Draft), (amended.Current.VersionNumber, amended.Current.State));
        Assert.Equal(1, amended.InForce!.VersionNumber);
        await _head.PutJsonAsync($"/api/v1/catalogue/{item.Id}", Content("对未按规定建立并遵守进货查验记录制度的行政处罚", bases: [Basis(), Basis("第一百二十五条")]));
        await PostAsync(_head, $"/api/v1/catalogue/{item.Id}/submit");
        await PostAsync(_supervisor, $"/api/v1/catalogue/{item.Id}/approve");
        var second = await PostAsync(_head, $"/api/v1/catalogue/{item.Id}/publish", new EffectiveDateRequest(today.AddDays(1)));
        var first = second.Versions.Single(v => v.VersionNumber == 1);
        Assert.Equal((VersionState.Superseded, today), (first.State, first.EffectiveTo));
        Assert.Single(first.Bases);

        // A case refers to the version in force on its date.
        var onToday = await _head.GetFromJsonAsync<CatalogueVersionDto>($"/api/v1/catalogue/{item.Id}/in-force?on={today:yyyy-MM-dd}", ZhifaApp.Json);
        var onTomorrow = await _head.GetFromJsonAsync<CatalogueVersionDto>($"/api/v1/catalogue/{item.Id}/in-force?on={today.AddDays(1):yyyy-MM-dd}", ZhifaApp.Json);
        Assert.Equal((1, 2), (onToday!.VersionNumber, onTomorrow!.VersionNumber));
        Assert.Equal(HttpStatusCode.Conflict, (await _head.GetAsync($"/api/v1/catalogue/{item.Id}/in-force?on={today.AddDays(-1):yyyy-MM-dd}")).StatusCode);

        var abolished = await PostAsync(_head, $"/api/v1/catalogue/{item.Id}/abolish", new AbolishItemRequest(today.AddDays(30)));
        Assert.Equal((VersionState.Abolished, today.AddDays(29)), (abolished.Current.State, abolished.Current.EffectiveTo));
        Assert.Contains(abolished.History, h => h.State == VersionState.Returned && h.Comments == "请注明款项" && h.UserName == "李监督"); // a name, not a login name
        Assert.Contains(abolished.History, h => h.Event == "created" && h.VersionNumber == 2);
    }

    [Fact]
    public async Task IllegalTransitions_AreConflicts_AndChangeNothing()
    {
        var item = await CreateAsync(_head);
        var before = await StoredAsync(item.Id);
        foreach (var (client, action) in new[] { (_supervisor, "approve"), (_head, "publish"), (_head, "amend"), (_head, "abolish") })
        {
            var response = await client.PostJsonAsync($"/api/v1/catalogue/{item.Id}/{action}", new { });
            var problem = await Problem.ReadAsync(response, HttpStatusCode.Conflict);
            Assert.Equal("workflow.illegal_transition", problem.Code);
        }
        Assert.Equal(before, await StoredAsync(item.Id));

        await PostAsync(_head, $"/api/v1/catalogue/{item.Id}/submit");
        var submitted = await StoredAsync(item.Id);
        Assert.Equal(HttpStatusCode.Conflict, (await _head.PostJsonAsync($"/api/v1/catalogue/{item.Id}/submit", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await _head.PutJsonAsync($"/api/v1/catalogue/{item.Id}", Content("提交后不得修改"))).StatusCode);
        var noComments = await _supervisor.PostJsonAsync($"/api/v1/catalogue/{item.Id}/return", new ReviewCommentsRequest(" "));
        Assert.Single((await Problem.ReadAsync(noComments, HttpStatusCode.BadRequest)).For("comments"));
        Assert.Equal(submitted, await StoredAsync(item.Id));
    }

    [Fact]
    public async Task Submit_WithoutLegalBasis_IsRefused_AndNothingChanges()
    {
        var item = await CreateAsync(_head, Content(bases: []));
        var before = await StoredAsync(item.Id);

        var problem = await Problem.ReadAsync(await _head.PostJsonAsync($"/api/v1/catalogue/{item.Id}/submit", new { }), HttpStatusCode.BadRequest);

        Assert.Contains("法律、法规、规章依据", Assert.Single(problem.For("bases")), StringComparison.Ordinal);
        Assert.Equal(before, await StoredAsync(item.Id));
    }

    [Fact]
    public async Task Create_WithADuplicateCode_OrForABodyOutOfScope_IsRefused()
    {
        var duplicate = await _head.PostJsonAsync("/api/v1/catalogue", new CreateItemRequest(Market, "140981CF01001", Content()));
        Assert.Equal("catalogue.code_duplicate", (await Problem.ReadAsync(duplicate, HttpStatusCode.Conflict)).Code);
        var foreign = await _head.PostJsonAsync("/api/v1/catalogue", new CreateItemRequest(Transport, Code(), Content()));
        (await Problem.ReadAsync(foreign, HttpStatusCode.BadRequest)).For("ownerId");
        var delegated = await _head.PostJsonAsync("/api/v1/catalogue", new CreateItemRequest(Market, Code(),
            Content(bodies: [Market]) with { Delegation = new TownshipDelegation("原政发〔2024〕5号", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)) }));
        (await Problem.ReadAsync(delegated, HttpStatusCode.BadRequest)).For("bodyIds");
    }

    [Fact]
    public async Task Drafts_AreSeenWithinTheOwnersScope_PublishedItemsByEveryReader()
    {
        var transport = app.ApiAs("yp.transport.officer");
        Assert.Equal(HttpStatusCode.NotFound, (await transport.GetAsync($"/api/v1/catalogue/{DraftItem}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await transport.GetAsync($"/api/v1/catalogue/{Food126}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.ApiAs("yp.market.officer").GetAsync($"/api/v1/catalogue/{DraftItem}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.ApiAs("xz.supervisor").GetAsync($"/api/v1/catalogue/{DraftItem}")).StatusCode);

        var list = await transport.GetFromJsonAsync<Page<CatalogueItemSummary>>("/api/v1/catalogue?pageSize=500", ZhifaApp.Json);
        Assert.Contains(list!.Items, i => i.Id == Food126 && i.State == VersionState.Published);
        Assert.DoesNotContain(list.Items, i => i.Id == DraftItem);
        // The published version of an item under amendment is what others see.
        var amended = list.Items.Single(i => i.Code == "140981CF02002");
        Assert.Equal((2, 2), (amended.VersionNumber, amended.InForceVersion));

        // Acting on another body's published item is not theirs: it does not exist for them.
        var supervisorOfAnother = app.ApiAs("yp.market.head");
        Assert.Equal(HttpStatusCode.NotFound, (await supervisorOfAnother.PostJsonAsync($"/api/v1/catalogue/{Road63}/amend", new { })).StatusCode);
    }

    [Fact]
    public async Task Filters_FindByKindStateBodyAndText()
    {
        var page = await _supervisor.GetFromJsonAsync<Page<CatalogueItemSummary>>($"/api/v1/catalogue?state=Submitted&bodyId={Market}&pageSize=500", ZhifaApp.Json);
        Assert.Contains(page!.Items, i => i.Code == "140981CF01005");
        Assert.All(page.Items, i => Assert.Equal(VersionState.Submitted, i.State));
        var inspections = await _supervisor.GetFromJsonAsync<Page<CatalogueItemSummary>>("/api/v1/catalogue?kind=Inspection&pageSize=500", ZhifaApp.Json);
        Assert.All(inspections!.Items, i => Assert.Equal(ItemKind.Inspection, i.Kind));
        Assert.Contains(inspections.Items, i => i.Code == "140981JC21001");
        var text = await _supervisor.GetFromJsonAsync<Page<CatalogueItemSummary>>($"/api/v1/catalogue?q={Uri.EscapeDataString("广告")}&pageSize=500", ZhifaApp.Json);
        Assert.Equal(3, text!.Items.Count(i => i.Code.StartsWith("140981CF020", StringComparison.Ordinal)));
        var township = await _supervisor.GetFromJsonAsync<Page<CatalogueItemSummary>>($"/api/v1/catalogue?bodyId={TestData.Yuanping}&pageSize=500", ZhifaApp.Json);
        Assert.Equal(0, township!.Total);
        var implemented = await _supervisor.GetFromJsonAsync<Page<CatalogueItemSummary>>($"/api/v1/catalogue?bodyId={MarketStation}&pageSize=500", ZhifaApp.Json);
        Assert.Contains(implemented!.Items, i => i.Id == Food126);
    }

    [Fact]
    public async Task Cleanup_FindsEachKind_PerBodyAndRegion_WithinScope()
    {
        var result = await _supervisor.GetFromJsonAsync<CleanupResult>("/api/v1/catalogue/cleanup", ZhifaApp.Json);
        var findings = result!.Findings;
        Assert.Contains(findings, f => f.Kind == CleanupFindingKind.NoLegalBasis && f.ItemCode == "140981CF09001");
        Assert.Contains(findings, f => f.Kind == CleanupFindingKind.UnusedFiveYears && f.ItemCode == "140981CF09002" && f.ReasonCode == "cleanup.never_used");
        var shared = findings.Where(f => f.Kind == CleanupFindingKind.SharedBasis).Select(f => f.ItemCode).ToList();
        Assert.Contains("140981CF51001", shared);
        Assert.Contains("140981CF61001", shared);
        Assert.Contains(findings, f => f.Kind == CleanupFindingKind.DelegationEvaluationOverdue && f.ItemCode == "140981CF51001" && f.Date < app.Clock.Today());
        Assert.DoesNotContain(findings, f => f.Kind == CleanupFindingKind.DelegationEvaluationOverdue && f.ItemCode == "140981CF41001");
        Assert.DoesNotContain(findings, f => f.ItemCode == "140981CF01004");
        Assert.Contains(result.ByBody, t => t.Id == Market && t.Counts[CleanupFindingKind.NoLegalBasis] >= 1);
        Assert.Contains(result.ByRegion, t => t.Id == TestData.Yuanping && t.Total >= 4);

        var market = await app.ApiAs("yp.market.officer").GetFromJsonAsync<CleanupResult>("/api/v1/catalogue/cleanup", ZhifaApp.Json);
        Assert.Contains(market!.Findings, f => f.ItemCode == "140981CF09001");
        Assert.DoesNotContain(market.Findings, f => f.ItemCode == "140981CF51001");

        var transport = await _supervisor.GetFromJsonAsync<CleanupResult>($"/api/v1/catalogue/cleanup?bodyId={Transport}", ZhifaApp.Json);
        Assert.DoesNotContain(transport!.Findings, f => f.Owner.Id == Market);
        var overdue = await _supervisor.GetFromJsonAsync<CleanupResult>("/api/v1/catalogue/cleanup?kind=DelegationEvaluationOverdue", ZhifaApp.Json);
        Assert.All(overdue!.Findings, f => Assert.Equal(CleanupFindingKind.DelegationEvaluationOverdue, f.Kind));
    }

    [Fact]
    public async Task RecordingAnEvaluation_ClearsTheOverdueFinding()
    {
        var today = app.Clock.Today();
        var item = await CreateAsync(_head, Content(bodies: [Market, MarketStation]) with
        {
            Delegation = new TownshipDelegation("原政发〔2024〕5号", today.AddDays(-10), today.AddDays(-1)),
        });
        await PostAsync(_head, $"/api/v1/catalogue/{item.Id}/submit");
        await PostAsync(_supervisor, $"/api/v1/catalogue/{item.Id}/approve");
        var published = await PostAsync(_head, $"/api/v1/catalogue/{item.Id}/publish");
        Assert.True(published.EvaluationOverdue && published.Actions.Evaluate);

        var future = await _head.PostJsonAsync($"/api/v1/catalogue/{item.Id}/evaluations", new EvaluationRequest(today.AddDays(1), EvaluationResult.CanCarry, today.AddDays(200)));
        (await Problem.ReadAsync(future, HttpStatusCode.BadRequest)).For("evaluatedOn");
        var evaluated = await PostAsync(_head, $"/api/v1/catalogue/{item.Id}/evaluations", new EvaluationRequest(today, EvaluationResult.NeedsSupport, today.AddDays(180), "需加强执法人员培训"));
        Assert.False(evaluated.EvaluationOverdue);
        Assert.Equal(today.AddDays(180), evaluated.EvaluationDueOn);
        Assert.Equal("需加强执法人员培训", Assert.Single(evaluated.Evaluations).Notes);
    }

    [Fact]
    public async Task Import_IsAllOrNothing_AndNamesEachBadRowAndColumn()
    {
        var good = Code();
        string[] header = ["事项编码", "事项名称", "事项类别", "法律法规名称", "条款号", "款项", "条文内容", "实施主体", "设定层级", "赋权文件", "赋权日期", "评估期限", "生效日期"];
        var bad = Xlsx.Write("目录", header,
        [
            [good, "对测试行为的行政处罚", "行政处罚", "中华人民共和国食品安全法", "第一百二十六条", "第一款", "条文", "原平市市场监督管理局", "县级", "", "", "", ""],
            [good, "", "", "中华人民共和国食品安全法", "第一百二十五条", "", "条文", "", "", "", "", "", ""],
            [Code(), "对未知类别的处罚", "行政奖励", "", "", "", "", "", "", "", "", "", ""],
            [Code(), "对日期错误的处罚", "行政处罚", "", "", "", "", "不存在的局", "县级", "", "", "", "2026-13-45"],
            ["140981CF01001", "已有编码", "处罚", "", "", "", "", "", "", "", "", "", ""],
        ]);
        var before = await CountAsync();

        var response = await ImportAsync(bad);

        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("行政奖励", Assert.Single(problem.For("rows[4].kind")), StringComparison.Ordinal);
        Assert.Contains("2026-03-17", Assert.Single(problem.For("rows[5].effectiveFrom")), StringComparison.Ordinal);
        Assert.Contains("不存在的局", Assert.Single(problem.For("rows[5].bodies")), StringComparison.Ordinal);
        problem.For("rows[6].code");
        Assert.Equal(4, problem.Errors!.Count);
        Assert.Equal(before, await CountAsync());

        var legacy = Code();
        var ok = Xlsx.Write("目录", header,
        [
            [good, "对测试行为的行政处罚", "行政处罚", "《中华人民共和国食品安全法》", "第一百二十六条", "第一款", "条文", "原平市市场监督管理局、原平市市场监督管理局崞阳市场监督管理所", "县级", "", "", "", ""],
            [good, "", "", "中华人民共和国食品安全法", "第一百二十五条", "", "条文", "", "", "", "", "", ""],
            [legacy, "对旧目录事项的行政处罚", "处罚", "", "", "", "", "原平市市场监督管理局", "", "", "", "", "2020-01-01"],
        ]);
        var imported = await ImportAsync(ok);
        Assert.True(imported.StatusCode == HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        var outcome = await imported.ReadAsync<ImportOutcome>();
        Assert.Equal((1, 1), (outcome.Drafts, outcome.Published));
        Assert.Equal(before + 2, await CountAsync());

        var list = await _head.GetFromJsonAsync<Page<CatalogueItemSummary>>($"/api/v1/catalogue?q={good}", ZhifaApp.Json);
        var draft = Assert.Single(list!.Items);
        Assert.Equal((VersionState.Draft, 2), (draft.State, draft.BasisCount));
        var old = (await _head.GetFromJsonAsync<Page<CatalogueItemSummary>>($"/api/v1/catalogue?q={legacy}", ZhifaApp.Json))!.Items.Single();
        Assert.Equal((VersionState.Published, new DateOnly(2020, 1, 1)), (old.State, old.EffectiveFrom));

        // The export is a sheet the import reads again.
        var export = await _head.GetAsync($"/api/v1/catalogue/export?q={good}");
        Assert.Equal(Xlsx.ContentType, export.Content.Headers.ContentType?.MediaType);
        var rows = Xlsx.Read(await export.Content.ReadAsStreamAsync())!;
        Assert.Equal(2, rows.Count);
        Assert.Equal(["第一百二十五条", "第一百二十六条"], rows.Select(r => r["条款号"]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Import_WithoutAWorkbook_IsRefused()
    {
        using var content = new MultipartFormDataContent { { new ByteArrayContent("not a workbook"u8.ToArray()), "file", "catalogue.xlsx" } };
        var problem = await Problem.ReadAsync(await _head.PostAsync($"/api/v1/catalogue/import?ownerId={Market}", content), HttpStatusCode.BadRequest);
        problem.For("file");
    }

    [Fact]
    public async Task PublicEndpoints_AnswerWithoutSignIn_AndShowOnlyWhatWasPublished()
    {
        var anonymous = app.Api();
        var catalogue = await anonymous.GetFromJsonAsync<Page<PublicItemSummary>>("/api/v1/public/catalogue?pageSize=500", ZhifaApp.Json);
        Assert.Contains(catalogue!.Items, i => i.Id == Food126 && i.PublishedAt is not null);
        Assert.DoesNotContain(catalogue.Items, i => i.Id == DraftItem || i.Code == "140981CF09003");
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/public/catalogue/{DraftItem}")).StatusCode);
        var item = await anonymous.GetFromJsonAsync<PublicItemDetail>($"/api/v1/public/catalogue/{Food126}", ZhifaApp.Json);
        Assert.Equal(Food126, item!.Id);
        var ofItem = await anonymous.GetFromJsonAsync<Page<Zhifa.Core.Discretion.PublicBenchmarkSummary>>($"/api/v1/public/benchmarks?itemId={Food126}", ZhifaApp.Json);
        Assert.Contains(ofItem!.Items, b => b.Id == Benchmark("market-126"));

        var benchmark = await anonymous.GetFromJsonAsync<Zhifa.Core.Discretion.PublicBenchmarkDto>($"/api/v1/public/benchmarks/{Benchmark("ecology-99-yuanping")}", ZhifaApp.Json);
        Assert.Equal(Benchmark("ecology-99"), benchmark!.Upper!.Id);
        Assert.Equal(6, benchmark.Tiers.Count);
        var lists = await anonymous.GetFromJsonAsync<List<Zhifa.Core.Discretion.ListPublicationDto>>($"/api/v1/public/lists?bodyId={Market}", ZhifaApp.Json);
        Assert.Equal(4, lists!.Count);
        Assert.Contains(lists, l => l.List == Zhifa.Core.Discretion.ListKind.NoPenalty && l.Entries.Any(e => e.Annotation is not null));

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/catalogue")).StatusCode);
    }

    private Task<HttpResponseMessage> ImportAsync(byte[] workbook)
    {
        var content = new MultipartFormDataContent { { new ByteArrayContent(workbook), "file", "catalogue.xlsx" } };
        return _head.PostAsync($"/api/v1/catalogue/import?ownerId={Market}", content);
    }

    private async Task<int> CountAsync()
    {
        await using var scope = app.Scope(out var db);
        return await db.CatalogueItems.CountAsync();
    }
}

public sealed class CatalogueApiTests_Sqlite(SqliteApp fixture) : CatalogueApiTests(fixture.App), IClassFixture<SqliteApp>;

public sealed class CatalogueApiTests_Postgres(PostgresApp fixture) : CatalogueApiTests(fixture.App), IClassFixture<PostgresApp>;
