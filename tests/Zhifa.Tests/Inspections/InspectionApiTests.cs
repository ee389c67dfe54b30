using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Core.Cases.UseCases;
using Zhifa.Core.Common;
using Zhifa.Core.Demo;
using Zhifa.Core.Inspections;
using Zhifa.Core.Inspections.Draws;
using Zhifa.Core.Inspections.UseCases;
using Zhifa.Core.Identity;
using Zhifa.Core.Messages;
using Zhifa.Core.Parties;
using Zhifa.Tests.Infrastructure;

namespace Zhifa.Tests.Inspections;

/// <summary>Issue 14 over HTTP, on both databases: each SSJ rule, a draw re-run from its published inputs, the code, the visit, the lead.</summary>
public abstract class InspectionApiTests(ZhifaApp app)
{
    private readonly HttpClient _officer = app.ApiAs("yp.market.officer");
    private readonly HttpClient _head = app.ApiAs("yp.market.head");
    private readonly HttpClient _supervisor = app.ApiAs("yp.supervisor");
    private readonly HttpClient _admin = app.ApiAs("yp.admin");
    private readonly HttpClient _public = app.Api();

    private static readonly Guid Market = DemoData.Ids.YuanpingMarket;
    private static readonly Guid FoodItem = DeterministicGuid.From("catalogue:140981JC01001");
    private static readonly Guid RoadItem = DeterministicGuid.From("catalogue:140981JC11001");
    private static readonly Guid ZhangWei = DeterministicGuid.From("personnel:officer:张伟");
    private static readonly Guid WangFang = DeterministicGuid.From("personnel:officer:王芳");
    private static readonly Guid LiuYang = DeterministicGuid.From("personnel:officer:刘洋");
    private static readonly Guid LiNa = DeterministicGuid.From("personnel:officer:李娜");
    private static Guid Party(string name) => DeterministicGuid.From("party:" + name);

    private DateOnly Today => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime.AddHours(8));

    private async Task<InspectionView> PlanAsync(string party, DateOnly on, params Guid[] officers) =>
        await (await _officer.PostJsonAsync("/api/v1/inspections", new InspectionRequest(Party(party), Market, on, [FoodItem], officers))).OkAsync<InspectionView>();

    [Fact]
    [Trait("Rule", "SSJ-RATIO")]
    public async Task APlan_DrawsAtLeastTheMinimumShare_AndPoorerGradesMoreOften_EveryFaultAtOnce()
    {
        var bad = await _head.PostJsonAsync("/api/v1/inspection-plans", new PlanRequest(Market, Today.Year, "比例测试", new DateOnly(Today.Year, 1, 1),
            new DateOnly(Today.Year, 12, 31), false, RatioA: 2, RatioB: 10, RatioC: 30, RatioD: 20, ItemIds: [FoodItem, DeterministicGuid.From("catalogue:140981CF01001")]));
        var problem = await Problem.ReadAsync(bad, HttpStatusCode.BadRequest);
        // 2 % is under the 3 % minimum; D (the poorest) below C; a penalty item is no inspection item.
        Assert.Equal(["itemIds[1]", "ratioA", "ratioD"], problem.Errors!.Keys.Order(StringComparer.Ordinal));
        var good = await _head.PostJsonAsync("/api/v1/inspection-plans", new PlanRequest(Market, Today.Year, "比例测试", new DateOnly(Today.Year, 1, 1),
            new DateOnly(Today.Year, 12, 31), false, RatioA: 3, RatioB: 10, RatioC: 30, RatioD: 30, ItemIds: [FoodItem]));
        Assert.Equal(HttpStatusCode.Created, good.StatusCode);
        var ratios = (await good.OkAsync<PlanView>()).Ratios;
        Assert.Equal(30m, ratios["D"]);
        Assert.Equal(30m, ratios["E"]); // E not named: D's share
        // E (the poorest of the five grades) below D is refused on its field.
        var eBelowD = await _head.PostJsonAsync("/api/v1/inspection-plans", new PlanRequest(Market, Today.Year, "比例测试", new DateOnly(Today.Year, 1, 1),
            new DateOnly(Today.Year, 12, 31), false, RatioA: 3, RatioB: 10, RatioC: 30, RatioD: 50, RatioE: 40, ItemIds: [FoodItem]));
        Assert.Equal(["ratioE"], (await Problem.ReadAsync(eBelowD, HttpStatusCode.BadRequest)).Errors!.Keys);
    }

    [Fact]
    [Trait("Rule", "SSJ-DRAW")]
    public async Task ADraw_ReRunFromItsPublishedInputsAlone_GivesTheSameSubjectsAndInspectors_AndAChangedInputIsReported()
    {
        // The transport bureau's plan: its two officers for the poorest grade and half the ungraded subjects.
        var transport = DemoData.Ids.YuanpingTransport;
        var plan = await (await _admin.PostJsonAsync("/api/v1/inspection-plans", new PlanRequest(transport, Today.Year, TestData.Name("道路运输抽查"),
            new DateOnly(Today.Year, 1, 1), new DateOnly(Today.Year, 12, 31), false, RatioD: 100, RatioUngraded: 50, ItemIds: [RoadItem]))).OkAsync<PlanView>();
        var announced = await (await _admin.PostJsonAsync($"/api/v1/inspection-plans/{plan.Id}/draws", new { })).OkAsync<DrawView>();
        Assert.Equal((DrawState.Announced, 64, 64), (announced.State, announced.Commitment.Length, announced.InputsHash.Length));
        // A second announcement while one is in force is refused.
        Assert.Equal(HttpStatusCode.Conflict, (await _admin.PostJsonAsync($"/api/v1/inspection-plans/{plan.Id}/draws", new { })).StatusCode);
        // The body cannot draw; the bureau contributes its value and the draw is made.
        Assert.Equal(HttpStatusCode.Forbidden, (await _admin.PostJsonAsync($"/api/v1/inspection-draws/{announced.Id}/contribute", new ContributeRequest(announced.Version, "x"))).StatusCode);
        var drawn = await (await _supervisor.PostJsonAsync($"/api/v1/inspection-draws/{announced.Id}/contribute", new ContributeRequest(announced.Version, "司法局-测试-1")))
            .OkAsync<DrawView>();
        Assert.Equal(DrawState.Drawn, drawn.State);
        // 原平市鑫源煤业 (the only grade D) and 3 of the 5 ungraded subjects, each with both of the bureau's inspectors.
        Assert.Equal(4, drawn.Result.Count);
        Assert.Contains(drawn.Result, r => r.Name == "原平市鑫源煤业有限责任公司");
        Assert.All(drawn.Result, r => Assert.Equal(["吴强", "周杰"], r.Inspectors.Order(StringComparer.Ordinal)));

        var published = await _public.GetFromJsonAsync<PublicDraw>($"/api/v1/public/inspections/draws/{drawn.Id}", ZhifaApp.Json);
        Assert.True(published!.Verification!.Matches);
        // Anyone re-runs the published document alone: the same subjects and inspectors.
        var json = published.PublishedJson!;
        var rerun = VerifiableDraw.Verify(json, drawn.Commitment);
        Assert.True(rerun.Matches);
        Assert.Equal(drawn.Result.Select(r => r.Key), rerun.Recomputed.Assignments.Select(a => a.SubjectKey));

        // A subject's grade changed after publication: the verification names the list's hash and the result.
        var changed = JsonNode.Parse(json)!;
        var subject = changed["subjects"]!.AsArray().First(s => ((string?)s!["key"])!.StartsWith("91140981MA0GQ1005", StringComparison.Ordinal))!;
        subject["grade"] = "A";
        var verdict = await (await _public.PostAsync($"/api/v1/public/inspections/draws/verify?commitment={drawn.Commitment}",
            new StringContent(changed.ToJsonString(), System.Text.Encoding.UTF8, "application/json"))).ReadAsync<DrawVerification>();
        Assert.False(verdict.Matches);
        Assert.Contains("subjects_hash", verdict.Differences);
        Assert.Contains("inputs_hash", verdict.Differences);
        // A document that is no draw at all is refused plainly.
        var junk = await _public.PostAsync("/api/v1/public/inspections/draws/verify", new StringContent("{\"nonsense\":1}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, junk.StatusCode);
    }

    [Fact]
    [Trait("Rule", "SSJ-DRAW")]
    [Trait("Rule", "XZCF-42")]
    public async Task TheTwoRegistries_ArePublished_AreTheListsADrawTakes_AndNameOnlyOfficersWhoMayAct()
    {
        var transport = DemoData.Ids.YuanpingTransport;
        var plan = await (await _admin.PostJsonAsync("/api/v1/inspection-plans", new PlanRequest(transport, Today.Year, TestData.Name("名录核对"),
            new DateOnly(Today.Year, 1, 1), new DateOnly(Today.Year, 12, 31), false, RatioD: 100, RatioUngraded: 50, ItemIds: [RoadItem]))).OkAsync<PlanView>();
        var announced = await (await _admin.PostJsonAsync($"/api/v1/inspection-plans/{plan.Id}/draws", new { })).OkAsync<DrawView>();

        var bodies = await _public.GetFromJsonAsync<List<RegistryBody>>("/api/v1/public/inspections/bodies", ZhifaApp.Json);
        Assert.Contains(bodies!, b => b.Id == transport && b.Name == "原平市交通运输局");

        // The subject list, read a page at a time without signing in, is the list the draw hashed: the same keys and grades.
        var first = await _public.GetFromJsonAsync<Page<InspectionSubject>>($"/api/v1/public/inspections/bodies/{transport}/subjects?pageSize=2", ZhifaApp.Json);
        Assert.Equal((2, 1), (first!.Items.Count, first.PageNumber));
        var all = await _public.GetFromJsonAsync<Page<InspectionSubject>>($"/api/v1/public/inspections/bodies/{transport}/subjects?pageSize=500", ZhifaApp.Json);
        Assert.Equal(announced.Subjects, all!.Total);
        Assert.Equal(announced.SubjectsHash, VerifiableDraw.HashSubjects(all.Items.Select(s => new DrawSubject(s.Key, s.CreditGrade?.ToString() ?? ""))));
        Assert.Equal(all.Items.Take(2).Select(s => s.Key), first.Items.Select(s => s.Key));
        var coal = Assert.Single(all.Items, s => s.Name == "原平市鑫源煤业有限责任公司");
        Assert.Equal(("91140981MA0GQ1005", IndustrySection.B, (CreditGrade?)CreditGrade.D, "轩岗镇"), (coal.Key[..17], coal.Industry, coal.CreditGrade, coal.RegionName));
        Assert.Equal(["安全生产重点", "职工食堂"], coal.RiskTags);

        // The inspector list: the two transport officers, names masked, and the same hash as the draw's.
        var inspectors = await _public.GetFromJsonAsync<InspectorRegistry>($"/api/v1/public/inspections/bodies/{transport}/inspectors", ZhifaApp.Json);
        Assert.Equal(["吴*", "周*"], inspectors!.Inspectors.Select(i => i.Name).Order(StringComparer.Ordinal));
        Assert.Equal((announced.Inspectors, announced.InspectorsHash), (inspectors.Inspectors.Count, inspectors.Hash));

        // The market bureau's: 张伟, 王芳 and 刘洋 may act; 李娜 (suspended), 赵磊 (expired), 杨帆 (revoked) and 陈静 (resigned) are not listed.
        var market = await _public.GetFromJsonAsync<InspectorRegistry>($"/api/v1/public/inspections/bodies/{Market}/inspectors", ZhifaApp.Json);
        Assert.Equal(["刘*", "张*", "王*"], market!.Inspectors.Select(i => i.Name).Order(StringComparer.Ordinal));
        Assert.All(market.Inspectors, i => Assert.True(i.ValidUntil >= Today));

        // A body without a plan has no published lists.
        Assert.Equal(HttpStatusCode.NotFound, (await _public.GetAsync($"/api/v1/public/inspections/bodies/{DemoData.Ids.YuanpingJustice}/inspectors")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _public.GetAsync($"/api/v1/public/inspections/bodies/{Guid.NewGuid()}/subjects")).StatusCode);
    }

    [Fact]
    [Trait("Rule", "SSJ-DRAW")]
    public async Task ABodyWithTooFewInspectorsToRotate_StillDrawsTheSubjectItVisitedLast_AndPublishesNoRotationForIt()
    {
        // The transport bureau has two inspectors, 周杰 and 吴强; they visit 鑫源煤业 (grade D, the only one).
        var transport = DemoData.Ids.YuanpingTransport;
        var road = app.ApiAs("yp.transport.officer");
        var mine = Party("原平市鑫源煤业有限责任公司");
        var zhou = DeterministicGuid.From("personnel:officer:周杰");
        var wu = DeterministicGuid.From("personnel:officer:吴强");
        var task = await (await road.PostJsonAsync("/api/v1/inspections", new InspectionRequest(mine, transport, Today, [RoadItem], [zhou, wu]))).OkAsync<InspectionView>();
        var filed = await (await road.PostJsonAsync($"/api/v1/inspections/{task.Id}/file", new FileRequest(task.Version))).OkAsync<InspectionView>();
        Assert.Equal(InspectionState.Filed, filed.State);
        await (await road.PostJsonAsync($"/api/v1/inspections/{task.Id}/visit", new VisitRequest(filed.Version, Today, "检查车辆技术档案", null,
            [new FindingRequest(RoadItem, FindingResult.NoProblem, null)]))).OkAsync<InspectionView>();

        // Its next draw is not refused: with two inspectors there is no one else to send, so the rotation is not applied
        // to 鑫源煤业, and the published document says so (no previous pairing for it); both go again.
        var plan = await (await _admin.PostJsonAsync("/api/v1/inspection-plans", new PlanRequest(transport, Today.Year, TestData.Name("轮换测试"),
            new DateOnly(Today.Year, 1, 1), new DateOnly(Today.Year, 12, 31), false, RatioD: 100, ItemIds: [RoadItem]))).OkAsync<PlanView>();
        var announced = await (await _admin.PostJsonAsync($"/api/v1/inspection-plans/{plan.Id}/draws", new { })).OkAsync<DrawView>();
        var drawn = await (await _supervisor.PostJsonAsync($"/api/v1/inspection-draws/{announced.Id}/contribute", new ContributeRequest(announced.Version, "轮换")))
            .OkAsync<DrawView>();
        var subject = Assert.Single(drawn.Result);
        Assert.Equal("原平市鑫源煤业有限责任公司", subject.Name);
        Assert.Equal(["吴强", "周杰"], subject.Inspectors.Order(StringComparer.Ordinal));
        var published = (await _public.GetFromJsonAsync<PublicDraw>($"/api/v1/public/inspections/draws/{drawn.Id}", ZhifaApp.Json))!;
        using var doc = JsonDocument.Parse(published.PublishedJson!);
        Assert.DoesNotContain(doc.RootElement.GetProperty("previousPairings").EnumerateArray(), p => p.GetProperty("subjectKey").GetString() == subject.Key);
        Assert.True(published.Verification!.Matches);
    }

    [Fact]
    [Trait("Rule", "SSJ-DRAW")]
    public async Task ADraw_WithFewerThanTwoEligibleInspectorsForASubject_IsRefusedNamingIt_AndNothingIsAnnounced()
    {
        // Every officer of the market bureau declares a relationship with 原平市第二中学: none may be sent there.
        foreach (var name in new[] { "张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆", "赵磊", "黄敏" })
            Assert.Equal(HttpStatusCode.OK, (await _officer.PostJsonAsync("/api/v1/inspection-conflicts",
                new ConflictRequest(DeterministicGuid.From("personnel:officer:" + name), Party("原平市第二中学"), "曾在该校任教"))).StatusCode);
        // A plan of every subject (key items) cannot be drawn.
        var plan = await (await _head.PostJsonAsync("/api/v1/inspection-plans", new PlanRequest(Market, Today.Year, TestData.Name("重点检查"),
            new DateOnly(Today.Year, 1, 1), new DateOnly(Today.Year, 12, 31), true, ItemIds: [FoodItem]))).OkAsync<PlanView>();
        var problem = await Problem.ReadAsync(await _head.PostJsonAsync($"/api/v1/inspection-plans/{plan.Id}/draws", new { }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("SSJ-DRAW", problem.Rule);
        Assert.Contains("原平市第二中学", problem.Detail, StringComparison.Ordinal);
        Assert.Empty((await _head.GetFromJsonAsync<PlanView>($"/api/v1/inspection-plans/{plan.Id}", ZhifaApp.Json))!.Draws);
    }

    [Fact]
    [Trait("Rule", "SSJ-DRAW")]
    public async Task AnInspection_NeedsTwoInspectorsWithAValidCertificate()
    {
        var one = await _officer.PostJsonAsync("/api/v1/inspections", new InspectionRequest(Party("原平市晋北食品有限公司"), Market, Today, [FoodItem], [ZhangWei]));
        Assert.Equal("SSJ-DRAW", (await Problem.ReadAsync(one, HttpStatusCode.UnprocessableEntity)).Rule);
        // 李娜's certificate is suspended (XZCF-42).
        var suspended = await _officer.PostJsonAsync("/api/v1/inspections", new InspectionRequest(Party("原平市晋北食品有限公司"), Market, Today, [FoodItem], [ZhangWei, LiNa]));
        Assert.Contains("李娜", (await Problem.ReadAsync(suspended, HttpStatusCode.UnprocessableEntity)).Detail, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "SSJ-FREQ")]
    public async Task AVisitOverTheYearlyCap_NeedsAReasonAndTheHeadsApproval_AndARepeatWithin30DaysIsFlagged()
    {
        // 原平市惠民超市 was visited four times this year (three, and one over the cap with approval).
        var task = await PlanAsync("原平市惠民超市有限公司", Today.AddDays(10), ZhangWei, WangFang);
        Assert.Equal(4, task.VisitsThisYear);
        var refused = await _officer.PostJsonAsync($"/api/v1/inspections/{task.Id}/file", new FileRequest(task.Version));
        var problem = await Problem.ReadAsync(refused, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("SSJ-FREQ", problem.Rule);
        Assert.Null((await _officer.GetFromJsonAsync<InspectionView>($"/api/v1/inspections/{task.Id}", ZhifaApp.Json))!.FiledAt);

        var waiting = await (await _officer.PostJsonAsync($"/api/v1/inspections/{task.Id}/file", new FileRequest(task.Version, "举报核查"))).OkAsync<InspectionView>();
        Assert.Equal((InspectionState.AwaitingApproval, null, true), (waiting.State, waiting.Code, waiting.RepeatWithin30Days));
        Assert.Equal(HttpStatusCode.Forbidden, (await _officer.PostJsonAsync($"/api/v1/inspections/{task.Id}/approve", new TaskStepRequest(waiting.Version))).StatusCode);
        var approved = await (await _head.PostJsonAsync($"/api/v1/inspections/{task.Id}/approve", new TaskStepRequest(waiting.Version))).OkAsync<InspectionView>();
        Assert.Equal(InspectionState.Filed, approved.State);
        Assert.Matches("^[2-9A-HJ-NP-Z]{8}$", approved.Code!);
        var over = await _supervisor.GetFromJsonAsync<List<VisitCount>>($"/api/v1/inspection-supervision/visits?overCap=true", ZhifaApp.Json);
        Assert.Contains(over!, v => v.PartyName == "原平市惠民超市有限公司" && v.Visits == 5);
    }

    [Fact]
    [Trait("Rule", "SSJ-FREQ")]
    public async Task AJointInspection_IsFiledOnceWithOneCode_AndCountsAsOneVisit()
    {
        var haulier = Party("山西原平宏达运输有限公司");
        var before = (await _supervisor.GetFromJsonAsync<List<VisitCount>>("/api/v1/inspection-supervision/visits", ZhifaApp.Json))!
            .SingleOrDefault(v => v.PartyId == haulier)?.Visits ?? 0;
        var rows = (await _officer.GetFromJsonAsync<Page<InspectionRow>>("/api/v1/inspections?state=Planned&pageSize=200", ZhifaApp.Json))!.Items;
        var lead = rows.Single(r => r.PartyName == "山西原平宏达运输有限公司" && r.Joint);
        var task = (await _officer.GetFromJsonAsync<InspectionView>($"/api/v1/inspections/{lead.Id}", ZhifaApp.Json))!;
        var filed = await (await _officer.PostJsonAsync($"/api/v1/inspections/{task.Id}/file", new FileRequest(task.Version))).OkAsync<InspectionView>();
        var code = await _public.GetFromJsonAsync<CodeView>($"/api/v1/public/inspections/code/{filed.Code}", ZhifaApp.Json);
        // The enterprise sees both bodies, each with its inspectors' certificates and its items' legal basis.
        Assert.Equal(["原平市交通运输局", "原平市市场监督管理局"], code!.Bodies.Select(b => b.BodyName).Order(StringComparer.Ordinal));
        Assert.All(code.Bodies, b => Assert.All(b.Officers, o => Assert.False(string.IsNullOrEmpty(o.CertificateNumber))));
        Assert.Contains(code.Bodies.SelectMany(b => b.Items), i => i.Basis.Contains("道路运输条例", StringComparison.Ordinal));
        var after = (await _supervisor.GetFromJsonAsync<List<VisitCount>>("/api/v1/inspection-supervision/visits", ZhifaApp.Json))!.Single(v => v.PartyId == haulier).Visits;
        Assert.Equal(before + 1, after);
    }

    [Fact]
    [Trait("Rule", "SSJ-PUB")]
    public async Task AVisit_MakesItsPublicationDue20WorkingDaysLater_AFindingBecomesALead_AndLatePublicationIsFlagged()
    {
        var task = await PlanAsync("原平市崞阳酒店管理有限公司", Today.AddDays(-40), ZhangWei, LiuYang);
        var filed = await (await _officer.PostJsonAsync($"/api/v1/inspections/{task.Id}/file", new FileRequest(task.Version))).OkAsync<InspectionView>();
        // Before the visit the enterprise cannot rate it.
        Assert.Equal(HttpStatusCode.Conflict, (await _public.PostJsonAsync($"/api/v1/public/inspections/code/{filed.Code}/rating", new RatingRequest(4))).StatusCode);

        // Every item needs its result: refused, nothing recorded.
        var incomplete = await _officer.PostJsonAsync($"/api/v1/inspections/{task.Id}/visit", new VisitRequest(filed.Version, new DateOnly(2026, 11, 2), "检查后厨", null, []));
        Assert.Contains($"findings.{FoodItem}", (await Problem.ReadAsync(incomplete, HttpStatusCode.BadRequest)).Errors!.Keys);
        // Visited on Monday 2 November 2026: 20 working days (no holiday in November) end on Monday 30 November.
        var visited = await (await _officer.PostJsonAsync($"/api/v1/inspections/{task.Id}/visit", new VisitRequest(filed.Version, new DateOnly(2026, 11, 2),
            "检查后厨冷库，发现过期冻肉。", "负责人孙丽华签字", [new FindingRequest(FoodItem, FindingResult.ProblemFound, "冷库内过期冻肉5公斤")]))).OkAsync<InspectionView>();
        Assert.Equal((InspectionState.Recorded, new DateOnly(2026, 11, 30), false), (visited.State, visited.PublishDueOn, visited.VisitedUnfiled));

        var led = await (await _officer.PostJsonAsync($"/api/v1/inspections/{task.Id}/items/{FoodItem}/lead", new TaskStepRequest(visited.Version))).OkAsync<InspectionView>();
        var caseId = led.Items.Single().LeadCaseId!.Value;
        Assert.Equal(FindingResult.Lead, led.Items.Single().Result);
        var lead = (await _officer.GetFromJsonAsync<CaseDetail>($"/api/v1/cases/{caseId}", ZhifaApp.Json))!;
        Assert.Equal((Zhifa.Core.Cases.LeadSource.Inspection, Zhifa.Core.Cases.CaseState.Lead, "原平市崞阳酒店管理有限公司"), (lead.Source, lead.State, lead.PartyName));
        Assert.Equal(HttpStatusCode.Conflict, (await _officer.PostJsonAsync($"/api/v1/inspections/{task.Id}/items/{FoodItem}/lead", new TaskStepRequest(led.Version))).StatusCode);

        // Today is past 30 November: published all the same, flagged late, listed as overdue.
        var published = await (await _officer.PostJsonAsync($"/api/v1/inspections/{task.Id}/publish", new TaskStepRequest(led.Version))).OkAsync<InspectionView>();
        Assert.Equal((InspectionState.Published, true), (published.State, published.PublishedLate));
        var overdue = (await _officer.GetFromJsonAsync<Page<InspectionRow>>("/api/v1/inspections?view=Overdue&pageSize=200", ZhifaApp.Json))!.Items;
        Assert.Contains(overdue, r => r.Id == task.Id);
        var results = (await _public.GetFromJsonAsync<Page<PublishedResult>>("/api/v1/public/inspections/results", ZhifaApp.Json))!.Items;
        Assert.Contains(results, r => r.Id == task.Id && r.Late && r.Items.Single().Result == FindingResult.Lead);

        // Rated once, anonymously; the supervisor sees it, the inspecting body does not.
        Assert.Equal(HttpStatusCode.OK, (await _public.PostJsonAsync($"/api/v1/public/inspections/code/{filed.Code}/rating", new RatingRequest(2, "检查时间过长"))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await _public.PostJsonAsync($"/api/v1/public/inspections/code/{filed.Code}/rating", new RatingRequest(5))).StatusCode);
        Assert.Contains((await _supervisor.GetFromJsonAsync<List<RatingRow>>("/api/v1/inspection-supervision/ratings", ZhifaApp.Json))!, r => r.Comment == "检查时间过长");
        Assert.Equal(HttpStatusCode.Forbidden, (await _head.GetAsync("/api/v1/inspection-supervision/ratings")).StatusCode);
    }

    [Fact]
    [Trait("Rule", "SSJ-PUB")]
    public async Task ThePublicationDeadline_TellsTheInspectorsOnce_WhenItFallsDueSoon_AndOnceWhenItHasPassed()
    {
        await using var scope = app.Scope(out var db);
        var calendar = await scope.ServiceProvider.GetRequiredService<Zhifa.Core.Calendar.IStatutoryCalendarSource>().GetAsync(default);
        // The latest visit day whose 20 working days end today or later: its publication falls due within the next working days.
        var soonDay = Today;
        while (calendar.AddWorkingDays(soonDay.AddDays(-1), 20).Date >= Today)
            soonDay = soonDay.AddDays(-1);
        var soon = await VisitAsync("原平市崞阳酒店管理有限公司", soonDay);
        var late = await VisitAsync("原平市恒信建筑工程有限公司", Today.AddDays(-60));

        var reminders = scope.ServiceProvider.GetRequiredService<InspectionReminders>();
        var first = await reminders.RunAsync();
        Assert.True(first.Overdue >= 1 && first.DueSoon >= 1, $"{first}");
        var zhang = await db.Users.Where(u => u.UserName == "yp.market.officer").Select(u => u.Id).SingleAsync();
        var told = await db.UserMessages.AsNoTracking().Where(m => m.DedupKey == $"inspection-publication:{soon}:soon" || m.DedupKey == $"inspection-publication:{late}:overdue")
            .Select(m => new { m.UserId, m.Code, m.Link }).ToListAsync();
        Assert.Contains(told, m => m.UserId == zhang && m.Code == "message.inspection_publish_soon" && m.Link == $"/inspections/{soon}");
        Assert.Contains(told, m => m.UserId == zhang && m.Code == "message.inspection_publish_overdue" && m.Link == $"/inspections/{late}");
        Assert.Equal(told.Count, told.Select(m => (m.UserId, m.Code, m.Link)).Distinct().Count());

        // Run again: nothing new is marked, nobody is told twice.
        var second = await reminders.RunAsync();
        Assert.Equal((0, 0, 0), (second.Overdue, second.DueSoon, second.Messages));
        var inbox = await _officer.GetStringAsync("/api/v1/messages?pageSize=100");
        Assert.Contains("检查结果公示期限（SSJ-PUB）", inbox, StringComparison.Ordinal);
    }

    private async Task<Guid> VisitAsync(string party, DateOnly day)
    {
        var task = await PlanAsync(party, day, ZhangWei, LiuYang);
        var filed = await (await _officer.PostJsonAsync($"/api/v1/inspections/{task.Id}/file", new FileRequest(task.Version, "公示提醒测试"))).OkAsync<InspectionView>();
        if (filed.State == InspectionState.AwaitingApproval)
            filed = await (await _head.PostJsonAsync($"/api/v1/inspections/{task.Id}/approve", new TaskStepRequest(filed.Version))).OkAsync<InspectionView>();
        await (await _officer.PostJsonAsync($"/api/v1/inspections/{task.Id}/visit", new VisitRequest(filed.Version, day, "公示提醒测试", null,
            [new FindingRequest(FoodItem, FindingResult.NoProblem, null)]))).OkAsync<InspectionView>();
        return task.Id;
    }

    [Fact]
    public async Task TheVisitsPhotos_AreStoredByTheirContentsHash_ARenamedFileIsRefused_AndTheSamePhotoIsKeptOnce()
    {
        var task = await PlanAsync("原平市北城街道老王烩面馆", Today, ZhangWei, WangFang);
        var png = Zhifa.Core.Records.RecordsDemo.Png(30, 20, (byte)Random.Shared.Next(256), 80, 20);
        async Task<HttpResponseMessage> Send(byte[] bytes, string name) =>
            await _officer.PostAsync($"/api/v1/inspections/{task.Id}/photos?fileName={Uri.EscapeDataString(name)}", new ByteArrayContent(bytes));
        var added = await (await Send(png, "后厨.png")).OkAsync<InspectionPhotoView>();
        Assert.Equal((Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(png)), "image/png", "后厨.png"), (added.Sha256, added.MediaType, added.FileName));
        Assert.Equal(added.Id, (await (await Send(png, "again.png")).OkAsync<InspectionPhotoView>()).Id);
        var refused = await Problem.ReadAsync(await Send("MZ\0\0not a photo"u8.ToArray(), "现场.jpg"), HttpStatusCode.BadRequest);
        Assert.Equal(["file"], problem(refused));
        var list = await _officer.GetFromJsonAsync<List<InspectionPhotoView>>($"/api/v1/inspections/{task.Id}/photos", ZhifaApp.Json);
        Assert.Single(list!);
        Assert.Equal(png, await _officer.GetByteArrayAsync($"/api/v1/inspections/{task.Id}/photos/{added.Id}/content"));

        static IEnumerable<string> problem(Problem p) => p.Errors!.Keys;
    }

    [Fact]
    public async Task AVisitWithoutAFiledCode_IsRecordedAndFlaggedToTheSupervisor()
    {
        var task = await PlanAsync("原平市绿野农业开发有限公司", Today, ZhangWei, WangFang);
        var visited = await (await _officer.PostJsonAsync($"/api/v1/inspections/{task.Id}/visit", new VisitRequest(task.Version, Today, "现场检查。", null,
            [new FindingRequest(FoodItem, FindingResult.NoProblem)]))).OkAsync<InspectionView>();
        Assert.True(visited.VisitedUnfiled);
        Assert.Contains((await _supervisor.GetFromJsonAsync<List<InspectionRow>>("/api/v1/inspection-supervision/unfiled", ZhifaApp.Json))!, r => r.Id == task.Id);
    }
}

internal static class StrictReads
{
    /// <summary>The body of a successful answer; any other answer fails with what it said.</summary>
    public static async Task<T> OkAsync<T>(this HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<T>();
    }
}

public sealed class InspectionApiTests_Sqlite(SqliteApp fixture) : InspectionApiTests(fixture.App), IClassFixture<SqliteApp>;

public sealed class InspectionApiTests_Postgres(PostgresApp fixture) : InspectionApiTests(fixture.App), IClassFixture<PostgresApp>;
