using Microsoft.Extensions.Localization;
using Zhifa.Core.Cases;
using Zhifa.Core.Records;
using Zhifa.Core.Records.UseCases;
using Zhifa.Web.Common;
using Zhifa.Web.Resources;

namespace Zhifa.Web.Records;

/// <summary>The documents of a case, made from its data: listed, and each as a DOCX to edit and print (the printable page is /cases/{id}/documents/{kind}).</summary>
public static class DocumentEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var g = api.MapGroup("/cases/{id:guid}/documents").WithTags("Documents");
        g.MapGet("/", async (Guid id, CaseDocuments docs, HttpContext http, CancellationToken ct) => (await docs.ListAsync(id, ct)).ToResult(http))
            .RequirePermission(CasePermissions.Read).WithName("ListCaseDocuments")
            .WithSummary("The documents the case's steps produced so far, with their numbers, in the order of the steps.")
            .Produces<IReadOnlyList<CaseDocumentRef>>().ProducesProblem(404);
        g.MapGet("/{kind}/docx", async (Guid id, DocumentKind kind, CaseDocuments docs, IStringLocalizer<Ui> l, HttpContext http, CancellationToken ct) =>
            {
                var data = await docs.ComposeAsync(id, kind, ct);
                if (!data.IsSuccess)
                    return data.Error!.ToProblem(http);
                var name = $"{(data.Value.Number ?? data.Value.CaseNumber ?? data.Value.CaseId.ToString())}-{kind}.docx";
                return Results.File(DocumentDocx.Write(DocumentText.Lines(data.Value, l)), DocumentDocx.ContentType, name);
            })
            .RequirePermission(CasePermissions.Read).WithName("GetCaseDocumentDocx")
            .WithSummary("The document as a Word file, made from the case's data (the decision with every item of XZCF-59 and the benchmark's explanation, CLJZ-EXPLAIN). "
                + "A document of a step the case has not taken answers 409 records.step_not_taken.")
            .ProducesProblem(404).ProducesProblem(409);

        api.MapGet("/cases/{id:guid}/file", async (Guid id, CaseFile caseFile, CaseDocuments docs, Zhifa.Core.Records.IBlobStore store, IStringLocalizer<Ui> l,
                TimeProvider clock, HttpContext http, CancellationToken ct) =>
            {
                var contents = await caseFile.ComposeAsync(id, ct);
                if (!contents.IsSuccess)
                    return contents.Error!.ToProblem(http);
                var documents = await docs.ComposeAllAsync(id, ct);
                if (!documents.IsSuccess)
                    return documents.Error!.ToProblem(http);
                var paged = await CaseFilePaging.PageAsync(contents.Value, documents.Value, store, l, ct);
                var archive = await CaseFileArchive.WriteAsync(contents.Value, paged, store, l, clock.GetUtcNow().UtcDateTime, ct);
                return Results.File(archive, "application/zip", $"{contents.Value.CaseNumber ?? contents.Value.CaseId.ToString()}-案卷.zip");
            })
            .RequirePermission(CasePermissions.Read).WithTags("Documents").WithName("GetCaseFile")
            .WithSummary("The case file (案卷) as one zip: 目录.html (the table of contents), the main and secondary volumes in the order of CASEFLOW.md — the documents as DOCX, "
                + "the evidence as attached — and manifest.json with the SHA-256 of every file as written (an evidence file that no longer matches its record is flagged).")
            .Produces(200, contentType: "application/zip").ProducesProblem(404);

        var settings = api.MapGroup("/bodies/{bodyId:guid}/document-settings").WithTags("Documents");
        settings.MapGet("/", async (Guid bodyId, DocumentSettingsDesk desk, HttpContext http, CancellationToken ct) => (await desk.GetAsync(bodyId, ct)).ToResult(http))
            .RequirePermission(CasePermissions.Read).WithName("GetDocumentSettings")
            .WithSummary("A body's document settings as they apply: the numbers' prefix, 第 and width, where to pay, the reconsideration authority and the court (defaults for what is unset).")
            .Produces<DocumentSettingsView>().ProducesProblem(400);
        settings.MapPut("/", async (Guid bodyId, DocumentSettingsRequest body, DocumentSettingsDesk desk, HttpContext http, CancellationToken ct) =>
                (await desk.SetAsync(bodyId, body, ct)).ToResult(http))
            .RequirePermission(CasePermissions.ConfigureDocuments).WithName("SetDocumentSettings")
            .WithSummary("Sets every field at once (empty: back to the default); numbers already issued keep their form. A stale version answers 409.")
            .Produces<DocumentSettingsView>().ProducesValidationProblem().ProducesProblem(409);
    
        var templates = api.MapGroup("/bodies/{bodyId:guid}/document-templates").WithTags("Documents");
        templates.MapGet("/", async (Guid bodyId, DocumentTemplateDesk desk, HttpContext http, CancellationToken ct) => (await desk.ListAsync(bodyId, ct)).ToResult(http))
            .RequirePermission(CasePermissions.Read).WithName("ListDocumentTemplates")
            .WithSummary("Every kind of document with the body's latest revision of its wording (revision 0: the default wording).")
            .Produces<IReadOnlyList<DocumentTemplateSummary>>().ProducesProblem(404);
        templates.MapGet("/{kind}", async (Guid bodyId, DocumentKind kind, DocumentTemplateDesk desk, HttpContext http, CancellationToken ct) =>
                (await desk.GetAsync(bodyId, kind, ct)).ToResult(http))
            .RequirePermission(CasePermissions.Read).WithName("GetDocumentTemplate")
            .WithSummary("The body's wording of a kind of document as it applies now, the default wording, the placeholders the kind must carry and the earlier revisions.")
            .Produces<DocumentTemplateView>().ProducesProblem(404);
        templates.MapPut("/{kind}", async (Guid bodyId, DocumentKind kind, DocumentTemplateRequest body, DocumentTemplateDesk desk, HttpContext http, CancellationToken ct) =>
                (await desk.SetAsync(bodyId, kind, body, ct)).ToResult(http))
            .RequirePermission(CasePermissions.ConfigureDocuments).WithName("SetDocumentTemplate")
            .WithSummary("Saves a new revision of the wording (empty text: the default wording again), based on the revision read (409 when another was saved since). "
                + "Documents of steps taken before keep the wording they had. A decision template must carry every item of XZCF-59 and CLJZ-EXPLAIN; every template the body and the seal; "
                + "an unknown placeholder is refused — every fault at once.")
            .Produces<DocumentTemplateView>().ProducesValidationProblem().ProducesProblem(409);
    }
}
