using Zhifa.Core.Audit;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Common;
using Zhifa.Core.Demo;
using Zhifa.Core.Organizations;
using Zhifa.Core.Personnel;
using Zhifa.Core.Personnel.UseCases;
using Zhifa.Tests.Infrastructure;
using Zhifa.Web.Common;

namespace Zhifa.Tests.Personnel;

/// <summary>Personnel through the real application, on SQLite and PostgreSQL.</summary>
public abstract class PersonnelApiTests(ZhifaApp app)
{
    private readonly HttpClient _admin = app.ApiAs("admin");
    private readonly HttpClient _issuer = app.ApiAs("yp.supervisor");

    private async Task<int> OfficerCountAsync()
    {
        await using var scope = app.Scope(out var db);
        return await db.Officers.CountAsync();
    }

    [Fact]
    public async Task Register_WithABadCheckDigit_IsRefused_AndNothingChanges()
    {
        var valid = TestData.IdNumber();
        var wrong = valid[..17] + (valid[17] == '0' ? '1' : '0');
        var before = await OfficerCountAsync();
        var response = await _admin.PostJsonAsync("/api/v1/officers",
            new RegisterOfficerRequest("校验码错", wrong, DemoData.Ids.YuanpingMarket, null, null, false, [Sector.MarketRegulation]));
        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Single(problem.For("idNumber"));
        Assert.Equal(before, await OfficerCountAsync());
    }

    [Fact]
    public async Task Register_StoresTheIdNumberUnreadably_ShowsItMasked_AndRevealsItOnlyToThoseAllowed()
    {
        var (id, idNumber) = await PersonnelFlow.RegisterAsync(app, DemoData.Ids.YuanpingMarket);
        var detail = await _admin.GetFromJsonAsync<OfficerDetail>($"/api/v1/officers/{id}", ZhifaApp.Json);
        Assert.Equal(idNumber[..4] + new string('*', 10) + idNumber[^4..], detail!.Officer.IdNumberMasked);

        await using (var scope = app.Scope(out var db))
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = db.IsPostgres ? "SELECT \"IdNumberProtected\" || \"IdNumberHash\" || \"IdNumberMasked\" FROM \"Officers\"" : "SELECT IdNumberProtected || IdNumberHash || IdNumberMasked FROM Officers";
            var dump = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                dump.Add(reader.GetString(0));
            Assert.DoesNotContain(dump, d => d.Contains(idNumber, StringComparison.Ordinal) || d.Contains(idNumber[6..14], StringComparison.Ordinal));
        }

        var revealed = await _admin.GetFromJsonAsync<Dictionary<string, string>>($"/api/v1/officers/{id}/id-number", ZhifaApp.Json);
        Assert.Equal(idNumber, revealed!["idNumber"]);
        Assert.Equal(HttpStatusCode.Forbidden, (await _issuer.GetAsync($"/api/v1/officers/{id}/id-number")).StatusCode);
    }

    [Fact]
    public async Task Register_SameIdNumberTwice_IsAConflict()
    {
        var (_, idNumber) = await PersonnelFlow.RegisterAsync(app, DemoData.Ids.YuanpingMarket);
        var response = await _admin.PostJsonAsync("/api/v1/officers",
            new RegisterOfficerRequest("重复", idNumber, DemoData.Ids.YuanpingTransport, null, null, false, [Sector.Transport]));
        Assert.Single((await Problem.ReadAsync(response, HttpStatusCode.Conflict)).For("idNumber"));
    }

    [Fact]
    [Trait("Rule", "ZFRY-CERT")]
    public async Task Issue_WithoutAPassedExam_IsRefusedUnderZFRY_CERT_AndNothingChanges()
    {
        var (officer, _) = await PersonnelFlow.RegisterAsync(app, DemoData.Ids.YuanpingMarket);
        var response = await _issuer.PostJsonAsync("/api/v1/certificates", new IssueCertificateRequest(officer, [Sector.MarketRegulation]));
        var problem = await Problem.ReadAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("ZFRY-CERT", problem.Rule);
        Assert.Equal("cert.exam_not_passed", problem.Code);
        await using var scope = app.Scope(out var db);
        Assert.False(await db.Certificates.AnyAsync(c => c.OfficerId == officer));
    }

    [Fact]
    [Trait("Rule", "ZFRY-CERT")]
    public async Task Issue_WithoutEnoughTraining_IsRefusedUnderZFRY_CERT()
    {
        var (officer, _) = await PersonnelFlow.RegisterAsync(app, DemoData.Ids.YuanpingMarket);
        var exam = await PersonnelFlow.ExamTodayAsync(app, DemoData.Ids.YuanpingMarket);
        await _issuer.PostJsonAsync($"/api/v1/exams/{exam}/results", new RecordExamResultRequest(officer, 90));
        var response = await _issuer.PostJsonAsync("/api/v1/certificates", new IssueCertificateRequest(officer, [Sector.MarketRegulation]));
        Assert.Equal("cert.training_not_met", (await Problem.ReadAsync(response, HttpStatusCode.UnprocessableEntity)).Code);
    }

    [Fact]
    [Trait("Rule", "ZFRY-CERT")]
    public async Task Issue_AfterExamAndTraining_NumbersTheCertificateInTheRegionsFormat()
    {
        var certificate = await PersonnelFlow.CertifiedOfficerAsync(app, DemoData.Ids.YuanpingMarket);
        Assert.Equal(CertificateStatus.Valid, certificate.Status);
        Assert.Matches("^140981" + PersonnelFlow.Today(app).Year + "[0-9]{5}$", certificate.Number);
        Assert.Equal(PersonnelFlow.Today(app).AddYears(5).AddDays(-1), certificate.ValidUntil);
    }

    [Fact]
    public async Task Issue_WithANumberAlreadyTaken_IsAConflict()
    {
        var officer = await PersonnelFlow.QualifiedOfficerAsync(app, DemoData.Ids.YuanpingMarket);
        var taken = (await _issuer.GetFromJsonAsync<CertificateView>($"/api/v1/certificates/{PersonnelFlow.DemoCertificate("张伟")}", ZhifaApp.Json))!.Number;
        var response = await _issuer.PostJsonAsync("/api/v1/certificates", new IssueCertificateRequest(officer, [Sector.MarketRegulation], Number: taken));
        Assert.Equal("cert.number_duplicate", (await Problem.ReadAsync(response, HttpStatusCode.Conflict)).Code);
    }

    [Fact]
    public async Task CertificateTransitions_ThroughTheApi_AndAnIllegalOneIsRefused()
    {
        var certificate = await PersonnelFlow.CertifiedOfficerAsync(app, DemoData.Ids.YuanpingMarket);
        var today = PersonnelFlow.Today(app);
        async Task<HttpResponseMessage> Act(CertificateActionRequest r) => await _issuer.PostJsonAsync($"/api/v1/certificates/{certificate.Id}/actions", r);

        var suspended = await (await Act(new CertificateActionRequest(CertificateAction.Suspend, "未按规定着装执法", On: today, Until: today.AddDays(10)))).ReadAsync<CertificateView>();
        Assert.Equal(CertificateStatus.Suspended, suspended.Status);
        var lifted = await (await Act(new CertificateActionRequest(CertificateAction.LiftSuspension, "整改到位", On: today))).ReadAsync<CertificateView>();
        Assert.Equal(CertificateStatus.Valid, lifted.Status);
        var cancelled = await (await Act(new CertificateActionRequest(CertificateAction.Cancel, "换发新证", On: today))).ReadAsync<CertificateView>();
        Assert.Equal(CertificateStatus.Cancelled, cancelled.Status);

        var review = await Act(new CertificateActionRequest(CertificateAction.PassReview, Year: today.Year, On: today));
        Assert.Equal(HttpStatusCode.Conflict, review.StatusCode);
        var after = await _issuer.GetFromJsonAsync<CertificateView>($"/api/v1/certificates/{certificate.Id}", ZhifaApp.Json);
        Assert.Equal([CertificateEventKind.Issued, CertificateEventKind.Suspended, CertificateEventKind.SuspensionLifted, CertificateEventKind.Cancelled],
            after!.History.Select(h => h.Kind));
    }

    [Fact]
    [Trait("Rule", "ZFRY-LEAVE")]
    public async Task Retiring_CancelsTheCertificateInTheSameChange_ZFRY_LEAVE()
    {
        var certificate = await PersonnelFlow.CertifiedOfficerAsync(app, DemoData.Ids.YuanpingMarket);
        var response = await _admin.PostJsonAsync($"/api/v1/officers/{certificate.OfficerId}/employment",
            new ChangeEmploymentRequest(EmploymentStatus.Retired, PersonnelFlow.Today(app), "到龄退休"));
        var officer = await response.ReadAsync<OfficerDetail>();
        Assert.Equal(EmploymentStatus.Retired, officer.Officer.EmploymentStatus);
        var cert = Assert.Single(officer.Certificates);
        Assert.Equal(CertificateStatus.Cancelled, cert.Status);
        Assert.Equal("ZFRY-LEAVE", cert.History[^1].RuleId);
    }

    [Fact]
    public async Task ChildRecords_AreAuditedUnderTheirParentsOrganisation_SoTheAuditLogIsScopedLikeTheData()
    {
        long mark;
        await using (var scope = app.Scope(out var db))
            mark = await db.AuditEntries.MaxAsync(e => e.Sequence);
        var certificate = await PersonnelFlow.CertifiedOfficerAsync(app, DemoData.Ids.YuanpingMarket);
        await _admin.PostJsonAsync($"/api/v1/officers/{certificate.OfficerId}/employment",
            new ChangeEmploymentRequest(EmploymentStatus.Resigned, PersonnelFlow.Today(app), "辞职"));

        await using (var scope = app.Scope(out var db))
        {
            var entries = await db.AuditEntries.Where(e => e.Sequence > mark).ToListAsync();
            string[] children = ["EmploymentChange", "CertificateEvent", "ExamResult", "TrainingAttendance"];
            foreach (var type in children)
            {
                var ofType = entries.Where(e => e.EntityType == type).ToList();
                Assert.True(ofType.Count > 0, $"no {type} entry");
                Assert.All(ofType, e => Assert.Equal(DemoData.Ids.YuanpingMarket, e.OrganizationId));
            }
            Assert.All(entries.Where(e => e.EntityType == "TrainingSession"), e => Assert.Equal(DemoData.Ids.YuanpingJustice, e.OrganizationId));
            Assert.DoesNotContain(entries, e => e.OrganizationId == null && e.EntityType != "Role");
        }
    }

    [Theory]
    [Trait("Rule", "ZFRY-CERT")]
    [InlineData("张伟", true, null)]
    [InlineData("李娜", false, "ZFRY-CERT")]
    [InlineData("杨帆", false, "ZFRY-CERT")]
    [InlineData("赵磊", false, "ZFRY-VALID")]
    [InlineData("陈静", false, "ZFRY-LEAVE")]
    [InlineData("黄敏", false, "ZFRY-CERT")]
    public async Task Eligibility_AnswersForEachDemoCertificateState(string name, bool allowed, string? rule)
    {
        var result = await _issuer.GetFromJsonAsync<EligibilityResult>(
            $"/api/v1/officers/{PersonnelFlow.DemoOfficer(name)}/eligibility?bodyId={DemoData.Ids.YuanpingMarket}&field=MarketRegulation", ZhifaApp.Json);
        Assert.Equal(allowed, result!.Allowed);
        if (rule is not null)
            Assert.Equal(rule, result.RuleId);
    }

    [Fact]
    [Trait("Rule", "ZFRY-TRAIN")]
    public async Task Compliance_ListsWhoIsShort_ByHowMuch_AndInWhichCategory_ZFRY_TRAIN()
    {
        var report = await _issuer.GetFromJsonAsync<ComplianceReport>($"/api/v1/training/compliance?bodyId={DemoData.Ids.YuanpingMarket}", ZhifaApp.Json);
        var wang = report!.Officers.Single(o => o.FullName == "王芳");
        Assert.True(wang.ShortBusiness > 0);
        Assert.Equal(0, wang.ShortPublicLegal);
        Assert.Equal(Math.Max(wang.ShortTotal, wang.ShortBusiness + wang.ShortPublicLegal + wang.ShortPoliticalTheory), wang.HoursNeeded);
        Assert.Contains(report.Officers, o => o.FullName == "张伟" && o.HoursNeeded == 0);
        var market = Assert.Single(report.Bodies);
        Assert.Equal(report.Officers.Count, market.Officers);
        Assert.Equal(report.Officers.Count(o => o.HoursNeeded == 0), market.Completed);
    }

    [Fact]
    [Trait("Rule", "ZFRY-TRAIN")]
    public async Task RegionalRequirement_20Plus40_ChangesWhoIsShort()
    {
        using var local = new ZhifaApp(app.Provider);
        var admin = local.ApiAs("yp.admin");
        var settings = PersonnelSettings.Default with { Training = new TrainingRequirement(60, 20, 40) };
        Assert.Equal(HttpStatusCode.OK, (await admin.PutJsonAsync($"/api/v1/personnel/settings/{DemoData.Ids.Yuanping}", settings)).StatusCode);
        var report = await admin.GetFromJsonAsync<ComplianceReport>($"/api/v1/training/compliance?bodyId={DemoData.Ids.YuanpingMarket}", ZhifaApp.Json);
        Assert.Equal(40, report!.Requirement.BusinessHours);
        var zhang = report.Officers.Single(o => o.FullName == "张伟");
        Assert.Equal(Math.Max(0, 40 - zhang.Business), zhang.ShortBusiness);
    }

    [Fact]
    public async Task ImportOfficers_WithABadRow_ImportsNothing_AndNamesEveryWrongRow()
    {
        var before = await OfficerCountAsync();
        var file = Xlsx.Write("officers", PersonnelImport.OfficerColumns.Template,
        [
            ["导入甲", TestData.IdNumber(), "原平市市场监督管理局", "法规股", "科员", "否", "市场监管", "2025-03-01"],
            ["导入乙", BadId(), "原平市市场监督管理局", "", "", "是", "市场监管", ""],
            ["导入丙", TestData.IdNumber(), "不存在的局", "", "", "否", "市场监管", ""],
            ["导入丁", TestData.IdNumber(), "原平市交通运输局", "", "", "也许", "飞行", "昨天"],
        ]);
        var response = await UploadAsync("/api/v1/officers/import", file);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"row\":3", body, StringComparison.Ordinal);
        Assert.Contains("\"row\":4", body, StringComparison.Ordinal);
        Assert.Contains("\"row\":5", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\"row\":2", body, StringComparison.Ordinal);
        Assert.Contains("\"column\":\"身份证号\"", body, StringComparison.Ordinal);
        Assert.Contains("\"column\":\"执法领域\"", body, StringComparison.Ordinal);
        Assert.Equal(before, await OfficerCountAsync());

        var good = Xlsx.Write("officers", PersonnelImport.OfficerColumns.Template,
        [
            ["导入甲", TestData.IdNumber(), "原平市市场监督管理局", "法规股", "科员", "否", "市场监管", "2025-03-01"],
            ["导入戊", TestData.IdNumber(), DemoDataCreditCode(), "", "", "是", "MarketRegulation、交通运输", ""],
        ]);
        var imported = await UploadAsync("/api/v1/officers/import", good);
        Assert.True(imported.StatusCode == HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        Assert.Equal(before + 2, await OfficerCountAsync());
    }

    [Fact]
    public async Task ImportAttendance_IsAllOrNothing()
    {
        var (officer, idNumber) = await PersonnelFlow.RegisterAsync(app, DemoData.Ids.YuanpingMarket);
        var session = await PersonnelFlow.SessionTodayAsync(app, DemoData.Ids.YuanpingMarket, TrainingCategory.PublicLegal, 8);
        var bad = Xlsx.Write("attendance", PersonnelImport.AttendanceColumns.Template, [[idNumber, "4"], [BadId(), ""], [idNumber, "20"]]);
        var rejected = await UploadAsync($"/api/v1/training/sessions/{session}/attendance/import", bad);
        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        var detail = await _issuer.GetFromJsonAsync<OfficerDetail>($"/api/v1/officers/{officer}", ZhifaApp.Json);
        Assert.Empty(detail!.Training);
        var good = Xlsx.Write("attendance", PersonnelImport.AttendanceColumns.Template, [[idNumber, "6"]]);
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync($"/api/v1/training/sessions/{session}/attendance/import", good)).StatusCode);
        detail = await _issuer.GetFromJsonAsync<OfficerDetail>($"/api/v1/officers/{officer}", ZhifaApp.Json);
        Assert.Equal(6, Assert.Single(detail!.Training).Hours);
    }

    [Fact]
    public async Task ExportOfficers_IsAWorkbookOfTheList_WithMaskedIdNumbers()
    {
        var response = await _issuer.GetAsync($"/api/v1/officers/export?bodyId={DemoData.Ids.YuanpingMarket}");
        Assert.Equal(Xlsx.ContentType, response.Content.Headers.ContentType?.MediaType);
        var rows = Xlsx.Read(await response.Content.ReadAsStreamAsync())!;
        Assert.Contains(rows, r => r.Get("姓名") == "张伟" && r.Get("身份证号").Contains("**********", StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => r.Get("执法主体") == "原平市交通运输局");
    }

    [Fact]
    public async Task PublicVerification_IsAnonymous_MasksTheName_AndReportsInvalidCertificates()
    {
        var anonymous = app.Api();
        var valid = await _issuer.GetFromJsonAsync<CertificateView>($"/api/v1/certificates/{PersonnelFlow.DemoCertificate("张伟")}", ZhifaApp.Json);
        var ok = await anonymous.GetFromJsonAsync<PublicVerification>($"/api/v1/public/certificates/{valid!.Number}", ZhifaApp.Json);
        Assert.True(ok!.Valid);
        Assert.Equal("张*", ok.HolderName);
        var cancelled = await _issuer.GetFromJsonAsync<CertificateView>($"/api/v1/certificates/{PersonnelFlow.DemoCertificate("陈静")}", ZhifaApp.Json);
        var bad = await anonymous.GetFromJsonAsync<PublicVerification>($"/api/v1/public/certificates/{cancelled!.Number}", ZhifaApp.Json);
        Assert.False(bad!.Valid);
        Assert.Equal(CertificateStatus.Cancelled, bad.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/v1/public/certificates/000000000000000")).StatusCode);
        var qr = await anonymous.GetAsync($"/public/certificates/{valid.Number}/qr.png");
        Assert.Equal("image/png", qr.Content.Headers.ContentType?.MediaType);
        Assert.True((await qr.Content.ReadAsByteArrayAsync()).Length > 200);
    }

    [Fact]
    public async Task AnOfficerOutsideTheCallersScope_Is404()
    {
        var marketOfficer = app.ApiAs("yp.market.officer");
        Assert.Equal(HttpStatusCode.OK, (await marketOfficer.GetAsync($"/api/v1/officers/{PersonnelFlow.DemoOfficer("张伟")}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await marketOfficer.GetAsync($"/api/v1/officers/{PersonnelFlow.DemoOfficer("周杰")}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await marketOfficer.GetAsync($"/api/v1/certificates/{PersonnelFlow.DemoCertificate("周杰")}")).StatusCode);
    }

    private static string DemoDataCreditCode() => "原平市市场监督管理局";

    private static string BadId()
    {
        var valid = TestData.IdNumber();
        return valid[..17] + (valid[17] == '0' ? '1' : '0');
    }

    private async Task<HttpResponseMessage> UploadAsync(string url, byte[] file)
    {
        using var content = new MultipartFormDataContent();
        var bytes = new ByteArrayContent(file);
        bytes.Headers.ContentType = new MediaTypeHeaderValue(Xlsx.ContentType);
        content.Add(bytes, "file", "import.xlsx");
        return await app.ApiAs("admin").PostAsync(url, content);
    }
}

public sealed class PersonnelApiTests_Sqlite(SqliteApp fixture) : PersonnelApiTests(fixture.App), IClassFixture<SqliteApp>;

public sealed class PersonnelApiTests_Postgres(PostgresApp fixture) : PersonnelApiTests(fixture.App), IClassFixture<PostgresApp>;
