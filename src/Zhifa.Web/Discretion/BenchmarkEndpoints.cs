using Microsoft.Extensions.Localization;
using Zhifa.Core.Catalogue;
using Zhifa.Core.Common;
using Zhifa.Core.Discretion;
using Zhifa.Core.Identity;
using Zhifa.Web.Common;
using Zhifa.Web.Identity;
using Zhifa.Web.Resources;

namespace Zhifa.Web.Discretion;

/// <summary>REST API of the discretion benchmarks (裁量基准), their filing and review, and the discretion calculator.</summary>
public static class BenchmarkEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var g = api.MapGroup("/benchmarks").WithTags("Discretion");

        g.MapGet("/", async (BenchmarkQueries queries, string? q, Guid? itemId, Guid? bodyId, BenchmarkStatus? status, DateOnly? from, DateOnly? to, string? sort,
                int? page, int? pageSize, CancellationToken ct) =>
                TypedResults.Ok(await queries.ListAsync(new BenchmarkFilter(q, itemId, bodyId, status, page, pageSize, from, to, sort), ct)))
            .WithName("ListBenchmarks").RequirePermission(CataloguePermissions.CatalogueRead)
            .WithSummary("Benchmarks: drafts within the caller's scope, published ones of every body. Filter by text, item, issuing body (bodyId), status and effective date (from, to); sort by item, title, level, status, effectiveFrom or updatedAt (\"-\" first: descending).");

        g.MapGet("/export", async (BenchmarkQueries queries, IStringLocalizer<Ui> l, string? q, Guid? itemId, Guid? bodyId, BenchmarkStatus? status, DateOnly? from, DateOnly? to,
                string? sort, CancellationToken ct) =>
                Results.File(DiscretionSheets.Benchmarks(l, await queries.ExportAsync(new BenchmarkFilter(q, itemId, bodyId, status, null, null, from, to, sort), ct: ct)),
                    Xlsx.ContentType, "benchmarks.xlsx"))
            .WithName("ExportBenchmarks").RequirePermission(CataloguePermissions.CatalogueRead)
            .WithSummary("The filtered benchmark list as an Excel sheet, in the list's order.").Produces<byte[]>(200, Xlsx.ContentType);

        g.MapGet("/{id:guid}", async (Guid id, BenchmarkQueries q, HttpContext http, CancellationToken ct) =>
                await q.GetAsync(id, ct) is { IsSuccess: true } r ? Results.Ok(r.Value) : NotFound(http))
            .WithName("GetBenchmark").RequirePermission(CataloguePermissions.CatalogueRead).WithSummary("One benchmark with its tiers, its upper benchmark and refinements, and what the caller may do now.")
            .Produces<BenchmarkDetail>().ProducesProblem(404);

        g.MapPost("/", (CreateBenchmarkRequest body, CreateBenchmark uc, BenchmarkQueries q, HttpContext http, CancellationToken ct) =>
                Respond(uc.ExecuteAsync(body, ct), q, http, ct, created: true))
            .WithName("CreateBenchmark").RequirePermission(CataloguePermissions.CatalogueEdit)
            .WithSummary("A draft benchmark for the published version of a penalty item (without tiers: the default tiers of CLJZ-30) or a coercion item (with its exemption).")
            .Produces<BenchmarkDetail>(201).ProducesValidationProblem().ProducesProblem(409).ProducesProblem(422);

        g.MapPut("/{id:guid}", (Guid id, ReviseBenchmarkRequest body, ReviseBenchmark uc, BenchmarkQueries q, HttpContext http, CancellationToken ct) =>
                Respond(uc.ExecuteAsync(id, body, ct), q, http, ct))
            .WithName("ReviseBenchmark").RequirePermission(CataloguePermissions.CatalogueEdit).WithSummary("Replaces a draft's tiers (a refinement stays within its upper tiers, CLJZ-LEVEL) or exemption.")
            .Produces<BenchmarkDetail>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);

        g.MapPost("/{id:guid}/refine", (Guid id, RefineBenchmarkRequest body, RefineBenchmark uc, BenchmarkQueries q, HttpContext http, CancellationToken ct) =>
                Respond(uc.ExecuteAsync(id, body, ct), q, http, ct, created: true))
            .WithName("RefineBenchmark").RequirePermission(CataloguePermissions.CatalogueEdit)
            .WithSummary("A lower level's draft refining this published benchmark, within its tiers (CLJZ-LEVEL); townships use their county's and issue none.")
            .Produces<BenchmarkDetail>(201).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);

        g.MapPost("/{id:guid}/file", (Guid id, FileBenchmark uc, BenchmarkQueries q, HttpContext http, CancellationToken ct) =>
                Respond(uc.ExecuteAsync(id, ct), q, http, ct))
            .WithName("FileBenchmark").RequirePermission(CataloguePermissions.CatalogueEdit).WithSummary("Files the draft with the justice bureau supervising the issuing region (备案审查).")
            .Produces<BenchmarkDetail>().ProducesProblem(404).ProducesProblem(409);

        g.MapPost("/{id:guid}/return", (Guid id, ReviewCommentsRequest body, ReviewBenchmark uc, BenchmarkQueries q, HttpContext http, CancellationToken ct) =>
                Respond(uc.ReturnAsync(id, body, ct), q, http, ct))
            .WithName("ReturnBenchmark").RequirePermission(CataloguePermissions.CatalogueReview).WithSummary("The bureau returns a filed benchmark to its drafters with comments.")
            .Produces<BenchmarkDetail>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);

        g.MapPost("/{id:guid}/approve", (Guid id, ReviewBenchmark uc, BenchmarkQueries q, HttpContext http, CancellationToken ct) =>
                Respond(uc.ApproveAsync(id, ct), q, http, ct))
            .WithName("ApproveBenchmark").RequirePermission(CataloguePermissions.CatalogueReview).WithSummary("The bureau approves a filed benchmark; its issuer may then publish it.")
            .Produces<BenchmarkDetail>().ProducesProblem(404).ProducesProblem(409);

        g.MapPost("/{id:guid}/publish", (Guid id, EffectiveDateRequest? body, PublishBenchmark uc, BenchmarkQueries q, HttpContext http, CancellationToken ct) =>
                Respond(uc.ExecuteAsync(id, body ?? new(), ct), q, http, ct))
            .WithName("PublishBenchmark").RequirePermission(CataloguePermissions.CatalogueEdit).WithSummary("Publishes the approved benchmark from effectiveFrom (default today, never earlier).")
            .Produces<BenchmarkDetail>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);

        var d = api.MapGroup("/discretion").WithTags("Discretion");

        d.MapPost("/calculate", async (CalculateRequest body, DiscretionQueries q, HttpContext http, CancellationToken ct) =>
                await q.CalculateAsync(body, ct) is var r && r.IsSuccess ? Results.Ok(r.Value) : r.Error.ToProblem(http))
            .WithName("CalculateDiscretion").RequirePermission(CataloguePermissions.CatalogueRead)
            .WithSummary("For a penalty item the deciding body implements and a case's circumstances (and the base where the fine is measured against one: illegal gain, goods value, baseAmount for the advertising fee, contract amount or tax evaded, quantity for a per-unit fine): the tier, the lawful range, a suggested fine and the explanation for the decision (CLJZ-EXPLAIN). A body the caller does not act for is a 403.")
            .Produces<CalculationDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(409);

        d.MapPost("/check", async (CheckRequest body, DiscretionQueries q, IStringLocalizer<Ui> l, HttpContext http, CancellationToken ct) =>
                await q.CheckAsync(body, ct) is var r && r.IsSuccess ? Results.Ok(CheckResponse.From(r.Value, l)) : r.Error.ToProblem(http))
            .WithName("CheckDiscretion").RequirePermission(CataloguePermissions.CatalogueRead)
            .WithSummary("Whether a proposed decision lies within the benchmark; outside it, it needs the head's approval or collective discussion (CLJZ-DEVIATE). A decision the law forbids is a 422.")
            .Produces<CheckResponse>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(409).ProducesProblem(422);
    }

    private static IResult NotFound(HttpContext http) => DiscretionErrors.BenchmarkNotFound().ToProblem(http);

    private static async Task<IResult> Respond(Task<Result<Guid>> action, BenchmarkQueries q, HttpContext http, CancellationToken ct, bool created = false)
        => created ? await action.ThenCreated(id => q.GetAsync(id, ct), "/api/v1/benchmarks/", http) : await action.ThenOk(id => q.GetAsync(id, ct), http);
}

/// <summary>The check's answer with its message and reasons in the caller's language.</summary>
public sealed record CheckResponse(
    bool WithinBenchmark, DiscretionTier Tier, DiscretionTier? AmountTier, string? Rule, string? Message, IReadOnlyList<string> ReasonCodes,
    IReadOnlyList<string> Reasons, CalculationDto Calculation)
{
    public static CheckResponse From(CheckDto dto, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(dto);
        ArgumentNullException.ThrowIfNull(l);
        return new(dto.WithinBenchmark, dto.Tier, dto.AmountTier, dto.Rule, dto.MessageCode is { } m ? l[m].Value : null, dto.ReasonCodes,
            [.. dto.ReasonCodes.Select(c => l[c].Value)], dto.Calculation);
    }
}
