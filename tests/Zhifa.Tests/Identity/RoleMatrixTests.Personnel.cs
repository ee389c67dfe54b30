using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Zhifa.Core.Common;
using Zhifa.Core.Demo;
using Zhifa.Core.Organizations;
using Zhifa.Core.Personnel;
using Zhifa.Core.Personnel.UseCases;
using Zhifa.Core.Identity;
using Zhifa.Tests.Infrastructure;
using Zhifa.Web.Common;

namespace Zhifa.Tests.Identity;

/// <summary>The personnel rows of the role matrix.</summary>
public abstract partial class RoleMatrixTests
{
    private static bool IsRegional(RoleUnderTest r) => r.Role is RoleTemplates.Supervisor or RoleTemplates.Administrator;

    private static Guid InOfficer(Ctx c) => PersonnelFlow.DemoOfficer(IsRegional(c.Role) ? "周杰" : "张伟");

    private static Guid InCertificate(Ctx c) => PersonnelFlow.DemoCertificate(IsRegional(c.Role) ? "周杰" : "张伟");

    /// <summary>Data outside 原平市, made once per app: an officer, certificate, exam and training session of 忻州市司法局.</summary>
    private sealed record Outside(Guid Officer, Guid Certificate, Guid Exam, Guid Course, Guid Session);

    private static readonly ConcurrentDictionary<ZhifaApp, Lazy<Task<Outside>>> OutsideData = new();

    private static Task<Outside> OutsideAsync(Ctx c) => OutsideData.GetOrAdd(c.App, app => new Lazy<Task<Outside>>(async () =>
    {
        var body = DemoData.Ids.Body("忻州市司法局");
        var certificate = await PersonnelFlow.CertifiedOfficerAsync(app, body, Sector.Justice);
        var exam = await PersonnelFlow.ExamTodayAsync(app, body);
        var session = await PersonnelFlow.SessionTodayAsync(app, body, TrainingCategory.PublicLegal, 4);
        var sessions = await app.ApiAs("xz.supervisor").GetFromJsonAsync<List<SessionView>>("/api/v1/training/sessions", ZhifaApp.Json);
        return new Outside(certificate.OfficerId, certificate.Id, exam, sessions!.Single(s => s.Id == session).CourseId, session);
    })).Value;

    private static async Task<Guid> OutOfficerAsync(Ctx c) => IsRegional(c.Role) ? (await OutsideAsync(c)).Officer : PersonnelFlow.DemoOfficer("周杰");

    private static async Task<Guid> OutCertificateAsync(Ctx c) => IsRegional(c.Role) ? (await OutsideAsync(c)).Certificate : PersonnelFlow.DemoCertificate("周杰");

    private static async Task<Guid> FreshOfficerAsync(Ctx c) => (await PersonnelFlow.RegisterAsync(c.App, c.Role.InOrg, Sector.MarketRegulation)).Id;

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, string url, byte[] file)
    {
        var content = new MultipartFormDataContent();
        var bytes = new ByteArrayContent(file);
        bytes.Headers.ContentType = new MediaTypeHeaderValue(Xlsx.ContentType);
        content.Add(bytes, "file", "import.xlsx");
        return client.PostAsync(url, content);
    }

    private static Check Contains(Func<Ctx, Task<Guid>> id) => async (r, c) =>
        (await r.Content.ReadAsStringAsync()).Contains((await id(c)).ToString(), StringComparison.Ordinal) ? null : "list lacks the in-scope item";

    private static Check Lacks(Func<Ctx, Task<Guid>> id) => async (r, c) =>
        (await r.Content.ReadAsStringAsync()).Contains((await id(c)).ToString(), StringComparison.Ordinal) ? "list shows an out-of-scope item" : null;

    private static async Task<string> OfficerNameAsync(Ctx c, Guid id) =>
        (await c.Admin.GetFromJsonAsync<OfficerDetail>($"/api/v1/officers/{id}", ZhifaApp.Json))!.Officer.FullName;

    private static readonly Case[] PersonnelCases =
    [
        new("GET /api/v1/officers/", PersonnelPermissions.PersonnelRead,
            c => c.Client.GetAsync("/api/v1/officers?pageSize=500"), HttpStatusCode.OK, c => c.Client.GetAsync("/api/v1/officers?pageSize=500"), HttpStatusCode.OK,
            Contains(c => Task.FromResult(InOfficer(c))), Lacks(OutOfficerAsync)),
        new("GET /api/v1/officers/{id:guid}", PersonnelPermissions.PersonnelRead,
            c => c.Client.GetAsync($"/api/v1/officers/{InOfficer(c)}"), HttpStatusCode.OK,
            async c => await c.Client.GetAsync($"/api/v1/officers/{await OutOfficerAsync(c)}"), HttpStatusCode.NotFound),
        new("POST /api/v1/officers/", PersonnelPermissions.PersonnelManage,
            c => c.Client.PostJsonAsync("/api/v1/officers", new RegisterOfficerRequest("矩阵人员", TestData.IdNumber(), c.Role.InOrg, null, null, false, [Sector.MarketRegulation])), HttpStatusCode.Created,
            c => c.Client.PostJsonAsync("/api/v1/officers", new RegisterOfficerRequest("矩阵人员", TestData.IdNumber(), c.Role.OutOrg, null, null, false, [Sector.MarketRegulation])), HttpStatusCode.BadRequest,
            CheckOut: FieldError("bodyId")),
        new("PUT /api/v1/officers/{id:guid}", PersonnelPermissions.PersonnelManage,
            async c => await c.Client.PutJsonAsync($"/api/v1/officers/{await FreshOfficerAsync(c)}", new UpdateOfficerRequest("改名人员", c.Role.InOrg, null, "科员", true, [Sector.MarketRegulation])), HttpStatusCode.OK,
            async c => await c.Client.PutJsonAsync($"/api/v1/officers/{await OutOfficerAsync(c)}", new UpdateOfficerRequest("改名人员", c.Role.OutOrg, null, null, false, [Sector.Justice])), HttpStatusCode.NotFound),
        new("POST /api/v1/officers/{id:guid}/employment", PersonnelPermissions.PersonnelManage,
            async c => await c.Client.PostJsonAsync($"/api/v1/officers/{await FreshOfficerAsync(c)}/employment", new ChangeEmploymentRequest(EmploymentStatus.Transferred, null, "调离")), HttpStatusCode.OK,
            async c => await c.Client.PostJsonAsync($"/api/v1/officers/{await OutOfficerAsync(c)}/employment", new ChangeEmploymentRequest(EmploymentStatus.Transferred, null, "调离")), HttpStatusCode.NotFound),
        new("POST /api/v1/officers/{id:guid}/assessments", PersonnelPermissions.PersonnelManage,
            async c => await c.Client.PostJsonAsync($"/api/v1/officers/{await FreshOfficerAsync(c)}/assessments", new RecordAssessmentRequest(PersonnelFlow.Today(c.App).Year - 1, AssessmentGrade.Competent, null)), HttpStatusCode.OK,
            async c => await c.Client.PostJsonAsync($"/api/v1/officers/{await OutOfficerAsync(c)}/assessments", new RecordAssessmentRequest(PersonnelFlow.Today(c.App).Year - 1, AssessmentGrade.Competent, null)), HttpStatusCode.NotFound),
        new("GET /api/v1/officers/{id:guid}/id-number", PersonnelPermissions.PersonnelIdNumberView,
            c => c.Client.GetAsync($"/api/v1/officers/{InOfficer(c)}/id-number"), HttpStatusCode.OK,
            async c => await c.Client.GetAsync($"/api/v1/officers/{await OutOfficerAsync(c)}/id-number"), HttpStatusCode.NotFound),
        new("GET /api/v1/officers/{id:guid}/eligibility", PersonnelPermissions.PersonnelRead,
            c => c.Client.GetAsync($"/api/v1/officers/{InOfficer(c)}/eligibility?bodyId={c.Role.InOrg}&field=MarketRegulation"), HttpStatusCode.OK,
            async c => await c.Client.GetAsync($"/api/v1/officers/{await OutOfficerAsync(c)}/eligibility?bodyId={c.Role.OutOrg}&field=Justice"), HttpStatusCode.NotFound),
        new("GET /api/v1/officers/export", PersonnelPermissions.PersonnelRead,
            c => c.Client.GetAsync("/api/v1/officers/export"), HttpStatusCode.OK, c => c.Client.GetAsync("/api/v1/officers/export"), HttpStatusCode.OK,
            async (r, c) => Xlsx.Read(await r.Content.ReadAsStreamAsync())!.Any(row => row.Get("姓名") == OfficerNameAsync(c, InOfficer(c)).Result) ? null : "export lacks the in-scope officer",
            async (r, c) => Xlsx.Read(await r.Content.ReadAsStreamAsync())!.Any(row => row.Get("姓名") == OfficerNameAsync(c, OutOfficerAsync(c).Result).Result) ? "export shows an out-of-scope officer" : null),
        new("GET /api/v1/officers/import-template", PersonnelPermissions.PersonnelManage, c => c.Client.GetAsync("/api/v1/officers/import-template"), HttpStatusCode.OK, null, default),
        new("POST /api/v1/officers/import", PersonnelPermissions.PersonnelManage,
            async c => await UploadAsync(c.Client, "/api/v1/officers/import", Xlsx.Write("o", PersonnelImport.OfficerColumns.Template,
                [["导入矩阵", TestData.IdNumber(), (await OrgAsync(c, c.Role.InOrg)).Name, "", "", "否", "市场监管", ""]])), HttpStatusCode.OK,
            async c => await UploadAsync(c.Client, "/api/v1/officers/import", Xlsx.Write("o", PersonnelImport.OfficerColumns.Template,
                [["导入矩阵", TestData.IdNumber(), (await OrgAsync(c, c.Role.OutOrg)).Name, "", "", "否", "市场监管", ""]])), HttpStatusCode.BadRequest),

        new("GET /api/v1/certificates/", PersonnelPermissions.PersonnelRead,
            c => c.Client.GetAsync("/api/v1/certificates?pageSize=500"), HttpStatusCode.OK, c => c.Client.GetAsync("/api/v1/certificates?pageSize=500"), HttpStatusCode.OK,
            Contains(c => Task.FromResult(InCertificate(c))), Lacks(OutCertificateAsync)),
        new("GET /api/v1/certificates/{id:guid}", PersonnelPermissions.PersonnelRead,
            c => c.Client.GetAsync($"/api/v1/certificates/{InCertificate(c)}"), HttpStatusCode.OK,
            async c => await c.Client.GetAsync($"/api/v1/certificates/{await OutCertificateAsync(c)}"), HttpStatusCode.NotFound),
        new("POST /api/v1/certificates/", PersonnelPermissions.CertificateIssue,
            async c => await c.Client.PostJsonAsync("/api/v1/certificates", new IssueCertificateRequest(await PersonnelFlow.QualifiedOfficerAsync(c.App, c.Role.InOrg), [Sector.MarketRegulation])), HttpStatusCode.Created,
            async c => await c.Client.PostJsonAsync("/api/v1/certificates", new IssueCertificateRequest(await OutOfficerAsync(c), [Sector.Justice])), HttpStatusCode.BadRequest,
            CheckOut: FieldError("officerId")),
        new("POST /api/v1/certificates/{id:guid}/actions", PersonnelPermissions.CertificateIssue,
            async c => await c.Client.PostJsonAsync($"/api/v1/certificates/{(await PersonnelFlow.CertifiedOfficerAsync(c.App, c.Role.InOrg)).Id}/actions",
                new CertificateActionRequest(CertificateAction.Suspend, "矩阵测试", On: PersonnelFlow.Today(c.App), Until: PersonnelFlow.Today(c.App).AddDays(3))), HttpStatusCode.OK,
            async c => await c.Client.PostJsonAsync($"/api/v1/certificates/{await OutCertificateAsync(c)}/actions",
                new CertificateActionRequest(CertificateAction.Suspend, "矩阵测试", On: PersonnelFlow.Today(c.App), Until: PersonnelFlow.Today(c.App).AddDays(3))), HttpStatusCode.NotFound),
        new("GET /api/v1/certificates/export", PersonnelPermissions.PersonnelRead,
            c => c.Client.GetAsync("/api/v1/certificates/export"), HttpStatusCode.OK, null, default),

        new("GET /api/v1/exams/", PersonnelPermissions.PersonnelRead,
            c => c.Client.GetAsync("/api/v1/exams"), HttpStatusCode.OK, c => c.Client.GetAsync("/api/v1/exams"), HttpStatusCode.OK,
            CheckOut: Lacks(async c => (await OutsideAsync(c)).Exam)),
        new("POST /api/v1/exams/", PersonnelPermissions.CertificateIssue,
            c => c.Client.PostJsonAsync("/api/v1/exams", new ScheduleExamRequest(DemoData.Ids.Yuanping, "矩阵考试", PersonnelFlow.Today(c.App))), HttpStatusCode.Created,
            c => c.Client.PostJsonAsync("/api/v1/exams", new ScheduleExamRequest(DemoData.Ids.Xinzhou, "矩阵考试", PersonnelFlow.Today(c.App))), HttpStatusCode.BadRequest,
            CheckOut: FieldError("regionId")),
        new("GET /api/v1/exams/{id:guid}/results", PersonnelPermissions.PersonnelRead,
            c => c.Client.GetAsync($"/api/v1/exams/{DeterministicGuid.From("personnel:exam:new")}/results"), HttpStatusCode.OK,
            async c => await c.Client.GetAsync($"/api/v1/exams/{(await OutsideAsync(c)).Exam}/results"), HttpStatusCode.NotFound,
            InScopeFor: IsRegional),
        new("POST /api/v1/exams/{id:guid}/results", PersonnelPermissions.CertificateIssue,
            async c => await c.Client.PostJsonAsync($"/api/v1/exams/{DeterministicGuid.From("personnel:exam:new")}/results", new RecordExamResultRequest(await FreshOfficerAsync(c), 75)), HttpStatusCode.OK,
            async c => await c.Client.PostJsonAsync($"/api/v1/exams/{(await OutsideAsync(c)).Exam}/results", new RecordExamResultRequest(await FreshOfficerAsync(c), 75)), HttpStatusCode.NotFound),

        new("GET /api/v1/training/courses", PersonnelPermissions.PersonnelRead, c => c.Client.GetAsync("/api/v1/training/courses"), HttpStatusCode.OK,
            c => c.Client.GetAsync("/api/v1/training/courses"), HttpStatusCode.OK, CheckOut: Lacks(async c => (await OutsideAsync(c)).Course)),
        new("POST /api/v1/training/courses", PersonnelPermissions.TrainingManage,
            c => c.Client.PostJsonAsync("/api/v1/training/courses", new CreateCourseRequest("矩阵课程", TrainingCategory.Business, 8, c.Role.InOrg)), HttpStatusCode.Created,
            c => c.Client.PostJsonAsync("/api/v1/training/courses", new CreateCourseRequest("矩阵课程", TrainingCategory.Business, 8, c.Role.OutOrg)), HttpStatusCode.BadRequest,
            CheckOut: FieldError("organizerId")),
        new("GET /api/v1/training/sessions", PersonnelPermissions.PersonnelRead, c => c.Client.GetAsync("/api/v1/training/sessions"), HttpStatusCode.OK,
            c => c.Client.GetAsync("/api/v1/training/sessions"), HttpStatusCode.OK, CheckOut: Lacks(async c => (await OutsideAsync(c)).Session)),
        new("POST /api/v1/training/courses/{id:guid}/sessions", PersonnelPermissions.TrainingManage,
            c => c.Client.PostJsonAsync($"/api/v1/training/courses/{DeterministicGuid.From("personnel:course:习近平法治思想专题学习")}/sessions",
                new ScheduleSessionRequest(PersonnelFlow.Today(c.App), PersonnelFlow.Today(c.App))), HttpStatusCode.Created,
            async c => await c.Client.PostJsonAsync($"/api/v1/training/courses/{(await OutsideAsync(c)).Course}/sessions",
                new ScheduleSessionRequest(PersonnelFlow.Today(c.App), PersonnelFlow.Today(c.App))), HttpStatusCode.NotFound),
        new("POST /api/v1/training/sessions/{id:guid}/attendance", PersonnelPermissions.TrainingManage,
            async c => await c.Client.PostJsonAsync($"/api/v1/training/sessions/{await PersonnelFlow.SessionTodayAsync(c.App, c.Role.InOrg, TrainingCategory.Business, 4)}/attendance",
                new RecordAttendanceRequest(await FreshOfficerAsync(c))), HttpStatusCode.OK,
            async c => await c.Client.PostJsonAsync($"/api/v1/training/sessions/{(await OutsideAsync(c)).Session}/attendance", new RecordAttendanceRequest(await FreshOfficerAsync(c))), HttpStatusCode.NotFound),
        new("POST /api/v1/training/sessions/{id:guid}/attendance/import", PersonnelPermissions.TrainingManage,
            async c =>
            {
                var (_, idNumber) = await PersonnelFlow.RegisterAsync(c.App, c.Role.InOrg);
                var session = await PersonnelFlow.SessionTodayAsync(c.App, c.Role.InOrg, TrainingCategory.Business, 4);
                return await UploadAsync(c.Client, $"/api/v1/training/sessions/{session}/attendance/import", Xlsx.Write("a", PersonnelImport.AttendanceColumns.Template, [[idNumber, ""]]));
            }, HttpStatusCode.OK,
            async c => await UploadAsync(c.Client, $"/api/v1/training/sessions/{(await OutsideAsync(c)).Session}/attendance/import",
                Xlsx.Write("a", PersonnelImport.AttendanceColumns.Template, [[TestData.IdNumber(), ""]])), HttpStatusCode.NotFound),
        new("GET /api/v1/training/compliance", PersonnelPermissions.PersonnelRead,
            c => c.Client.GetAsync("/api/v1/training/compliance"), HttpStatusCode.OK, c => c.Client.GetAsync("/api/v1/training/compliance"), HttpStatusCode.OK,
            Contains(c => Task.FromResult(InOfficer(c))), Lacks(OutOfficerAsync)),
        new("GET /api/v1/training/compliance/export", PersonnelPermissions.PersonnelRead, c => c.Client.GetAsync("/api/v1/training/compliance/export"), HttpStatusCode.OK, null, default),

        new("GET /api/v1/personnel/settings/{regionId:guid}", PersonnelPermissions.PersonnelRead,
            c => c.Client.GetAsync($"/api/v1/personnel/settings/{DemoData.Ids.Yuanping}"), HttpStatusCode.OK,
            c => c.Client.GetAsync($"/api/v1/personnel/settings/{DemoData.Ids.Xinzhou}"), HttpStatusCode.NotFound, InScopeFor: IsRegional),
        new("PUT /api/v1/personnel/settings/{regionId:guid}", PersonnelPermissions.PersonnelManage,
            c => c.Client.PutJsonAsync($"/api/v1/personnel/settings/{DemoData.Ids.Yuanping}", PersonnelSettings.Default), HttpStatusCode.OK,
            c => c.Client.PutJsonAsync($"/api/v1/personnel/settings/{DemoData.Ids.Xinzhou}", PersonnelSettings.Default), HttpStatusCode.NotFound, InScopeFor: IsRegional),
    ];
}
