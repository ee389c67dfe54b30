using Zhifa.Core.Common;
using Zhifa.Core.Identity;
using Zhifa.Web.Common;

namespace Zhifa.Web.Identity;

/// <summary>Administration of users, their role assignments, and roles.</summary>
public static class UserEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var users = api.MapGroup("/users").WithTags("Users").RequirePermission(IdentityPermissions.AdminUsers);

        users.MapGet("/", async (IdentityQueries q, string? search, Guid? organizationId, string? sort, int? page, int? pageSize, CancellationToken ct) =>
                Results.Ok(await q.UsersAsync(new UserFilter(search, organizationId, true, page, pageSize, sort), ct)))
            .WithName("ListUsers").WithSummary("Users of the organisations in the caller's scope; phone numbers masked.").Produces<Page<UserDto>>();

        users.MapGet("/{id:guid}", async (Guid id, IdentityQueries q, HttpContext http, CancellationToken ct) => Answer(await q.UserAsync(id, ct), http))
            .WithName("GetUser").WithSummary("One user with their role assignments.").Produces<UserDetailDto>().ProducesProblem(404);

        users.MapPost("/", async (CreateUserRequest body, ManageUsers uc, IdentityQueries q, HttpContext http, CancellationToken ct) =>
            {
                var r = await uc.CreateAsync(body, ct);
                return r.IsSuccess ? Results.Created($"/api/v1/users/{r.Value}", (await q.UserAsync(r.Value, ct)).Value) : r.Error.ToProblem(http);
            })
            .WithName("CreateUser").WithSummary("Create a user with an initial password they must change at first sign-in.")
            .Produces<UserDetailDto>(201).ProducesValidationProblem().ProducesProblem(409);

        users.MapPut("/{id:guid}", async (Guid id, UpdateUserRequest body, ManageUsers uc, IdentityQueries q, HttpContext http, CancellationToken ct) =>
                await Then(uc.UpdateAsync(id, body, ct), q, http, ct))
            .WithName("UpdateUser").WithSummary("Edit a user's name, phone and organisation.").Produces<UserDetailDto>().ProducesValidationProblem().ProducesProblem(404);

        users.MapPost("/{id:guid}/reset-password", async (Guid id, ResetPasswordRequest body, ManageUsers uc, IdentityQueries q, HttpContext http, CancellationToken ct) =>
                await Then(uc.ResetPasswordAsync(id, body, ct), q, http, ct))
            .WithName("ResetUserPassword").WithSummary("Set a new initial password (to be changed at next sign-in) and unlock.").Produces<UserDetailDto>().ProducesValidationProblem().ProducesProblem(404);

        users.MapPost("/{id:guid}/unlock", async (Guid id, ManageUsers uc, IdentityQueries q, HttpContext http, CancellationToken ct) =>
                await Then(uc.UnlockAsync(id, ct), q, http, ct))
            .WithName("UnlockUser").WithSummary("Unlock an account locked by failed sign-ins.").Produces<UserDetailDto>().ProducesProblem(404);

        users.MapPost("/{id:guid}/deactivate", async (Guid id, ManageUsers uc, IdentityQueries q, HttpContext http, CancellationToken ct) =>
                await Then(uc.SetActiveAsync(id, false, ct), q, http, ct))
            .WithName("DeactivateUser").WithSummary("Stop a user from signing in; their sessions end.").Produces<UserDetailDto>().ProducesProblem(404).ProducesProblem(409);

        users.MapPost("/{id:guid}/activate", async (Guid id, ManageUsers uc, IdentityQueries q, HttpContext http, CancellationToken ct) =>
                await Then(uc.SetActiveAsync(id, true, ct), q, http, ct))
            .WithName("ActivateUser").WithSummary("Let a deactivated user sign in again.").Produces<UserDetailDto>().ProducesProblem(404).ProducesProblem(409);

        users.MapPost("/{id:guid}/assignments", async (Guid id, AssignRoleRequest body, ManageUsers uc, IdentityQueries q, HttpContext http, CancellationToken ct) =>
            {
                var r = await uc.AssignAsync(id, body, ct);
                return r.IsSuccess ? Results.Ok((await q.UserAsync(id, ct)).Value) : r.Error.ToProblem(http);
            })
            .WithName("AssignRole").WithSummary("Give a user a role in an organisation with a data scope.")
            .Produces<UserDetailDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        users.MapDelete("/{id:guid}/assignments/{assignmentId:guid}", async (Guid id, Guid assignmentId, ManageUsers uc, IdentityQueries q, HttpContext http, CancellationToken ct) =>
            {
                var r = await uc.UnassignAsync(id, assignmentId, ct);
                return r.IsSuccess ? Results.Ok((await q.UserAsync(id, ct)).Value) : r.Error.ToProblem(http);
            })
            .WithName("UnassignRole").WithSummary("Take a role assignment away.").Produces<UserDetailDto>().ProducesProblem(404);

        var roles = api.MapGroup("/roles").WithTags("Roles").RequirePermission(IdentityPermissions.AdminRoles);
        roles.MapGet("/", async (IdentityQueries q, CancellationToken ct) => Results.Ok(await q.RolesAsync(ct)))
            .WithName("ListRoles").WithSummary("The shipped role templates and the roles added here.").Produces<IReadOnlyList<RoleDto>>();
        roles.MapGet("/{id:guid}", async (Guid id, IdentityQueries q, HttpContext http, CancellationToken ct) => Answer(await q.RoleAsync(id, ct), http))
            .WithName("GetRole").WithSummary("One role.").Produces<RoleDto>().ProducesProblem(404);
        roles.MapPost("/", async (SaveRoleRequest body, ManageRoles uc, IdentityQueries q, HttpContext http, CancellationToken ct) =>
            {
                var r = await uc.CreateAsync(body, ct);
                return r.IsSuccess ? Results.Created($"/api/v1/roles/{r.Value}", (await q.RoleAsync(r.Value, ct)).Value) : r.Error.ToProblem(http);
            })
            .WithName("CreateRole").WithSummary("Add a role: a named set of permission codes.").Produces<RoleDto>(201).ProducesValidationProblem().ProducesProblem(409);
        roles.MapPut("/{id:guid}", async (Guid id, SaveRoleRequest body, ManageRoles uc, IdentityQueries q, HttpContext http, CancellationToken ct) =>
            {
                var r = await uc.UpdateAsync(id, body, ct);
                return r.IsSuccess ? Results.Ok((await q.RoleAsync(r.Value, ct)).Value) : r.Error.ToProblem(http);
            })
            .WithName("UpdateRole").WithSummary("Edit a role added here (templates stay as shipped).").Produces<RoleDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        roles.MapGet("/permissions", () => Results.Ok(Permissions.All))
            .WithName("ListPermissions").WithSummary("Every permission code.").Produces<IReadOnlyList<string>>();
    }

    private static IResult Answer<T>(Result<T> result, HttpContext http) => result.ToResult(http);

    private static Task<IResult> Then(Task<Result<Guid>> action, IdentityQueries q, HttpContext http, CancellationToken ct) =>
        action.ThenOk(id => q.UserAsync(id, ct), http);
}
