using Zhifa.Core.Common;
using Zhifa.Tests.Infrastructure;

namespace Zhifa.Tests.Identity;

/// <summary>
/// The inspections API's rows: everyone reads; officers plan, file, visit, make leads and publish; heads and administrators
/// make plans and draws, heads approve a visit over the cap; the supervising bureau contributes to draws, merges joint
/// inspections and sees unfiled visits and ratings. Writes are sent with an id that does not exist or a body that is
/// wrong, so the matrix changes nothing: 404 or 400 where the role may act, 403 where it may not.
/// </summary>
public abstract partial class RoleMatrixTests
{
    internal static readonly string InspectionsExpected = """
        endpoint                                                               officer  legal_reviewer  agency_head  supervisor  administrator
        GET    /api/v1/inspection-plans/                                        200/-    200/-           200/-        200/-       200/-
        POST   /api/v1/inspection-plans/                                        403/403  403/403         400/404      403/403     400/404
        GET    /api/v1/inspection-plans/{id:guid}                               404/404  404/404         404/404      404/404     404/404
        POST   /api/v1/inspection-plans/{id:guid}/draws                         403/403  403/403         404/404      403/403     404/404
        POST   /api/v1/inspection-draws/{id:guid}/contribute                    403/403  403/403         403/403      404/404     403/403
        POST   /api/v1/inspection-draws/{id:guid}/redraw                        403/403  403/403         404/404      403/403     404/404
        POST   /api/v1/inspection-conflicts/                                    200/400  403/403         403/403      403/403     403/403
        GET    /api/v1/inspections/                                             200/-    200/-           200/-        200/-       200/-
        POST   /api/v1/inspections/                                             400/404  403/403         403/403      403/403     403/403
        GET    /api/v1/inspections/{id:guid}                                    404/404  404/404         404/404      404/404     404/404
        POST   /api/v1/inspections/{id:guid}/file                               404/404  403/403         403/403      403/403     403/403
        POST   /api/v1/inspections/{id:guid}/approve                            403/403  403/403         404/404      403/403     403/403
        POST   /api/v1/inspections/{id:guid}/visit                              404/404  403/403         403/403      403/403     403/403
        POST   /api/v1/inspections/{id:guid}/items/{itemId:guid}/lead           404/404  403/403         403/403      403/403     403/403
        POST   /api/v1/inspections/{id:guid}/publish                            404/404  403/403         403/403      403/403     403/403
        GET    /api/v1/inspections/{id:guid}/photos/                            200/200  200/200         200/200      200/200     200/200
        POST   /api/v1/inspections/{id:guid}/photos/                            404/404  403/403         403/403      403/403     403/403
        GET    /api/v1/inspections/{id:guid}/photos/{photoId:guid}/content      404/404  404/404         404/404      404/404     404/404
        GET    /api/v1/inspection-supervision/visits                            200/-    200/-           200/-        200/-       200/-
        GET    /api/v1/inspection-supervision/unfiled                           403/-    403/-           403/-        200/-       403/-
        GET    /api/v1/inspection-supervision/ratings                           403/-    403/-           403/-        200/-       403/-
        GET    /api/v1/inspection-supervision/monthly                           200/-    200/-           200/-        200/-       200/-
        GET    /api/v1/inspection-supervision/joint-proposals                   403/-    403/-           403/-        200/-       403/-
        POST   /api/v1/inspection-supervision/joint                             403/-    403/-           403/-        404/-       403/-
        """;

    private static readonly Guid NoInspection = DeterministicGuid.From("inspection:none");
    private static readonly Guid MatrixFoodItem = DeterministicGuid.From("catalogue:140981JC01001");

    /// <summary>A plan whose grade A share is under the 3 % minimum (SSJ-RATIO): refused wherever the body may plan.</summary>
    private static object MatrixPlan(Guid bodyId) => new
    {
        bodyId, year = 2026, name = "矩阵计划", startsOn = "2026-01-01", endsOn = "2026-12-31", ratioA = 1, itemIds = new[] { MatrixFoodItem },
    };

    private static readonly Case[] InspectionsCases =
    [
        new("GET /api/v1/inspection-plans/", c => c.Client.GetAsync("/api/v1/inspection-plans"), null),
        new("POST /api/v1/inspection-plans/",
            c => c.Client.PostJsonAsync("/api/v1/inspection-plans", MatrixPlan(c.Role.InOrg)), c => c.Client.PostJsonAsync("/api/v1/inspection-plans", MatrixPlan(c.Role.OutOrg))),
        new("GET /api/v1/inspection-plans/{id:guid}",
            c => c.Client.GetAsync($"/api/v1/inspection-plans/{NoInspection}"), c => c.Client.GetAsync($"/api/v1/inspection-plans/{NoInspection}")),
        new("POST /api/v1/inspection-plans/{id:guid}/draws",
            c => c.Client.PostJsonAsync($"/api/v1/inspection-plans/{NoInspection}/draws", new { }), c => c.Client.PostJsonAsync($"/api/v1/inspection-plans/{NoInspection}/draws", new { })),
        new("POST /api/v1/inspection-draws/{id:guid}/contribute",
            c => c.Client.PostJsonAsync($"/api/v1/inspection-draws/{NoInspection}/contribute", new { version = 0 }),
            c => c.Client.PostJsonAsync($"/api/v1/inspection-draws/{NoInspection}/contribute", new { version = 0 })),
        new("POST /api/v1/inspection-draws/{id:guid}/redraw",
            c => c.Client.PostJsonAsync($"/api/v1/inspection-draws/{NoInspection}/redraw", new { version = 0, reason = "矩阵" }),
            c => c.Client.PostJsonAsync($"/api/v1/inspection-draws/{NoInspection}/redraw", new { version = 0, reason = "矩阵" })),
        // The officer's own body's officer (again: one declaration, answered with its id), and another body's officer, whom the caller does not see (400 on officerId).
        new("POST /api/v1/inspection-conflicts/",
            c => c.Client.PostJsonAsync("/api/v1/inspection-conflicts", new { officerId = DeterministicGuid.From("personnel:officer:张伟"),
                partyId = DeterministicGuid.From("party:原平市晋北食品有限公司"), reason = "矩阵" }),
            c => c.Client.PostJsonAsync("/api/v1/inspection-conflicts", new { officerId = DeterministicGuid.From("personnel:officer:周杰"),
                partyId = DeterministicGuid.From("party:原平市晋北食品有限公司"), reason = "矩阵" })),
        new("GET /api/v1/inspections/", c => c.Client.GetAsync("/api/v1/inspections?view=All"), null),
        new("POST /api/v1/inspections/",
            c => c.Client.PostJsonAsync("/api/v1/inspections", new { partyId = DeterministicGuid.From("party:原平市惠民超市有限公司"), bodyId = c.Role.InOrg }),
            c => c.Client.PostJsonAsync("/api/v1/inspections", new { partyId = DeterministicGuid.From("party:原平市惠民超市有限公司"), bodyId = c.Role.OutOrg })),
        new("GET /api/v1/inspections/{id:guid}",
            c => c.Client.GetAsync($"/api/v1/inspections/{NoInspection}"), c => c.Client.GetAsync($"/api/v1/inspections/{NoInspection}")),
        new("POST /api/v1/inspections/{id:guid}/file",
            c => c.Client.PostJsonAsync($"/api/v1/inspections/{NoInspection}/file", new { version = 0 }), c => c.Client.PostJsonAsync($"/api/v1/inspections/{NoInspection}/file", new { version = 0 })),
        new("POST /api/v1/inspections/{id:guid}/approve",
            c => c.Client.PostJsonAsync($"/api/v1/inspections/{NoInspection}/approve", new { version = 0 }), c => c.Client.PostJsonAsync($"/api/v1/inspections/{NoInspection}/approve", new { version = 0 })),
        new("POST /api/v1/inspections/{id:guid}/visit",
            c => c.Client.PostJsonAsync($"/api/v1/inspections/{NoInspection}/visit", new { version = 0 }), c => c.Client.PostJsonAsync($"/api/v1/inspections/{NoInspection}/visit", new { version = 0 })),
        new("POST /api/v1/inspections/{id:guid}/items/{itemId:guid}/lead",
            c => c.Client.PostJsonAsync($"/api/v1/inspections/{NoInspection}/items/{MatrixFoodItem}/lead", new { version = 0 }),
            c => c.Client.PostJsonAsync($"/api/v1/inspections/{NoInspection}/items/{MatrixFoodItem}/lead", new { version = 0 })),
        new("POST /api/v1/inspections/{id:guid}/publish",
            c => c.Client.PostJsonAsync($"/api/v1/inspections/{NoInspection}/publish", new { version = 0 }), c => c.Client.PostJsonAsync($"/api/v1/inspections/{NoInspection}/publish", new { version = 0 })),
        new("GET /api/v1/inspections/{id:guid}/photos/",
            c => c.Client.GetAsync($"/api/v1/inspections/{NoInspection}/photos"), c => c.Client.GetAsync($"/api/v1/inspections/{NoInspection}/photos")),
        new("POST /api/v1/inspections/{id:guid}/photos/",
            c => c.Client.PostAsync($"/api/v1/inspections/{NoInspection}/photos", new ByteArrayContent([1, 2, 3])),
            c => c.Client.PostAsync($"/api/v1/inspections/{NoInspection}/photos", new ByteArrayContent([1, 2, 3]))),
        new("GET /api/v1/inspections/{id:guid}/photos/{photoId:guid}/content",
            c => c.Client.GetAsync($"/api/v1/inspections/{NoInspection}/photos/{NoInspection}/content"),
            c => c.Client.GetAsync($"/api/v1/inspections/{NoInspection}/photos/{NoInspection}/content")),
        new("GET /api/v1/inspection-supervision/visits", c => c.Client.GetAsync("/api/v1/inspection-supervision/visits"), null),
        new("GET /api/v1/inspection-supervision/unfiled", c => c.Client.GetAsync("/api/v1/inspection-supervision/unfiled"), null),
        new("GET /api/v1/inspection-supervision/ratings", c => c.Client.GetAsync("/api/v1/inspection-supervision/ratings"), null),
        new("GET /api/v1/inspection-supervision/monthly", c => c.Client.GetAsync("/api/v1/inspection-supervision/monthly"), null),
        new("GET /api/v1/inspection-supervision/joint-proposals", c => c.Client.GetAsync("/api/v1/inspection-supervision/joint-proposals"), null),
        new("POST /api/v1/inspection-supervision/joint",
            c => c.Client.PostJsonAsync("/api/v1/inspection-supervision/joint", new { taskIds = new[] { NoInspection, DeterministicGuid.From("inspection:none2") }, leadBodyId = c.Role.InOrg }), null),
    ];
}
