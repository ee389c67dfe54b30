using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using QRCoder;
using Zhifa.Core.Common;
using Zhifa.Core.Identity;
using Zhifa.Core.Organizations;
using Zhifa.Core.Personnel;
using Zhifa.Core.Personnel.UseCases;
using Zhifa.Web.Common;
using Zhifa.Web.Identity;
using Zhifa.Web.Resources;

namespace Zhifa.Web.Personnel;

/// <summary>REST API of personnel: officers, exams, certificates, training, compliance; and public certificate verification.</summary>
public static class PersonnelEndpoints
{

    public static void Map(RouteGroupBuilder api, IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(app);
        var officers = api.MapGroup("/officers").WithTags("Personnel");
        officers.MapGet("/", async (PersonnelQueries q, string? search, Guid? bodyId, EmploymentStatus? status, CertificateStatus? certificateStatus,
                bool? trainingShort, bool? withoutCertificate, string? sort, int? page, int? pageSize, CancellationToken ct) =>
                Results.Ok(await q.OfficersAsync(new OfficerListFilter(search, bodyId, status, certificateStatus, trainingShort, page, pageSize, withoutCertificate, sort), ct)))
            .RequirePermission(PersonnelPermissions.PersonnelRead).WithName("ListOfficers").WithSummary("Officers in scope; ID numbers masked.").Produces<Page<OfficerRow>>();
        officers.MapGet("/{id:guid}", async (Guid id, PersonnelQueries q, HttpContext http, CancellationToken ct) => Answer(await q.OfficerAsync(id, ct), http))
            .RequirePermission(PersonnelPermissions.PersonnelRead).WithName("GetOfficer").WithSummary("An officer with employment history, certificates, exams, training and assessments.")
            .Produces<OfficerDetail>().ProducesProblem(404);
        officers.MapPost("/", async (RegisterOfficerRequest body, OfficerRegistry uc, PersonnelQueries q, HttpContext http, CancellationToken ct) =>
                await Created(uc.RegisterAsync(body, ct), id => q.OfficerAsync(id, ct), "/api/v1/officers/", http))
            .RequirePermission(PersonnelPermissions.PersonnelManage).WithName("RegisterOfficer").WithSummary("Register an officer (ID number checked by GB 11643, stored encrypted).")
            .Produces<OfficerDetail>(201).ProducesValidationProblem().ProducesProblem(409);
        officers.MapPut("/{id:guid}", async (Guid id, UpdateOfficerRequest body, OfficerRegistry uc, PersonnelQueries q, HttpContext http, CancellationToken ct) =>
                await Then(uc.UpdateAsync(id, body, ct), i => q.OfficerAsync(i, ct), http))
            .RequirePermission(PersonnelPermissions.PersonnelManage).WithName("UpdateOfficer").WithSummary("Edit an officer's profile.")
            .Produces<OfficerDetail>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        officers.MapPost("/{id:guid}/employment", async (Guid id, ChangeEmploymentRequest body, OfficerRegistry uc, PersonnelQueries q, HttpContext http, CancellationToken ct) =>
                await Then(uc.ChangeEmploymentAsync(id, body, ct), i => q.OfficerAsync(i, ct), http))
            .RequirePermission(PersonnelPermissions.PersonnelManage).WithName("ChangeEmployment").WithSummary("Record a change of employment status; leaving the post cancels the certificate (ZFRY-LEAVE).")
            .Produces<OfficerDetail>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        officers.MapPost("/{id:guid}/assessments", async (Guid id, RecordAssessmentRequest body, OfficerRegistry uc, PersonnelQueries q, HttpContext http, CancellationToken ct) =>
            {
                var r = await uc.RecordAssessmentAsync(id, body, ct);
                return r.IsSuccess ? Results.Ok((await q.OfficerAsync(id, ct)).Value) : r.Error.ToProblem(http);
            })
            .RequirePermission(PersonnelPermissions.PersonnelManage).WithName("RecordAssessment").WithSummary("Record an annual assessment (年度考核) grade.")
            .Produces<OfficerDetail>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        officers.MapGet("/{id:guid}/id-number", async (Guid id, OfficerRegistry uc, HttpContext http, CancellationToken ct) =>
                await uc.RevealIdNumberAsync(id, ct) is { IsSuccess: true } r ? Results.Ok(new { idNumber = r.Value }) : PersonnelErrors.OfficerNotFound().ToProblem(http))
            .RequirePermission(PersonnelPermissions.PersonnelIdNumberView).WithName("RevealIdNumber").WithSummary("The full ID number, for those whose work needs it.")
            .ProducesProblem(404);
        officers.MapGet("/{id:guid}/eligibility", async (Guid id, Guid bodyId, Sector field, DateOnly? on, PersonnelQueries q, HttpContext http, CancellationToken ct) =>
                Answer(await q.EligibilityAsync(id, bodyId, field, on, ct), http))
            .RequirePermission(PersonnelPermissions.PersonnelRead).WithName("CheckEligibility")
            .WithSummary("May this officer act for this body in this field on this date? Yes, or no with the rule id and reason.")
            .Produces<EligibilityResult>().ProducesProblem(404);
        officers.MapGet("/export", async (PersonnelQueries q, IStringLocalizer<Ui> l, string? search, Guid? bodyId, EmploymentStatus? status, CertificateStatus? certificateStatus,
                bool? trainingShort, bool? withoutCertificate, string? sort, CancellationToken ct) =>
            {
                var rows = await q.AllOfficerRowsAsync(new OfficerListFilter(search, bodyId, status, certificateStatus, trainingShort, null, null, withoutCertificate, sort), ct);
                return Results.File(PersonnelExports.Officers(rows, l), Xlsx.ContentType, "officers.xlsx");
            })
            .RequirePermission(PersonnelPermissions.PersonnelRead).WithName("ExportOfficers").WithSummary("The filtered officer list as Excel.").Produces<byte[]>(200, Xlsx.ContentType);
        officers.MapGet("/import-template", () => Results.File(Xlsx.Write("officers", PersonnelImport.OfficerColumns.Template, []), Xlsx.ContentType, "officers-template.xlsx"))
            .RequirePermission(PersonnelPermissions.PersonnelManage).WithName("OfficerImportTemplate").WithSummary("The Excel template for importing officers.").Produces<byte[]>(200, Xlsx.ContentType);
        officers.MapPost("/import", async (IFormFile file, PersonnelImport uc, IStringLocalizer<Ui> l, HttpContext http, CancellationToken ct) =>
                await ImportAsync(file, rows => uc.OfficersAsync(rows, SectorNames(l), ct), http))
            .RequirePermission(PersonnelPermissions.PersonnelManage).DisableAntiforgery().WithName("ImportOfficers")
            .WithSummary("Import officers from Excel: all or nothing; a rejected file lists each wrong cell by row and column (the first 200 of them, with the total), an unreadable one or one past the import limits says why (code import.*).")
            .Produces<ImportOutcome>().ProducesProblem(400);

        var certificates = api.MapGroup("/certificates").WithTags("Personnel");
        certificates.MapGet("/", async (PersonnelQueries q, string? search, CertificateStatus? status, Guid? bodyId, DateOnly? validFrom, DateOnly? validTo, bool? reviewOverdue,
                string? sort, int? page, int? pageSize, CancellationToken ct) =>
                Results.Ok(await q.CertificatesAsync(new CertificateListFilter(search, status, bodyId, validFrom, validTo, reviewOverdue, sort, page, pageSize), ct)))
            .RequirePermission(PersonnelPermissions.PersonnelRead).WithName("ListCertificates").WithSummary("Certificates in scope with their status today.").Produces<Page<CertificateView>>();
        certificates.MapGet("/{id:guid}", async (Guid id, PersonnelQueries q, HttpContext http, CancellationToken ct) => Answer(await q.CertificateAsync(id, ct), http))
            .RequirePermission(PersonnelPermissions.PersonnelRead).WithName("GetCertificate").WithSummary("A certificate and its history.").Produces<CertificateView>().ProducesProblem(404);
        certificates.MapPost("/", async (IssueCertificateRequest body, CertificateDesk uc, PersonnelQueries q, HttpContext http, CancellationToken ct) =>
                await Created(uc.IssueAsync(body, ct), id => q.CertificateAsync(id, ct), "/api/v1/certificates/", http))
            .RequirePermission(PersonnelPermissions.CertificateIssue).WithName("IssueCertificate")
            .WithSummary("Issue a certificate to an active officer who passed the exam and met the training prerequisite (ZFRY-CERT).")
            .Produces<CertificateView>(201).ProducesValidationProblem().ProducesProblem(409).ProducesProblem(422);
        certificates.MapPost("/{id:guid}/actions", async (Guid id, CertificateActionRequest body, CertificateDesk uc, PersonnelQueries q, HttpContext http, CancellationToken ct) =>
                await Then(uc.ActAsync(id, body, ct), i => q.CertificateAsync(i, ct), http))
            .RequirePermission(PersonnelPermissions.CertificateIssue).WithName("CertificateAction")
            .WithSummary("Annual review (pass/fail), suspension, lifting it, revocation or cancellation.")
            .Produces<CertificateView>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        certificates.MapGet("/export", async (PersonnelQueries q, IStringLocalizer<Ui> l, string? search, CertificateStatus? status, Guid? bodyId, DateOnly? validFrom, DateOnly? validTo,
                bool? reviewOverdue, string? sort, CancellationToken ct) =>
                Results.File(PersonnelExports.Certificates(await q.AllCertificatesAsync(new CertificateListFilter(search, status, bodyId, validFrom, validTo, reviewOverdue, sort), ct), l),
                    Xlsx.ContentType, "certificates.xlsx"))
            .RequirePermission(PersonnelPermissions.PersonnelRead).WithName("ExportCertificates").WithSummary("The filtered certificate list as Excel.").Produces<byte[]>(200, Xlsx.ContentType);

        var exams = api.MapGroup("/exams").WithTags("Personnel");
        exams.MapGet("/", async (PersonnelQueries q, CancellationToken ct) => Results.Ok(await q.ExamSessionsAsync(ct)))
            .RequirePermission(PersonnelPermissions.PersonnelRead).WithName("ListExamSessions").WithSummary("Qualification exam sessions in scope.").Produces<IReadOnlyList<ExamSessionView>>();
        exams.MapPost("/", async (ScheduleExamRequest body, CertificateDesk uc, HttpContext http, CancellationToken ct) =>
                await uc.ScheduleExamAsync(body, ct) is var r && r.IsSuccess ? Results.Created($"/api/v1/exams/{r.Value}", new { id = r.Value }) : r.Error!.ToProblem(http))
            .RequirePermission(PersonnelPermissions.CertificateIssue).WithName("ScheduleExam").WithSummary("Schedule a qualification exam for a region (its pass mark applies).")
            .ProducesValidationProblem();
        exams.MapGet("/{id:guid}/results", async (Guid id, PersonnelQueries q, HttpContext http, CancellationToken ct) => Answer(await q.ExamResultsAsync(id, ct), http))
            .RequirePermission(PersonnelPermissions.PersonnelRead).WithName("ListExamResults").WithSummary("Scores of one session.").Produces<IReadOnlyList<ExamResultView>>().ProducesProblem(404);
        exams.MapPost("/{id:guid}/results", async (Guid id, RecordExamResultRequest body, CertificateDesk uc, PersonnelQueries q, HttpContext http, CancellationToken ct) =>
                await Then(uc.RecordExamResultAsync(id, body, ct), _ => q.ExamResultsAsync(id, ct), http))
            .RequirePermission(PersonnelPermissions.CertificateIssue).WithName("RecordExamResult").WithSummary("Record an officer's score; pass or fail follows the session's pass mark.")
            .Produces<IReadOnlyList<ExamResultView>>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);

        var training = api.MapGroup("/training").WithTags("Personnel");
        training.MapGet("/courses", async (PersonnelQueries q, CancellationToken ct) => Results.Ok(await q.CoursesAsync(ct)))
            .RequirePermission(PersonnelPermissions.PersonnelRead).WithName("ListCourses").WithSummary("Training courses organised in scope.").Produces<IReadOnlyList<CourseView>>();
        training.MapPost("/courses", async (CreateCourseRequest body, TrainingDesk uc, HttpContext http, CancellationToken ct) =>
                await uc.CreateCourseAsync(body, ct) is var r && r.IsSuccess ? Results.Created($"/api/v1/training/courses/{r.Value}", new { id = r.Value }) : r.Error!.ToProblem(http))
            .RequirePermission(PersonnelPermissions.TrainingManage).WithName("CreateCourse").WithSummary("Create a course with its category and hours.").ProducesValidationProblem();
        training.MapGet("/sessions", async (PersonnelQueries q, Guid? courseId, CancellationToken ct) => Results.Ok(await q.SessionsAsync(courseId, ct)))
            .RequirePermission(PersonnelPermissions.PersonnelRead).WithName("ListSessions").WithSummary("Training sessions in scope.").Produces<IReadOnlyList<SessionView>>();
        training.MapPost("/courses/{id:guid}/sessions", async (Guid id, ScheduleSessionRequest body, TrainingDesk uc, HttpContext http, CancellationToken ct) =>
                await uc.ScheduleSessionAsync(id, body, ct) is var r && r.IsSuccess ? Results.Created($"/api/v1/training/sessions/{r.Value}", new { id = r.Value }) : r.Error!.ToProblem(http))
            .RequirePermission(PersonnelPermissions.TrainingManage).WithName("ScheduleSession").WithSummary("Schedule a session of a course.").ProducesValidationProblem().ProducesProblem(404);
        training.MapPost("/sessions/{id:guid}/attendance", async (Guid id, RecordAttendanceRequest body, TrainingDesk uc, HttpContext http, CancellationToken ct) =>
                await uc.RecordAttendanceAsync(id, body, ct) is var r && r.IsSuccess ? Results.Ok(new { id = r.Value }) : r.Error!.ToProblem(http))
            .RequirePermission(PersonnelPermissions.TrainingManage).WithName("RecordAttendance").WithSummary("Record that an officer attended (hours default to the session's).")
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        training.MapPost("/sessions/{id:guid}/attendance/import", async (Guid id, IFormFile file, PersonnelImport uc, TrainingDesk desk, HttpContext http, CancellationToken ct) =>
                await ImportAsync(file, rows => uc.AttendanceAsync(id, rows, desk, ct), http))
            .RequirePermission(PersonnelPermissions.TrainingManage).DisableAntiforgery().WithName("ImportAttendance")
            .WithSummary("Import a session's attendance from Excel (身份证号, 学时): all or nothing.").Produces<ImportOutcome>().ProducesProblem(400).ProducesProblem(404);
        training.MapGet("/compliance", async (PersonnelQueries q, int? year, Guid? bodyId, DateOnly? deadline, TimeProvider clock, CancellationToken ct) =>
                Results.Ok(await q.ComplianceAsync(year ?? ChinaYear(clock), bodyId, deadline, ct)))
            .RequirePermission(PersonnelPermissions.PersonnelRead).WithName("TrainingCompliance")
            .WithSummary("ZFRY-TRAIN: who is short of the year's training hours, by how much and in which category; each body's full-rotation rate.")
            .Produces<ComplianceReport>();
        training.MapGet("/compliance/export", async (PersonnelQueries q, IStringLocalizer<Ui> l, int? year, Guid? bodyId, DateOnly? deadline, TimeProvider clock, CancellationToken ct) =>
                Results.File(PersonnelExports.Compliance(await q.ComplianceAsync(year ?? ChinaYear(clock), bodyId, deadline, ct), l), Xlsx.ContentType, "training-compliance.xlsx"))
            .RequirePermission(PersonnelPermissions.PersonnelRead).WithName("ExportTrainingCompliance").WithSummary("The compliance list as Excel.").Produces<byte[]>(200, Xlsx.ContentType);

        var settings = api.MapGroup("/personnel/settings").WithTags("Personnel");
        settings.MapGet("/{regionId:guid}", async (Guid regionId, PersonnelSettingsDesk uc, HttpContext http, CancellationToken ct) => Answer(await uc.GetAsync(regionId, ct), http))
            .RequirePermission(PersonnelPermissions.PersonnelRead).WithName("GetPersonnelSettings").WithSummary("The personnel rules in force for a region.").Produces<PersonnelSettings>().ProducesProblem(404);
        settings.MapPut("/{regionId:guid}", async (Guid regionId, PersonnelSettings body, PersonnelSettingsDesk uc, HttpContext http, CancellationToken ct) =>
                Answer(await uc.SaveAsync(regionId, body, ct), http))
            .RequirePermission(PersonnelPermissions.PersonnelManage).WithName("SavePersonnelSettings")
            .WithSummary("Set a region's pass mark, certificate validity, review deadline, number format and training requirement.")
            .Produces<PersonnelSettings>().ProducesValidationProblem().ProducesProblem(404);

        api.MapGet("/public/certificates/{number}", async (string number, PersonnelQueries q, HttpContext http, CancellationToken ct) =>
                Answer(await q.VerifyAsync(number, ct), http))
            .Public("public verification of a certificate by number").RequireRateLimiting(PublicEndpoints.RateLimit).WithTags("Public")
            .WithName("VerifyCertificate").WithSummary("Public verification of an enforcement certificate by its number (masked holder name).")
            .Produces<PublicVerification>().ProducesProblem(404).ProducesProblem(429);
        app.MapGet("/public/certificates/{number}/qr.png", (string number, HttpContext http, PublicSite site) =>
            {
                // The public's address of the verification page: Zhifa:Public:BaseUrl, else the host the request came to (through the proxy).
                var url = site.Link(http.Request, $"/public/verify?number={Uri.EscapeDataString(CertificateNumberFormat.Normalize(number))}");
                using var data = QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.M);
                return Results.File(new PngByteQRCode(data).GetGraphic(6), "image/png");
            })
            .Public("the QR code printed on a certificate").RequireRateLimiting(PublicEndpoints.RateLimit).ExcludeFromDescription();
    }

    public static IReadOnlyDictionary<string, Sector> SectorNames(IStringLocalizer l) =>
        Enum.GetValues<Sector>().SelectMany(s => new[] { (l[$"enum.Sector.{s}"].Value, s), (s.ToString(), s) })
            .DistinctBy(x => x.Item1).ToDictionary(x => x.Item1, x => x.Item2, StringComparer.OrdinalIgnoreCase);

    private static int ChinaYear(TimeProvider clock) => clock.Today().Year;

    private static async Task<IResult> ImportAsync(IFormFile file, Func<IReadOnlyList<ImportRow>, Task<Result<int>>> import, HttpContext http)
    {
        // Uploaded files are buffered by the server (on disk past 64 KB), so their stream is seekable as the workbook reader needs.
        await using var stream = file.OpenReadStream();
        var rows = http.RequestServices.GetRequiredService<WorkbookReader>().Read(stream);
        if (!rows.IsSuccess)
            return rows.Error.ToProblem(http);
        var result = await import(rows.Value);
        return result.IsSuccess ? Results.Ok(new ImportOutcome(result.Value)) : result.Error.ToProblem(http);
    }

    private static IResult Answer<T>(Result<T> result, HttpContext http) => result.ToResult(http);

    private static Task<IResult> Created<T>(Task<Result<Guid>> action, Func<Guid, Task<Result<T>>> read, string location, HttpContext http) =>
        action.ThenCreated(read, location, http);

    private static Task<IResult> Then<T>(Task<Result<Guid>> action, Func<Guid, Task<Result<T>>> read, HttpContext http) =>
        action.ThenOk(read, http);
}

public sealed record ImportOutcome(int Imported);
