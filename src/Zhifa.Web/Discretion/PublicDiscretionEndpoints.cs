using Zhifa.Core.Catalogue;
using Zhifa.Core.Discretion;
using Zhifa.Web.Common;

namespace Zhifa.Web.Discretion;

/// <summary>The public site's read-only API of discretion: the published benchmarks and lists, without signing in.</summary>
public static class PublicDiscretionEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var g = api.MapGroup("/public").WithTags("Public").Public("the public site's API: published benchmarks and lists").RequireRateLimiting(PublicEndpoints.RateLimit);

        g.MapGet("/benchmarks", async (PublicDiscretionQueries queries, string? q, Guid? itemId, Guid? bodyId, int? page, int? pageSize, CancellationToken ct) =>
                TypedResults.Ok(await queries.BenchmarksAsync(q, itemId, bodyId, page, pageSize, ct)))
            .WithName("PublicBenchmarks").WithSummary("The published benchmarks.");

        g.MapGet("/benchmarks/{id:guid}", async (Guid id, PublicDiscretionQueries q, HttpContext http, CancellationToken ct) =>
                await q.BenchmarkAsync(id, ct) is var r && r.IsSuccess ? Results.Ok(r.Value) : r.Error.ToProblem(http))
            .WithName("PublicBenchmark").WithSummary("One published benchmark with its tiers.")
            .Produces<PublicBenchmarkDto>().ProducesProblem(404);

        g.MapGet("/lists", async (ListQueries q, Guid? bodyId, ListKind? list, CancellationToken ct) =>
                TypedResults.Ok(await q.PublishedAsync(bodyId, list, ct)))
            .WithName("PublicLists").WithSummary("The latest published edition of each body's lists (不予处罚, 从轻, 减轻, 免予行政强制).");
    }
}
