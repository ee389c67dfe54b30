using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Core.Catalogue;
using Zhifa.Core.Common;
using Zhifa.Core.Data;
using Zhifa.Core.Discretion;
using Zhifa.Core.Organizations;
using Zhifa.Tests.Infrastructure;
using Zhifa.Web.Discretion;
using Zhifa.Web.Common;
using static Zhifa.Tests.Catalogue.CatalogueApi;

namespace Zhifa.Tests.Discretion;

/// <summary>Benchmarks, the calculator and the lists over HTTP, on SQLite and on PostgreSQL.</summary>
public abstract class DiscretionApiTests(ZhifaApp app)
{
    private static readonly PenaltyKind[] WarningAndFine = [PenaltyKind.Warning, PenaltyKind.Fine];
    private readonly HttpClient _officer = app.ApiAs("yp.market.officer");
    private readonly HttpClient _head = app.ApiAs("yp.market.head");

    private async Task<CalculationDto> CalculateAsync(CalculateRequest request, HttpClient? client = null)
    {
        var response = await (client ?? _officer).PostJsonAsync("/api/v1/discretion/calculate", request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<CalculationDto>();
    }

    private async Task<CheckResponse> CheckAsync(CheckRequest request)
    {
        var response = await _officer.PostJsonAsync("/api/v1/discretion/check", request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<CheckResponse>();
    }

    [Fact]
    [Trait("Rule", "CLJZ-EXPLAIN")]
    public async Task Calculate_GivesTheTierRangeSuggestionAndExplanation_CLJZ_EXPLAIN()
    {
        var result = await CalculateAsync(new CalculateRequest(Food126, Circumstances.ActivelyReducedHarm));

        Assert.Equal((DiscretionTier.Lighter, 4), (result.Tier, result.TierNumber));
        Assert.Equal((5_000m, 18_500m), (result.TierRange!.Min, result.TierRange.Max));
        Assert.Equal((5_000m, 50_000m), (result.StatutoryRange!.Min, result.StatutoryRange.Max));
        Assert.Equal(11_750m, result.SuggestedAmount);
        Assert.Equal(Market, result.Body.Id);
        Assert.Equal(WarningAndFine, result.PenaltyKinds);
        Assert.Equal("当事人主动消除或者减轻违法行为危害后果，依据《原平市市场监督管理局行政处罚裁量基准（食品安全）》第4档（从轻处罚）的规定，在罚款5000元至18500元的幅度内，决定给予警告，并处罚款11750元。",
            result.Explanation);
        Assert.StartsWith("Circumstances: actively eliminated or reduced the harm.", result.ExplanationEnglish, StringComparison.Ordinal);
    }

    [Theory]
    [Trait("Rule", "CLJZ-30")]
    [Trait("Rule", "CLJZ-DEVIATE")]
    [InlineData(Circumstances.ActivelyReducedHarm, 18_500, true, DiscretionTier.Lighter)]
    [InlineData(Circumstances.None, 18_500, false, DiscretionTier.Lighter)]
    [InlineData(Circumstances.None, 18_501, true, DiscretionTier.Ordinary)]
    [InlineData(Circumstances.None, 36_499, true, DiscretionTier.Ordinary)]
    [InlineData(Circumstances.None, 36_500, false, DiscretionTier.Heavier)]
    [InlineData(Circumstances.RepeatWithinYear, 36_500, true, DiscretionTier.Heavier)]
    public async Task Check_AnAmountExactlyAtATierEdge_BelongsToTheTierThatOwnsTheBound_CLJZ_30(Circumstances facts, int amount, bool within, DiscretionTier amountTier)
    {
        var result = await CheckAsync(new CheckRequest(Food126, [PenaltyKind.Fine], amount, facts));

        Assert.Equal((within, amountTier), (result.WithinBenchmark, result.AmountTier));
        if (!within)
        {
            Assert.Equal("CLJZ-DEVIATE", result.Rule);
            Assert.Equal(["discretion.amount_outside_tier"], result.ReasonCodes);
            Assert.Contains("机关负责人批准或者集体讨论", result.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    [Trait("Rule", "XZCF-33")]
    public async Task Check_APenaltyWhereNoPenaltyIsDue_IsRefused_XZCF_33()
    {
        var response = await _officer.PostJsonAsync("/api/v1/discretion/check",
            new CheckRequest(Food126, [PenaltyKind.Fine], 5_000, Circumstances.Minor | Circumstances.PromptlyCorrected | Circumstances.NoHarm));

        var problem = await Problem.ReadAsync(response, (HttpStatusCode)422);
        Assert.Equal("XZCF-33", problem.Rule);
        var above = await _officer.PostJsonAsync("/api/v1/discretion/check", new CheckRequest(Food126, [PenaltyKind.Fine], 50_001));
        Assert.Contains("50000", Assert.Single((await Problem.ReadAsync(above, HttpStatusCode.BadRequest)).For("fineAmount")), StringComparison.Ordinal);
    }

    [Theory]
    [Trait("Rule", "CLJZ-30")]
    [InlineData(50_000, 220_000, 380_000, 300_000)]
    [InlineData(20_000, 88_000, 152_000, 120_000)]
    [InlineData(19_999.99, 37_000, 73_000, 55_000)]
    [InlineData(0, 37_000, 73_000, 55_000)]
    public async Task Calculate_FineAsMultiplesOfTheIllegalGain_OrTheFixedRangeBelowTheThreshold(double gain, int min, int max, int suggested)
    {
        var result = await CalculateAsync(new CalculateRequest(Road63, IllegalGain: (decimal)gain), app.ApiAs("yp.transport.officer"));

        Assert.Equal(DiscretionTier.Ordinary, result.Tier);
        Assert.Equal((min, max), ((int)result.TierRange!.Min, (int)result.TierRange.Max));
        Assert.Equal(suggested, (int)result.SuggestedAmount!.Value);
        if (gain >= 20_000)
            Assert.Contains($"违法所得{gain}元的4.4倍至7.6倍", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calculate_BadInput_IsAClearError()
    {
        var transport = app.ApiAs("yp.transport.officer");
        async Task<Problem> Refused(CalculateRequest request, HttpStatusCode status = HttpStatusCode.BadRequest) =>
            await Problem.ReadAsync(await transport.PostJsonAsync("/api/v1/discretion/calculate", request), status);

        Assert.Contains("不是行政处罚事项", Assert.Single((await Refused(new CalculateRequest(SafetyInspection, BodyId: Transport))).For("itemId")), StringComparison.Ordinal);
        (await Refused(new CalculateRequest(Road63, IllegalGain: -1))).For("illegalGain");
        (await Refused(new CalculateRequest(Road63))).For("illegalGain");
        Assert.Equal("discretion.body_not_acted_for",
            (await Refused(new CalculateRequest(Road63, IllegalGain: 1, BodyId: DemoBody("原平市市场监督管理局")), HttpStatusCode.Forbidden)).Code);
        (await Refused(new CalculateRequest(Item("140981CF31001"), Quantity: 10, BodyId: Transport))).For("itemId");
    }

    [Fact]
    public async Task Calculate_AnotherBodysItem_OrForABodyTheCallerDoesNotActFor_IsRefused()
    {
        // The market bureau picking the ecology item: refused, not calculated under the ecology bureau's benchmark.
        var response = await _officer.PostJsonAsync("/api/v1/discretion/calculate", new CalculateRequest(Air99, BodyId: Market));
        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("不实施此事项", Assert.Single(problem.For("itemId")), StringComparison.Ordinal);
        var check = await _officer.PostJsonAsync("/api/v1/discretion/check", new CheckRequest(Air99, [PenaltyKind.Fine], 550_000, BodyId: Market));
        (await Problem.ReadAsync(check, HttpStatusCode.BadRequest)).For("itemId");

        var other = await _officer.PostJsonAsync("/api/v1/discretion/calculate", new CalculateRequest(Air99, BodyId: EcologyBranch));
        Assert.Equal("discretion.body_not_acted_for", (await Problem.ReadAsync(other, HttpStatusCode.Forbidden)).Code);

        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().AsSystem();
        var offered = await scope.ServiceProvider.GetRequiredService<DiscretionQueries>()
            .CalculableItemsAsync(Market, null, scope.ServiceProvider.GetRequiredService<CatalogueQueries>());
        Assert.Contains(offered, i => i.Id == Food126);
        Assert.DoesNotContain(offered, i => i.Id == Air99);
    }

    [Theory]
    [Trait("Rule", "CLJZ-30")]
    // The demo benchmark of 广告法第五十五条 (market-55): 从轻 3–3.6 times, 一般 3.6–5, 从重 (情节严重) 5–10; fee unknown (0): 20万–44万, 44万–100万, 100万–200万.
    [InlineData(100_000, Circumstances.ActivelyReducedHarm, DiscretionTier.Lighter, 300_000, 360_000)]
    [InlineData(100_000, Circumstances.None, DiscretionTier.Ordinary, 360_000, 500_000)]
    [InlineData(100_000, Circumstances.RepeatWithinYear, DiscretionTier.Heavier, 500_000, 1_000_000)]
    [InlineData(0, Circumstances.None, DiscretionTier.Ordinary, 440_000, 1_000_000)]
    [InlineData(0, Circumstances.SeriousHarm, DiscretionTier.Heavier, 1_000_000, 2_000_000)]
    public async Task Calculate_AdvertisingFeeFine_AtItsTierEdges_CLJZ_30(int fee, Circumstances facts, DiscretionTier tier, int min, int max)
    {
        var result = await CalculateAsync(new CalculateRequest(Ads55, facts, BaseAmount: fee));
        Assert.Equal((Benchmark("market-55"), tier, (decimal)min, (decimal)max), (result.BenchmarkId, result.Tier, result.TierRange!.Min, result.TierRange.Max));

        var atUpperEdge = await CheckAsync(new CheckRequest(Ads55, [PenaltyKind.Fine], max, facts, BaseAmount: fee));
        Assert.Equal(tier == DiscretionTier.Ordinary ? DiscretionTier.Heavier : tier, atUpperEdge.AmountTier);
    }

    [Fact]
    public async Task PerUnitAndAdvertisingFeeBenchmarks_ReadOnThePublicSite_AndInTheApi()
    {
        var anonymous = app.Api();
        var land = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/public/benchmarks/{Benchmark("resources-77")}"));
        Assert.Contains("每平方米 100 至 1,000 元", land, StringComparison.Ordinal);
        Assert.Contains("每平方米 370 至 730 元", land, StringComparison.Ordinal);
        var ads = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/public/benchmarks/{Benchmark("market-55")}"));
        Assert.Contains("广告费用的 5 至 10 倍", ads, StringComparison.Ordinal);

        var detail = await BenchmarkAsync(app.ApiAs("admin"), Benchmark("resources-77"));
        Assert.Equal(FineRange.PerUnit(FineUnit.SquareMetre, 100, 1000), detail.StatutoryRange);
    }

    [Fact]
    public async Task Calculate_AdvertisingFeeFine_WithoutTheFee_AsksForIt()
    {
        var problem = await Problem.ReadAsync(await _officer.PostJsonAsync("/api/v1/discretion/calculate", new CalculateRequest(Ads55)), HttpStatusCode.BadRequest);
        Assert.Contains("广告费用", Assert.Single(problem.For("baseAmount")), StringComparison.Ordinal);
    }

    [Theory]
    [Trait("Rule", "CLJZ-30")]
    // The demo benchmark of 土地管理法第七十七条 (resources-77, 实施条例第五十七条 每平方米100–1000元) for 200 m²: 从轻 100–370 yuan/m², 一般 370–730, 从重 730–1000.
    [InlineData(Circumstances.VoluntaryConfession, DiscretionTier.Lighter, 20_000, 74_000)]
    [InlineData(Circumstances.None, DiscretionTier.Ordinary, 74_000, 146_000)]
    [InlineData(Circumstances.ObstructsInvestigation, DiscretionTier.Heavier, 146_000, 200_000)]
    public async Task Calculate_PerSquareMetreFine_AtItsTierEdges_CLJZ_30(Circumstances facts, DiscretionTier tier, int min, int max)
    {
        var admin = app.ApiAs("admin");
        var result = await CalculateAsync(new CalculateRequest(Land77, facts, BodyId: NaturalResources, Quantity: 200), admin);
        Assert.Equal((Benchmark("resources-77"), tier, (decimal)min, (decimal)max), (result.BenchmarkId, result.Tier, result.TierRange!.Min, result.TierRange.Max));
        Assert.Contains("200平方米", result.Explanation, StringComparison.Ordinal);

        var missing = await admin.PostJsonAsync("/api/v1/discretion/calculate", new CalculateRequest(Land77, facts, BodyId: NaturalResources));
        Assert.Contains("平方米", Assert.Single((await Problem.ReadAsync(missing, HttpStatusCode.BadRequest)).For("quantity")), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "CLJZ-LEVEL")]
    public async Task Calculate_ForATownshipBody_UsesItsCountysBenchmark_AndACountyItsOwnRefinement_CLJZ_LEVEL()
    {
        var station = await CalculateAsync(new CalculateRequest(Food126, BodyId: MarketStation), _head);
        Assert.Equal((Benchmark("market-126"), Market), (station.BenchmarkId, station.Issuer.Id));

        var supervisor = app.ApiAs("xz.supervisor");
        var city = await CalculateAsync(new CalculateRequest(Air99, Circumstances.ActivelyReducedHarm, BodyId: CityEcology), supervisor);
        var county = await CalculateAsync(new CalculateRequest(Air99, Circumstances.ActivelyReducedHarm, BodyId: EcologyBranch), supervisor);
        Assert.Equal((Benchmark("ecology-99"), 370_000m), (city.BenchmarkId, city.TierRange!.Max));
        Assert.Equal((Benchmark("ecology-99-yuanping"), 300_000m), (county.BenchmarkId, county.TierRange!.Max));
    }

    [Fact]
    [Trait("Rule", "CLJZ-30")]
    public async Task Benchmark_FiledApprovedAndPublished_WithDefaultTiersOfCLJZ_30_ThenCalculates()
    {
        var head = _head;
        var supervisor = app.ApiAs("yp.supervisor");
        var item = await PublishedAsync(app);
        var created = await SendAsync(head.PostJsonAsync("/api/v1/benchmarks",
            new CreateBenchmarkRequest(item.Id, Market, "《测试裁量基准》", FineRange.Fixed(10_000, 100_000), WarningAndFine)), HttpStatusCode.Created);
        Assert.Equal("测试裁量基准", created.Title);
        var tiers = created.Tiers.ToDictionary(t => t.Tier, t => t.Range);
        Assert.Equal((37_000m, 73_000m), (tiers[DiscretionTier.Lighter]!.MaxAmount!.Value, tiers[DiscretionTier.Heavier]!.MinAmount!.Value));
        Assert.Equal(10_000m, tiers[DiscretionTier.Mitigated]!.MaxAmount);

        Assert.Equal(HttpStatusCode.Conflict, (await supervisor.PostAsync($"/api/v1/benchmarks/{created.Id}/approve", null)).StatusCode);
        var filed = await SendAsync(head.PostAsync($"/api/v1/benchmarks/{created.Id}/file", null));
        Assert.Equal((BenchmarkStatus.Filed, DemoBody("原平市司法局")), (filed.Status, filed.FiledWith!.Id));
        Assert.True(filed.Actions.Review is false);
        Assert.Equal(HttpStatusCode.Forbidden, (await head.PostAsync($"/api/v1/benchmarks/{created.Id}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.ApiAs("xz.supervisor").PostJsonAsync($"/api/v1/benchmarks/{Guid.NewGuid()}/approve", new { })).StatusCode);

        var returned = await SendAsync(supervisor.PostJsonAsync($"/api/v1/benchmarks/{created.Id}/return", new ReviewCommentsRequest("从重情形请列明具体情节")));
        Assert.Equal((BenchmarkStatus.Draft, "从重情形请列明具体情节"), (returned.Status, returned.ReviewComments));
        await SendAsync(head.PostAsync($"/api/v1/benchmarks/{created.Id}/file", null));
        Assert.True((await BenchmarkAsync(supervisor, created.Id)).Actions.Review);
        await SendAsync(supervisor.PostAsync($"/api/v1/benchmarks/{created.Id}/approve", null));
        var backdated = await head.PostJsonAsync($"/api/v1/benchmarks/{created.Id}/publish", new EffectiveDateRequest(app.Clock.Today().AddDays(-1)));
        (await Problem.ReadAsync(backdated, HttpStatusCode.BadRequest)).For("effectiveFrom");
        var published = await SendAsync(head.PostJsonAsync($"/api/v1/benchmarks/{created.Id}/publish", new EffectiveDateRequest()));
        Assert.Equal(BenchmarkStatus.Published, published.Status);

        var result = await CalculateAsync(new CalculateRequest(item.Id));
        Assert.Equal((created.Id, DiscretionTier.Ordinary, 37_000m, 73_000m), (result.BenchmarkId, result.Tier, result.TierRange!.Min, result.TierRange.Max));
    }

    [Fact]
    public async Task Benchmark_ForAnAmendedItem_StartsAsACopyOfTheBodysBenchmarkForThePreviousVersion()
    {
        var (item, previous) = await PublishedBenchmarkAsync(app, FineRange.Fixed(2_000, 20_000), WarningAndFine);
        await PostAsync(_head, $"/api/v1/catalogue/{item.Id}/amend");
        await PostAsync(_head, $"/api/v1/catalogue/{item.Id}/submit");
        await PostAsync(app.ApiAs("yp.supervisor"), $"/api/v1/catalogue/{item.Id}/approve");
        await PostAsync(_head, $"/api/v1/catalogue/{item.Id}/publish");

        var copy = await SendAsync(_head.PostJsonAsync("/api/v1/benchmarks", new CreateBenchmarkRequest(item.Id, Market, "修订后的裁量基准")), HttpStatusCode.Created);

        Assert.Equal((2, BenchmarkStatus.Draft), (copy.ItemVersion, copy.Status));
        Assert.Equal(previous.StatutoryRange, copy.StatutoryRange);
        Assert.Equal(previous.Tiers.Select(t => (t.Tier, t.ConditionText, t.Range)), copy.Tiers.Select(t => (t.Tier, t.ConditionText, t.Range)));
    }

    [Fact]
    public async Task Benchmark_WithOverlappingTiers_IsRefused_AndNothingIsCreated()
    {
        var item = await PublishedAsync(app);
        var range = FineRange.Fixed(5_000, 50_000);
        var tiers = BenchmarkGenerator.DefaultTiers(range, WarningAndFine, TierSettings.Default).Value
            .Select(t => t.Tier == DiscretionTier.Ordinary ? t with { Range = FineRange.Fixed(18_000, 36_500) } : t).ToList();

        var response = await _head.PostJsonAsync("/api/v1/benchmarks", new CreateBenchmarkRequest(item.Id, Market, "重叠档次", range, WarningAndFine, tiers));

        Assert.Contains("重叠", Assert.Single((await Problem.ReadAsync(response, HttpStatusCode.BadRequest)).For("tiers")), StringComparison.Ordinal);
        var list = await _head.GetFromJsonAsync<Page<BenchmarkSummary>>($"/api/v1/benchmarks?itemId={item.Id}", ZhifaApp.Json);
        Assert.Equal(0, list!.Total);

        var notPenalty = await PublishedAsync(app, Content(kind: ItemKind.Licensing));
        var licensing = await _head.PostJsonAsync("/api/v1/benchmarks", new CreateBenchmarkRequest(notPenalty.Id, Market, "许可", range, WarningAndFine));
        (await Problem.ReadAsync(licensing, HttpStatusCode.BadRequest)).For("itemId");
    }

    [Fact]
    [Trait("Rule", "CLJZ-LEVEL")]
    public async Task Refinement_OutsideTheUpperTier_OrByATownship_IsRefused_CLJZ_LEVEL()
    {
        var upper = await CityBenchmarkAsync();
        var tiers = upper.Tiers;
        BenchmarkTier[] Change(DiscretionTier tier, FineRange range) => [.. tiers.Select(t => t.Tier == tier ? t with { Range = range } : t)];

        var wider = await _head.PostJsonAsync($"/api/v1/benchmarks/{upper.Id}/refine",
            new RefineBenchmarkRequest(Market, "原平市细化基准", Change(DiscretionTier.Lighter, FineRange.Fixed(100_000, 380_000))));
        var problem = await Problem.ReadAsync(wider, (HttpStatusCode)422);
        Assert.Equal(("CLJZ-LEVEL", "benchmark.refined_range_exceeds_upper"), (problem.Rule, problem.Code));

        var township = await _head.PostJsonAsync($"/api/v1/benchmarks/{upper.Id}/refine", new RefineBenchmarkRequest(MarketStation, "乡镇细化基准"));
        var townshipProblem = await Problem.ReadAsync(township, (HttpStatusCode)422);
        Assert.Equal(("CLJZ-LEVEL", "benchmark.township_uses_county"), (townshipProblem.Rule, townshipProblem.Code));

        // At the very bounds of the upper tier a refinement is allowed; revising it beyond them is refused again and changes nothing.
        var refined = await SendAsync(_head.PostJsonAsync($"/api/v1/benchmarks/{upper.Id}/refine",
            new RefineBenchmarkRequest(Market, "原平市细化基准", Change(DiscretionTier.Lighter, FineRange.Fixed(100_000, 370_000)))), HttpStatusCode.Created);
        Assert.Equal((upper.Id, RegionLevel.County, BenchmarkStatus.Draft), (refined.Upper!.Id, refined.Level, refined.Status));
        var revised = await _head.PutJsonAsync($"/api/v1/benchmarks/{refined.Id}",
            new ReviseBenchmarkRequest(Change(DiscretionTier.Heavier, FineRange.Fixed(700_000, 1_000_000))));
        Assert.Equal("CLJZ-LEVEL", (await Problem.ReadAsync(revised, (HttpStatusCode)422)).Rule);
        Assert.Equal(370_000m, (await BenchmarkAsync(_head, refined.Id)).Tiers.Single(t => t.Tier == DiscretionTier.Lighter).Range!.MaxAmount);
        var narrower = await SendAsync(_head.PutJsonAsync($"/api/v1/benchmarks/{refined.Id}",
            new ReviseBenchmarkRequest(Change(DiscretionTier.Heavier, FineRange.Fixed(800_000, 1_000_000)))));
        Assert.Equal(800_000m, narrower.Tiers.Single(t => t.Tier == DiscretionTier.Heavier).Range!.MinAmount);
    }

    [Fact]
    public async Task Lists_AreGeneratedCuratedPublishedAndExported()
    {
        var set = await _head.GetFromJsonAsync<ListSetDto>($"/api/v1/lists?bodyId={Market}", ZhifaApp.Json);
        var noPenalty = set!.Lists.Single(l => l.List == ListKind.NoPenalty);
        Assert.True(set.CanCurate);
        Assert.Contains(noPenalty.Entries, e => e.BenchmarkId == Benchmark("market-126") && e.Tier == DiscretionTier.MayNotPenalize && e.Annotation is not null);
        Assert.Contains(set.Lists.Single(l => l.List == ListKind.ExemptFromCoercion).Entries, e => e.BenchmarkId == Benchmark("market-110"));
        Assert.Equal(1, noPenalty.LastEdition);

        var exclude = new CurateListRequest(Market, ListKind.NoPenalty, Benchmark("market-125"), DiscretionTier.NoPenalty, true, null);
        var curated = await _head.PutJsonAsync("/api/v1/lists/curations", exclude);
        Assert.True(curated.StatusCode == HttpStatusCode.OK, await curated.Content.ReadAsStringAsync());
        Assert.True((await curated.ReadAsync<ListSetDto>()).Lists.Single(l => l.List == ListKind.NoPenalty).Entries
            .Single(e => e.BenchmarkId == Benchmark("market-125") && e.Tier == DiscretionTier.NoPenalty).Excluded);
        var wrong = await _head.PutJsonAsync("/api/v1/lists/curations", exclude with { Tier = DiscretionTier.Heavier });
        (await Problem.ReadAsync(wrong, HttpStatusCode.BadRequest)).For("benchmarkId");

        var published = await _head.PostJsonAsync("/api/v1/lists/publish", new PublishListRequest(Market, ListKind.NoPenalty));
        Assert.Equal(2, (await published.ReadAsync<ListSetDto>()).Lists.Single(l => l.List == ListKind.NoPenalty).LastEdition);
        var onPublicSite = await app.Api().GetFromJsonAsync<List<ListPublicationDto>>($"/api/v1/public/lists?bodyId={Market}&list=NoPenalty", ZhifaApp.Json);
        var edition = Assert.Single(onPublicSite!);
        Assert.Equal(2, edition.Edition);
        Assert.DoesNotContain(edition.Entries, e => e.BenchmarkId == Benchmark("market-125") && e.Tier == DiscretionTier.NoPenalty);
        Assert.Contains(edition.Entries, e => e.BenchmarkId == Benchmark("market-125") && e.Tier == DiscretionTier.MayNotPenalize);

        var undone = await (await _head.PutJsonAsync("/api/v1/lists/curations", exclude with { Excluded = false })).ReadAsync<ListSetDto>();
        Assert.False(undone.Lists.Single(l => l.List == ListKind.NoPenalty).Entries.Single(e => e.BenchmarkId == Benchmark("market-125") && e.Tier == DiscretionTier.NoPenalty).Excluded);

        var export = await _officer.GetAsync($"/api/v1/lists/export?bodyId={Market}&list=Lighter");
        var rows = Xlsx.Read(await export.Content.ReadAsStreamAsync())!;
        Assert.Contains(rows, r => r["事项编码"] == "140981CF01003" && r["裁量档次"] == "从轻处罚" && r["罚款幅度"] == "5,000 至 18,500 元");
        Assert.Equal(HttpStatusCode.NotFound, (await _officer.GetAsync($"/api/v1/lists?bodyId={Transport}")).StatusCode);
    }

    /// <summary>A city-level benchmark for an item the market bureau implements, set up by the system as the city would.</summary>
    private async Task<BenchmarkDetail> CityBenchmarkAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().AsSystem();
        T Get<T>() where T : notnull => scope.ServiceProvider.GetRequiredService<T>();
        var item = await Get<CreateCatalogueItem>().ExecuteAsync(new CreateItemRequest(CityEcology, Code(), Content(bodies: [CityEcology, Market, MarketStation])));
        await Get<SubmitCatalogueItem>().ExecuteAsync(item.Value);
        await Get<ReviewCatalogueItem>().ApproveAsync(item.Value);
        await Get<PublishCatalogueItem>().ExecuteAsync(item.Value, new EffectiveDateRequest());
        var benchmark = await Get<CreateBenchmark>().ExecuteAsync(new CreateBenchmarkRequest(item.Value, CityEcology, "忻州市测试裁量基准",
            FineRange.Fixed(100_000, 1_000_000), WarningAndFine));
        await Get<FileBenchmark>().ExecuteAsync(benchmark.Value);
        await Get<ReviewBenchmark>().ApproveAsync(benchmark.Value);
        Assert.True((await Get<PublishBenchmark>().ExecuteAsync(benchmark.Value, new EffectiveDateRequest())).IsSuccess);
        return await BenchmarkAsync(_head, benchmark.Value);
    }

    private static Guid DemoBody(string name) => Zhifa.Core.Demo.DemoData.Ids.Body(name);

    private static readonly Guid Ads55 = Item("140981CF02002");
    private static readonly Guid Land77 = Item("140981CF31001");
    private static readonly Guid NaturalResources = Zhifa.Core.Demo.DemoData.Ids.YuanpingNaturalResources;
}

public sealed class DiscretionApiTests_Sqlite(SqliteApp fixture) : DiscretionApiTests(fixture.App), IClassFixture<SqliteApp>;

public sealed class DiscretionApiTests_Postgres(PostgresApp fixture) : DiscretionApiTests(fixture.App), IClassFixture<PostgresApp>;
