using System.Net;
using System.Net.Http.Json;
using Zhifa.Core.Common;
using Zhifa.Core.Demo;
using Zhifa.Core.Identity;
using Zhifa.Core.Organizations;
using Zhifa.Tests.Infrastructure;

namespace Zhifa.Tests.Identity;

/// <summary>
/// Every API endpoint, called as each shipped role, once on data inside the role's scope and once
/// outside it. What each call must answer is written by hand in the tables of expected statuses
/// (the <c>...Expected</c> fields, one per feature file) — never derived from the role templates or
/// the permission codes, so that a permission granted by mistake (or lost) fails the test.
/// Where the table expects an answer other than 403, the call also checks the body (an out-of-scope
/// item absent from a list, the field named by a 400).
/// </summary>
public abstract partial class RoleMatrixTests(ZhifaApp app)
{
    public sealed record RoleUnderTest(string Role, string User, Guid InOrg, Guid OutOrg, Guid InUnit, Guid OutUnit, string InUser, string OutUser);

    private static readonly Guid XinzhouJustice = DemoData.Ids.Body("忻州市司法局");

    public static readonly IReadOnlyList<RoleUnderTest> Roles =
    [
        new("officer", "yp.market.officer", DemoData.Ids.YuanpingMarket, DemoData.Ids.YuanpingTransport,
            DemoData.Ids.Unit("原平市市场监督管理局", "办公室"), DemoData.Ids.Unit("原平市交通运输局", "办公室"), "yp.market.officer", "yp.transport.officer"),
        new("legal_reviewer", "yp.market.reviewer", DemoData.Ids.YuanpingMarket, DemoData.Ids.YuanpingTransport,
            DemoData.Ids.Unit("原平市市场监督管理局", "办公室"), DemoData.Ids.Unit("原平市交通运输局", "办公室"), "yp.market.officer", "yp.transport.officer"),
        new("agency_head", "yp.market.head", DemoData.Ids.Body("原平市市场监督管理局崞阳市场监督管理所"), DemoData.Ids.YuanpingTransport,
            DemoData.Ids.Unit("原平市市场监督管理局", "办公室"), DemoData.Ids.Unit("原平市交通运输局", "办公室"), "yp.market.officer", "yp.transport.officer"),
        new("supervisor", "yp.supervisor", DemoData.Ids.YuanpingTransport, XinzhouJustice,
            DemoData.Ids.Unit("原平市交通运输局", "办公室"), DemoData.Ids.Unit("忻州市司法局", "办公室"), "yp.transport.officer", "xz.supervisor"),
        new("administrator", "yp.admin", DemoData.Ids.YuanpingTransport, XinzhouJustice,
            DemoData.Ids.Unit("原平市交通运输局", "办公室"), DemoData.Ids.Unit("忻州市司法局", "办公室"), "yp.transport.officer", "xz.supervisor"),
    ];

    public static TheoryData<string> RoleNames => new(Roles.Select(r => r.Role));

    internal sealed record Ctx(ZhifaApp App, HttpClient Client, HttpClient Admin, RoleUnderTest Role);

    internal delegate Task<HttpResponseMessage> Call(Ctx c);

    internal delegate Task<string?> Check(HttpResponseMessage response, Ctx c);

    /// <summary>
    /// One row per endpoint: how to call it on data in the role's scope and out of it (null: there is no
    /// "out of scope" for it, such as one's own account), and what to check in the body when the answer
    /// is not 403. The status each call must answer is in the tables of expected statuses.
    /// </summary>
    internal sealed record Case(string Route, Call In, Call? Out, Check? CheckIn = null, Check? CheckOut = null);

    private static Guid Id(Guid id) => id;

    internal static async Task<Guid> FreshUnitAsync(Ctx c, Guid parent)
    {
        var r = await c.Admin.PostJsonAsync("/api/v1/organizations/units", new CreateUnitRequest("矩阵测试股" + TestData.Next(), parent));
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return (await r.ReadAsync<OrganizationDto>()).Id;
    }

    internal static async Task<Guid> FreshUserAsync(Ctx c, Guid org)
    {
        var r = await c.Admin.PostJsonAsync("/api/v1/users", new CreateUserRequest("m" + TestData.Next() + ".user", "矩阵用户", org, "Init#2026a"));
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return (await r.ReadAsync<UserDetailDto>()).User.Id;
    }

    internal static async Task<Guid> UserIdAsync(Ctx c, string userName) =>
        (await c.Admin.GetFromJsonAsync<Page<UserDto>>($"/api/v1/users?search={userName}", ZhifaApp.Json))!.Items.Single(u => u.UserName == userName).Id;

    internal static async Task<OrganizationDto> OrgAsync(Ctx c, Guid id) =>
        (await c.Admin.GetFromJsonAsync<OrganizationDto>($"/api/v1/organizations/{id}", ZhifaApp.Json))!;

    internal static Check ListContains(Func<Ctx, Guid> id) => async (r, c) =>
        (await r.Content.ReadAsStringAsync()).Contains(id(c).ToString(), StringComparison.Ordinal) ? null : $"list lacks {id(c)}";

    internal static Check ListLacks(Func<Ctx, Guid> id) => async (r, c) =>
        (await r.Content.ReadAsStringAsync()).Contains(id(c).ToString(), StringComparison.Ordinal) ? $"list shows out-of-scope {id(c)}" : null;

    internal static Check Total(Func<int, bool> ok) => async (r, _) =>
        ok((await r.ReadAsync<Page<object>>()).Total) ? null : "unexpected total";

    internal static Check FieldError(string field) => async (r, _) =>
        (await r.Content.ReadAsStringAsync()).Contains($"\"{field}\"", StringComparison.Ordinal) ? null : $"no error on {field}";

    /// <summary>
    /// Every static <c>Case[]</c> field of this class whose name ends in "Cases": each feature adds its
    /// rows in its own file (a partial of this class), and the coverage test sees them all.
    /// </summary>
    private static IReadOnlyList<Case> AllCases => typeof(RoleMatrixTests)
        .GetFields(System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public)
        .Where(f => f.FieldType == typeof(Case[]) && f.Name.EndsWith("Cases", StringComparison.Ordinal))
        .SelectMany(f => (Case[])f.GetValue(null)!).ToList();

    /// <summary>What each shipped role gets from the organisation, account, user, role and audit API: <c>in/out</c> per role (in scope / out of scope; <c>-</c>: no such call).</summary>
    internal static readonly string IdentityAndOrganizationExpected = """
        endpoint                                                        officer  legal_reviewer  agency_head  supervisor  administrator
        GET    /api/v1/organizations                                    200/200  200/200         200/200      200/200     200/200
        GET    /api/v1/organizations/tree                               200/404  200/404         200/404      200/404     200/404
        GET    /api/v1/organizations/{id:guid}                          200/404  200/404         200/404      200/404     200/404
        POST   /api/v1/organizations/regions                            403/403  403/403         403/403      403/403     201/400
        POST   /api/v1/organizations/bodies                             403/403  403/403         403/403      403/403     201/400
        POST   /api/v1/organizations/units                              403/403  403/403         403/403      403/403     201/400
        PUT    /api/v1/organizations/regions/{id:guid}                  403/403  403/403         403/403      403/403     200/404
        PUT    /api/v1/organizations/bodies/{id:guid}                   403/403  403/403         403/403      403/403     200/404
        PUT    /api/v1/organizations/units/{id:guid}                    403/403  403/403         403/403      403/403     200/404
        POST   /api/v1/organizations/{id:guid}/move                     403/403  403/403         403/403      403/403     200/404
        POST   /api/v1/organizations/{id:guid}/deactivate               403/403  403/403         403/403      403/403     200/404
        POST   /api/v1/organizations/{id:guid}/reactivate               403/403  403/403         403/403      403/403     200/404
        PUT    /api/v1/organizations/regions/{id:guid}/supervisor       403/403  403/403         403/403      403/403     200/404
        GET    /api/v1/auth/me                                          200/-    200/-           200/-        200/-       200/-
        GET    /api/v1/auth/tokens                                      200/-    200/-           200/-        200/-       200/-
        POST   /api/v1/auth/tokens                                      200/-    200/-           200/-        200/-       200/-
        DELETE /api/v1/auth/tokens/{id:guid}                            204/404  204/404         204/404      204/404     204/404
        POST   /api/v1/auth/password                                    400/-    400/-           400/-        400/-       400/-
        POST   /api/v1/auth/logout                                      204/-    204/-           204/-        204/-       204/-
        GET    /api/v1/users                                            403/403  403/403         403/403      403/403     200/200
        GET    /api/v1/users/{id:guid}                                  403/403  403/403         403/403      403/403     200/404
        POST   /api/v1/users                                            403/403  403/403         403/403      403/403     201/400
        PUT    /api/v1/users/{id:guid}                                  403/403  403/403         403/403      403/403     200/404
        POST   /api/v1/users/{id:guid}/reset-password                   403/403  403/403         403/403      403/403     200/404
        POST   /api/v1/users/{id:guid}/unlock                           403/403  403/403         403/403      403/403     200/404
        POST   /api/v1/users/{id:guid}/deactivate                       403/403  403/403         403/403      403/403     200/404
        POST   /api/v1/users/{id:guid}/activate                         403/403  403/403         403/403      403/403     200/404
        POST   /api/v1/users/{id:guid}/assignments                      403/403  403/403         403/403      403/403     200/404
        DELETE /api/v1/users/{id:guid}/assignments/{assignmentId:guid}  403/403  403/403         403/403      403/403     200/404
        GET    /api/v1/roles                                            403/-    403/-           403/-        403/-       200/-
        GET    /api/v1/roles/{id:guid}                                  403/403  403/403         403/403      403/403     200/404
        POST   /api/v1/roles                                            403/-    403/-           403/-        403/-       201/-
        PUT    /api/v1/roles/{id:guid}                                  403/403  403/403         403/403      403/403     200/404
        GET    /api/v1/roles/permissions                                403/-    403/-           403/-        403/-       200/-
        GET    /api/v1/audit                                            403/403  403/403         200/200      200/200     200/200
        GET    /api/v1/audit/export                                     403/403  403/403         200/200      200/200     200/200
        GET    /api/v1/audit/verify                                     403/-    403/-           403/-        200/-       200/-
        POST   /api/v1/audit/verify                                     403/-    403/-           403/-        200/-       200/-
        GET    /api/v1/audit/checkpoints                                403/-    403/-           403/-        200/-       200/-
        GET    /api/v1/login-log                                        403/403  403/403         200/200      200/200     200/200
        GET    /api/v1/login-log/export                                 403/403  403/403         200/200      200/200     200/200
        """;

    private static readonly Case[] IdentityAndOrganizationCases =
    [
        // Organisations
        new("GET /api/v1/organizations/",
            c => c.Client.GetAsync("/api/v1/organizations?pageSize=500&includeInactive=true"),
            c => c.Client.GetAsync("/api/v1/organizations?pageSize=500&includeInactive=true"),
            ListContains(c => c.Role.InOrg), ListLacks(c => c.Role.OutOrg)),
        new("GET /api/v1/organizations/tree",
            c => c.Client.GetAsync($"/api/v1/organizations/tree?rootId={c.Role.InOrg}"),
            c => c.Client.GetAsync($"/api/v1/organizations/tree?rootId={c.Role.OutOrg}")),
        new("GET /api/v1/organizations/{id:guid}",
            c => c.Client.GetAsync($"/api/v1/organizations/{c.Role.InOrg}"),
            c => c.Client.GetAsync($"/api/v1/organizations/{c.Role.OutOrg}")),
        new("POST /api/v1/organizations/regions",
            c => c.Client.PostJsonAsync("/api/v1/organizations/regions", new CreateRegionRequest("矩阵镇" + TestData.Next(), TestData.TownshipCode(), DemoData.Ids.Yuanping)),
            c => c.Client.PostJsonAsync("/api/v1/organizations/regions", new CreateRegionRequest("矩阵区" + TestData.Next(), "140902", DemoData.Ids.Xinzhou)),
            CheckOut: FieldError("parentId")),
        new("POST /api/v1/organizations/bodies",
            c => c.Client.PostJsonAsync("/api/v1/organizations/bodies", new CreateBodyRequest("矩阵局" + TestData.Next(), DemoData.Ids.Yuanping, TestData.CreditCode(), BodyKind.AdministrativeOrgan, Sector.Other, LegalStatus.GovernmentLegalPerson)),
            c => c.Client.PostJsonAsync("/api/v1/organizations/bodies", new CreateBodyRequest("矩阵局" + TestData.Next(), DemoData.Ids.Xinzhou, TestData.CreditCode(), BodyKind.AdministrativeOrgan, Sector.Other, LegalStatus.GovernmentLegalPerson)),
            CheckOut: FieldError("parentId")),
        new("POST /api/v1/organizations/units",
            c => c.Client.PostJsonAsync("/api/v1/organizations/units", new CreateUnitRequest("矩阵股" + TestData.Next(), c.Role.InOrg)),
            c => c.Client.PostJsonAsync("/api/v1/organizations/units", new CreateUnitRequest("矩阵股" + TestData.Next(), c.Role.OutOrg)),
            CheckOut: FieldError("parentId")),
        new("PUT /api/v1/organizations/regions/{id:guid}",
            async c => { var o = await OrgAsync(c, DemoData.Ids.Yuanping); return await c.Client.PutJsonAsync($"/api/v1/organizations/regions/{o.Id}", new UpdateRegionRequest(o.Name, o.RegionCode!, o.SortOrder)); },
            async c => { var o = await OrgAsync(c, DemoData.Ids.Xinzhou); return await c.Client.PutJsonAsync($"/api/v1/organizations/regions/{o.Id}", new UpdateRegionRequest(o.Name, o.RegionCode!, o.SortOrder)); }),
        new("PUT /api/v1/organizations/bodies/{id:guid}",
            async c => { var o = await OrgAsync(c, c.Role.InOrg); return await c.Client.PutJsonAsync($"/api/v1/organizations/bodies/{o.Id}", new UpdateBodyRequest(o.Name, o.CreditCode!, o.BodyKind!.Value, o.Sector!.Value, o.LegalStatus!.Value, o.EstablishmentBasis, o.RegionId, o.SortOrder)); },
            async c => { var o = await OrgAsync(c, c.Role.OutOrg); return await c.Client.PutJsonAsync($"/api/v1/organizations/bodies/{o.Id}", new UpdateBodyRequest(o.Name, o.CreditCode!, o.BodyKind!.Value, o.Sector!.Value, o.LegalStatus!.Value, o.EstablishmentBasis, o.RegionId, o.SortOrder)); }),
        new("PUT /api/v1/organizations/units/{id:guid}",
            async c => { var o = await OrgAsync(c, c.Role.InUnit); return await c.Client.PutJsonAsync($"/api/v1/organizations/units/{o.Id}", new UpdateUnitRequest(o.Name, o.Duties, o.SortOrder)); },
            async c => { var o = await OrgAsync(c, c.Role.OutUnit); return await c.Client.PutJsonAsync($"/api/v1/organizations/units/{o.Id}", new UpdateUnitRequest(o.Name, o.Duties, o.SortOrder)); }),
        new("POST /api/v1/organizations/{id:guid}/move",
            async c => await c.Client.PostJsonAsync($"/api/v1/organizations/{await FreshUnitAsync(c, c.Role.InOrg)}/move", new MoveRequest(c.Role.InUnit)),
            c => c.Client.PostJsonAsync($"/api/v1/organizations/{c.Role.OutUnit}/move", new MoveRequest(c.Role.OutOrg))),
        new("POST /api/v1/organizations/{id:guid}/deactivate",
            async c => await c.Client.PostAsync($"/api/v1/organizations/{await FreshUnitAsync(c, c.Role.InOrg)}/deactivate", null),
            c => c.Client.PostAsync($"/api/v1/organizations/{c.Role.OutUnit}/deactivate", null)),
        new("POST /api/v1/organizations/{id:guid}/reactivate",
            async c =>
            {
                var unit = await FreshUnitAsync(c, c.Role.InOrg);
                Assert.Equal(HttpStatusCode.OK, (await c.Admin.PostAsync($"/api/v1/organizations/{unit}/deactivate", null)).StatusCode);
                return await c.Client.PostAsync($"/api/v1/organizations/{unit}/reactivate", null);
            },
            c => c.Client.PostAsync($"/api/v1/organizations/{c.Role.OutUnit}/reactivate", null)),
        new("PUT /api/v1/organizations/regions/{id:guid}/supervisor",
            c => c.Client.PutJsonAsync($"/api/v1/organizations/regions/{DemoData.Ids.Yuanping}/supervisor", new SetSupervisorRequest(DemoData.Ids.YuanpingJustice)),
            c => c.Client.PutJsonAsync($"/api/v1/organizations/regions/{DemoData.Ids.Xinzhou}/supervisor", new SetSupervisorRequest(XinzhouJustice))),

        // Own account: every signed-in user
        new("GET /api/v1/auth/me", c => c.Client.GetAsync("/api/v1/auth/me"), null),
        new("GET /api/v1/auth/tokens", c => c.Client.GetAsync("/api/v1/auth/tokens"), null),
        new("POST /api/v1/auth/tokens", c => c.Client.PostJsonAsync("/api/v1/auth/tokens", new { name = "matrix" }), null),
        new("DELETE /api/v1/auth/tokens/{id:guid}",
            async c =>
            {
                var issued = await (await c.Client.PostJsonAsync("/api/v1/auth/tokens", new { name = "to-revoke" })).ReadAsync<IssuedToken>();
                return await c.Client.DeleteAsync($"/api/v1/auth/tokens/{issued.Id}");
            },
            async c =>
            {
                // Somebody else's token is not the caller's to revoke: it does not exist for them.
                var other = await (await c.Admin.PostJsonAsync("/api/v1/auth/tokens", new { name = "not-yours" })).ReadAsync<IssuedToken>();
                return await c.Client.DeleteAsync($"/api/v1/auth/tokens/{other.Id}");
            }),
        new("POST /api/v1/auth/password",
            c => c.Client.PostJsonAsync("/api/v1/auth/password", new ChangePasswordRequest("not-the-password", "Another#2026x")), null,
            CheckIn: FieldError("currentPassword")),
        new("POST /api/v1/auth/logout",
            async c =>
            {
                var client = c.App.Api();
                client.DefaultRequestHeaders.Authorization = new("Bearer", c.App.IssueToken(c.Role.User));
                var r = await client.PostAsync("/api/v1/auth/logout", null);
                Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/auth/me")).StatusCode);
                return r;
            }, null),

        // Users
        new("GET /api/v1/users/",
            c => c.Client.GetAsync("/api/v1/users?pageSize=500"), c => c.Client.GetAsync("/api/v1/users?pageSize=500"),
            async (r, c) => (await r.Content.ReadAsStringAsync()).Contains($"\"{c.Role.InUser}\"", StringComparison.Ordinal) ? null : "lacks in-scope user",
            async (r, c) => (await r.Content.ReadAsStringAsync()).Contains($"\"{c.Role.OutUser}\"", StringComparison.Ordinal) ? "shows out-of-scope user" : null),
        new("GET /api/v1/users/{id:guid}",
            async c => await c.Client.GetAsync($"/api/v1/users/{await UserIdAsync(c, c.Role.InUser)}"),
            async c => await c.Client.GetAsync($"/api/v1/users/{await UserIdAsync(c, c.Role.OutUser)}")),
        new("POST /api/v1/users/",
            c => c.Client.PostJsonAsync("/api/v1/users", new CreateUserRequest("n" + TestData.Next() + ".user", "新用户", c.Role.InOrg, "Init#2026a")),
            c => c.Client.PostJsonAsync("/api/v1/users", new CreateUserRequest("n" + TestData.Next() + ".user", "新用户", c.Role.OutOrg, "Init#2026a")),
            CheckOut: FieldError("organizationId")),
        new("PUT /api/v1/users/{id:guid}",
            async c => await c.Client.PutJsonAsync($"/api/v1/users/{await FreshUserAsync(c, c.Role.InOrg)}", new UpdateUserRequest("改名用户", c.Role.InOrg, "13800000000")),
            async c => await c.Client.PutJsonAsync($"/api/v1/users/{await UserIdAsync(c, c.Role.OutUser)}", new UpdateUserRequest("改名用户", c.Role.OutOrg))),
        new("POST /api/v1/users/{id:guid}/reset-password",
            async c => await c.Client.PostJsonAsync($"/api/v1/users/{await FreshUserAsync(c, c.Role.InOrg)}/reset-password", new ResetPasswordRequest("Reset#2026r")),
            async c => await c.Client.PostJsonAsync($"/api/v1/users/{await UserIdAsync(c, c.Role.OutUser)}/reset-password", new ResetPasswordRequest("Reset#2026r"))),
        new("POST /api/v1/users/{id:guid}/unlock",
            async c => await c.Client.PostAsync($"/api/v1/users/{await FreshUserAsync(c, c.Role.InOrg)}/unlock", null),
            async c => await c.Client.PostAsync($"/api/v1/users/{await UserIdAsync(c, c.Role.OutUser)}/unlock", null)),
        new("POST /api/v1/users/{id:guid}/deactivate",
            async c => await c.Client.PostAsync($"/api/v1/users/{await FreshUserAsync(c, c.Role.InOrg)}/deactivate", null),
            async c => await c.Client.PostAsync($"/api/v1/users/{await UserIdAsync(c, c.Role.OutUser)}/deactivate", null)),
        new("POST /api/v1/users/{id:guid}/activate",
            async c =>
            {
                // Only an inactive account is activated: activating an active one is refused (UserWorkflow).
                var id = await FreshUserAsync(c, c.Role.InOrg);
                Assert.Equal(HttpStatusCode.OK, (await c.Admin.PostAsync($"/api/v1/users/{id}/deactivate", null)).StatusCode);
                return await c.Client.PostAsync($"/api/v1/users/{id}/activate", null);
            },
            async c => await c.Client.PostAsync($"/api/v1/users/{await UserIdAsync(c, c.Role.OutUser)}/activate", null)),
        new("POST /api/v1/users/{id:guid}/assignments",
            async c => await c.Client.PostJsonAsync($"/api/v1/users/{await FreshUserAsync(c, c.Role.InOrg)}/assignments",
                new AssignRoleRequest(EnsureRoleTemplates.IdOf("officer"), c.Role.InOrg, DataScopeKind.Agency)),
            async c => await c.Client.PostJsonAsync($"/api/v1/users/{await UserIdAsync(c, c.Role.OutUser)}/assignments",
                new AssignRoleRequest(EnsureRoleTemplates.IdOf("officer"), c.Role.OutOrg, DataScopeKind.Agency))),
        new("DELETE /api/v1/users/{id:guid}/assignments/{assignmentId:guid}",
            async c =>
            {
                var user = await FreshUserAsync(c, c.Role.InOrg);
                var detail = await (await c.Admin.PostJsonAsync($"/api/v1/users/{user}/assignments",
                    new AssignRoleRequest(EnsureRoleTemplates.IdOf("officer"), c.Role.InOrg, DataScopeKind.Agency))).ReadAsync<UserDetailDto>();
                return await c.Client.DeleteAsync($"/api/v1/users/{user}/assignments/{detail.Assignments.Single().Id}");
            },
            async c =>
            {
                var user = await UserIdAsync(c, c.Role.OutUser);
                var detail = await c.Admin.GetFromJsonAsync<UserDetailDto>($"/api/v1/users/{user}", ZhifaApp.Json);
                return await c.Client.DeleteAsync($"/api/v1/users/{user}/assignments/{detail!.Assignments.First().Id}");
            }),

        // Roles: one catalogue for the whole deployment, so there is no out-of-scope role; an unknown id is 404.
        new("GET /api/v1/roles/", c => c.Client.GetAsync("/api/v1/roles"), null),
        new("GET /api/v1/roles/{id:guid}",
            c => c.Client.GetAsync($"/api/v1/roles/{EnsureRoleTemplates.IdOf("officer")}"),
            c => c.Client.GetAsync($"/api/v1/roles/{Guid.NewGuid()}")),
        new("POST /api/v1/roles/",
            c => c.Client.PostJsonAsync("/api/v1/roles", new SaveRoleRequest("matrix_" + TestData.Next(), "矩阵角色", null, DataScopeKind.Agency, ["org.read"])), null),
        new("PUT /api/v1/roles/{id:guid}",
            async c =>
            {
                var created = await (await c.Admin.PostJsonAsync("/api/v1/roles", new SaveRoleRequest("matrix_" + TestData.Next(), "矩阵角色", null, DataScopeKind.Agency, ["org.read"]))).ReadAsync<RoleDto>();
                return await c.Client.PutJsonAsync($"/api/v1/roles/{created.Id}", new SaveRoleRequest(created.Code, "改名角色", null, DataScopeKind.Unit, ["org.read", "personnel.read"]));
            },
            c => c.Client.PutJsonAsync($"/api/v1/roles/{Guid.NewGuid()}", new SaveRoleRequest("x_missing", "无此角色", null, DataScopeKind.Agency, ["org.read"]))),
        new("GET /api/v1/roles/permissions", c => c.Client.GetAsync("/api/v1/roles/permissions"), null),

        // Audit and login logs
        new("GET /api/v1/audit/",
            c => c.Client.GetAsync($"/api/v1/audit?entityId={c.Role.InOrg}"),
            c => c.Client.GetAsync($"/api/v1/audit?entityId={c.Role.OutOrg}"),
            Total(t => t >= 1), Total(t => t == 0)),
        new("GET /api/v1/audit/export",
            c => c.Client.GetAsync($"/api/v1/audit/export?entityId={c.Role.InOrg}"),
            c => c.Client.GetAsync($"/api/v1/audit/export?entityId={c.Role.OutOrg}"),
            ListContains(c => c.Role.InOrg), ListLacks(c => c.Role.OutOrg)),
        new("GET /api/v1/audit/verify", c => c.Client.GetAsync("/api/v1/audit/verify"), null),
        new("POST /api/v1/audit/verify", c => c.Client.PostJsonAsync("/api/v1/audit/verify", new { checkpoints = Array.Empty<object>() }), null),
        new("GET /api/v1/audit/checkpoints", c => c.Client.GetAsync("/api/v1/audit/checkpoints"), null),
        new("GET /api/v1/login-log/",
            c => c.Client.GetAsync($"/api/v1/login-log?userName={c.Role.InUser}"),
            c => c.Client.GetAsync($"/api/v1/login-log?userName={c.Role.OutUser}"),
            Total(t => t >= 1), Total(t => t == 0)),
        new("GET /api/v1/login-log/export",
            c => c.Client.GetAsync($"/api/v1/login-log/export?userName={c.Role.InUser}"),
            c => c.Client.GetAsync($"/api/v1/login-log/export?userName={c.Role.OutUser}"),
            async (r, c) => (await r.Content.ReadAsStringAsync()).Contains(c.Role.InUser, StringComparison.Ordinal) ? null : "export lacks in-scope sign-ins",
            async (r, c) => (await r.Content.ReadAsStringAsync()).Contains(c.Role.OutUser, StringComparison.Ordinal) ? "export shows out-of-scope sign-ins" : null),
    ];

    /// <summary>What one role must get from one endpoint: the status in scope and out of scope (null: no such call).</summary>
    internal sealed record Expected(HttpStatusCode? In, HttpStatusCode? Out);

    private static string Norm(string route) => route.TrimEnd('/');

    /// <summary>
    /// Every static string field of this class whose name ends in "Expected", read as a table: a header line
    /// <c>endpoint</c> followed by the role names, then one line per endpoint — method, route, and for each role
    /// <c>in/out</c>, the status on data in the role's scope and out of it, <c>-</c> where there is no such call.
    /// </summary>
    internal static IReadOnlyDictionary<string, IReadOnlyDictionary<string, Expected>> ExpectedTable
    {
        get
        {
            var table = new Dictionary<string, IReadOnlyDictionary<string, Expected>>(StringComparer.Ordinal);
            var tables = typeof(RoleMatrixTests)
                .GetFields(System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public)
                .Where(f => f.FieldType == typeof(string) && f.Name.EndsWith("Expected", StringComparison.Ordinal));
            foreach (var source in tables)
            {
                var lines = ((string)source.GetValue(null)!).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                var header = lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (header[0] != "endpoint" || !header.Skip(1).Order(StringComparer.Ordinal).SequenceEqual(Roles.Select(r => r.Role).Order(StringComparer.Ordinal)))
                    throw new InvalidOperationException($"{source.Name}: the header must be 'endpoint' and the shipped roles, not '{lines[0]}'");
                foreach (var line in lines.Skip(1))
                {
                    var cells = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    if (cells.Length != header.Length + 1)
                        throw new InvalidOperationException($"{source.Name}: '{line}' needs a method, a route and one in/out cell per role");
                    var route = Norm(cells[0] + " " + cells[1]);
                    var row = new Dictionary<string, Expected>(StringComparer.Ordinal);
                    for (var i = 1; i < header.Length; i++)
                        row[header[i]] = Cell(cells[i + 1], line);
                    if (!table.TryAdd(route, row))
                        throw new InvalidOperationException($"{source.Name}: {route} is listed twice");
                }
            }
            return table;

            static Expected Cell(string cell, string line)
            {
                var parts = cell.Split('/');
                if (parts.Length != 2)
                    throw new InvalidOperationException($"'{cell}' in '{line}' is not in/out");
                return new Expected(Status(parts[0]), Status(parts[1]));

                HttpStatusCode? Status(string s) => s == "-" ? null
                    : int.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code) && code is >= 200 and < 600
                        ? (HttpStatusCode)code
                        : throw new InvalidOperationException($"'{cell}' in '{line}' is not in/out");
            }
        }
    }

    [Fact]
    public void Matrix_CoversEveryApiEndpoint()
    {
        var mapped = EndpointAuthorizationTests.Endpoints(app)
            .Select(e => e.Route).Where(r => r.Contains(" /api/", StringComparison.Ordinal) && !EndpointAuthorizationTests.PublicRoutes(app).Contains(r))
            .Select(Norm).ToHashSet();
        var cases = AllCases.ToDictionary(c => Norm(c.Route));
        var expected = ExpectedTable;
        Assert.Empty(mapped.Except(expected.Keys));
        Assert.Empty(expected.Keys.Except(mapped));
        Assert.Empty(mapped.Except(cases.Keys));
        Assert.Empty(cases.Keys.Except(mapped));
        // An out-of-scope status is written exactly where the endpoint has an out-of-scope call.
        Assert.Empty(expected.SelectMany(row => row.Value.Where(role => (role.Value.Out is null) != (cases[row.Key].Out is null))
            .Select(role => $"{row.Key} {role.Key}: " + (role.Value.Out is null ? "has an out-of-scope call, the table no status" : "the table has an out-of-scope status, the endpoint no call"))));
    }

    [Theory]
    [MemberData(nameof(RoleNames))]
    public async Task EveryApiEndpoint_AnswersAsTheTableSays(string roleName)
    {
        var role = Roles.Single(r => r.Role == roleName);
        var expected = ExpectedTable;
        foreach (var user in new[] { role.InUser, role.OutUser })
            app.IssueToken(user);
        var ctx = new Ctx(app, app.ApiAs(role.User), app.ApiAs("admin"), role);
        var failures = new List<string>();
        var times = new List<(int Ms, string Route)>();
        foreach (var c in AllCases)
        {
            var row = expected[Norm(c.Route)][roleName];
            if (row.In is { } inStatus)
                await Expect(c, "in scope", c.In, inStatus, c.CheckIn);
            if (row.Out is { } outStatus && c.Out is not null)
                await Expect(c, "out of scope", c.Out, outStatus, c.CheckOut);
        }
        // A diagnosis aid: ZHIFA_MATRIX_TIMES=1 lists the slowest calls (as failures, so that the runner prints them).
        if (Environment.GetEnvironmentVariable("ZHIFA_MATRIX_TIMES") is not null)
            failures.AddRange(times.OrderByDescending(t => t.Ms).Take(25).Select(t => $"TIME {t.Ms} ms {t.Route}"));
        Assert.True(failures.Count == 0, $"{roleName}:\n" + string.Join("\n", failures));

        async Task Expect(Case c, string what, Call call, HttpStatusCode status, Check? check)
        {
            var sw = System.Diagnostics.Stopwatch.StartNew();
            var response = await call(ctx);
            times.Add(((int)sw.ElapsedMilliseconds, c.Route + " " + what));
            if (response.StatusCode != status)
                failures.Add($"{c.Route} {what}: expected {(int)status}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            else if (status != HttpStatusCode.Forbidden && check is not null && await check(response, ctx) is { } problem)
                failures.Add($"{c.Route} {what}: {problem}");
        }
    }
}

public sealed class RoleMatrixTests_Sqlite(SqliteApp fixture) : RoleMatrixTests(fixture.App), IClassFixture<SqliteApp>;

public sealed class RoleMatrixTests_Postgres(PostgresApp fixture) : RoleMatrixTests(fixture.App), IClassFixture<PostgresApp>;
