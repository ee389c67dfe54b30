using Microsoft.Extensions.Localization;
using Zhifa.Core.Catalogue;
using Zhifa.Core.Common;
using Zhifa.Core.Identity;
using Zhifa.Web.Common;
using Zhifa.Web.Identity;
using Zhifa.Web.Resources;

namespace Zhifa.Web.Catalogue;

/// <summary>REST API of the enforcement item catalogue: items and their versions, review, publication, clean-up, Excel.</summary>
public static class CatalogueEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var g = api.MapGroup("/catalogue").WithTags("Catalogue");

        g.MapGet("/", async (CatalogueQueries queries, string? q, ItemKind? kind, Guid? bodyId, VersionState? state, DateOnly? from, DateOnly? to, string? sort,
                int? page, int? pageSize, CancellationToken ct) =>
                TypedResults.Ok(await queries.ListAsync(new CatalogueFilter(q, kind, bodyId, state, page, pageSize, from, to, sort), ct)))
            .WithName("ListCatalogueItems").RequirePermission(CataloguePermissions.CatalogueRead)
            .WithSummary("Items with their latest version: drafts within the caller's scope, published items of every body. Filter by text (q), kind, body (owner or implementing) and state.");

        g.MapGet("/export", async (CatalogueQueries queries, IStringLocalizer<Ui> l, string? q, ItemKind? kind, Guid? bodyId, VersionState? state, DateOnly? from, DateOnly? to,
                string? sort, CancellationToken ct) =>
                Results.File(CatalogueSheets.Catalogue(l, await queries.ExportAsync(new CatalogueFilter(q, kind, bodyId, state, null, null, from, to, sort), ct: ct)),
                    Xlsx.ContentType, "catalogue.xlsx"))
            .WithName("ExportCatalogue").RequirePermission(CataloguePermissions.CatalogueRead)
            .WithSummary("The filtered catalogue as an Excel sheet, one row per legal basis; it imports again as it is.").Produces<byte[]>(200, Xlsx.ContentType);

        g.MapPost("/import", async (HttpRequest request, Guid ownerId, ImportCatalogue uc, WorkbookReader reader, IStringLocalizer<Ui> l, CancellationToken ct) =>
            {
                if (!request.HasFormContentType || (await request.ReadFormAsync(ct)).Files.GetFile("file") is not { } file)
                    return CatalogueErrors.ImportNoFile().ToProblem(request.HttpContext);
                await using var stream = file.OpenReadStream();
                var rows = CatalogueSheets.Read(reader, stream, l);
                if (!rows.IsSuccess)
                    return rows.Error.ToProblem(request.HttpContext);
                var result = await uc.ExecuteAsync(ownerId, rows.Value, ct);
                return result.IsSuccess ? Results.Ok(result.Value) : result.Error.ToProblem(request.HttpContext);
            })
            .WithName("ImportCatalogue").RequirePermission(CataloguePermissions.CatalogueEdit).Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Imports a body's catalogue from an Excel sheet (form field 'file'), all or nothing; errors name their row and column as rows[N].column " +
                "(the first 200 of them, with a note of the total under 'file'); an unreadable file or one past the import limits says why (code import.*). " +
                "Rows with an effective date are taken over as published, the others become drafts.")
            .Produces<ImportOutcome>().ProducesValidationProblem();

        g.MapGet("/cleanup", async (CleanupQueries q, Guid? bodyId, Guid? regionId, CleanupFindingKind? kind, string? sort, CancellationToken ct) =>
                TypedResults.Ok(await q.FindingsAsync(new CleanupFilter(bodyId, regionId, kind, sort), ct)))
            .WithName("CatalogueCleanup").RequirePermission(CataloguePermissions.CatalogueRead)
            .WithSummary("The clean-up findings (no legal basis, unused for five years, one provision claimed by several bodies, delegation evaluation overdue), per body and per region, within the caller's scope.");

        g.MapGet("/cleanup/export", async (CleanupQueries q, IStringLocalizer<Ui> l, Guid? bodyId, Guid? regionId, CleanupFindingKind? kind, string? sort, CancellationToken ct) =>
                Results.File(CatalogueSheets.Findings(l, await q.FindingsAsync(new CleanupFilter(bodyId, regionId, kind, sort), ct)), Xlsx.ContentType, "cleanup-findings.xlsx"))
            .WithName("ExportCatalogueCleanup").RequirePermission(CataloguePermissions.CatalogueRead)
            .WithSummary("The filtered clean-up findings as an Excel sheet, in the list's order.").Produces<byte[]>(200, Xlsx.ContentType);

        g.MapGet("/{id:guid}", async (Guid id, CatalogueQueries q, HttpContext http, CancellationToken ct) =>
                await q.GetAsync(id, ct) is { IsSuccess: true } r ? Results.Ok(r.Value) : NotFound(http))
            .WithName("GetCatalogueItem").RequirePermission(CataloguePermissions.CatalogueRead).WithSummary("One item: its versions, evaluations, benchmarks, history and what the caller may do now.")
            .Produces<CatalogueItemDetail>().ProducesProblem(404);

        g.MapGet("/{id:guid}/in-force", async (Guid id, DateOnly? on, CatalogueQueries q, HttpContext http, CancellationToken ct) =>
                await q.InForceAsync(id, on, ct) is var r && r.IsSuccess ? Results.Ok(r.Value) : r.Error.ToProblem(http))
            .WithName("GetCatalogueItemInForce").RequirePermission(CataloguePermissions.CatalogueRead).WithSummary("The version in force on a day (default today): what a case of that day cites.")
            .Produces<CatalogueVersionDto>().ProducesProblem(404).ProducesProblem(409);

        g.MapPost("/", (CreateItemRequest body, CreateCatalogueItem uc, CatalogueQueries q, HttpContext http, CancellationToken ct) =>
                Respond(uc.ExecuteAsync(body, ct), q, http, ct, created: true))
            .WithName("CreateCatalogueItem").RequirePermission(CataloguePermissions.CatalogueEdit).WithSummary("Starts an item in a body's catalogue as a draft.")
            .Produces<CatalogueItemDetail>(201).ProducesValidationProblem().ProducesProblem(409);

        g.MapPut("/{id:guid}", (Guid id, ItemContentRequest body, EditCatalogueItem uc, CatalogueQueries q, HttpContext http, CancellationToken ct) =>
                Respond(uc.ExecuteAsync(id, body, ct), q, http, ct))
            .WithName("EditCatalogueItem").RequirePermission(CataloguePermissions.CatalogueEdit).WithSummary("Changes the draft (or returned) version.")
            .Produces<CatalogueItemDetail>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);

        g.MapPost("/{id:guid}/submit", (Guid id, SubmitCatalogueItem uc, CatalogueQueries q, HttpContext http, CancellationToken ct) =>
                Respond(uc.ExecuteAsync(id, ct), q, http, ct))
            .WithName("SubmitCatalogueItem").RequirePermission(CataloguePermissions.CatalogueEdit).WithSummary("Sends the working version to the supervisor; it needs a legal basis and a body.")
            .Produces<CatalogueItemDetail>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);

        g.MapPost("/{id:guid}/return", (Guid id, ReviewCommentsRequest body, ReviewCatalogueItem uc, CatalogueQueries q, HttpContext http, CancellationToken ct) =>
                Respond(uc.ReturnAsync(id, body, ct), q, http, ct))
            .WithName("ReturnCatalogueItem").RequirePermission(CataloguePermissions.CatalogueReview).WithSummary("The supervisor returns a submitted version with comments.")
            .Produces<CatalogueItemDetail>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);

        g.MapPost("/{id:guid}/approve", (Guid id, ReviewCatalogueItem uc, CatalogueQueries q, HttpContext http, CancellationToken ct) =>
                Respond(uc.ApproveAsync(id, ct), q, http, ct))
            .WithName("ApproveCatalogueItem").RequirePermission(CataloguePermissions.CatalogueReview).WithSummary("The supervisor approves a submitted version for publication.")
            .Produces<CatalogueItemDetail>().ProducesProblem(404).ProducesProblem(409);

        g.MapPost("/{id:guid}/publish", (Guid id, EffectiveDateRequest? body, PublishCatalogueItem uc, CatalogueQueries q, HttpContext http, CancellationToken ct) =>
                Respond(uc.ExecuteAsync(id, body ?? new(), ct), q, http, ct))
            .WithName("PublishCatalogueItem").RequirePermission(CataloguePermissions.CatalogueEdit)
            .WithSummary("Publishes the approved version from effectiveFrom (default today, never earlier); the version it replaces ends the day before.")
            .Produces<CatalogueItemDetail>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);

        g.MapPost("/{id:guid}/amend", (Guid id, AmendCatalogueItem uc, CatalogueQueries q, HttpContext http, CancellationToken ct) =>
                Respond(uc.ExecuteAsync(id, ct), q, http, ct))
            .WithName("AmendCatalogueItem").RequirePermission(CataloguePermissions.CatalogueEdit).WithSummary("Starts a new version as a draft copy of the published one.")
            .Produces<CatalogueItemDetail>().ProducesProblem(404).ProducesProblem(409);

        g.MapPost("/{id:guid}/abolish", (Guid id, AbolishItemRequest? body, AbolishCatalogueItem uc, CatalogueQueries q, HttpContext http, CancellationToken ct) =>
                Respond(uc.ExecuteAsync(id, body ?? new(), ct), q, http, ct))
            .WithName("AbolishCatalogueItem").RequirePermission(CataloguePermissions.CatalogueEdit).WithSummary("Abolishes the item from abolishedFrom (default today).")
            .Produces<CatalogueItemDetail>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);

        g.MapPost("/{id:guid}/evaluations", (Guid id, EvaluationRequest body, RecordDelegationEvaluation uc, CatalogueQueries q, HttpContext http, CancellationToken ct) =>
                Respond(uc.ExecuteAsync(id, body, ct), q, http, ct))
            .WithName("RecordDelegationEvaluation").RequirePermission(CataloguePermissions.CatalogueEdit)
            .WithSummary("Records whether the township carries a delegated item, and when the next evaluation is due.")
            .Produces<CatalogueItemDetail>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
    }

    private static IResult NotFound(HttpContext http) => CatalogueErrors.ItemNotFound().ToProblem(http);

    private static async Task<IResult> Respond(Task<Result<Guid>> action, CatalogueQueries q, HttpContext http, CancellationToken ct, bool created = false)
        => created ? await action.ThenCreated(id => q.GetAsync(id, ct), "/api/v1/catalogue/", http) : await action.ThenOk(id => q.GetAsync(id, ct), http);
}
