using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Zhifa.Core.Common;
using Zhifa.Core.Parties;
using Zhifa.Web.Identity;
using Zhifa.Web.Resources;

namespace Zhifa.Web.Parties;

/// <summary>REST API of the party registry.</summary>
public static class PartyEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var parties = api.MapGroup("/parties").WithTags("Parties");
        parties.MapGet("/", async (PartyQueries q, string? search, PartyKind? kind, Guid? regionId, string? sort, int? page, int? pageSize, CancellationToken ct) =>
                Results.Ok(await q.ListAsync(new PartyListFilter(search, kind, regionId, sort, page, pageSize), ct)))
            .RequirePermission(PartyPermissions.Read).WithName("ListParties")
            .WithSummary("Parties in scope (those registered on the caller's branches of the region tree); ID numbers and phones masked. Counts up to 10,000.")
            .Produces<Page<PartyView>>();
        parties.MapGet("/{id:guid}", async (Guid id, PartyQueries q, HttpContext http, CancellationToken ct) => (await q.GetAsync(id, ct)).ToResult(http))
            .RequirePermission(PartyPermissions.Read).WithName("GetParty").WithSummary("A party, personal data masked.").Produces<PartyView>().ProducesProblem(404);
        parties.MapPost("/", async (PartyRequest body, PartyRegistry uc, PartyQueries q, HttpContext http, CancellationToken ct) =>
                await uc.RegisterAsync(body, ct).ThenCreated(id => q.GetAsync(id, ct), "/api/v1/parties/", http))
            .RequirePermission(PartyPermissions.Manage).WithName("RegisterParty")
            .WithSummary("Register a party: an organisation by its credit code (GB 32100 check character), a person by the ID number (GB 11643; stored encrypted). A code or number already registered answers 409 naming the party.")
            .Produces<PartyView>(201).ProducesValidationProblem().ProducesProblem(409);
        parties.MapPut("/{id:guid}", async (Guid id, PartyRequest body, PartyRegistry uc, PartyQueries q, HttpContext http, CancellationToken ct) =>
                await uc.UpdateAsync(id, body, ct).ThenOk(i => q.GetAsync(i, ct), http))
            .RequirePermission(PartyPermissions.Manage).WithName("UpdateParty")
            .WithSummary("Correct a party (If-Match or version: a stale one answers 409). An empty ID number or phone keeps the one on file.")
            .Produces<PartyView>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        parties.MapGet("/{id:guid}/id-number", async (Guid id, PartyRegistry uc, HttpContext http, CancellationToken ct) =>
                await uc.RevealIdNumberAsync(id, ct) is { IsSuccess: true } r ? Results.Ok(new { idNumber = r.Value }) : PartyErrors.PartyNotFound().ToProblem(http))
            .RequirePermission(PartyPermissions.IdNumberView).WithName("RevealPartyIdNumber").WithSummary("A natural person's full ID number, for those whose work needs it.")
            .ProducesProblem(404);
        parties.MapGet("/search", async (PartyQueries queries, string? q, PartyKind? kind, CancellationToken ct) =>
                Results.Ok(await queries.SearchAsync(q, kind, ct)))
            .RequirePermission(PartyPermissions.Read).WithName("SearchParties")
            .WithSummary("The picker's matches for a part of a name, the start of a credit code or a whole ID number: at most 20, closest first.")
            .Produces<IReadOnlyList<PartySummary>>();
        parties.MapGet("/export", async (PartyQueries q, IStringLocalizer<Ui> l, string? search, PartyKind? kind, Guid? regionId, string? sort, CancellationToken ct) =>
                Results.File(PartySheets.Export(await q.AllAsync(new PartyListFilter(search, kind, regionId, sort), ct), l), Xlsx.ContentType, "parties.xlsx"))
            .RequirePermission(PartyPermissions.Read).WithName("ExportParties").WithSummary("The filtered party list as Excel, in its order.").Produces<byte[]>(200, Xlsx.ContentType);
        parties.MapGet("/import-template", () => Results.File(Xlsx.Write("parties", PartyImport.Columns.Template, []), Xlsx.ContentType, "parties-template.xlsx"))
            .RequirePermission(PartyPermissions.Manage).WithName("PartyImportTemplate").WithSummary("The Excel template for importing parties.").Produces<byte[]>(200, Xlsx.ContentType);
        // A CSV file of a bulk load may be hundreds of megabytes: this endpoint's request and form limits are raised to the configured maximum.
        var limits = ((IEndpointRouteBuilder)api).ServiceProvider.GetRequiredService<ImportLimits>();
        var maxBody = Math.Max(limits.MaxCsvBytes, limits.MaxUploadBytes) + (1024 * 1024);
        parties.MapPost("/import", async (IFormFile file, IStringLocalizer<Ui> l, HttpContext http, CancellationToken ct) =>
                (await PartyUpload.ImportAsync(file, http.RequestServices, l, ct)).ToResult(http))
            .RequirePermission(PartyPermissions.Manage).DisableAntiforgery().WithName("ImportParties")
            .WithMetadata(new RequestSizeLimitAttribute(maxBody)).WithFormOptions(multipartBodyLengthLimit: maxBody)
            .WithSummary($"Import parties from Excel (.xlsx) or CSV (UTF-8, the template's titles; up to {ImportLimits.Section}:{nameof(ImportLimits.MaxCsvMegabytes)}, default 512 MB), "
                + "told apart by the content: all or nothing; a rejected file lists each wrong cell by row and column (the first 200, with the total). A CSV file "
                + "is written by bulk copy and audited as one batch (batchId); a party registered by someone else meanwhile answers 409 and imports nothing.")
            .Produces<PartyImportOutcome>().ProducesProblem(400).ProducesProblem(409);
    }
}
