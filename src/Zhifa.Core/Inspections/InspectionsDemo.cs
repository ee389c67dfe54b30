using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Core.Common;
using Zhifa.Core.Demo;
using Zhifa.Core.Inspections.UseCases;

namespace Zhifa.Core.Inspections;

/// <summary>
/// Demo inspections of 原平市市场监督管理局, made through the use cases as the officers would: a plan whose draw is published
/// (the public page re-runs it), a drawn inspection filed, visited, its finding turned into a lead and its result published
/// and rated; a joint inspection with the transport bureau; an enterprise visited over the yearly cap with the head's
/// approval; a declared conflict of interest.
/// </summary>
internal static class InspectionsDemo
{
    private static readonly Guid FoodItem = DeterministicGuid.From("catalogue:140981JC01001");
    private static readonly Guid RoadItem = DeterministicGuid.From("catalogue:140981JC11001");
    private static readonly Guid ZhangWei = Officer("张伟");
    private static readonly Guid WangFang = Officer("王芳");
    private static readonly Guid LiuYang = Officer("刘洋");
    private static readonly Guid ZhouJie = Officer("周杰");
    private static readonly Guid WuQiang = Officer("吴强");

    private static Guid Officer(string name) => DeterministicGuid.From("personnel:officer:" + name);
    private static Guid Party(string name) => DeterministicGuid.From("party:" + name);

    public static async Task SeedAsync(DemoContext demo, CancellationToken ct)
    {
        var plans = demo.Services.GetRequiredService<InspectionPlans>();
        var desk = demo.Services.GetRequiredService<InspectionDesk>();
        var ratings = demo.Services.GetRequiredService<InspectionQueries>();
        var market = DemoData.Ids.YuanpingMarket;
        var today = demo.Today;
        // Every visit falls in this year, whatever day the demo is loaded on: the cap (SSJ-FREQ) counts a calendar year.
        DateOnly InYear(int days) => DateOnly.FromDayNumber(Math.Clamp(today.DayNumber + days, new DateOnly(today.Year, 1, 1).DayNumber, new DateOnly(today.Year, 12, 31).DayNumber));
        static T Must<T>(Result<T> r, string what) => r.IsSuccess ? r.Value : throw new InvalidOperationException($"Inspections demo, {what}: {r.Error!.Describe()}");

        // 刘洋 declared that his sister works at 原平市康泰大药房: never drawn for it.
        Must(await plans.DeclareConflictAsync(new ConflictRequest(LiuYang, Party("原平市康泰大药房连锁有限公司"), "近亲属在该企业任职"), ct), "conflict");

        // The year's plan: poorer grades drawn more often (SSJ-RATIO), announced, then drawn with the justice bureau's value.
        var plan = Must(await plans.CreateAsync(new PlanRequest(market, today.Year, $"{today.Year}年度食品经营者“双随机、一公开”抽查计划",
            new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, 12, 31), false, 10, 20, 40, 100, 100, 20, [FoodItem]), ct), "plan");
        var draw = Must(await plans.AnnounceAsync(plan.Id, ct), "announce");
        draw = Must(await plans.ContributeAsync(draw.Id, new ContributeRequest(draw.Version, "原平市司法局-" + today.Year + "-第1次抽查"), ct), "draw");

        // 鑫源煤业 (credit grade D, drawn at 100 %, so in every draw): filed, its staff canteen visited, the finding a lead,
        // the result published, rated by the enterprise.
        var shop = Party("原平市惠民超市有限公司");
        var haulier = Party("山西原平宏达运输有限公司");
        var mine = Party("原平市鑫源煤业有限责任公司");
        var drawn = await demo.Db.InspectionTasks.Where(t => t.DrawId == draw.Id && t.PartyId == mine).Select(t => new { t.Id, t.Version }).SingleAsync(ct);
        var filed = Must(await desk.FileAsync(drawn.Id, new FileRequest(drawn.Version), ct), "file");
        var visited = Must(await desk.RecordVisitAsync(filed.Id, new VisitRequest(filed.Version, today,
            "检查了职工食堂的加工场所、进货查验记录和冷藏设施。发现冷柜内一批酸奶超过保质期仍在供应。", "当事人负责人签字确认",
            [new FindingRequest(FoodItem, FindingResult.ProblemFound, "职工食堂冷柜内3盒酸奶超过保质期")]), ct), "visit");
        var lead = Must(await desk.LeadAsync(visited.Id, FoodItem, new TaskStepRequest(visited.Version), ct), "lead");
        var published = Must(await desk.PublishAsync(lead.Id, new TaskStepRequest(lead.Version), ct), "publish");
        Must(await ratings.RateAsync(published.Code!, new RatingRequest(5, "检查人员出示证件，程序规范。"), ct), "rating");

        // One visit instead of two: the market and the transport bureaus' inspections of 宏达运输 merged, the market leading.
        var marketTask = Must(await desk.CreateAsync(new InspectionRequest(haulier, market, InYear(7), [FoodItem], [ZhangWei, WangFang]), ct), "joint market");
        var roadTask = Must(await desk.CreateAsync(new InspectionRequest(haulier, DemoData.Ids.YuanpingTransport, InYear(9), [RoadItem], [ZhouJie, WuQiang]), ct),
            "joint transport");
        Must(await desk.MergeAsync(new MergeRequest([marketTask.Id, roadTask.Id], market), ct), "merge");

        // 惠民超市, visited three times this year already: a fourth visit over the cap (SSJ-FREQ), with its reason and the head's approval.
        foreach (var daysAgo in new[] { 300, 200, 100 })
        {
            var t = Must(await desk.CreateAsync(new InspectionRequest(shop, market, InYear(-daysAgo), [FoodItem], [ZhangWei, WangFang]), ct), "shop visit");
            Must(await desk.FileAsync(t.Id, new FileRequest(t.Version), ct), "shop filing");
        }
        var fourth = Must(await desk.CreateAsync(new InspectionRequest(shop, market, InYear(3), [FoodItem], [ZhangWei, LiuYang]), ct), "fourth visit");
        var waiting = Must(await desk.FileAsync(fourth.Id, new FileRequest(fourth.Version, "12345热线投诉：销售过期食品，需现场核查"), ct), "over cap");
        Must(await desk.ApproveOverCapAsync(waiting.Id, new TaskStepRequest(waiting.Version), ct), "approval");
    }
}
