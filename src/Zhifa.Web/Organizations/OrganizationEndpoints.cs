using Zhifa.Core.Common;
using Zhifa.Core.Identity;
using Zhifa.Core.Organizations;
using Zhifa.Web.Common;
using Zhifa.Web.Identity;

namespace Zhifa.Web.Organizations;

/// <summary>REST API of the organisation tree: regions, enforcement bodies, internal units.</summary>
public static class OrganizationEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var g = api.MapGroup("/organizations").WithTags("Organizations");

        g.MapGet("/", async (OrganizationQueries queries, string? q, OrganizationKind? kind, Sector? sector, Guid? under,
                bool? includeInactive, string? sort, int? page, int? pageSize, CancellationToken ct) =>
            TypedResults.Ok(await queries.ListAsync(new OrganizationListFilter(q, kind, sector, under, includeInactive ?? false, page, pageSize, Sort: sort), ct)))
            .WithName("ListOrganizations").RequirePermission(OrganizationPermissions.OrgRead).WithSummary("List organisations, optionally within one subtree (under), by kind, sector or text.");

        g.MapGet("/tree", async (OrganizationQueries q, Guid? rootId, bool? includeInactive, HttpContext http, CancellationToken ct) =>
            await q.TreeAsync(rootId, includeInactive ?? false, ct) is { IsSuccess: true } r ? Results.Ok(r.Value) : NotFound(http))
            .WithName("GetOrganizationTree").RequirePermission(OrganizationPermissions.OrgRead).WithSummary("The organisation tree, whole or under one node.")
            .Produces<IReadOnlyList<TreeNode>>().ProducesProblem(404);

        g.MapGet("/{id:guid}", async (Guid id, OrganizationQueries q, HttpContext http, CancellationToken ct) =>
            await q.GetAsync(id, ct) is { IsSuccess: true } r ? Results.Ok(r.Value) : NotFound(http))
            .WithName("GetOrganization").RequirePermission(OrganizationPermissions.OrgRead).WithSummary("One organisation.")
            .Produces<OrganizationDto>().ProducesProblem(404);

        g.MapPost("/regions", (CreateRegionRequest body, CreateOrganization uc, OrganizationQueries q, HttpContext http, CancellationToken ct) =>
            Created(uc.RegionAsync(body, ct), q, http, ct))
            .WithName("CreateRegion").RequirePermission(OrganizationPermissions.OrgManage).WithSummary("Create a region (GB/T 2260 / GB/T 10114 code) under its parent region.")
            .Produces<OrganizationDto>(201).ProducesValidationProblem().ProducesProblem(409);

        g.MapPost("/bodies", (CreateBodyRequest body, CreateOrganization uc, OrganizationQueries q, HttpContext http, CancellationToken ct) =>
            Created(uc.BodyAsync(body, ct), q, http, ct))
            .WithName("CreateBody").RequirePermission(OrganizationPermissions.OrgManage).WithSummary("Create an enforcement body under a government (region) or a parent body.")
            .Produces<OrganizationDto>(201).ProducesValidationProblem().ProducesProblem(409);

        g.MapPost("/units", (CreateUnitRequest body, CreateOrganization uc, OrganizationQueries q, HttpContext http, CancellationToken ct) =>
            Created(uc.UnitAsync(body, ct), q, http, ct))
            .WithName("CreateUnit").RequirePermission(OrganizationPermissions.OrgManage).WithSummary("Create an internal unit of a body.")
            .Produces<OrganizationDto>(201).ProducesValidationProblem().ProducesProblem(409);

        g.MapPut("/regions/{id:guid}", (Guid id, UpdateRegionRequest body, UpdateOrganization uc, OrganizationQueries q, HttpContext http, CancellationToken ct) =>
            Updated(uc.RegionAsync(id, body, ct), q, http, ct))
            .WithName("UpdateRegion").RequirePermission(OrganizationPermissions.OrgManage).WithSummary("Edit a region's name, code and order.")
            .Produces<OrganizationDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);

        g.MapPut("/bodies/{id:guid}", (Guid id, UpdateBodyRequest body, UpdateOrganization uc, OrganizationQueries q, HttpContext http, CancellationToken ct) =>
            Updated(uc.BodyAsync(id, body, ct), q, http, ct))
            .WithName("UpdateBody").RequirePermission(OrganizationPermissions.OrgManage).WithSummary("Edit an enforcement body.")
            .Produces<OrganizationDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);

        g.MapPut("/units/{id:guid}", (Guid id, UpdateUnitRequest body, UpdateOrganization uc, OrganizationQueries q, HttpContext http, CancellationToken ct) =>
            Updated(uc.UnitAsync(id, body, ct), q, http, ct))
            .WithName("UpdateUnit").RequirePermission(OrganizationPermissions.OrgManage).WithSummary("Edit an internal unit.")
            .Produces<OrganizationDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);

        g.MapPost("/{id:guid}/move", (Guid id, MoveRequest body, MoveOrganization uc, OrganizationQueries q, HttpContext http, CancellationToken ct) =>
            Updated(uc.ExecuteAsync(id, body, ct), q, http, ct))
            .WithName("MoveOrganization").RequirePermission(OrganizationPermissions.OrgManage).WithSummary("Move a node and its whole subtree under a new parent.")
            .Produces<OrganizationDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);

        g.MapPost("/{id:guid}/deactivate", (Guid id, DeactivateOrganization uc, OrganizationQueries q, HttpContext http, CancellationToken ct) =>
            Updated(uc.DeactivateAsync(id, ct), q, http, ct))
            .WithName("DeactivateOrganization").RequirePermission(OrganizationPermissions.OrgManage).WithSummary("Take an organisation out of use (it is never deleted).")
            .Produces<OrganizationDto>().ProducesProblem(404).ProducesProblem(409);

        g.MapPost("/{id:guid}/reactivate", (Guid id, DeactivateOrganization uc, OrganizationQueries q, HttpContext http, CancellationToken ct) =>
            Updated(uc.ReactivateAsync(id, ct), q, http, ct))
            .WithName("ReactivateOrganization").RequirePermission(OrganizationPermissions.OrgManage).WithSummary("Put a deactivated organisation back in use.")
            .Produces<OrganizationDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);

        g.MapPut("/regions/{id:guid}/supervisor", (Guid id, SetSupervisorRequest body, SetSupervisingBody uc, OrganizationQueries q, HttpContext http, CancellationToken ct) =>
            Updated(uc.ExecuteAsync(id, body, ct), q, http, ct))
            .WithName("SetSupervisingBody").RequirePermission(OrganizationPermissions.OrgManage).WithSummary("Name the justice bureau that supervises enforcement for a region's government.")
            .Produces<OrganizationDto>().ProducesValidationProblem().ProducesProblem(404);
    }

    private static IResult NotFound(HttpContext http) => OrganizationErrors.NotFound().ToProblem(http);

    private static Task<IResult> Created(Task<Result<Guid>> action, OrganizationQueries q, HttpContext http, CancellationToken ct) =>
        action.ThenCreated(id => q.GetAsync(id, ct), "/api/v1/organizations/", http);

    private static Task<IResult> Updated(Task<Result<Guid>> action, OrganizationQueries q, HttpContext http, CancellationToken ct) =>
        action.ThenOk(id => q.GetAsync(id, ct), http);
}
