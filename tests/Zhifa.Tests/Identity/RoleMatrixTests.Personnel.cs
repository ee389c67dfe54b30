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
    private static bool IsRegional(RoleUnderTest r) => r.Role is "supervisor" or "administrator";

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

    /// <summary>What each shipped role gets from the personnel API: <c>in/out</c> per role (in scope / out of scope; <c>-</c>: no such call, or no such data in the role's scope — an agency holds no exams or regional settings).</summary>
    internal static readonly string PersonnelExpected = """
        endpoint                                                      officer  legal_reviewer  agency_head  supervisor  administrator
        GET    /api/v1/officers                                       200/200  200/200         200/200      200/200     200/200
        GET    /api/v1/officers/{id:guid}                             200/404  200/404         200/404      200/404     200/404
        POST   /api/v1/officers                                       403/403  403/403         201/400      403/403     201/400
        PUT    /api/v1/officers/{id:guid}                             403/403  403/403         200/404      403/403     200/404
        POST   /api/v1/officers/{id:guid}/employment                  403/403  403/403         200/404      403/403     200/404
        POST   /api/v1/officers/{id:guid}/assessments                 403/403  403/403         200/404      403/403     200/404
        GET    /api/v1/officers/{id:guid}/id-number                   403/403  403/403         200/404      403/403     200/404
        GET    /api/v1/officers/{id:guid}/eligibility                 200/404  200/404         200/404      200/404     200/404
        GET    /api/v1/officers/export                                200/200  200/200         200/200      200/200     200/200
        GET    /api/v1/officers/import-template                       403/-    403/-           200/-        403/-       200/-
        POST   /api/v1/officers/import                                403/403  403/403         200/400      403/403     200/400
        GET    /api/v1/certificates                                   200/200  200/200         200/200      200/200     200/200
        GET    /api/v1/certificates/{id:guid}                         200/404  200/404         200/404      200/404     200/404
        POST   /api/v1/certificates                                   403/403  403/403         403/403      201/400     403/403
        POST   /api/v1/certificates/{id:guid}/actions                 403/403  403/403         403/403      200/404     403/403
        GET    /api/v1/certificates/export                            200/-    200/-           200/-        200/-       200/-
        GET    /api/v1/exams                                          200/200  200/200         200/200      200/200     200/200
        POST   /api/v1/exams                                          403/403  403/403         403/403      201/400     403/403
        GET    /api/v1/exams/{id:guid}/results                        -/404    -/404           -/404        200/404     200/404
        POST   /api/v1/exams/{id:guid}/results                        403/403  403/403         403/403      200/404     403/403
        GET    /api/v1/training/courses                               200/200  200/200         200/200      200/200     200/200
        POST   /api/v1/training/courses                               403/403  403/403         403/403      201/400     201/400
        GET    /api/v1/training/sessions                              200/200  200/200         200/200      200/200     200/200
        POST   /api/v1/training/courses/{id:guid}/sessions            403/403  403/403         403/403      201/404     201/404
        POST   /api/v1/training/sessions/{id:guid}/attendance         403/403  403/403         403/403      200/404     200/404
        POST   /api/v1/training/sessions/{id:guid}/attendance/import  403/403  403/403         403/403      200/404     200/404
        GET    /api/v1/training/compliance                            200/200  200/200         200/200      200/200     200/200
        GET    /api/v1/training/compliance/export                     200/-    200/-           200/-        200/-       200/-
        GET    /api/v1/personnel/settings/{regionId:guid}             -/404    -/404           -/404        200/404     200/404
        PUT    /api/v1/personnel/settings/{regionId:guid}             403/403  403/403         -/404        403/403     200/404
        """;

    private static readonly Case[] PersonnelCases =
    [
        new("GET /api/v1/officers/",
            c => c.Client.GetAsync("/api/v1/officers?pageSize=500"), c => c.Client.GetAsync("/api/v1/officers?pageSize=500"),
            Contains(c => Task.FromResult(InOfficer(c))), Lacks(OutOfficerAsync)),
        new("GET /api/v1/officers/{id:guid}",
            c => c.Client.GetAsync($"/api/v1/officers/{InOfficer(c)}"),
            async c => await c.Client.GetAsync($"/api/v1/officers/{await OutOfficerAsync(c)}")),
        new("POST /api/v1/officers/",
            c => c.Client.PostJsonAsync("/api/v1/officers", new RegisterOfficerRequest("矩阵人员", TestData.IdNumber(), c.Role.InOrg, null, null, false, [Sector.MarketRegulation])),
            c => c.Client.PostJsonAsync("/api/v1/officers", new RegisterOfficerRequest("矩阵人员", TestData.IdNumber(), c.Role.OutOrg, null, null, false, [Sector.MarketRegulation])),
            CheckOut: FieldError("bodyId")),
        new("PUT /api/v1/officers/{id:guid}",
            async c => await c.Client.PutJsonAsync($"/api/v1/officers/{await FreshOfficerAsync(c)}", new UpdateOfficerRequest("改名人员", c.Role.InOrg, null, "科员", true, [Sector.MarketRegulation])),
            async c => await c.Client.PutJsonAsync($"/api/v1/officers/{await OutOfficerAsync(c)}", new UpdateOfficerRequest("改名人员", c.Role.OutOrg, null, null, false, [Sector.Justice]))),
        new("POST /api/v1/officers/{id:guid}/employment",
            async c => await c.Client.PostJsonAsync($"/api/v1/officers/{await FreshOfficerAsync(c)}/employment", new ChangeEmploymentRequest(EmploymentStatus.Transferred, null, "调离")),
            async c => await c.Client.PostJsonAsync($"/api/v1/officers/{await OutOfficerAsync(c)}/employment", new ChangeEmploymentRequest(EmploymentStatus.Transferred, null, "调离"))),
        new("POST /api/v1/officers/{id:guid}/assessments",
            async c => await c.Client.PostJsonAsync($"/api/v1/officers/{await FreshOfficerAsync(c)}/assessments", new RecordAssessmentRequest(PersonnelFlow.Today(c.App).Year - 1, AssessmentGrade.Competent, null)),
            async c => await c.Client.PostJsonAsync($"/api/v1/officers/{await OutOfficerAsync(c)}/assessments", new RecordAssessmentRequest(PersonnelFlow.Today(c.App).Year - 1, AssessmentGrade.Competent, null))),
        new("GET /api/v1/officers/{id:guid}/id-number",
            c => c.Client.GetAsync($"/api/v1/officers/{InOfficer(c)}/id-number"),
            async c => await c.Client.GetAsync($"/api/v1/officers/{await OutOfficerAsync(c)}/id-number")),
        new("GET /api/v1/officers/{id:guid}/eligibility",
            c => c.Client.GetAsync($"/api/v1/officers/{InOfficer(c)}/eligibility?bodyId={c.Role.InOrg}&field=MarketRegulation"),
            async c => await c.Client.GetAsync($"/api/v1/officers/{await OutOfficerAsync(c)}/eligibility?bodyId={c.Role.OutOrg}&field=Justice")),
        new("GET /api/v1/officers/export",
            c => c.Client.GetAsync("/api/v1/officers/export"), c => c.Client.GetAsync("/api/v1/officers/export"),
            async (r, c) => Xlsx.Read(await r.Content.ReadAsStreamAsync())!.Any(row => row.Get("姓名") == OfficerNameAsync(c, InOfficer(c)).Result) ? null : "export lacks the in-scope officer",
            async (r, c) => Xlsx.Read(await r.Content.ReadAsStreamAsync())!.Any(row => row.Get("姓名") == OfficerNameAsync(c, OutOfficerAsync(c).Result).Result) ? "export shows an out-of-scope officer" : null),
        new("GET /api/v1/officers/import-template", c => c.Client.GetAsync("/api/v1/officers/import-template"), null),
        new("POST /api/v1/officers/import",
            async c => await UploadAsync(c.Client, "/api/v1/officers/import", Xlsx.Write("o", PersonnelImport.OfficerColumns.Template,
                [["导入矩阵", TestData.IdNumber(), (await OrgAsync(c, c.Role.InOrg)).Name, "", "", "否", "市场监管", ""]])),
            async c => await UploadAsync(c.Client, "/api/v1/officers/import", Xlsx.Write("o", PersonnelImport.OfficerColumns.Template,
                [["导入矩阵", TestData.IdNumber(), (await OrgAsync(c, c.Role.OutOrg)).Name, "", "", "否", "市场监管", ""]]))),

        new("GET /api/v1/certificates/",
            c => c.Client.GetAsync("/api/v1/certificates?pageSize=500"), c => c.Client.GetAsync("/api/v1/certificates?pageSize=500"),
            Contains(c => Task.FromResult(InCertificate(c))), Lacks(OutCertificateAsync)),
        new("GET /api/v1/certificates/{id:guid}",
            c => c.Client.GetAsync($"/api/v1/certificates/{InCertificate(c)}"),
            async c => await c.Client.GetAsync($"/api/v1/certificates/{await OutCertificateAsync(c)}")),
        new("POST /api/v1/certificates/",
            async c => await c.Client.PostJsonAsync("/api/v1/certificates", new IssueCertificateRequest(await PersonnelFlow.QualifiedOfficerAsync(c.App, c.Role.InOrg), [Sector.MarketRegulation])),
            async c => await c.Client.PostJsonAsync("/api/v1/certificates", new IssueCertificateRequest(await OutOfficerAsync(c), [Sector.Justice])),
            CheckOut: FieldError("officerId")),
        new("POST /api/v1/certificates/{id:guid}/actions",
            async c => await c.Client.PostJsonAsync($"/api/v1/certificates/{(await PersonnelFlow.CertifiedOfficerAsync(c.App, c.Role.InOrg)).Id}/actions",
                new CertificateActionRequest(CertificateAction.Suspend, "矩阵测试", On: PersonnelFlow.Today(c.App), Until: PersonnelFlow.Today(c.App).AddDays(3))),
            async c => await c.Client.PostJsonAsync($"/api/v1/certificates/{await OutCertificateAsync(c)}/actions",
                new CertificateActionRequest(CertificateAction.Suspend, "矩阵测试", On: PersonnelFlow.Today(c.App), Until: PersonnelFlow.Today(c.App).AddDays(3)))),
        new("GET /api/v1/certificates/export",
            c => c.Client.GetAsync("/api/v1/certificates/export"), null),

        new("GET /api/v1/exams/",
            c => c.Client.GetAsync("/api/v1/exams"), c => c.Client.GetAsync("/api/v1/exams"),
            CheckOut: Lacks(async c => (await OutsideAsync(c)).Exam)),
        new("POST /api/v1/exams/",
            c => c.Client.PostJsonAsync("/api/v1/exams", new ScheduleExamRequest(DemoData.Ids.Yuanping, "矩阵考试", PersonnelFlow.Today(c.App))),
            c => c.Client.PostJsonAsync("/api/v1/exams", new ScheduleExamRequest(DemoData.Ids.Xinzhou, "矩阵考试", PersonnelFlow.Today(c.App))),
            CheckOut: FieldError("regionId")),
        new("GET /api/v1/exams/{id:guid}/results",
            c => c.Client.GetAsync($"/api/v1/exams/{DeterministicGuid.From("personnel:exam:new")}/results"),
            async c => await c.Client.GetAsync($"/api/v1/exams/{(await OutsideAsync(c)).Exam}/results")),
        new("POST /api/v1/exams/{id:guid}/results",
            async c => await c.Client.PostJsonAsync($"/api/v1/exams/{DeterministicGuid.From("personnel:exam:new")}/results", new RecordExamResultRequest(await FreshOfficerAsync(c), 75)),
            async c => await c.Client.PostJsonAsync($"/api/v1/exams/{(await OutsideAsync(c)).Exam}/results", new RecordExamResultRequest(await FreshOfficerAsync(c), 75))),

        new("GET /api/v1/training/courses", c => c.Client.GetAsync("/api/v1/training/courses"),
            c => c.Client.GetAsync("/api/v1/training/courses"), CheckOut: Lacks(async c => (await OutsideAsync(c)).Course)),
        new("POST /api/v1/training/courses",
            c => c.Client.PostJsonAsync("/api/v1/training/courses", new CreateCourseRequest("矩阵课程", TrainingCategory.Business, 8, c.Role.InOrg)),
            c => c.Client.PostJsonAsync("/api/v1/training/courses", new CreateCourseRequest("矩阵课程", TrainingCategory.Business, 8, c.Role.OutOrg)),
            CheckOut: FieldError("organizerId")),
        new("GET /api/v1/training/sessions", c => c.Client.GetAsync("/api/v1/training/sessions"),
            c => c.Client.GetAsync("/api/v1/training/sessions"), CheckOut: Lacks(async c => (await OutsideAsync(c)).Session)),
        new("POST /api/v1/training/courses/{id:guid}/sessions",
            c => c.Client.PostJsonAsync($"/api/v1/training/courses/{DeterministicGuid.From("personnel:course:习近平法治思想专题学习")}/sessions",
                new ScheduleSessionRequest(PersonnelFlow.Today(c.App), PersonnelFlow.Today(c.App))),
            async c => await c.Client.PostJsonAsync($"/api/v1/training/courses/{(await OutsideAsync(c)).Course}/sessions",
                new ScheduleSessionRequest(PersonnelFlow.Today(c.App), PersonnelFlow.Today(c.App)))),
        new("POST /api/v1/training/sessions/{id:guid}/attendance",
            async c => await c.Client.PostJsonAsync($"/api/v1/training/sessions/{await PersonnelFlow.SessionTodayAsync(c.App, c.Role.InOrg, TrainingCategory.Business, 4)}/attendance",
                new RecordAttendanceRequest(await FreshOfficerAsync(c))),
            async c => await c.Client.PostJsonAsync($"/api/v1/training/sessions/{(await OutsideAsync(c)).Session}/attendance", new RecordAttendanceRequest(await FreshOfficerAsync(c)))),
        new("POST /api/v1/training/sessions/{id:guid}/attendance/import",
            async c =>
            {
                var (_, idNumber) = await PersonnelFlow.RegisterAsync(c.App, c.Role.InOrg);
                var session = await PersonnelFlow.SessionTodayAsync(c.App, c.Role.InOrg, TrainingCategory.Business, 4);
                return await UploadAsync(c.Client, $"/api/v1/training/sessions/{session}/attendance/import", Xlsx.Write("a", PersonnelImport.AttendanceColumns.Template, [[idNumber, ""]]));
            },
            async c => await UploadAsync(c.Client, $"/api/v1/training/sessions/{(await OutsideAsync(c)).Session}/attendance/import",
                Xlsx.Write("a", PersonnelImport.AttendanceColumns.Template, [[TestData.IdNumber(), ""]]))),
        new("GET /api/v1/training/compliance",
            c => c.Client.GetAsync("/api/v1/training/compliance"), c => c.Client.GetAsync("/api/v1/training/compliance"),
            Contains(c => Task.FromResult(InOfficer(c))), Lacks(OutOfficerAsync)),
        new("GET /api/v1/training/compliance/export", c => c.Client.GetAsync("/api/v1/training/compliance/export"), null),

        new("GET /api/v1/personnel/settings/{regionId:guid}",
            c => c.Client.GetAsync($"/api/v1/personnel/settings/{DemoData.Ids.Yuanping}"),
            c => c.Client.GetAsync($"/api/v1/personnel/settings/{DemoData.Ids.Xinzhou}")),
        new("PUT /api/v1/personnel/settings/{regionId:guid}",
            c => c.Client.PutJsonAsync($"/api/v1/personnel/settings/{DemoData.Ids.Yuanping}", PersonnelSettings.Default),
            c => c.Client.PutJsonAsync($"/api/v1/personnel/settings/{DemoData.Ids.Xinzhou}", PersonnelSettings.Default)),
    ];
}
