using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Core.Catalogue;
using Zhifa.Core.Data;
using Zhifa.Core.Demo;
using Zhifa.Core.Discretion;
using Zhifa.Core.Identity;
using Zhifa.Core.Organizations;
using Zhifa.Tests.Infrastructure;
using Zhifa.Web.Common;

namespace Zhifa.Tests.Identity;

/// <summary>The catalogue's, benchmarks', calculator's and lists' rows of the role matrix; their data is set up by the system.</summary>
public abstract partial class RoleMatrixTests
{
    private static readonly Guid Market = DemoData.Ids.YuanpingMarket;
    private static readonly Guid Food126 = Zhifa.Core.Common.DeterministicGuid.From("catalogue:140981CF01003");
    private static readonly Guid Market126 = Zhifa.Core.Common.DeterministicGuid.From("benchmark:market-126");

    /// <summary>The body a role issues benchmarks for in scope: its own body, or the county bureau above a township station (CLJZ-LEVEL).</summary>
    /// <summary>
    /// A body in the role's scope that implements the food item (the calculator refuses a body that does not): the
    /// role's own, or — for the roles whose own organisation is the transport bureau — the market bureau in their region.
    /// </summary>
    private static Guid DeciderIn(Ctx c) => c.Role.InOrg == DemoData.Ids.YuanpingTransport ? Market : c.Role.InOrg;

    private static Guid IssuerIn(Ctx c) => c.Role.InOrg == DemoData.Ids.Body("原平市市场监督管理局崞阳市场监督管理所") ? Market : c.Role.InOrg;

    private enum Stage { Draft, Submitted, Approved, Published }

    private static async Task<T> AsSystemAsync<T>(Ctx c, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = c.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().AsSystem();
        return await work(scope.ServiceProvider);
    }

    private static ItemContentRequest MatrixContent(Guid owner, TownshipDelegation? delegation = null) =>
        new("矩阵测试事项" + TestData.Next(), ItemKind.Penalty,
            [new LegalBasis("中华人民共和国食品安全法", "第一百二十六条", "第一款", "条文")],
            [owner, DemoData.Ids.Body("原平市市场监督管理局崞阳市场监督管理所")], RegionLevel.County, delegation);

    private static string MatrixCode() => "M" + TestData.Next().ToString("D7", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An item of <paramref name="owner"/> taken to <paramref name="stage"/> by the system.</summary>
    private static Task<Guid> ItemAsync(Ctx c, Guid owner, Stage stage, TownshipDelegation? delegation = null) => AsSystemAsync(c, async s =>
    {
        var id = (await s.GetRequiredService<CreateCatalogueItem>().ExecuteAsync(new CreateItemRequest(owner, MatrixCode(), MatrixContent(owner, delegation)))).Value;
        if (stage >= Stage.Submitted)
            Assert.True((await s.GetRequiredService<SubmitCatalogueItem>().ExecuteAsync(id)).IsSuccess);
        if (stage >= Stage.Approved)
            Assert.True((await s.GetRequiredService<ReviewCatalogueItem>().ApproveAsync(id)).IsSuccess);
        if (stage >= Stage.Published)
            Assert.True((await s.GetRequiredService<PublishCatalogueItem>().ExecuteAsync(id, new EffectiveDateRequest())).IsSuccess);
        return id;
    });

    /// <summary>A legacy item of <paramref name="owner"/> without a legal basis, taken over as published: a clean-up finding.</summary>
    private static Task<string> LegacyWithoutBasisAsync(Ctx c, Guid owner) => AsSystemAsync(c, async s =>
    {
        var code = MatrixCode();
        var row = new CatalogueImportRow(2, new Dictionary<string, string>
        {
            [CatalogueColumns.Code] = code, [CatalogueColumns.Name] = "矩阵旧目录事项", [CatalogueColumns.Kind] = "行政处罚", [CatalogueColumns.EffectiveFrom] = "2024-01-01",
        });
        Assert.True((await s.GetRequiredService<ImportCatalogue>().ExecuteAsync(owner, [row])).IsSuccess);
        return code;
    });

    /// <summary>A benchmark issued by <paramref name="issuer"/> for a fresh published item of its own, at the given status.</summary>
    private static Task<Guid> BenchmarkAsync(Ctx c, Guid issuer, BenchmarkStatus status) => AsSystemAsync(c, async s =>
    {
        var item = await ItemAsync(c, issuer, Stage.Published);
        var id = (await s.GetRequiredService<CreateBenchmark>().ExecuteAsync(new CreateBenchmarkRequest(item, issuer, "矩阵测试基准",
            Zhifa.Core.Discretion.FineRange.Fixed(5_000, 50_000), [PenaltyKind.Warning, PenaltyKind.Fine]))).Value;
        if (status >= BenchmarkStatus.Filed)
            Assert.True((await s.GetRequiredService<FileBenchmark>().ExecuteAsync(id)).IsSuccess);
        if (status >= BenchmarkStatus.Approved)
            Assert.True((await s.GetRequiredService<ReviewBenchmark>().ApproveAsync(id)).IsSuccess);
        if (status >= BenchmarkStatus.Published)
            Assert.True((await s.GetRequiredService<PublishBenchmark>().ExecuteAsync(id, new EffectiveDateRequest())).IsSuccess);
        return id;
    });

    /// <summary>A published city benchmark for an item both the role's in-scope and out-of-scope bodies implement.</summary>
    private static Task<Guid> CityBenchmarkAsync(Ctx c) => AsSystemAsync(c, async s =>
    {
        var city = DemoData.Ids.XinzhouEcology;
        var content = MatrixContent(city) with { BodyIds = [city, IssuerIn(c), c.Role.OutOrg] };
        var item = (await s.GetRequiredService<CreateCatalogueItem>().ExecuteAsync(new CreateItemRequest(city, MatrixCode(), content))).Value;
        await s.GetRequiredService<SubmitCatalogueItem>().ExecuteAsync(item);
        await s.GetRequiredService<ReviewCatalogueItem>().ApproveAsync(item);
        await s.GetRequiredService<PublishCatalogueItem>().ExecuteAsync(item, new EffectiveDateRequest());
        var id = (await s.GetRequiredService<CreateBenchmark>().ExecuteAsync(new CreateBenchmarkRequest(item, city, "矩阵市级基准",
            Zhifa.Core.Discretion.FineRange.Fixed(5_000, 50_000), [PenaltyKind.Warning, PenaltyKind.Fine]))).Value;
        await s.GetRequiredService<FileBenchmark>().ExecuteAsync(id);
        await s.GetRequiredService<ReviewBenchmark>().ApproveAsync(id);
        Assert.True((await s.GetRequiredService<PublishBenchmark>().ExecuteAsync(id, new EffectiveDateRequest())).IsSuccess);
        return id;
    });

    private static async Task<HttpResponseMessage> ListedAsync(Ctx c, Guid owner, string what)
    {
        var id = await ItemAsync(c, owner, Stage.Draft);
        var code = await AsSystemAsync(c, async s => (await s.GetRequiredService<CatalogueQueries>().GetAsync(id)).Value.Code);
        return await c.Client.GetAsync($"/api/v1/catalogue{what}?q={code}");
    }

    private static Check SheetRows(int expected) => async (r, _) =>
        Xlsx.Read(await r.Content.ReadAsStreamAsync())?.Count == expected ? null : $"the sheet should have {expected} rows";

    private static Check SheetRowsAtLeast(int expected) => async (r, _) =>
        Xlsx.Read(await r.Content.ReadAsStreamAsync())?.Count >= expected ? null : $"the sheet should have at least {expected} rows";

    private static async Task<HttpResponseMessage> CleanupLacksAsync(Ctx c, Guid owner, string what = "")
    {
        var code = await LegacyWithoutBasisAsync(c, owner);
        var response = await c.Client.GetAsync("/api/v1/catalogue/cleanup" + what);
        response.Headers.Add("X-Matrix-Code", code);
        return response;
    }

    private static Check Mentions(bool expected) => async (r, _) =>
    {
        var code = r.Headers.GetValues("X-Matrix-Code").Single();
        return (await r.Content.ReadAsStringAsync()).Contains(code, StringComparison.Ordinal) == expected ? null : (expected ? "lacks " : "shows ") + code;
    };

    /// <summary>The exported sheet has (or lacks) a row whose item code is the one the case set up.</summary>
    private static Check SheetMentions(bool expected) => async (r, _) =>
    {
        var code = r.Headers.GetValues("X-Matrix-Code").Single();
        var rows = Xlsx.Read(await r.Content.ReadAsStreamAsync()) ?? [];
        var found = rows.Any(row => row.Values.Values.Any(v => v == code));
        return found == expected ? null : (expected ? "the sheet lacks " : "the sheet shows ") + code;
    };

    private static byte[] MatrixSheet() => Xlsx.Write("目录", ["事项编码", "事项名称", "事项类别"], [[MatrixCode(), "矩阵导入事项", "行政处罚"]]);

    private static Task<HttpResponseMessage> ImportAsync(Ctx c, Guid owner)
    {
        var content = new MultipartFormDataContent { { new ByteArrayContent(MatrixSheet()), "file", "catalogue.xlsx" } };
        return c.Client.PostAsync($"/api/v1/catalogue/import?ownerId={owner}", content);
    }

    private static readonly BenchmarkTier[] MatrixTiers =
        [.. BenchmarkGenerator.DefaultTiers(Zhifa.Core.Discretion.FineRange.Fixed(5_000, 50_000), [PenaltyKind.Warning, PenaltyKind.Fine], TierSettings.Default).Value];

    /// <summary>What each shipped role gets from the catalogue, benchmark, calculator and list API: <c>in/out</c> per role (in scope / out of scope).</summary>
    internal static readonly string CatalogueExpected = """
        endpoint                                        officer  legal_reviewer  agency_head  supervisor  administrator
        GET    /api/v1/catalogue                        200/200  200/200         200/200      200/200     200/200
        GET    /api/v1/catalogue/export                 200/200  200/200         200/200      200/200     200/200
        POST   /api/v1/catalogue/import                 403/403  403/403         200/400      403/403     403/403
        GET    /api/v1/catalogue/cleanup                200/200  200/200         200/200      200/200     200/200
        GET    /api/v1/catalogue/cleanup/export         200/200  200/200         200/200      200/200     200/200
        GET    /api/v1/catalogue/{id:guid}              200/404  200/404         200/404      200/404     200/404
        GET    /api/v1/catalogue/{id:guid}/in-force     200/404  200/404         200/404      200/404     200/404
        POST   /api/v1/catalogue                        403/403  403/403         201/400      403/403     403/403
        PUT    /api/v1/catalogue/{id:guid}              403/403  403/403         200/404      403/403     403/403
        POST   /api/v1/catalogue/{id:guid}/submit       403/403  403/403         200/404      403/403     403/403
        POST   /api/v1/catalogue/{id:guid}/return       403/403  403/403         403/403      200/404     403/403
        POST   /api/v1/catalogue/{id:guid}/approve      403/403  403/403         403/403      200/404     403/403
        POST   /api/v1/catalogue/{id:guid}/publish      403/403  403/403         200/404      403/403     403/403
        POST   /api/v1/catalogue/{id:guid}/amend        403/403  403/403         200/404      403/403     403/403
        POST   /api/v1/catalogue/{id:guid}/abolish      403/403  403/403         200/404      403/403     403/403
        POST   /api/v1/catalogue/{id:guid}/evaluations  403/403  403/403         200/404      403/403     403/403
        GET    /api/v1/benchmarks                       200/200  200/200         200/200      200/200     200/200
        GET    /api/v1/benchmarks/export                200/200  200/200         200/200      200/200     200/200
        GET    /api/v1/benchmarks/{id:guid}             200/404  200/404         200/404      200/404     200/404
        POST   /api/v1/benchmarks                       403/403  403/403         201/400      403/403     403/403
        PUT    /api/v1/benchmarks/{id:guid}             403/403  403/403         200/404      403/403     403/403
        POST   /api/v1/benchmarks/{id:guid}/refine      403/403  403/403         201/400      403/403     403/403
        POST   /api/v1/benchmarks/{id:guid}/file        403/403  403/403         200/404      403/403     403/403
        POST   /api/v1/benchmarks/{id:guid}/return      403/403  403/403         403/403      200/404     403/403
        POST   /api/v1/benchmarks/{id:guid}/approve     403/403  403/403         403/403      200/404     403/403
        POST   /api/v1/benchmarks/{id:guid}/publish     403/403  403/403         200/404      403/403     403/403
        POST   /api/v1/discretion/calculate             200/403  200/403         200/403      200/403     200/403
        POST   /api/v1/discretion/check                 200/403  200/403         200/403      200/403     200/403
        GET    /api/v1/lists                            200/404  200/404         200/404      200/404     200/404
        GET    /api/v1/lists/export                     200/404  200/404         200/404      200/404     200/404
        PUT    /api/v1/lists/curations                  403/403  403/403         200/400      403/403     403/403
        POST   /api/v1/lists/publish                    403/403  403/403         200/400      403/403     403/403
        """;

    private static readonly Case[] CatalogueCases =
    [
        // The catalogue
        new("GET /api/v1/catalogue/",
            c => ListedAsync(c, c.Role.InOrg, ""), c => ListedAsync(c, c.Role.OutOrg, ""),
            Total(t => t == 1), Total(t => t == 0)),
        new("GET /api/v1/catalogue/export",
            c => ListedAsync(c, c.Role.InOrg, "/export"), c => ListedAsync(c, c.Role.OutOrg, "/export"),
            SheetRows(1), SheetRows(0)),
        new("POST /api/v1/catalogue/import",
            c => ImportAsync(c, c.Role.InOrg), c => ImportAsync(c, c.Role.OutOrg),
            CheckOut: FieldError("ownerId")),
        new("GET /api/v1/catalogue/cleanup",
            c => CleanupLacksAsync(c, c.Role.InOrg), c => CleanupLacksAsync(c, c.Role.OutOrg),
            Mentions(true), Mentions(false)),
        new("GET /api/v1/catalogue/cleanup/export",
            c => CleanupLacksAsync(c, c.Role.InOrg, "/export"), c => CleanupLacksAsync(c, c.Role.OutOrg, "/export"),
            SheetMentions(true), SheetMentions(false)),
        new("GET /api/v1/catalogue/{id:guid}",
            async c => await c.Client.GetAsync($"/api/v1/catalogue/{await ItemAsync(c, c.Role.InOrg, Stage.Draft)}"),
            async c => await c.Client.GetAsync($"/api/v1/catalogue/{await ItemAsync(c, c.Role.OutOrg, Stage.Draft)}")),
        new("GET /api/v1/catalogue/{id:guid}/in-force",
            async c => await c.Client.GetAsync($"/api/v1/catalogue/{await ItemAsync(c, c.Role.InOrg, Stage.Published)}/in-force"),
            async c => await c.Client.GetAsync($"/api/v1/catalogue/{await ItemAsync(c, c.Role.OutOrg, Stage.Draft)}/in-force")),
        new("POST /api/v1/catalogue/",
            c => c.Client.PostJsonAsync("/api/v1/catalogue", new CreateItemRequest(c.Role.InOrg, MatrixCode(), MatrixContent(c.Role.InOrg))),
            c => c.Client.PostJsonAsync("/api/v1/catalogue", new CreateItemRequest(c.Role.OutOrg, MatrixCode(), MatrixContent(c.Role.OutOrg))),
            CheckOut: FieldError("ownerId")),
        new("PUT /api/v1/catalogue/{id:guid}",
            async c => await c.Client.PutJsonAsync($"/api/v1/catalogue/{await ItemAsync(c, c.Role.InOrg, Stage.Draft)}", MatrixContent(c.Role.InOrg)),
            async c => await c.Client.PutJsonAsync($"/api/v1/catalogue/{await ItemAsync(c, c.Role.OutOrg, Stage.Draft)}", MatrixContent(c.Role.OutOrg))),
        new("POST /api/v1/catalogue/{id:guid}/submit",
            async c => await c.Client.PostAsync($"/api/v1/catalogue/{await ItemAsync(c, c.Role.InOrg, Stage.Draft)}/submit", null),
            async c => await c.Client.PostAsync($"/api/v1/catalogue/{await ItemAsync(c, c.Role.OutOrg, Stage.Draft)}/submit", null)),
        new("POST /api/v1/catalogue/{id:guid}/return",
            async c => await c.Client.PostJsonAsync($"/api/v1/catalogue/{await ItemAsync(c, c.Role.InOrg, Stage.Submitted)}/return", new ReviewCommentsRequest("矩阵意见")),
            async c => await c.Client.PostJsonAsync($"/api/v1/catalogue/{await ItemAsync(c, c.Role.OutOrg, Stage.Submitted)}/return", new ReviewCommentsRequest("矩阵意见"))),
        new("POST /api/v1/catalogue/{id:guid}/approve",
            async c => await c.Client.PostAsync($"/api/v1/catalogue/{await ItemAsync(c, c.Role.InOrg, Stage.Submitted)}/approve", null),
            async c => await c.Client.PostAsync($"/api/v1/catalogue/{await ItemAsync(c, c.Role.OutOrg, Stage.Submitted)}/approve", null)),
        new("POST /api/v1/catalogue/{id:guid}/publish",
            async c => await c.Client.PostJsonAsync($"/api/v1/catalogue/{await ItemAsync(c, c.Role.InOrg, Stage.Approved)}/publish", new EffectiveDateRequest()),
            async c => await c.Client.PostJsonAsync($"/api/v1/catalogue/{await ItemAsync(c, c.Role.OutOrg, Stage.Approved)}/publish", new EffectiveDateRequest())),
        new("POST /api/v1/catalogue/{id:guid}/amend",
            async c => await c.Client.PostAsync($"/api/v1/catalogue/{await ItemAsync(c, c.Role.InOrg, Stage.Published)}/amend", null),
            async c => await c.Client.PostAsync($"/api/v1/catalogue/{await ItemAsync(c, c.Role.OutOrg, Stage.Published)}/amend", null)),
        new("POST /api/v1/catalogue/{id:guid}/abolish",
            async c => await c.Client.PostJsonAsync($"/api/v1/catalogue/{await ItemAsync(c, c.Role.InOrg, Stage.Published)}/abolish", new AbolishItemRequest()),
            async c => await c.Client.PostJsonAsync($"/api/v1/catalogue/{await ItemAsync(c, c.Role.OutOrg, Stage.Published)}/abolish", new AbolishItemRequest())),
        new("POST /api/v1/catalogue/{id:guid}/evaluations",
            async c => await c.Client.PostJsonAsync($"/api/v1/catalogue/{await ItemAsync(c, c.Role.InOrg, Stage.Published, MatrixDelegation(c))}/evaluations", MatrixEvaluation(c)),
            async c => await c.Client.PostJsonAsync($"/api/v1/catalogue/{await ItemAsync(c, c.Role.OutOrg, Stage.Published, MatrixDelegation(c))}/evaluations", MatrixEvaluation(c))),

        // Benchmarks
        new("GET /api/v1/benchmarks/",
            async c =>
            {
                await BenchmarkAsync(c, IssuerIn(c), BenchmarkStatus.Draft);
                return await c.Client.GetAsync($"/api/v1/benchmarks?q=矩阵测试基准&bodyId={IssuerIn(c)}&status=Draft&pageSize=500");
            },
            async c =>
            {
                await BenchmarkAsync(c, c.Role.OutOrg, BenchmarkStatus.Draft);
                return await c.Client.GetAsync($"/api/v1/benchmarks?q=矩阵测试基准&bodyId={c.Role.OutOrg}&status=Draft&pageSize=500");
            },
            Total(t => t >= 1), Total(t => t == 0)),
        new("GET /api/v1/benchmarks/export",
            async c =>
            {
                await BenchmarkAsync(c, IssuerIn(c), BenchmarkStatus.Draft);
                return await c.Client.GetAsync($"/api/v1/benchmarks/export?q=矩阵测试基准&bodyId={IssuerIn(c)}&status=Draft");
            },
            async c =>
            {
                await BenchmarkAsync(c, c.Role.OutOrg, BenchmarkStatus.Draft);
                return await c.Client.GetAsync($"/api/v1/benchmarks/export?q=矩阵测试基准&bodyId={c.Role.OutOrg}&status=Draft");
            },
            SheetRowsAtLeast(1), SheetRows(0)),
        new("GET /api/v1/benchmarks/{id:guid}",
            async c => await c.Client.GetAsync($"/api/v1/benchmarks/{await BenchmarkAsync(c, IssuerIn(c), BenchmarkStatus.Draft)}"),
            async c => await c.Client.GetAsync($"/api/v1/benchmarks/{await BenchmarkAsync(c, c.Role.OutOrg, BenchmarkStatus.Draft)}")),
        new("POST /api/v1/benchmarks/",
            async c => await c.Client.PostJsonAsync("/api/v1/benchmarks", new CreateBenchmarkRequest(await ItemAsync(c, IssuerIn(c), Stage.Published), IssuerIn(c), "矩阵基准",
                Zhifa.Core.Discretion.FineRange.Fixed(5_000, 50_000), [PenaltyKind.Warning, PenaltyKind.Fine])),
            async c => await c.Client.PostJsonAsync("/api/v1/benchmarks", new CreateBenchmarkRequest(await ItemAsync(c, c.Role.OutOrg, Stage.Published), c.Role.OutOrg, "矩阵基准",
                Zhifa.Core.Discretion.FineRange.Fixed(5_000, 50_000), [PenaltyKind.Warning, PenaltyKind.Fine])),
            CheckOut: FieldError("issuingBodyId")),
        new("PUT /api/v1/benchmarks/{id:guid}",
            async c => await c.Client.PutJsonAsync($"/api/v1/benchmarks/{await BenchmarkAsync(c, IssuerIn(c), BenchmarkStatus.Draft)}", new ReviseBenchmarkRequest(MatrixTiers)),
            async c => await c.Client.PutJsonAsync($"/api/v1/benchmarks/{await BenchmarkAsync(c, c.Role.OutOrg, BenchmarkStatus.Draft)}", new ReviseBenchmarkRequest(MatrixTiers))),
        new("POST /api/v1/benchmarks/{id:guid}/refine",
            async c => await c.Client.PostJsonAsync($"/api/v1/benchmarks/{await CityBenchmarkAsync(c)}/refine", new RefineBenchmarkRequest(IssuerIn(c), "矩阵细化基准")),
            async c => await c.Client.PostJsonAsync($"/api/v1/benchmarks/{await CityBenchmarkAsync(c)}/refine", new RefineBenchmarkRequest(c.Role.OutOrg, "矩阵细化基准")),
            CheckOut: FieldError("issuingBodyId")),
        new("POST /api/v1/benchmarks/{id:guid}/file",
            async c => await c.Client.PostAsync($"/api/v1/benchmarks/{await BenchmarkAsync(c, IssuerIn(c), BenchmarkStatus.Draft)}/file", null),
            async c => await c.Client.PostAsync($"/api/v1/benchmarks/{await BenchmarkAsync(c, c.Role.OutOrg, BenchmarkStatus.Draft)}/file", null)),
        new("POST /api/v1/benchmarks/{id:guid}/return",
            async c => await c.Client.PostJsonAsync($"/api/v1/benchmarks/{await BenchmarkAsync(c, IssuerIn(c), BenchmarkStatus.Filed)}/return", new ReviewCommentsRequest("矩阵意见")),
            async c => await c.Client.PostJsonAsync($"/api/v1/benchmarks/{await BenchmarkAsync(c, c.Role.OutOrg, BenchmarkStatus.Filed)}/return", new ReviewCommentsRequest("矩阵意见"))),
        new("POST /api/v1/benchmarks/{id:guid}/approve",
            async c => await c.Client.PostAsync($"/api/v1/benchmarks/{await BenchmarkAsync(c, IssuerIn(c), BenchmarkStatus.Filed)}/approve", null),
            async c => await c.Client.PostAsync($"/api/v1/benchmarks/{await BenchmarkAsync(c, c.Role.OutOrg, BenchmarkStatus.Filed)}/approve", null)),
        new("POST /api/v1/benchmarks/{id:guid}/publish",
            async c => await c.Client.PostJsonAsync($"/api/v1/benchmarks/{await BenchmarkAsync(c, IssuerIn(c), BenchmarkStatus.Approved)}/publish", new EffectiveDateRequest()),
            async c => await c.Client.PostJsonAsync($"/api/v1/benchmarks/{await BenchmarkAsync(c, c.Role.OutOrg, BenchmarkStatus.Approved)}/publish", new EffectiveDateRequest())),

        // The calculator: any reader, for a body in scope
        new("POST /api/v1/discretion/calculate",
            c => c.Client.PostJsonAsync("/api/v1/discretion/calculate", new CalculateRequest(Food126, BodyId: DeciderIn(c))),
            c => c.Client.PostJsonAsync("/api/v1/discretion/calculate", new CalculateRequest(Food126, BodyId: c.Role.OutOrg))),
        new("POST /api/v1/discretion/check",
            c => c.Client.PostJsonAsync("/api/v1/discretion/check", new CheckRequest(Food126, [PenaltyKind.Fine], 20_000, BodyId: DeciderIn(c))),
            c => c.Client.PostJsonAsync("/api/v1/discretion/check", new CheckRequest(Food126, [PenaltyKind.Fine], 20_000, BodyId: c.Role.OutOrg))),

        // A body's lists
        new("GET /api/v1/lists/",
            c => c.Client.GetAsync($"/api/v1/lists?bodyId={c.Role.InOrg}"),
            c => c.Client.GetAsync($"/api/v1/lists?bodyId={c.Role.OutOrg}")),
        new("GET /api/v1/lists/export",
            c => c.Client.GetAsync($"/api/v1/lists/export?bodyId={c.Role.InOrg}"),
            c => c.Client.GetAsync($"/api/v1/lists/export?bodyId={c.Role.OutOrg}")),
        new("PUT /api/v1/lists/curations",
            c => c.Client.PutJsonAsync("/api/v1/lists/curations", new CurateListRequest(Market, ListKind.Lighter, Market126, DiscretionTier.Lighter, false, "矩阵备注" + TestData.Next())),
            c => c.Client.PutJsonAsync("/api/v1/lists/curations", new CurateListRequest(c.Role.OutOrg, ListKind.Lighter, Market126, DiscretionTier.Lighter, false, "矩阵备注")),
            CheckOut: FieldError("bodyId")),
        new("POST /api/v1/lists/publish",
            c => c.Client.PostJsonAsync("/api/v1/lists/publish", new PublishListRequest(Market, ListKind.Lighter)),
            c => c.Client.PostJsonAsync("/api/v1/lists/publish", new PublishListRequest(c.Role.OutOrg, ListKind.Lighter)),
            CheckOut: FieldError("bodyId")),
    ];

    private static TownshipDelegation MatrixDelegation(Ctx c)
    {
        var today = Zhifa.Core.Common.ChinaDate.Today(c.App.Clock);
        return new TownshipDelegation("矩阵赋权文件", today.AddDays(-30), today.AddDays(30));
    }

    private static EvaluationRequest MatrixEvaluation(Ctx c)
    {
        var today = Zhifa.Core.Common.ChinaDate.Today(c.App.Clock);
        return new EvaluationRequest(today, EvaluationResult.CanCarry, today.AddDays(365));
    }
}
