using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Core.Cases;
using Zhifa.Core.Cases.UseCases;
using Zhifa.Core.Common;
using Zhifa.Core.Data;
using Zhifa.Core.Demo;
using Zhifa.Core.Discretion;
using Zhifa.Tests.Infrastructure;
using Zhifa.Web.Common;
using Xunit.Abstractions;

namespace Zhifa.Tests.Cases;

/// <summary>
/// The region statistics and the case export over the demo data, which these tests only read: the figures are counted by
/// hand from CasesDemo (14 cases: 12 of 原平市市场监督管理局, 2 on-the-spot decisions of 原平市交通运输局, all registered within
/// the last six months).
/// </summary>
public abstract class CaseStatisticsTests(ZhifaApp app)
{
    private static readonly Guid Market = DemoData.Ids.YuanpingMarket;
    private static readonly Guid Transport = DemoData.Ids.YuanpingTransport;

    private DateOnly Today => app.Clock.Today();

    private async Task<CaseStatistics> StatisticsAsync(string user, string query = "")
    {
        var response = await app.ApiAs(user).GetAsync("/api/v1/cases/statistics" + query);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<CaseStatistics>();
    }

    [Fact]
    public async Task TheSupervisorsFigures_ForTheDemoData_AreTheCountsWrittenByHand()
    {
        var s = await StatisticsAsync("yp.supervisor");
        // By the state each demo case is in now (CasesDemo, and the lead InspectionsDemo's finding became): three leads; four investigations (evidence held, stopped for
        // testing, a seizure in force, the decision clock run out); one concluded awaiting review; one hearing requested;
        // one served and unpaid; one archived; one first-violation exemption; one transferred to the police; two on the spot.
        Assert.Equal(
            [(CaseState.Lead, 3), (CaseState.Investigating, 4), (CaseState.Concluded, 1), (CaseState.HearingRequested, 1), (CaseState.NoPenaltyDecided, 1),
             (CaseState.Served, 1), (CaseState.ReferredToPolice, 1), (CaseState.OnSpotDecided, 2), (CaseState.Archived, 1)],
            s.ByState.Select(x => (x.State, x.Count)));
        Assert.Equal(15, s.Registered);
        Assert.Equal([(Market, "原平市市场监督管理局", 13), (Transport, "原平市交通运输局", 2)], s.ByBody.Select(b => (b.BodyId, b.BodyName, b.Registered)));
        Assert.Equal([(CaseState.OnSpotDecided, 2)], s.ByBody.Single(b => b.BodyId == Transport).ByState.Select(x => (x.State, x.Count)));
        // Past their day and still open: the lead of 20 working days ago (opening, XZCF-54), the statement period after
        // the notice of the hearing case, the payment of the served case, and the decision clock of the case opened 74
        // working days ago (XZCF-60). The transport decisions of yesterday are within their periods.
        Assert.Equal((4, 4, 0), (s.OverdueDeadlines, s.ByBody.Single(b => b.BodyId == Market).OverdueDeadlines, s.ByBody.Single(b => b.BodyId == Transport).OverdueDeadlines));

        // The default period: this month and the eleven before it, every month listed (zero where nothing was registered).
        Assert.Equal(12, s.ByMonth.Count);
        Assert.Equal(Today.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), s.ByMonth[^1].Month);
        Assert.Equal(new DateOnly(Today.Year, Today.Month, 1).AddMonths(-11), s.From);
        Assert.Equal(new DateOnly(Today.Year, Today.Month, 1).AddMonths(1).AddDays(-1), s.To);
        Assert.Equal(15, s.ByMonth.Sum(m => m.Count));
        // 涉嫌使用未经检验的特种设备 was registered 120 working days ago: in its month's count.
        await using (var scope = app.Scope(out var db))
        {
            var archived = await db.Cases.SingleAsync(c => c.Title == "涉嫌使用未经检验的特种设备");
            Assert.True(s.ByMonth.Single(m => m.Month == archived.RegisteredOn.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)).Count >= 1);
        }

        // A period before any demo case: nothing registered, the overdue deadlines (of today) unchanged.
        var before = await StatisticsAsync("yp.supervisor", $"?from={Today.AddYears(-3):yyyy-MM-dd}&to={Today.AddYears(-2):yyyy-MM-dd}");
        Assert.Equal((0, 13, 4), (before.Registered, before.ByMonth.Count, before.OverdueDeadlines));
        Assert.Empty(before.ByState);
    }

    [Fact]
    public async Task ABody_NarrowsTheFigures_AndTheHeadSeesOnlyTheBureau()
    {
        var transport = await StatisticsAsync("yp.supervisor", $"?bodyId={Transport}");
        Assert.Equal((Transport, "原平市交通运输局", 2, 0), (transport.BodyId!.Value, transport.BodyName!, transport.Registered, transport.OverdueDeadlines));
        Assert.Equal([Transport], transport.ByBody.Select(b => b.BodyId));

        // The region 原平市: every body in it.
        Assert.Equal(15, (await StatisticsAsync("yp.supervisor", $"?bodyId={DemoData.Ids.Yuanping}")).Registered);

        // The market bureau's head reaches the bureau and its stations: its 13 cases, not the transport bureau's.
        var head = await StatisticsAsync("yp.market.head");
        Assert.Equal((13, 4), (head.Registered, head.OverdueDeadlines));
        Assert.Equal([Market], head.ByBody.Select(b => b.BodyId));
    }

    [Fact]
    public async Task ABodyOutsideTheScope_Answers404_AndAReversedPeriod400WithItsField()
    {
        var head = app.ApiAs("yp.market.head");
        var outside = await Problem.ReadAsync(await head.GetAsync($"/api/v1/cases/statistics?bodyId={Transport}"), HttpStatusCode.NotFound);
        Assert.Equal("error.not_found", outside.Code);
        await Problem.ReadAsync(await head.GetAsync($"/api/v1/cases/statistics?bodyId={Guid.NewGuid()}"), HttpStatusCode.NotFound);
        // 忻州市司法局 is above the supervisor of 原平市.
        await Problem.ReadAsync(await app.ApiAs("yp.supervisor").GetAsync($"/api/v1/cases/statistics?bodyId={DemoData.Ids.Body("忻州市司法局")}"), HttpStatusCode.NotFound);

        var reversed = await Problem.ReadAsync(await head.GetAsync("/api/v1/cases/statistics?from=2026-05-01&to=2026-03-31"), HttpStatusCode.BadRequest);
        Assert.Equal("截止月份不能早于起始月份。", Assert.Single(reversed.For("to")));
        var tooLong = await Problem.ReadAsync(await head.GetAsync("/api/v1/cases/statistics?from=2000-01-01&to=2026-03-31"), HttpStatusCode.BadRequest);
        Assert.Equal("统计期间最长 120 个月。", Assert.Single(tooLong.For("from")));
    }

    [Fact]
    public async Task TheStatisticsPage_RendersForTheSupervisor_WithItsTablesAndChartData()
    {
        var response = await app.ApiAs("yp.supervisor").GetAsync("/cases/statistics");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        Assert.Contains("id=\"stats-by-state\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"stats-by-month\"", html, StringComparison.Ordinal);
        Assert.Matches($@"<tr data-body=""{Market}"">\s*<td>原平市市场监督管理局</td>\s*<td class=""text-end"">13</td>", html);
        Assert.Contains("<tr data-state=\"Investigating\">", html, StringComparison.Ordinal);
        Assert.Contains("data-registered=\"[13,2]\"", html, StringComparison.Ordinal);
        Assert.Matches(@"<span class=""zf-card-value"">15</span>\s*<span class=""zf-card-label"">登记案件</span>", html);
        // The charts are drawn by a script file, none inline (CSP).
        Assert.Contains("<script src=\"js/case-statistics.js\"></script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        // The navigation offers the page.
        Assert.Contains("href=\"/cases/statistics\"", html, StringComparison.Ordinal);

        var bad = WebUtility.HtmlDecode(await app.ApiAs("yp.supervisor").GetStringAsync("/cases/statistics?from=2026-05&to=2026-03"));
        Assert.Contains("截止月份不能早于起始月份。", bad, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheExport_OfTheDemoCases_ReadsBackWithTheListsColumnsInTheListsOrder()
    {
        var response = await app.ApiAs("yp.supervisor").GetAsync("/api/v1/cases/export?sort=registeredOn");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Xlsx.ContentType, response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        var rows = Xlsx.Read(new MemoryStream(bytes));
        Assert.NotNull(rows);
        Assert.Equal(15, rows.Count);
        // Oldest first, as the list sorts it: the archived case registered 120 working days ago.
        var first = rows[0];
        Assert.Equal("涉嫌使用未经检验的特种设备", first["案由"]);
        Assert.Equal(("原平市恒信建筑工程有限公司", "原平市市场监督管理局", "普通程序", "已归档", "30000", ""),
            (first["当事人"], first["执法主体"], first["程序"], first["状态"], first["罚款金额（元）"], first["最近期限"]));
        Assert.Matches(@"^原市监立〔\d{4}〕\d+号$", first["案件编号"]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", first["登记日期"]);
        var onSpot = rows.Single(r => r["案由"] == "货车驾驶员未随车携带道路运输证");
        Assert.Equal(("曹国栋", "原交简〔2026〕0001", "100"), (onSpot["当事人"], onSpot["决定书文号"], onSpot["罚款金额（元）"]));

        // The list's filters and scope: the market bureau's head, its leads only (one from the demo inspection's finding).
        var leads = Xlsx.Read(await app.ApiAs("yp.market.head").GetStreamAsync("/api/v1/cases/export?state=Lead"));
        Assert.Equal(["原平市鑫源煤业有限责任公司：对食品经营者执行食品安全法律法规情况的监督检查", "涉嫌未凭处方销售处方药", "涉嫌销售过期预包装食品"], leads!.Select(r => r["案由"]).Order(StringComparer.Ordinal));
    }

    /// <summary>The export's two ways to the next deadline (a lookup per case up to the count cap, one grouped pass beyond it) agree, row for row, in the list's order.</summary>
    [Fact]
    public async Task TheExportsTwoWaysToTheNextDeadline_GiveTheSameRows_InTheListsOrder()
    {
        await using var scope = app.Scope(out _);
        var queries = scope.ServiceProvider.GetRequiredService<CaseQueries>();
        var filter = new CaseListFilter(Sort: "-party");
        var looked = await queries.ExportAsync(filter, 1_000).ToListAsync();
        var grouped = await queries.ExportAsync(filter, 0).ToListAsync();
        Assert.Equal(15, looked.Count);
        Assert.Equal(looked, grouped);
        var listed = await queries.ListAsync(filter with { PageSize = 200 });
        Assert.Equal(listed.Items.Select(r => (r.Title, r.NextDue)), grouped.Select(r => (r.Title, r.NextDue)));
        Assert.Contains(grouped, r => r.NextDue is null);
        Assert.Contains(grouped, r => r.NextDue is not null);
    }
}

public sealed class CaseStatisticsTests_Sqlite(SqliteApp fixture) : CaseStatisticsTests(fixture.App), IClassFixture<SqliteApp>;

public sealed class CaseStatisticsTests_Postgres(PostgresApp fixture) : CaseStatisticsTests(fixture.App), IClassFixture<PostgresApp>;

/// <summary>
/// The case count rollup against the cases themselves: after steps taken through the API (and one refused), it equals a
/// GROUP BY over the cases, and the rebuild (the command and the generator's entry point) gives the same table.
/// </summary>
public abstract class CaseCountRollupTests(ZhifaApp app)
{
    private readonly HttpClient _officer = app.ApiAs("yp.market.officer");
    private readonly HttpClient _head = app.ApiAs("yp.market.head");

    private static readonly Guid LabelItem = DeterministicGuid.From("catalogue:140981CF01003");

    protected ZhifaApp App => app;

    /// <summary>The rollup's rows with a count (a row can fall to zero and stay).</summary>
    protected async Task<Dictionary<(Guid, int, CaseState), int>> RollupAsync()
    {
        await using var scope = app.Scope(out var db);
        return await db.CaseCounts.Where(c => c.Count != 0).ToDictionaryAsync(c => (c.BodyId, c.Month, c.State), c => c.Count);
    }

    /// <summary>The same counted from the cases.</summary>
    protected async Task<Dictionary<(Guid, int, CaseState), int>> GroupByAsync()
    {
        await using var scope = app.Scope(out var db);
        var cases = await db.Cases.Select(c => new { c.BodyId, c.RegisteredOn, c.State }).ToListAsync();
        return cases.GroupBy(c => (c.BodyId, (c.RegisteredOn.Year * 100) + c.RegisteredOn.Month, c.State)).ToDictionary(g => g.Key, g => g.Count());
    }

    protected static void AssertSame<TKey>(Dictionary<TKey, int> expected, Dictionary<TKey, int> actual) where TKey : notnull =>
        Assert.Equal(expected.OrderBy(x => x.Key).ToList(), actual.OrderBy(x => x.Key).ToList());

    /// <summary>The open deadline rollup's rows with a count.</summary>
    protected async Task<Dictionary<(Guid, DateOnly), int>> OpenDeadlinesAsync()
    {
        await using var scope = app.Scope(out var db);
        return await db.OpenDeadlineCounts.Where(c => c.Count != 0).ToDictionaryAsync(c => (c.BodyId, c.DueOn), c => c.Count);
    }

    /// <summary>The same counted from the deadlines.</summary>
    protected async Task<Dictionary<(Guid, DateOnly), int>> OpenDeadlinesGroupByAsync()
    {
        await using var scope = app.Scope(out var db);
        var open = await db.CaseDeadlines.Where(d => d.Status == DeadlineStatus.Open).Select(d => new { d.BodyId, d.DueOn }).ToListAsync();
        return open.GroupBy(d => (d.BodyId, d.DueOn)).ToDictionary(g => g.Key, g => g.Count());
    }

    protected async Task<CaseDetail> RegisterAsync()
    {
        var response = await _officer.PostJsonAsync("/api/v1/cases", new RegisterLeadRequest(null, LeadSource.Complaint,
            DeterministicGuid.From("party:原平市惠民超市有限公司"), TestData.Name("统计案源"), "举报超市销售标签不合格的预包装食品。", app.Clock.Today().AddDays(-3), null));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<CaseDetail>();
    }

    protected static async Task<CaseDetail> StepAsync(HttpClient client, CaseDetail c, CaseAction action, CaseActionRequest? body = null)
    {
        var response = await client.PostJsonAsync($"/api/v1/cases/{c.Id}/actions/{action}", (body ?? new CaseActionRequest()) with { Version = c.Version });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<CaseDetail>();
    }

    [Fact]
    public async Task AfterStepsThroughTheApi_AndARefusedOne_TheRollupsEqualAGroupByOverTheCasesAndTheirDeadlines()
    {
        AssertSame(await GroupByAsync(), await RollupAsync());
        AssertSame(await OpenDeadlinesGroupByAsync(), await OpenDeadlinesAsync());
        var before = await RollupAsync();
        var openBefore = await OpenDeadlinesAsync();

        var a = await RegisterAsync();
        var b = await RegisterAsync();
        a = await StepAsync(_head, a, CaseAction.Open);
        a = await StepAsync(_officer, a, CaseAction.AssignOfficers,
            new CaseActionRequest(OfficerIds: [DeterministicGuid.From("personnel:officer:张伟"), DeterministicGuid.From("personnel:officer:王芳")]));
        // Refused (XZCF-44: no decision before the notice): nothing moves.
        var (settled, settledOpen) = (await RollupAsync(), await OpenDeadlinesAsync());
        var refused = await _head.PostJsonAsync($"/api/v1/cases/{a.Id}/actions/{CaseAction.Decide}",
            new CaseActionRequest(PenaltyKinds: [PenaltyKind.Fine], FineAmount: 10_000, Version: a.Version));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        AssertSame(settled, await RollupAsync());
        AssertSame(settledOpen, await OpenDeadlinesAsync());
        a = await StepAsync(_officer, a, CaseAction.Conclude, new CaseActionRequest(ItemId: LabelItem, PenaltyKinds: [PenaltyKind.Fine], FineAmount: 20_000));
        var onSpot = await _officer.PostJsonAsync("/api/v1/cases/on-spot", new OnSpotRequest(DeterministicGuid.From("party:原平市惠民超市有限公司"),
            "统计简" + TestData.Next(), "未按规定公示信息", "现场检查发现。", [PenaltyKind.Warning], null));
        Assert.True(onSpot.StatusCode == HttpStatusCode.Created, await onSpot.Content.ReadAsStringAsync());
        var spot = await onSpot.ReadAsync<CaseDetail>();

        AssertSame(await GroupByAsync(), await RollupAsync());
        AssertSame(await OpenDeadlinesGroupByAsync(), await OpenDeadlinesAsync());
        // The open deadlines by hand: b's opening decision (XZCF-54) and a's decision clock (XZCF-60, started when it was
        // opened, its opening deadline met) are open; the on-the-spot warning's filing with the body (XZCF-52) too.
        var a2 = await App.ApiAs("yp.market.officer").GetFromJsonAsync<CaseDetail>($"/api/v1/cases/{a.Id}", ZhifaApp.Json);
        var openAfter = await OpenDeadlinesAsync();
        var opened = openAfter.Keys.Union(openBefore.Keys).Where(k => openAfter.GetValueOrDefault(k) != openBefore.GetValueOrDefault(k))
            .ToDictionary(k => k, k => openAfter.GetValueOrDefault(k) - openBefore.GetValueOrDefault(k));
        var expectedOpen = new Dictionary<(Guid, DateOnly), int>();
        foreach (var d in new[] { b.Deadlines.Single(d => d.Kind == DeadlineKind.OpeningDecision), a2!.Deadlines.Single(d => d.Kind == DeadlineKind.Decision) }
            .Concat(spot.Deadlines.Where(d => d.Status == DeadlineStatus.Open)))
            expectedOpen[(DemoData.Ids.YuanpingMarket, d.DueOn)] = expectedOpen.GetValueOrDefault((DemoData.Ids.YuanpingMarket, d.DueOn)) + 1;
        Assert.Equal(DeadlineStatus.Met, a2.Deadlines.Single(d => d.Kind == DeadlineKind.OpeningDecision).Status);
        AssertSame(expectedOpen, opened);
        // Written by hand: this month of the market bureau, one more lead (b), one more concluded (a: lead → investigating →
        // concluded), and the on-the-spot warning in the state it reached; nothing else moved.
        var month = (b.RegisteredOn.Year * 100) + b.RegisteredOn.Month;
        Assert.Equal((month, month, month), ((a.RegisteredOn.Year * 100) + a.RegisteredOn.Month, (spot.RegisteredOn.Year * 100) + spot.RegisteredOn.Month, month));
        var after = await RollupAsync();
        var changed = after.Keys.Union(before.Keys).Where(k => after.GetValueOrDefault(k) != before.GetValueOrDefault(k))
            .ToDictionary(k => k, k => after.GetValueOrDefault(k) - before.GetValueOrDefault(k));
        var expected = new Dictionary<(Guid, int, CaseState), int>
        {
            [(DemoData.Ids.YuanpingMarket, month, CaseState.Lead)] = 1,
            [(DemoData.Ids.YuanpingMarket, month, CaseState.Concluded)] = 1,
        };
        expected[(DemoData.Ids.YuanpingMarket, month, spot.State)] = expected.GetValueOrDefault((DemoData.Ids.YuanpingMarket, month, spot.State)) + 1;
        AssertSame(expected, changed);
        Assert.Equal((CaseState.Concluded, CaseState.Lead), (a.State, b.State));
    }

    [Fact]
    public async Task TheRebuildCommand_AndTheGeneratorsEntryPoint_MakeTheSameTableAgain()
    {
        await StepAsync(_head, await RegisterAsync(), CaseAction.Open);
        var (kept, keptOpen) = (await RollupAsync(), await OpenDeadlinesAsync());
        AssertSame(await GroupByAsync(), kept);
        AssertSame(await OpenDeadlinesGroupByAsync(), keptOpen);

        // Spoil the rollup, then let the operator's command make it again.
        await Spoil();
        var command = await AppProcess.RunAsync("rebuild-case-counts", app.Provider, app.ConnectionString);
        Assert.True(command.Exit == 0, command.Output);
        Assert.Contains("case count row(s) rebuilt", command.Output, StringComparison.Ordinal);
        AssertSame(kept, await RollupAsync());
        AssertSame(keptOpen, await OpenDeadlinesAsync());

        // The bench generator's entry point, on a plain connection after its COPY.
        await Spoil();
        await using (var scope = app.Scope(out var db))
        {
            await using var connection = db.IsPostgres ? (System.Data.Common.DbConnection)new Npgsql.NpgsqlConnection(app.ConnectionString)
                : new Microsoft.Data.Sqlite.SqliteConnection(app.ConnectionString);
            Assert.Equal(kept.Count, await CaseCountRollup.RebuildAsync(connection));
        }
        AssertSame(kept, await RollupAsync());
        AssertSame(keptOpen, await OpenDeadlinesAsync());
    }

    /// <summary>Wrong counts, a missing row and a row that should not be there.</summary>
    private async Task Spoil()
    {
        await using var scope = app.Scope(out var db);
        await db.Database.ExecuteSqlRawAsync("UPDATE \"CaseCounts\" SET \"Count\" = \"Count\" + 7");
        await db.Database.ExecuteSqlRawAsync("DELETE FROM \"CaseCounts\" WHERE \"State\" = 'Archived'");
        await db.Database.ExecuteSqlRawAsync($"INSERT INTO \"CaseCounts\" (\"BodyId\", \"Month\", \"State\", \"Count\") VALUES ({{0}}, 190001, 'Lead', 3)",
            DemoData.Ids.YuanpingTransport);
        await db.Database.ExecuteSqlRawAsync("UPDATE \"OpenDeadlineCounts\" SET \"Count\" = \"Count\" * 2");
        Assert.NotEqual((await GroupByAsync()).OrderBy(x => x.Key).ToList(), (await RollupAsync()).OrderBy(x => x.Key).ToList());
        Assert.NotEqual((await OpenDeadlinesGroupByAsync()).OrderBy(x => x.Key).ToList(), (await OpenDeadlinesAsync()).OrderBy(x => x.Key).ToList());
    }
}

public sealed class CaseCountRollupTests_Sqlite(SqliteApp fixture) : CaseCountRollupTests(fixture.App), IClassFixture<SqliteApp>;

public sealed class CaseCountRollupTests_Postgres(PostgresApp fixture) : CaseCountRollupTests(fixture.App), IClassFixture<PostgresApp>
{
    /// <summary>Twelve leads registered and opened at once: every +1 and −1 lands, none overwrites another (the upsert adds to the stored count).</summary>
    [Fact]
    public async Task ConcurrentRegistrationsAndOpenings_AddUp()
    {
        var before = await RollupAsync();
        var leads = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => RegisterAsync()));
        var heads = Enumerable.Range(0, 4).Select(_ => App.ApiAs("yp.market.head")).ToArray();
        await Task.WhenAll(leads.Select((c, i) => StepAsync(heads[i % heads.Length], c, CaseAction.Open)));
        var after = await RollupAsync();
        AssertSame(await GroupByAsync(), after);
        AssertSame(await OpenDeadlinesGroupByAsync(), await OpenDeadlinesAsync());
        var month = (leads[0].RegisteredOn.Year * 100) + leads[0].RegisteredOn.Month;
        Assert.Equal(12, after[(DemoData.Ids.YuanpingMarket, month, CaseState.Investigating)] - before.GetValueOrDefault((DemoData.Ids.YuanpingMarket, month, CaseState.Investigating)));
    }
}

/// <summary>The streaming workbook writer alone, measured with nothing else running.</summary>
[Collection(Serial.Name)]
public sealed class XlsxWriterTests(ITestOutputHelper output)
{
    /// <summary>200,000 rows of 10 cells: about 120 MB of sheet XML. A writer that held the sheet (or the zip entry) would hold that.</summary>
    [Fact]
    public async Task TwoHundredThousandRows_StreamThroughTheWriter_InFlatManagedMemory()
    {
        const int Rows = 200_000;
        const long Bound = 24L * 1024 * 1024;
        var sink = new CountingStream();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0;
        async IAsyncEnumerable<IReadOnlyList<string?>> Synthetic()
        {
            for (var i = 0; i < Rows; i++)
            {
                if (i % 20_000 == 0)
                    peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - baseline);
                yield return [$"原市监立〔2026〕{i}号", "涉嫌销售标签不合格的预包装食品", $"当事人{i}", "原平市市场监督管理局", "一般程序", "调查取证",
                    "2026-03-01", i % 7 == 0 ? "=HYPERLINK(\"x\")" : "2026-04-01", null, "20000"];
                await Task.CompletedTask;
            }
        }
        var started = System.Diagnostics.Stopwatch.StartNew();
        var written = await Xlsx.WriteAsync(sink, "cases", ["编号", "案由", "当事人", "执法主体", "程序", "状态", "登记日期", "下一期限", "文号", "罚款"], Synthetic());
        peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - baseline);
        output.WriteLine($"{written:N0} rows, {sink.Length / 1024.0 / 1024.0:F1} MiB written in {started.ElapsedMilliseconds:N0} ms; managed heap at most +{peak / 1024.0 / 1024.0:F1} MiB");
        Assert.Equal(Rows, written);
        Assert.True(sink.Length > 1024 * 1024, $"only {sink.Length} bytes written");
        Assert.True(peak < Bound, $"the managed heap grew by {peak:N0} bytes while writing");
    }

    /// <summary>Into a stream that cannot seek (the zip's entries then carry their sizes after their data): it reads back, formula-like text kept as text.</summary>
    [Fact]
    public async Task AWorkbookWrittenIntoAStreamThatCannotSeek_ReadsBack_WithFormulaLikeTextQuotePrefixed()
    {
        var sink = new CountingStream(keep: true);
        await Xlsx.WriteAsync(sink, "t", ["名称", "金额"], Rows([["=1+2", "5"], ["普通", null], ["@SUM(A1)", "-3"]]));
        var rows = Xlsx.Read(new MemoryStream(sink.Kept.ToArray()));
        Assert.Equal([("=1+2", "5"), ("普通", ""), ("@SUM(A1)", "-3")], rows!.Select(r => (r["名称"], r["金额"])));
        var sheet = Encoding.UTF8.GetString(Unzip(sink.Kept.ToArray(), "xl/worksheets/sheet1.xml"));
        Assert.Contains("<x:c r=\"A2\" s=\"1\" t=\"inlineStr\">", sheet, StringComparison.Ordinal);
        Assert.Contains("<x:c r=\"A3\" t=\"inlineStr\">", sheet, StringComparison.Ordinal);
        Assert.Contains("<x:c r=\"B4\" s=\"1\" t=\"inlineStr\">", sheet, StringComparison.Ordinal);
        Assert.DoesNotContain("<x:f>", sheet, StringComparison.Ordinal);

        static async IAsyncEnumerable<IReadOnlyList<string?>> Rows(IEnumerable<string?[]> rows)
        {
            foreach (var r in rows)
            {
                await Task.Yield();
                yield return r;
            }
        }
    }

    private static byte[] Unzip(byte[] zip, string entry)
    {
        using var archive = new System.IO.Compression.ZipArchive(new MemoryStream(zip));
        using var s = archive.GetEntry(entry)!.Open();
        using var m = new MemoryStream();
        s.CopyTo(m);
        return m.ToArray();
    }

    /// <summary>A write-only stream that cannot seek: counts what it is given, and keeps it when asked.</summary>
    private sealed class CountingStream(bool keep = false) : Stream
    {
        public MemoryStream Kept { get; } = new();
        private long _length;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count)
        {
            _length += count;
            if (keep)
                Kept.Write(buffer, offset, count);
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
