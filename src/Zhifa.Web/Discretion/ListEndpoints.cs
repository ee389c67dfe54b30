using Zhifa.Core.Catalogue;
using Microsoft.Extensions.Localization;
using Zhifa.Core.Common;
using Zhifa.Core.Discretion;
using Zhifa.Core.Identity;
using Zhifa.Web.Common;
using Zhifa.Web.Identity;
using Zhifa.Web.Resources;

namespace Zhifa.Web.Discretion;

/// <summary>REST API of a body's four lists (不予处罚, 从轻, 减轻, 免予行政强制): generated, curated, published, exported.</summary>
public static class ListEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var g = api.MapGroup("/lists").WithTags("Discretion");

        g.MapGet("/", async (Guid bodyId, ListQueries q, HttpContext http, CancellationToken ct) =>
                await q.ForBodyAsync(bodyId, ct) is var r && r.IsSuccess ? Results.Ok(r.Value) : r.Error.ToProblem(http))
            .WithName("GetLists").RequirePermission(CataloguePermissions.CatalogueRead)
            .WithSummary("A body's four lists today, generated from the benchmarks that apply to the items it implements, with its curations and last publications.")
            .Produces<ListSetDto>().ProducesProblem(404);

        g.MapGet("/export", async (Guid bodyId, ListKind? list, ListQueries q, IStringLocalizer<Ui> l, HttpContext http, CancellationToken ct) =>
                await q.ForBodyAsync(bodyId, ct) is var r && r.IsSuccess
                    ? Results.File(DiscretionSheets.Lists(l, r.Value, list), Xlsx.ContentType, "lists.xlsx")
                    : r.Error.ToProblem(http))
            .WithName("ExportLists").RequirePermission(CataloguePermissions.CatalogueRead).WithSummary("A body's curated lists (or one of them) as an Excel sheet.")
            .Produces<byte[]>(200, Xlsx.ContentType).ProducesProblem(404);

        g.MapPut("/curations", async (CurateListRequest body, CurateList uc, ListQueries q, HttpContext http, CancellationToken ct) =>
                await Respond(uc.ExecuteAsync(body, ct), q, http, ct))
            .WithName("CurateList").RequirePermission(CataloguePermissions.CatalogueEdit)
            .WithSummary("Leaves a generated entry out of a body's list or annotates it; neither (excluded false, no annotation) undoes an earlier curation.")
            .Produces<ListSetDto>().ProducesValidationProblem();

        g.MapPost("/publish", async (PublishListRequest body, PublishList uc, ListQueries q, HttpContext http, CancellationToken ct) =>
                await uc.ExecuteAsync(body, ct) is var r && r.IsSuccess ? Results.Ok((await q.ForBodyAsync(body.BodyId, ct)).Value) : r.Error.ToProblem(http))
            .WithName("PublishList").RequirePermission(CataloguePermissions.CatalogueEdit).WithSummary("Publishes one of a body's lists as it stands now, as its next edition, on the public site.")
            .Produces<ListSetDto>().ProducesValidationProblem();
    }

    private static Task<IResult> Respond(Task<Result<Guid>> action, ListQueries q, HttpContext http, CancellationToken ct) =>
        action.ThenOk(id => q.ForBodyAsync(id, ct), http);
}
