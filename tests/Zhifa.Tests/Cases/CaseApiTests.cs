using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Cases;
using Zhifa.Core.Cases.UseCases;
using Zhifa.Core.Common;
using Zhifa.Core.Demo;
using Zhifa.Core.Discretion;
using Zhifa.Tests.Infrastructure;

namespace Zhifa.Tests.Cases;

/// <summary>The penalty case through the REST API with the demo users, on SQLite and PostgreSQL.</summary>
public abstract class CaseApiTests(ZhifaApp app)
{
    protected ZhifaApp App => app;

    /// <summary>张伟, an officer of 原平市市场监督管理局 (case.handle).</summary>
    protected readonly HttpClient Officer = app.ApiAs("yp.market.officer");

    /// <summary>王局长, the bureau's head (case.approve, case.archive).</summary>
    protected readonly HttpClient Head = app.ApiAs("yp.market.head");

    /// <summary>刘洋, the bureau's legal reviewer, an officer with legal professional qualification (case.review, XZCF-58).</summary>
    private readonly HttpClient _reviewer = app.ApiAs("yp.market.reviewer");

    private static Guid OfficerId(string name) => DeterministicGuid.From("personnel:officer:" + name);

    private static Guid Party(string name) => DeterministicGuid.From("party:" + name);

    /// <summary>对生产经营标签不符合规定的食品等行为的处罚 (140981CF01003): benchmark market-126, a fine of 5,000–50,000 yuan.</summary>
    private static readonly Guid LabelItem = DeterministicGuid.From("catalogue:140981CF01003");

    /// <summary>An on-the-spot decision of 原平市交通运输局 (the demo's transport officer): outside the market bureau's scope.</summary>
    private static readonly Guid TransportCase = DeterministicGuid.From("case:原交简〔2026〕0001");

    /// <summary>Today in China on the app's clock.</summary>
    protected DateOnly Today => DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime.AddHours(8));

    protected RegisterLeadRequest Lead(string? title = null) =>
        new(null, LeadSource.Complaint, Party("原平市惠民超市有限公司"), title ?? TestData.Name("接口测试案源"), "举报超市销售标签不合格的预包装食品。", Today.AddDays(-10), null);

    protected async Task<CaseDetail> RegisterAsync(string? title = null)
    {
        var response = await Officer.PostJsonAsync("/api/v1/cases", Lead(title));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var created = await response.ReadAsync<CaseDetail>();
        Assert.Equal($"/api/v1/cases/{created.Id}", response.Headers.Location!.OriginalString);
        return created;
    }

    protected async Task<CaseDetail> GetAsync(Guid id, HttpClient? client = null) =>
        (await (client ?? Officer).GetFromJsonAsync<CaseDetail>($"/api/v1/cases/{id}", ZhifaApp.Json))!;

    protected static Task<HttpResponseMessage> ActAsync(HttpClient client, CaseDetail c, CaseAction action, CaseActionRequest? body = null) =>
        client.PostJsonAsync($"/api/v1/cases/{c.Id}/actions/{action}", (body ?? new CaseActionRequest()) with { Version = c.Version });

    /// <summary>Takes the step and answers the case after it, failing with the server's answer if it was refused.</summary>
    protected async Task<CaseDetail> StepAsync(HttpClient client, CaseDetail c, CaseAction action, CaseActionRequest? body = null)
    {
        var response = await ActAsync(client, c, action, body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var after = await response.ReadAsync<CaseDetail>();
        Assert.True(after.Version > c.Version, $"{action} did not move the version on");
        return after;
    }

    private async Task<CaseDetail> InvestigatingAsync()
    {
        var c = await StepAsync(Head, await RegisterAsync(), CaseAction.Open);
        return await StepAsync(Officer, c, CaseAction.AssignOfficers, new CaseActionRequest(OfficerIds: [OfficerId("张伟"), OfficerId("王芳")]));
    }

    /// <summary>A refusal as the API answers it, and the case unchanged behind it (its version and its state).</summary>
    private async Task<Problem> RefusedAsync(HttpResponseMessage response, HttpStatusCode status, CaseDetail before)
    {
        var problem = await Problem.ReadAsync(response, status);
        var after = await GetAsync(before.Id);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.State, after.State);
        Assert.Equal(before.Timeline.Count, after.Timeline.Count);
        return problem;
    }

    [Fact]
    [Trait("Rule", "XZCF-61")]
    public async Task AGeneralProcedureCase_GoesFromLeadToArchive_ThroughTheApi_WithTheDemoUsers()
    {
        var title = TestData.Name("全流程案件");
        var c = await RegisterAsync(title);
        Assert.Equal((CaseState.Lead, CaseProcedure.General, DemoData.Ids.YuanpingMarket), (c.State, c.Procedure, c.BodyId));
        Assert.Contains(c.Deadlines, d => d is { Kind: DeadlineKind.OpeningDecision, RuleId: "XZCF-54", Status: DeadlineStatus.Open });
        // The officer may not open it; the head may.
        Assert.Empty(c.Actions);
        Assert.Contains(CaseAction.Open, (await GetAsync(c.Id, Head)).Actions);

        c = await StepAsync(Head, c, CaseAction.Open);
        Assert.Equal(CaseState.Investigating, c.State);
        Assert.Matches(@"^原市监立〔\d{4}〕\d+号$", c.CaseNumber!);
        c = await StepAsync(Officer, c, CaseAction.AssignOfficers, new CaseActionRequest(OfficerIds: [OfficerId("张伟"), OfficerId("王芳")]));
        Assert.Equal(["张伟", "王芳"], c.Officers.Select(o => o.Name).Order());
        c = await StepAsync(Officer, c, CaseAction.Conclude,
            new CaseActionRequest(ItemId: LabelItem, PenaltyKinds: [PenaltyKind.Fine], FineAmount: 20_000, Complex: true));
        Assert.Equal((CaseState.Concluded, true), (c.State, c.ReviewRequired));
        Assert.False(string.IsNullOrWhiteSpace(c.Explanation));

        c = await StepAsync(_reviewer, c, CaseAction.PassLegalReview);
        Assert.Equal(CaseState.Reviewed, c.State);
        c = await StepAsync(Head, c, CaseAction.RecordDiscussion, new CaseActionRequest(Note: "局务会议集体讨论，同意拟处罚意见。"));
        c = await StepAsync(Head, c, CaseAction.Notify);
        Assert.Equal(CaseState.Notified, c.State);
        Assert.False(c.HearingRight);
        c = await StepAsync(Officer, c, CaseAction.RecordStatement, new CaseActionRequest(Note: "当事人放弃陈述申辩。"));
        c = await StepAsync(Head, c, CaseAction.Decide);
        Assert.Equal((CaseState.Decided, 20_000m), (c.State, c.DecidedFine));
        Assert.Matches(@"^原市监罚〔\d{4}〕\d+号$", c.DecisionNumber!);
        // XZCF-61: electronic service only with the party's recorded 送达地址确认书 and its consent.
        var noConsent = await RefusedAsync(await ActAsync(Officer, c, CaseAction.Serve, new CaseActionRequest(ServiceMethod: ServiceMethod.Electronic)),
            HttpStatusCode.UnprocessableEntity, c);
        Assert.Equal(("XZCF-61", "case.electronic_service_without_consent"), (noConsent.Rule, noConsent.Code));
        var address = $"/api/v1/cases/{c.Id}/service-address";
        Assert.Equal(HttpStatusCode.NotFound, (await Officer.GetAsync(address)).StatusCode);
        var wrong = await Problem.ReadAsync(await Officer.PutAsJsonAsync(address, new ServiceAddressRequest(Phone: "电话号码", ElectronicConsent: true, SignedOn: Today.AddDays(3))),
            HttpStatusCode.BadRequest);
        Assert.Equal(["phone", "signedOn"], wrong.Errors!.Keys.Order());
        var onlyPost = await Problem.ReadAsync(await Officer.PutAsJsonAsync(address, new ServiceAddressRequest(Address: "原平市北城街道", ElectronicConsent: true, SignedOn: Today)),
            HttpStatusCode.BadRequest);
        Assert.Equal(["electronicConsent"], onlyPost.Errors!.Keys);
        var recorded = await (await Officer.PutAsJsonAsync(address, new ServiceAddressRequest(Address: "原平市北城街道XX号", Phone: "13912345678", ElectronicConsent: true,
            SignedOn: Today))).ReadAsync<ServiceAddressView>();
        Assert.Equal(("139****5678", true), (recorded.PhoneMasked, recorded.ElectronicConsent));
        c = await StepAsync(Officer, await GetAsync(c.Id), CaseAction.Serve, new CaseActionRequest(ServiceMethod: ServiceMethod.Electronic));
        Assert.Equal((CaseState.Served, ServiceMethod.Electronic), (c.State, c.ServiceMethod!.Value));
        // Paid in full: the system settles the case (executed) in the same step.
        c = await StepAsync(Officer, c, CaseAction.RecordPayment, new CaseActionRequest(Amount: 20_000, Channel: PaymentChannel.Bank, Reference: "BK-API-1"));
        Assert.Equal((CaseState.Executed, 0m), (c.State, c.Outstanding));
        c = await StepAsync(Head, c, CaseAction.Close);
        c = await StepAsync(Head, c, CaseAction.Archive);
        Assert.Equal(CaseState.Archived, c.State);

        Assert.Equal(
            [CaseAction.Register, CaseAction.Open, CaseAction.AssignOfficers, CaseAction.Conclude, CaseAction.PassLegalReview, CaseAction.RecordDiscussion,
             CaseAction.Notify, CaseAction.RecordStatement, CaseAction.Decide, CaseAction.Serve, CaseAction.RecordPayment, CaseAction.Settle, CaseAction.Close, CaseAction.Archive],
            c.Timeline.Select(e => e.Action));
        Assert.Equal("刘洋", c.Timeline.Single(e => e.Action == CaseAction.PassLegalReview).ActorName);
        Assert.DoesNotContain(c.Deadlines, d => d.Status == DeadlineStatus.Open);

        // The list finds it by its title and its case number, in the state it reached.
        var listed = await Officer.GetFromJsonAsync<Page<Zhifa.Core.Cases.UseCases.CaseRow>>($"/api/v1/cases?q={Uri.EscapeDataString(c.CaseNumber!)}&state=Archived", ZhifaApp.Json);
        Assert.Equal(c.Id, Assert.Single(listed!.Items).Id);
        Assert.Empty((await Officer.GetFromJsonAsync<Page<Zhifa.Core.Cases.UseCases.CaseRow>>($"/api/v1/cases?q={Uri.EscapeDataString(title)}&state=Lead", ZhifaApp.Json))!.Items);
    }

    [Fact]
    public async Task Decide_BeforeTheNotice_IsRefusedWith_XZCF44_AndChangesNothing()
    {
        var c = await InvestigatingAsync();
        var problem = await RefusedAsync(await ActAsync(Head, c, CaseAction.Decide, new CaseActionRequest(PenaltyKinds: [PenaltyKind.Fine], FineAmount: 10_000)),
            HttpStatusCode.UnprocessableEntity, c);
        Assert.Equal(("XZCF-44", "case.out_of_order"), (problem.Rule, problem.Code));
        // The clerk reads where the case stands and what was asked.
        Assert.Equal("当前阶段为“调查取证”，不能进行“作出处罚决定”。", problem.Detail);
    }

    [Fact]
    public async Task AProposedFineAboveTheLawsMaximum_IsRefusedOnItsField_AndTheInvestigationIsNotConcluded()
    {
        var c = await InvestigatingAsync();
        // The label item's law allows 5,000–50,000 yuan: 500,000 is no penalty anyone may propose, approval or not.
        var response = await ActAsync(Officer, c, CaseAction.Conclude,
            new CaseActionRequest(ItemId: LabelItem, PenaltyKinds: [PenaltyKind.Fine], FineAmount: 500_000));
        var problem = await RefusedAsync(response, HttpStatusCode.BadRequest, c);
        Assert.Contains("fineAmount", problem.Errors!.Keys);
        Assert.Null((await GetAsync(c.Id)).ProposedFine);
    }

    private static MultipartFormDataContent Evidence(byte[] content, string step)
    {
        var form = new MultipartFormDataContent { { new StringContent(step), "step" } };
        form.Add(new ByteArrayContent(content), "file", "record.bin");
        return form;
    }

    [Fact]
    [Trait("Rule", "XZQZ-18")]
    [Trait("Rule", "XZQZ-24")]
    [Trait("Rule", "XZQZ-25")]
    [Trait("Rule", "SXZD-AV")]
    public async Task ASeizure_NeedsTheHeadsApprovalAndATwoCopyInventory_AndKeepsTheCaseOpenUntilReleased()
    {
        var c = await InvestigatingAsync();
        var seize = new CaseActionRequest(MeasureKind: MeasureKind.Seizure, Items: "标签不合格的预包装食品36箱", InventoryCopies: 2);
        var unapproved = await RefusedAsync(await ActAsync(Officer, c, CaseAction.TakeMeasure, seize), HttpStatusCode.UnprocessableEntity, c);
        Assert.Equal(("XZQZ-18", "case.measure_not_approved"), (unapproved.Rule, unapproved.Code));

        c = await StepAsync(Head, c, CaseAction.ApproveMeasure, seize with { InventoryCopies = null });
        var oneCopy = await RefusedAsync(await ActAsync(Officer, c, CaseAction.TakeMeasure, new CaseActionRequest(InventoryCopies: 1)), HttpStatusCode.UnprocessableEntity, c);
        Assert.Equal(("XZQZ-24", "case.inventory_two_copies"), (oneCopy.Rule, oneCopy.Code));
        // SXZD-AV: the seizure's body-camera video first; a photo does not stand in for it.
        var noVideo = await RefusedAsync(await ActAsync(Officer, c, CaseAction.TakeMeasure, new CaseActionRequest(InventoryCopies: 2)), HttpStatusCode.UnprocessableEntity, c);
        Assert.Equal(("SXZD-AV", "case.audio_video_missing"), (noVideo.Rule, noVideo.Code));
        Assert.Equal(HttpStatusCode.Created, (await Officer.PostAsync($"/api/v1/cases/{c.Id}/evidence", Evidence(Zhifa.Core.Records.RecordsDemo.Png(9, 9, 1, 2, 3), "TakeMeasure"))).StatusCode);
        var photoOnly = await RefusedAsync(await ActAsync(Officer, c, CaseAction.TakeMeasure, new CaseActionRequest(InventoryCopies: 2)), HttpStatusCode.UnprocessableEntity, c);
        Assert.Equal("SXZD-AV", photoOnly.Rule);
        c = await GetAsync(c.Id);
        Assert.Equal(HttpStatusCode.Created, (await Officer.PostAsync($"/api/v1/cases/{c.Id}/evidence", Evidence(Zhifa.Core.Records.RecordsDemo.Mp4(), "TakeMeasure"))).StatusCode);
        c = await StepAsync(Officer, c, CaseAction.TakeMeasure, new CaseActionRequest(InventoryCopies: 2));
        var measure = Assert.Single(c.Measures);
        Assert.Equal((MeasureKind.Seizure, Today, 2, (DateOnly?)null), (measure.Kind, measure.TakenOn!.Value, measure.InventoryCopies, measure.EndedOn));
        Assert.Contains(c.Deadlines, d => d is { Kind: DeadlineKind.MeasureDuration, RuleId: "XZQZ-25", Status: DeadlineStatus.Open });

        c = await StepAsync(Head, c, CaseAction.Terminate, new CaseActionRequest(Reason: "违法事实不能成立"));
        var closed = await RefusedAsync(await ActAsync(Head, c, CaseAction.Close, new CaseActionRequest(Reason: "终止调查")), HttpStatusCode.UnprocessableEntity, c);
        Assert.Equal(("XZQZ-25", "case.measure_still_in_force"), (closed.Rule, closed.Code));
        c = await StepAsync(Officer, c, CaseAction.ReleaseMeasure, new CaseActionRequest(Outcome: MeasureOutcome.Released));
        Assert.Equal(MeasureOutcome.Released, c.Measures.Single().Outcome);
        c = await StepAsync(Head, c, CaseAction.Close, new CaseActionRequest(Reason: "终止调查"));
        Assert.Equal(CaseState.Closed, c.State);
    }

    [Fact]
    public async Task Open_ByAnOfficer_WithoutCaseApprove_Is403_AndChangesNothing()
    {
        var c = await RegisterAsync();
        var problem = await RefusedAsync(await ActAsync(Officer, c, CaseAction.Open), HttpStatusCode.Forbidden, c);
        Assert.Equal(CasePermissions.Approve, problem.Permission);
        Assert.Null((await GetAsync(c.Id)).CaseNumber);
    }

    [Fact]
    public async Task ATeam_WithAnOfficerWhoseCertificateIsSuspended_IsRefusedWith_XZCF42_AndChangesNothing()
    {
        var c = await StepAsync(Head, await RegisterAsync(), CaseAction.Open);
        var problem = await RefusedAsync(await ActAsync(Officer, c, CaseAction.AssignOfficers, new CaseActionRequest(OfficerIds: [OfficerId("张伟"), OfficerId("李娜")])),
            HttpStatusCode.UnprocessableEntity, c);
        Assert.Equal(("XZCF-42", "case.officer_not_eligible"), (problem.Rule, problem.Code));
        Assert.Contains("李娜", problem.Detail, StringComparison.Ordinal);
        Assert.Empty((await GetAsync(c.Id)).Officers);
        // One officer alone is not a team either (XZCF-42: at least two).
        var alone = await RefusedAsync(await ActAsync(Officer, c, CaseAction.AssignOfficers, new CaseActionRequest(OfficerIds: [OfficerId("张伟")])),
            HttpStatusCode.UnprocessableEntity, c);
        Assert.Equal(("XZCF-42", "case.team_too_small"), (alone.Rule, alone.Code));
    }

    [Fact]
    public async Task AnOnSpotFine_OverTheSimpleProcedureLimit_IsRefusedWith_XZCF51_AndNothingIsStored()
    {
        var transport = App.ApiAs("yp.transport.officer");
        var before = await CaseCountAsync();
        var form = "原交简〔2026〕" + TestData.Next().ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
        // A citizen: the simple procedure reaches 200 yuan.
        var response = await transport.PostJsonAsync("/api/v1/cases/on-spot",
            new OnSpotRequest(Party("曹国栋"), form, "货车超限运输", "检查发现货车超限。", [PenaltyKind.Fine], 500));
        var problem = await Problem.ReadAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(("XZCF-51", "case.simple_fine_too_high"), (problem.Rule, problem.Code));
        Assert.Contains("200", problem.Detail, StringComparison.Ordinal);
        Assert.Equal(before, await CaseCountAsync());

        // Within the limit it is decided on the spot.
        var ok = await transport.PostJsonAsync("/api/v1/cases/on-spot", new OnSpotRequest(Party("曹国栋"), form, "货车超限运输", "检查发现货车超限。", [PenaltyKind.Fine], 200));
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        var decided = await ok.ReadAsync<CaseDetail>();
        Assert.Equal((CaseProcedure.Simple, CaseState.OnSpotDecided, form, 200m), (decided.Procedure, decided.State, decided.DecisionNumber, decided.DecidedFine));
    }

    [Fact]
    public async Task AnotherBodysCase_IsNotFound_OnGet_AndOnAnAction()
    {
        var outside = await Problem.ReadAsync(await Officer.GetAsync($"/api/v1/cases/{TransportCase}"), HttpStatusCode.NotFound);
        Assert.Equal("not-found", outside.Type![(outside.Type!.LastIndexOf('/') + 1)..]);
        await Problem.ReadAsync(await Officer.PostJsonAsync($"/api/v1/cases/{TransportCase}/actions/{CaseAction.RecordPayment}",
            new CaseActionRequest(Amount: 50, Channel: PaymentChannel.Bank)), HttpStatusCode.NotFound);
        await Problem.ReadAsync(await Head.PostJsonAsync($"/api/v1/cases/{TransportCase}/actions/{CaseAction.Close}", new CaseActionRequest(Reason: "越权")), HttpStatusCode.NotFound);
        // Nor is it listed; its own body's officer sees it, unchanged.
        var list = await Officer.GetStringAsync("/api/v1/cases?pageSize=200");
        Assert.DoesNotContain(TransportCase.ToString(), list, StringComparison.Ordinal);
        var own = await GetAsync(TransportCase, App.ApiAs("yp.transport.officer"));
        Assert.Equal(CaseState.OnSpotDecided, own.State);
        Assert.DoesNotContain(own.Timeline, e => e.Action is CaseAction.RecordPayment or CaseAction.Close);
    }

    [Fact]
    public async Task AStaleVersion_Answers409_AndChangesNothing()
    {
        var c = await InvestigatingAsync();
        var stale = await Officer.PostJsonAsync($"/api/v1/cases/{c.Id}/actions/{CaseAction.RegisterEvidence}",
            new CaseActionRequest(Version: c.Version - 1, Note: "扣押过期食品10箱"));
        await RefusedAsync(stale, HttpStatusCode.Conflict, c);
        Assert.DoesNotContain((await GetAsync(c.Id)).Timeline, e => e.Action == CaseAction.RegisterEvidence);
        // If-Match does the same; the current version goes through.
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cases/{c.Id}/actions/{CaseAction.RegisterEvidence}")
        {
            Content = JsonContent.Create(new CaseActionRequest(Note: "扣押过期食品10箱"), options: ZhifaApp.Json),
        };
        request.Headers.IfMatch.ParseAdd($"\"{c.Version - 1}\"");
        await RefusedAsync(await Officer.SendAsync(request), HttpStatusCode.Conflict, c);
        await StepAsync(Officer, c, CaseAction.RegisterEvidence, new CaseActionRequest(Note: "扣押过期食品10箱"));
    }

    [Fact]
    public async Task TheSameIdempotencyKey_Twice_TakesTheStepOnce()
    {
        var c = await InvestigatingAsync();
        var key = Guid.NewGuid().ToString();
        async Task<HttpResponseMessage> SendAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cases/{c.Id}/actions/{CaseAction.RegisterEvidence}")
            {
                Content = JsonContent.Create(new CaseActionRequest(Version: c.Version, Note: "先行登记保存票据"), options: ZhifaApp.Json),
            };
            request.Headers.Add("Idempotency-Key", key);
            return await Officer.SendAsync(request);
        }
        var first = await SendAsync();
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var again = await SendAsync();
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        var after = await GetAsync(c.Id);
        Assert.Single(after.Timeline, e => e.Action == CaseAction.RegisterEvidence);
        Assert.Equal(c.Version + 1, after.Version);
    }

    [Fact]
    public async Task Register_WithEveryFieldWrong_NamesThemAllInOneProblem_AndStoresNothing()
    {
        var before = await CaseCountAsync();
        var tomorrow = Today.AddDays(1);
        var response = await Officer.PostJsonAsync("/api/v1/cases",
            new RegisterLeadRequest(Guid.NewGuid(), null, Guid.NewGuid(), "  ", "", null, tomorrow));
        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["actOn", "bodyId", "discoveredOn", "facts", "partyId", "source", "title"], problem.Errors!.Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(before, await CaseCountAsync());

        // An empty body names what must be sent; an over-long title is refused before the use case runs.
        var empty = await Problem.ReadAsync(await Officer.PostAsync("/api/v1/cases", new StringContent("{}", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        Assert.Equal(["actOn", "bodyId", "discoveredOn", "facts", "partyId", "source", "title"], empty.Errors!.Keys.Order(StringComparer.Ordinal).ToArray());
        var longTitle = await Problem.ReadAsync(await Officer.PostJsonAsync("/api/v1/cases", Lead(new string('案', PenaltyCase.MaxTitle + 1))), HttpStatusCode.BadRequest);
        Assert.Equal(["title"], longTitle.Errors!.Keys.ToArray());
        Assert.Equal(before, await CaseCountAsync());
    }

    [Fact]
    public async Task AStep_WithoutTheVersion_OrNamedInAnyCase_OrUnknown_IsAnsweredClearly()
    {
        var c = await RegisterAsync();
        // The version must be sent (null where If-Match carries it).
        var noVersion = await Problem.ReadAsync(await Head.PostAsync($"/api/v1/cases/{c.Id}/actions/Open", new StringContent("{}", Encoding.UTF8, "application/json")),
            HttpStatusCode.BadRequest);
        Assert.Equal(["version"], noVersion.Errors!.Keys.ToArray());
        // The action's name is case-insensitive.
        var opened = await Head.PostAsync($"/api/v1/cases/{c.Id}/actions/open",
            new StringContent(JsonSerializer.Serialize(new { version = c.Version }), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal(CaseState.Investigating, (await opened.ReadAsync<CaseDetail>()).State);
        // An action that is no step of the table (or only the system's) is no endpoint.
        Assert.Equal(HttpStatusCode.NotFound, (await Head.PostAsync($"/api/v1/cases/{c.Id}/actions/Fly",
            new StringContent("{\"version\":null}", Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Head.PostAsync($"/api/v1/cases/{c.Id}/actions/Settle",
            new StringContent("{\"version\":null}", Encoding.UTF8, "application/json"))).StatusCode);
    }

    protected async Task<int> CaseCountAsync()
    {
        await using var scope = App.Scope(out var db);
        return await db.Cases.CountAsync();
    }
}

public sealed class CaseApiTests_Sqlite(SqliteApp fixture) : CaseApiTests(fixture.App), IClassFixture<SqliteApp>;

public sealed class CaseApiTests_Postgres(PostgresApp fixture) : CaseApiTests(fixture.App), IClassFixture<PostgresApp>
{
    /// <summary>Twenty leads opened at once: twenty different case numbers, one after another without a gap (CaseContext.NextNumberAsync).</summary>
    [Fact]
    public async Task TwentyOpeningsAtOnce_GetTwentyDistinctGapFreeNumbers()
    {
        var leads = new List<CaseDetail>();
        for (var i = 0; i < 20; i++)
            leads.Add(await RegisterAsync());
        var heads = Enumerable.Range(0, 4).Select(_ => App.ApiAs("yp.market.head")).ToArray();
        var responses = await Task.WhenAll(leads.Select((c, i) => ActAsync(heads[i % heads.Length], c, CaseAction.Open)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var numbers = new List<int>();
        foreach (var r in responses)
        {
            var number = (await r.ReadAsync<CaseDetail>()).CaseNumber!;
            var match = System.Text.RegularExpressions.Regex.Match(number, @"^原市监立〔\d{4}〕(\d+)号$");
            Assert.True(match.Success, number);
            numbers.Add(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        }
        Assert.Equal(20, numbers.Distinct().Count());
        Assert.Equal(Enumerable.Range(numbers.Min(), 20), numbers.Order());
    }
}
