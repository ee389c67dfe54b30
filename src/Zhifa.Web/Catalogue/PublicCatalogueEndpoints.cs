using Zhifa.Core.Catalogue;
using Zhifa.Core.Common;
using Zhifa.Web.Common;

namespace Zhifa.Web.Catalogue;

/// <summary>The public site's read-only API: the published catalogue, without signing in.</summary>
public static class PublicCatalogueEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var g = api.MapGroup("/public").WithTags("Public").Public("the public site's API: the published catalogue").RequireRateLimiting(PublicEndpoints.RateLimit);

        g.MapGet("/catalogue", async (PublicCatalogueQueries queries, string? q, ItemKind? kind, Guid? bodyId, int? page, int? pageSize, CancellationToken ct) =>
                TypedResults.Ok(await queries.ListAsync(new PublicCatalogueFilter(q, kind, bodyId, page, pageSize), ct)))
            .WithName("PublicCatalogue").WithSummary("The published catalogue: each item's version in force, with when it was published.");

        g.MapGet("/catalogue/{id:guid}", async (Guid id, PublicCatalogueQueries q, HttpContext http, CancellationToken ct) =>
                await q.GetAsync(id, ct) is var r && r.IsSuccess ? Results.Ok(r.Value) : r.Error.ToProblem(http))
            .WithName("PublicCatalogueItem").WithSummary("One published item, its published versions and its published benchmarks.")
            .Produces<PublicItemDetail>().ProducesProblem(404);
    }
}
