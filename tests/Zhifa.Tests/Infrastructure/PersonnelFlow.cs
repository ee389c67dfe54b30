using System.Net;
using System.Net.Http.Json;
using Zhifa.Core.Common;
using Zhifa.Core.Demo;
using Zhifa.Core.Organizations;
using Zhifa.Core.Personnel;
using Zhifa.Core.Personnel.UseCases;

namespace Zhifa.Tests.Infrastructure;

/// <summary>Puts officers through the real API: registration, exam, training, certificate.</summary>
public static class PersonnelFlow
{
    public static Guid DemoOfficer(string name) => DeterministicGuid.From("personnel:officer:" + name);

    public static Guid DemoCertificate(string name) => DeterministicGuid.From("personnel:certificate:" + name);

    public static DateOnly Today(ZhifaApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return DateOnly.FromDateTime(app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
    }

    /// <summary>Who may register officers and who may issue certificates for a body: the province administrator and the body's supervising bureau.</summary>
    private static string IssuerFor(Guid bodyId) =>
        bodyId == DemoData.Ids.Body("忻州市司法局") || bodyId == DemoData.Ids.XinzhouEcology ? "xz.supervisor" : "yp.supervisor";

    private static Guid IssuerRegion(Guid bodyId) => IssuerFor(bodyId) == "xz.supervisor" ? DemoData.Ids.Xinzhou : DemoData.Ids.Yuanping;

    private static Guid IssuerOrganizer(Guid bodyId) => IssuerFor(bodyId) == "xz.supervisor" ? DemoData.Ids.Body("忻州市司法局") : DemoData.Ids.YuanpingJustice;

    public static async Task<(Guid Id, string IdNumber)> RegisterAsync(ZhifaApp app, Guid bodyId, Sector field = Sector.MarketRegulation, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        var idNumber = TestData.IdNumber();
        var response = await app.ApiAs("admin").PostJsonAsync("/api/v1/officers",
            new RegisterOfficerRequest(name ?? TestData.Name("测试员"), idNumber, bodyId, null, "执法队员", false, [field]));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return ((await response.ReadAsync<OfficerDetail>()).Officer.Id, idNumber);
    }

    /// <summary>A session of a new course held today, organised by the body's supervising bureau.</summary>
    public static async Task<Guid> SessionTodayAsync(ZhifaApp app, Guid bodyId, TrainingCategory category, decimal hours)
    {
        ArgumentNullException.ThrowIfNull(app);
        var issuer = app.ApiAs(IssuerFor(bodyId));
        var course = await issuer.PostJsonAsync("/api/v1/training/courses", new CreateCourseRequest(TestData.Name("测试课程"), category, hours, IssuerOrganizer(bodyId)));
        Assert.True(course.StatusCode == HttpStatusCode.Created, await course.Content.ReadAsStringAsync());
        var courseId = (await course.Content.ReadFromJsonAsync<IdBody>())!.Id;
        var today = Today(app);
        var session = await issuer.PostJsonAsync($"/api/v1/training/courses/{courseId}/sessions", new ScheduleSessionRequest(today, today));
        Assert.True(session.StatusCode == HttpStatusCode.Created, await session.Content.ReadAsStringAsync());
        return (await session.Content.ReadFromJsonAsync<IdBody>())!.Id;
    }

    public static async Task<Guid> ExamTodayAsync(ZhifaApp app, Guid bodyId)
    {
        ArgumentNullException.ThrowIfNull(app);
        var response = await app.ApiAs(IssuerFor(bodyId)).PostJsonAsync("/api/v1/exams", new ScheduleExamRequest(IssuerRegion(bodyId), TestData.Name("资格考试"), Today(app)));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<IdBody>())!.Id;
    }

    /// <summary>Passed exam and 30 + 30 hours of training today: ready for a certificate (ZFRY-CERT).</summary>
    public static async Task<Guid> QualifiedOfficerAsync(ZhifaApp app, Guid bodyId, Sector field = Sector.MarketRegulation)
    {
        var (officer, _) = await RegisterAsync(app, bodyId, field);
        var issuer = app.ApiAs(IssuerFor(bodyId));
        var exam = await ExamTodayAsync(app, bodyId);
        Assert.Equal(HttpStatusCode.OK, (await issuer.PostJsonAsync($"/api/v1/exams/{exam}/results", new RecordExamResultRequest(officer, 82))).StatusCode);
        foreach (var category in new[] { TrainingCategory.PublicLegal, TrainingCategory.Business })
        {
            var session = await SessionTodayAsync(app, bodyId, category, 30);
            var attended = await issuer.PostJsonAsync($"/api/v1/training/sessions/{session}/attendance", new RecordAttendanceRequest(officer));
            Assert.True(attended.StatusCode == HttpStatusCode.OK, await attended.Content.ReadAsStringAsync());
        }
        return officer;
    }

    public static async Task<CertificateView> CertifiedOfficerAsync(ZhifaApp app, Guid bodyId, Sector field = Sector.MarketRegulation)
    {
        var officer = await QualifiedOfficerAsync(app, bodyId, field);
        var issued = await app.ApiAs(IssuerFor(bodyId)).PostJsonAsync("/api/v1/certificates", new IssueCertificateRequest(officer, [field]));
        Assert.True(issued.StatusCode == HttpStatusCode.Created, await issued.Content.ReadAsStringAsync());
        return await issued.ReadAsync<CertificateView>();
    }

    public sealed record IdBody(Guid Id);
}
