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
/// outside it: no permission → 403; permission and in scope → the endpoint's success; out of scope
/// → 404 for an id in the route (400 naming the field for an id in the body), absent from lists.
/// </summary>
public abstract partial class RoleMatrixTests(ZhifaApp app)
{
    public sealed record RoleUnderTest(string Role, string User, Guid InOrg, Guid OutOrg, Guid InUnit, Guid OutUnit, string InUser, string OutUser);

    private static readonly Guid XinzhouJustice = DemoData.Ids.Body("忻州市司法局");

    public static readonly IReadOnlyList<RoleUnderTest> Roles =
    [
        new(RoleTemplates.Officer, "yp.market.officer", DemoData.Ids.YuanpingMarket, DemoData.Ids.YuanpingTransport,
            DemoData.Ids.Unit("原平市市场监督管理局", "办公室"), DemoData.Ids.Unit("原平市交通运输局", "办公室"), "yp.market.officer", "yp.transport.officer"),
        new(RoleTemplates.LegalReviewer, "yp.market.reviewer", DemoData.Ids.YuanpingMarket, DemoData.Ids.YuanpingTransport,
            DemoData.Ids.Unit("原平市市场监督管理局", "办公室"), DemoData.Ids.Unit("原平市交通运输局", "办公室"), "yp.market.officer", "yp.transport.officer"),
        new(RoleTemplates.AgencyHead, "yp.market.head", DemoData.Ids.Body("原平市市场监督管理局崞阳市场监督管理所"), DemoData.Ids.YuanpingTransport,
            DemoData.Ids.Unit("原平市市场监督管理局", "办公室"), DemoData.Ids.Unit("原平市交通运输局", "办公室"), "yp.market.officer", "yp.transport.officer"),
        new(RoleTemplates.Supervisor, "yp.supervisor", DemoData.Ids.YuanpingTransport, XinzhouJustice,
            DemoData.Ids.Unit("原平市交通运输局", "办公室"), DemoData.Ids.Unit("忻州市司法局", "办公室"), "yp.transport.officer", "xz.supervisor"),
        new(RoleTemplates.Administrator, "yp.admin", DemoData.Ids.YuanpingTransport, XinzhouJustice,
            DemoData.Ids.Unit("原平市交通运输局", "办公室"), DemoData.Ids.Unit("忻州市司法局", "办公室"), "yp.transport.officer", "xz.supervisor"),
    ];

    public static TheoryData<string> RoleNames => new(Roles.Select(r => r.Role));

    internal sealed record Ctx(ZhifaApp App, HttpClient Client, HttpClient Admin, RoleUnderTest Role);

    internal delegate Task<HttpResponseMessage> Call(Ctx c);

    internal delegate Task<string?> Check(HttpResponseMessage response, Ctx c);

    /// <summary>One row per endpoint: its permission, the in-scope and out-of-scope calls, and what each must answer.</summary>
    /// <param name="InScopeFor">Whether the role's scope holds any data for this endpoint at all (a region's exams are not an agency's); null means yes.</param>
    internal sealed record Case(string Route, string? Permission, Call In, HttpStatusCode InStatus, Call? Out, HttpStatusCode OutStatus,
        Check? CheckIn = null, Check? CheckOut = null, Func<RoleUnderTest, bool>? InScopeFor = null);

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

    private static readonly Case[] IdentityAndOrganizationCases =
    [
        // Organisations
        new("GET /api/v1/organizations/", Permissions.OrgRead,
            c => c.Client.GetAsync("/api/v1/organizations?pageSize=500&includeInactive=true"), HttpStatusCode.OK,
            c => c.Client.GetAsync("/api/v1/organizations?pageSize=500&includeInactive=true"), HttpStatusCode.OK,
            ListContains(c => c.Role.InOrg), ListLacks(c => c.Role.OutOrg)),
        new("GET /api/v1/organizations/tree", Permissions.OrgRead,
            c => c.Client.GetAsync($"/api/v1/organizations/tree?rootId={c.Role.InOrg}"), HttpStatusCode.OK,
            c => c.Client.GetAsync($"/api/v1/organizations/tree?rootId={c.Role.OutOrg}"), HttpStatusCode.NotFound),
        new("GET /api/v1/organizations/{id:guid}", Permissions.OrgRead,
            c => c.Client.GetAsync($"/api/v1/organizations/{c.Role.InOrg}"), HttpStatusCode.OK,
            c => c.Client.GetAsync($"/api/v1/organizations/{c.Role.OutOrg}"), HttpStatusCode.NotFound),
        new("POST /api/v1/organizations/regions", Permissions.OrgManage,
            c => c.Client.PostJsonAsync("/api/v1/organizations/regions", new CreateRegionRequest("矩阵镇" + TestData.Next(), TestData.TownshipCode(), DemoData.Ids.Yuanping)), HttpStatusCode.Created,
            c => c.Client.PostJsonAsync("/api/v1/organizations/regions", new CreateRegionRequest("矩阵区" + TestData.Next(), "140902", DemoData.Ids.Xinzhou)), HttpStatusCode.BadRequest,
            CheckOut: FieldError("parentId")),
        new("POST /api/v1/organizations/bodies", Permissions.OrgManage,
            c => c.Client.PostJsonAsync("/api/v1/organizations/bodies", new CreateBodyRequest("矩阵局" + TestData.Next(), DemoData.Ids.Yuanping, TestData.CreditCode(), BodyKind.AdministrativeOrgan, Sector.Other, LegalStatus.GovernmentLegalPerson)), HttpStatusCode.Created,
            c => c.Client.PostJsonAsync("/api/v1/organizations/bodies", new CreateBodyRequest("矩阵局" + TestData.Next(), DemoData.Ids.Xinzhou, TestData.CreditCode(), BodyKind.AdministrativeOrgan, Sector.Other, LegalStatus.GovernmentLegalPerson)), HttpStatusCode.BadRequest,
            CheckOut: FieldError("parentId")),
        new("POST /api/v1/organizations/units", Permissions.OrgManage,
            c => c.Client.PostJsonAsync("/api/v1/organizations/units", new CreateUnitRequest("矩阵股" + TestData.Next(), c.Role.InOrg)), HttpStatusCode.Created,
            c => c.Client.PostJsonAsync("/api/v1/organizations/units", new CreateUnitRequest("矩阵股" + TestData.Next(), c.Role.OutOrg)), HttpStatusCode.BadRequest,
            CheckOut: FieldError("parentId")),
        new("PUT /api/v1/organizations/regions/{id:guid}", Permissions.OrgManage,
            async c => { var o = await OrgAsync(c, DemoData.Ids.Yuanping); return await c.Client.PutJsonAsync($"/api/v1/organizations/regions/{o.Id}", new UpdateRegionRequest(o.Name, o.RegionCode!, o.SortOrder)); }, HttpStatusCode.OK,
            async c => { var o = await OrgAsync(c, DemoData.Ids.Xinzhou); return await c.Client.PutJsonAsync($"/api/v1/organizations/regions/{o.Id}", new UpdateRegionRequest(o.Name, o.RegionCode!, o.SortOrder)); }, HttpStatusCode.NotFound),
        new("PUT /api/v1/organizations/bodies/{id:guid}", Permissions.OrgManage,
            async c => { var o = await OrgAsync(c, c.Role.InOrg); return await c.Client.PutJsonAsync($"/api/v1/organizations/bodies/{o.Id}", new UpdateBodyRequest(o.Name, o.CreditCode!, o.BodyKind!.Value, o.Sector!.Value, o.LegalStatus!.Value, o.EstablishmentBasis, o.RegionId, o.SortOrder)); }, HttpStatusCode.OK,
            async c => { var o = await OrgAsync(c, c.Role.OutOrg); return await c.Client.PutJsonAsync($"/api/v1/organizations/bodies/{o.Id}", new UpdateBodyRequest(o.Name, o.CreditCode!, o.BodyKind!.Value, o.Sector!.Value, o.LegalStatus!.Value, o.EstablishmentBasis, o.RegionId, o.SortOrder)); }, HttpStatusCode.NotFound),
        new("PUT /api/v1/organizations/units/{id:guid}", Permissions.OrgManage,
            async c => { var o = await OrgAsync(c, c.Role.InUnit); return await c.Client.PutJsonAsync($"/api/v1/organizations/units/{o.Id}", new UpdateUnitRequest(o.Name, o.Duties, o.SortOrder)); }, HttpStatusCode.OK,
            async c => { var o = await OrgAsync(c, c.Role.OutUnit); return await c.Client.PutJsonAsync($"/api/v1/organizations/units/{o.Id}", new UpdateUnitRequest(o.Name, o.Duties, o.SortOrder)); }, HttpStatusCode.NotFound),
        new("POST /api/v1/organizations/{id:guid}/move", Permissions.OrgManage,
            async c => await c.Client.PostJsonAsync($"/api/v1/organizations/{await FreshUnitAsync(c, c.Role.InOrg)}/move", new MoveRequest(c.Role.InUnit)), HttpStatusCode.OK,
            c => c.Client.PostJsonAsync($"/api/v1/organizations/{c.Role.OutUnit}/move", new MoveRequest(c.Role.OutOrg)), HttpStatusCode.NotFound),
        new("POST /api/v1/organizations/{id:guid}/deactivate", Permissions.OrgManage,
            async c => await c.Client.PostAsync($"/api/v1/organizations/{await FreshUnitAsync(c, c.Role.InOrg)}/deactivate", null), HttpStatusCode.OK,
            c => c.Client.PostAsync($"/api/v1/organizations/{c.Role.OutUnit}/deactivate", null), HttpStatusCode.NotFound),
        new("POST /api/v1/organizations/{id:guid}/reactivate", Permissions.OrgManage,
            async c =>
            {
                var unit = await FreshUnitAsync(c, c.Role.InOrg);
                Assert.Equal(HttpStatusCode.OK, (await c.Admin.PostAsync($"/api/v1/organizations/{unit}/deactivate", null)).StatusCode);
                return await c.Client.PostAsync($"/api/v1/organizations/{unit}/reactivate", null);
            }, HttpStatusCode.OK,
            c => c.Client.PostAsync($"/api/v1/organizations/{c.Role.OutUnit}/reactivate", null), HttpStatusCode.NotFound),
        new("PUT /api/v1/organizations/regions/{id:guid}/supervisor", Permissions.OrgManage,
            c => c.Client.PutJsonAsync($"/api/v1/organizations/regions/{DemoData.Ids.Yuanping}/supervisor", new SetSupervisorRequest(DemoData.Ids.YuanpingJustice)), HttpStatusCode.OK,
            c => c.Client.PutJsonAsync($"/api/v1/organizations/regions/{DemoData.Ids.Xinzhou}/supervisor", new SetSupervisorRequest(XinzhouJustice)), HttpStatusCode.NotFound),

        // Own account: every signed-in user
        new("GET /api/v1/auth/me", null, c => c.Client.GetAsync("/api/v1/auth/me"), HttpStatusCode.OK, null, default),
        new("GET /api/v1/auth/tokens", null, c => c.Client.GetAsync("/api/v1/auth/tokens"), HttpStatusCode.OK, null, default),
        new("POST /api/v1/auth/tokens", null, c => c.Client.PostJsonAsync("/api/v1/auth/tokens", new { name = "matrix" }), HttpStatusCode.OK, null, default),
        new("DELETE /api/v1/auth/tokens/{id:guid}", null,
            async c =>
            {
                var issued = await (await c.Client.PostJsonAsync("/api/v1/auth/tokens", new { name = "to-revoke" })).ReadAsync<IssuedToken>();
                return await c.Client.DeleteAsync($"/api/v1/auth/tokens/{issued.Id}");
            }, HttpStatusCode.NoContent,
            async c =>
            {
                // Somebody else's token is not the caller's to revoke: it does not exist for them.
                var other = await (await c.Admin.PostJsonAsync("/api/v1/auth/tokens", new { name = "not-yours" })).ReadAsync<IssuedToken>();
                return await c.Client.DeleteAsync($"/api/v1/auth/tokens/{other.Id}");
            }, HttpStatusCode.NotFound),
        new("POST /api/v1/auth/password", null,
            c => c.Client.PostJsonAsync("/api/v1/auth/password", new ChangePasswordRequest("not-the-password", "Another#2026x")), HttpStatusCode.BadRequest, null, default,
            CheckIn: FieldError("currentPassword")),
        new("POST /api/v1/auth/logout", null,
            async c =>
            {
                var client = c.App.Api();
                client.DefaultRequestHeaders.Authorization = new("Bearer", c.App.IssueToken(c.Role.User));
                var r = await client.PostAsync("/api/v1/auth/logout", null);
                Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/auth/me")).StatusCode);
                return r;
            }, HttpStatusCode.NoContent, null, default),

        // Users
        new("GET /api/v1/users/", Permissions.AdminUsers,
            c => c.Client.GetAsync("/api/v1/users?pageSize=500"), HttpStatusCode.OK, c => c.Client.GetAsync("/api/v1/users?pageSize=500"), HttpStatusCode.OK,
            async (r, c) => (await r.Content.ReadAsStringAsync()).Contains($"\"{c.Role.InUser}\"", StringComparison.Ordinal) ? null : "lacks in-scope user",
            async (r, c) => (await r.Content.ReadAsStringAsync()).Contains($"\"{c.Role.OutUser}\"", StringComparison.Ordinal) ? "shows out-of-scope user" : null),
        new("GET /api/v1/users/{id:guid}", Permissions.AdminUsers,
            async c => await c.Client.GetAsync($"/api/v1/users/{await UserIdAsync(c, c.Role.InUser)}"), HttpStatusCode.OK,
            async c => await c.Client.GetAsync($"/api/v1/users/{await UserIdAsync(c, c.Role.OutUser)}"), HttpStatusCode.NotFound),
        new("POST /api/v1/users/", Permissions.AdminUsers,
            c => c.Client.PostJsonAsync("/api/v1/users", new CreateUserRequest("n" + TestData.Next() + ".user", "新用户", c.Role.InOrg, "Init#2026a")), HttpStatusCode.Created,
            c => c.Client.PostJsonAsync("/api/v1/users", new CreateUserRequest("n" + TestData.Next() + ".user", "新用户", c.Role.OutOrg, "Init#2026a")), HttpStatusCode.BadRequest,
            CheckOut: FieldError("organizationId")),
        new("PUT /api/v1/users/{id:guid}", Permissions.AdminUsers,
            async c => await c.Client.PutJsonAsync($"/api/v1/users/{await FreshUserAsync(c, c.Role.InOrg)}", new UpdateUserRequest("改名用户", c.Role.InOrg, "13800000000")), HttpStatusCode.OK,
            async c => await c.Client.PutJsonAsync($"/api/v1/users/{await UserIdAsync(c, c.Role.OutUser)}", new UpdateUserRequest("改名用户", c.Role.OutOrg)), HttpStatusCode.NotFound),
        new("POST /api/v1/users/{id:guid}/reset-password", Permissions.AdminUsers,
            async c => await c.Client.PostJsonAsync($"/api/v1/users/{await FreshUserAsync(c, c.Role.InOrg)}/reset-password", new ResetPasswordRequest("Reset#2026r")), HttpStatusCode.OK,
            async c => await c.Client.PostJsonAsync($"/api/v1/users/{await UserIdAsync(c, c.Role.OutUser)}/reset-password", new ResetPasswordRequest("Reset#2026r")), HttpStatusCode.NotFound),
        new("POST /api/v1/users/{id:guid}/unlock", Permissions.AdminUsers,
            async c => await c.Client.PostAsync($"/api/v1/users/{await FreshUserAsync(c, c.Role.InOrg)}/unlock", null), HttpStatusCode.OK,
            async c => await c.Client.PostAsync($"/api/v1/users/{await UserIdAsync(c, c.Role.OutUser)}/unlock", null), HttpStatusCode.NotFound),
        new("POST /api/v1/users/{id:guid}/deactivate", Permissions.AdminUsers,
            async c => await c.Client.PostAsync($"/api/v1/users/{await FreshUserAsync(c, c.Role.InOrg)}/deactivate", null), HttpStatusCode.OK,
            async c => await c.Client.PostAsync($"/api/v1/users/{await UserIdAsync(c, c.Role.OutUser)}/deactivate", null), HttpStatusCode.NotFound),
        new("POST /api/v1/users/{id:guid}/activate", Permissions.AdminUsers,
            async c =>
            {
                // Only an inactive account is activated: activating an active one is refused (UserWorkflow).
                var id = await FreshUserAsync(c, c.Role.InOrg);
                Assert.Equal(HttpStatusCode.OK, (await c.Admin.PostAsync($"/api/v1/users/{id}/deactivate", null)).StatusCode);
                return await c.Client.PostAsync($"/api/v1/users/{id}/activate", null);
            }, HttpStatusCode.OK,
            async c => await c.Client.PostAsync($"/api/v1/users/{await UserIdAsync(c, c.Role.OutUser)}/activate", null), HttpStatusCode.NotFound),
        new("POST /api/v1/users/{id:guid}/assignments", Permissions.AdminUsers,
            async c => await c.Client.PostJsonAsync($"/api/v1/users/{await FreshUserAsync(c, c.Role.InOrg)}/assignments",
                new AssignRoleRequest(EnsureRoleTemplates.IdOf(RoleTemplates.Officer), c.Role.InOrg, DataScopeKind.Agency)), HttpStatusCode.OK,
            async c => await c.Client.PostJsonAsync($"/api/v1/users/{await UserIdAsync(c, c.Role.OutUser)}/assignments",
                new AssignRoleRequest(EnsureRoleTemplates.IdOf(RoleTemplates.Officer), c.Role.OutOrg, DataScopeKind.Agency)), HttpStatusCode.NotFound),
        new("DELETE /api/v1/users/{id:guid}/assignments/{assignmentId:guid}", Permissions.AdminUsers,
            async c =>
            {
                var user = await FreshUserAsync(c, c.Role.InOrg);
                var detail = await (await c.Admin.PostJsonAsync($"/api/v1/users/{user}/assignments",
                    new AssignRoleRequest(EnsureRoleTemplates.IdOf(RoleTemplates.Officer), c.Role.InOrg, DataScopeKind.Agency))).ReadAsync<UserDetailDto>();
                return await c.Client.DeleteAsync($"/api/v1/users/{user}/assignments/{detail.Assignments.Single().Id}");
            }, HttpStatusCode.OK,
            async c =>
            {
                var user = await UserIdAsync(c, c.Role.OutUser);
                var detail = await c.Admin.GetFromJsonAsync<UserDetailDto>($"/api/v1/users/{user}", ZhifaApp.Json);
                return await c.Client.DeleteAsync($"/api/v1/users/{user}/assignments/{detail!.Assignments.First().Id}");
            }, HttpStatusCode.NotFound),

        // Roles: one catalogue for the whole deployment, so there is no out-of-scope role; an unknown id is 404.
        new("GET /api/v1/roles/", Permissions.AdminRoles, c => c.Client.GetAsync("/api/v1/roles"), HttpStatusCode.OK, null, default),
        new("GET /api/v1/roles/{id:guid}", Permissions.AdminRoles,
            c => c.Client.GetAsync($"/api/v1/roles/{EnsureRoleTemplates.IdOf(RoleTemplates.Officer)}"), HttpStatusCode.OK,
            c => c.Client.GetAsync($"/api/v1/roles/{Guid.NewGuid()}"), HttpStatusCode.NotFound),
        new("POST /api/v1/roles/", Permissions.AdminRoles,
            c => c.Client.PostJsonAsync("/api/v1/roles", new SaveRoleRequest("matrix_" + TestData.Next(), "矩阵角色", null, DataScopeKind.Agency, [Permissions.OrgRead])), HttpStatusCode.Created, null, default),
        new("PUT /api/v1/roles/{id:guid}", Permissions.AdminRoles,
            async c =>
            {
                var created = await (await c.Admin.PostJsonAsync("/api/v1/roles", new SaveRoleRequest("matrix_" + TestData.Next(), "矩阵角色", null, DataScopeKind.Agency, [Permissions.OrgRead]))).ReadAsync<RoleDto>();
                return await c.Client.PutJsonAsync($"/api/v1/roles/{created.Id}", new SaveRoleRequest(created.Code, "改名角色", null, DataScopeKind.Unit, [Permissions.OrgRead, Permissions.PersonnelRead]));
            }, HttpStatusCode.OK,
            c => c.Client.PutJsonAsync($"/api/v1/roles/{Guid.NewGuid()}", new SaveRoleRequest("x_missing", "无此角色", null, DataScopeKind.Agency, [Permissions.OrgRead])), HttpStatusCode.NotFound),
        new("GET /api/v1/roles/permissions", Permissions.AdminRoles, c => c.Client.GetAsync("/api/v1/roles/permissions"), HttpStatusCode.OK, null, default),

        // Audit and login logs
        new("GET /api/v1/audit/", Permissions.AuditRead,
            c => c.Client.GetAsync($"/api/v1/audit?entityId={c.Role.InOrg}"), HttpStatusCode.OK,
            c => c.Client.GetAsync($"/api/v1/audit?entityId={c.Role.OutOrg}"), HttpStatusCode.OK,
            Total(t => t >= 1), Total(t => t == 0)),
        new("GET /api/v1/audit/export", Permissions.AuditRead,
            c => c.Client.GetAsync($"/api/v1/audit/export?entityId={c.Role.InOrg}"), HttpStatusCode.OK,
            c => c.Client.GetAsync($"/api/v1/audit/export?entityId={c.Role.OutOrg}"), HttpStatusCode.OK,
            ListContains(c => c.Role.InOrg), ListLacks(c => c.Role.OutOrg)),
        new("GET /api/v1/audit/verify", Permissions.AuditVerify, c => c.Client.GetAsync("/api/v1/audit/verify"), HttpStatusCode.OK, null, default),
        new("GET /api/v1/login-log/", Permissions.AuditRead,
            c => c.Client.GetAsync($"/api/v1/login-log?userName={c.Role.InUser}"), HttpStatusCode.OK,
            c => c.Client.GetAsync($"/api/v1/login-log?userName={c.Role.OutUser}"), HttpStatusCode.OK,
            Total(t => t >= 1), Total(t => t == 0)),
        new("GET /api/v1/login-log/export", Permissions.AuditRead,
            c => c.Client.GetAsync($"/api/v1/login-log/export?userName={c.Role.InUser}"), HttpStatusCode.OK,
            c => c.Client.GetAsync($"/api/v1/login-log/export?userName={c.Role.OutUser}"), HttpStatusCode.OK,
            async (r, c) => (await r.Content.ReadAsStringAsync()).Contains(c.Role.InUser, StringComparison.Ordinal) ? null : "export lacks in-scope sign-ins",
            async (r, c) => (await r.Content.ReadAsStringAsync()).Contains(c.Role.OutUser, StringComparison.Ordinal) ? "export shows out-of-scope sign-ins" : null),
    ];

    [Fact]
    public void Matrix_CoversEveryApiEndpoint()
    {
        static string Norm(string r) => r.TrimEnd('/');
        var mapped = EndpointAuthorizationTests.Endpoints(app)
            .Select(e => e.Route).Where(r => r.Contains(" /api/", StringComparison.Ordinal) && !EndpointAuthorizationTests.PublicRoutes.Contains(r))
            .Select(Norm).ToHashSet();
        var covered = AllCases.Select(c => Norm(c.Route)).ToHashSet();
        Assert.Empty(mapped.Except(covered));
        Assert.Empty(covered.Except(mapped));
    }

    [Theory]
    [MemberData(nameof(RoleNames))]
    public async Task EveryApiEndpoint_AnswersAsTheRoleAllows(string roleName)
    {
        var role = Roles.Single(r => r.Role == roleName);
        var permissions = RoleTemplates.All.Single(t => t.Code == roleName).Permissions;
        foreach (var user in new[] { role.InUser, role.OutUser })
            app.IssueToken(user);
        var ctx = new Ctx(app, app.ApiAs(role.User), app.ApiAs("admin"), role);
        var failures = new List<string>();
        foreach (var c in AllCases)
        {
            var allowed = c.Permission is null || permissions.Contains(c.Permission);
            if (!allowed || c.InScopeFor?.Invoke(role) != false)
                await Expect(c, "in scope", c.In, allowed ? c.InStatus : HttpStatusCode.Forbidden, allowed ? c.CheckIn : null);
            if (c.Out is not null)
                await Expect(c, "out of scope", c.Out, allowed ? c.OutStatus : HttpStatusCode.Forbidden, allowed ? c.CheckOut : null);
        }
        Assert.True(failures.Count == 0, $"{roleName}:\n" + string.Join("\n", failures));

        async Task Expect(Case c, string what, Call call, HttpStatusCode expected, Check? check)
        {
            var response = await call(ctx);
            if (response.StatusCode != expected)
                failures.Add($"{c.Route} {what}: expected {(int)expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            else if (check is not null && await check(response, ctx) is { } problem)
                failures.Add($"{c.Route} {what}: {problem}");
        }
    }
}

public sealed class RoleMatrixTests_Sqlite(SqliteApp fixture) : RoleMatrixTests(fixture.App), IClassFixture<SqliteApp>;

public sealed class RoleMatrixTests_Postgres(PostgresApp fixture) : RoleMatrixTests(fixture.App), IClassFixture<PostgresApp>;
