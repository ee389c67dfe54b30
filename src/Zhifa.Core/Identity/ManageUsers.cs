using System.ComponentModel.DataAnnotations;
using Zhifa.Core.Personnel;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Common;
using Zhifa.Core.Data;
using Zhifa.Core.Organizations;

namespace Zhifa.Core.Identity;

/// <param name="OfficerId">The person's record in the officer registry, for enforcement staff: an officer of the user's own body.</param>
public sealed record CreateUserRequest(
    [MaxLength(User.MaxUserNameLength)] string UserName, [MaxLength(User.MaxFullNameLength)] string FullName, Guid OrganizationId,
    [MaxLength(SecurityOptions.PasswordMaxLength)] string InitialPassword, [MaxLength(User.MaxPhoneLength)] string? Phone = null, Guid? OfficerId = null);

/// <param name="OfficerId">Replaces the link to the officer registry; null removes it.</param>
/// <param name="Phone">A new number; absent or empty keeps the stored one (reads show it masked, so a read-and-write-back loses nothing).</param>
/// <param name="ClearPhone">Removes the stored number.</param>
public sealed record UpdateUserRequest(
    [MaxLength(User.MaxFullNameLength)] string FullName, Guid OrganizationId, [MaxLength(User.MaxPhoneLength)] string? Phone = null, Guid? OfficerId = null,
    bool ClearPhone = false);

public sealed record ResetPasswordRequest([MaxLength(SecurityOptions.PasswordMaxLength)] string InitialPassword);

public sealed record AssignRoleRequest(Guid RoleId, Guid OrganizationId, DataScopeKind Scope, [MaxLength(500)] IReadOnlyList<Guid>? CustomOrganizationIds = null);

/// <summary>
/// Administrators manage the users of the organisations their <c>admin.users</c> scope reaches. A user
/// outside it answers not found; an administrator cannot grant more than they hold themselves.
/// </summary>
public sealed class ManageUsers(ZhifaDbContext db, PasswordHasher hasher, SecurityOptions options, TimeProvider clock)
{
    private readonly ActorContext _actor = db.Actor;

    public async Task<Result<Guid>> CreateAsync(CreateUserRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationBuilder();
        var name = User.Normalize(request.UserName);
        if (name.Length is < 3 or > User.MaxUserNameLength || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
            errors.Add(IdentityErrors.UserNameInvalid());
        if (string.IsNullOrWhiteSpace(request.FullName) || request.FullName.Trim().Length > 50)
            errors.Add(IdentityErrors.FullNameRequired());
        errors.Add(PhoneError(request.Phone));
        errors.Add(options.CheckPassword(request.InitialPassword, name, "initialPassword"));
        var org = request.OrganizationId == Guid.Empty ? null : await ManagedOrganizationAsync(request.OrganizationId, ct);
        if (request.OrganizationId == Guid.Empty)
            errors.Add(CommonErrors.FieldRequired("organizationId"));
        else if (org is null)
            errors.Add(OrganizationErrors.UnknownOrganization(field: "organizationId"));
        else if (await OfficerProblemAsync(request.OfficerId, org, null, ct) is { } officerProblem)
        {
            if (officerProblem is not ValidationError invalid)
                return officerProblem;
            errors.Add(invalid);
        }
        if (errors.Build() is { } invalidFields)
            return invalidFields;
        if (await db.Users.Unscoped("user names are unique across the whole database").AnyAsync(u => u.UserName == name, ct))
            return IdentityErrors.UserNameTaken(name);

        var now = clock.GetUtcNow().UtcDateTime;
        var user = new User(Guid.CreateVersion7(now), name, request.FullName.Trim(), org!.Id, hasher.Hash(request.InitialPassword), mustChangePassword: true, now);
        user.UpdateProfile(user.FullName, NormalizePhone(request.Phone), org.Id, now);
        user.LinkOfficer(request.OfficerId, now);
        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
        return user.Id;
    }

    public async Task<Result<Guid>> UpdateAsync(Guid id, UpdateUserRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = await ManagedUserAsync(id, ct);
        if (user is null)
            return IdentityErrors.UserNotFound();
        // Every wrong field in one answer.
        var errors = new ValidationBuilder();
        if (string.IsNullOrWhiteSpace(request.FullName) || request.FullName.Trim().Length > 50)
            errors.Add(IdentityErrors.FullNameRequired());
        errors.Add(PhoneError(request.Phone));
        var org = request.OrganizationId == Guid.Empty ? null : await ManagedOrganizationAsync(request.OrganizationId, ct);
        if (request.OrganizationId == Guid.Empty)
            errors.Add(CommonErrors.FieldRequired("organizationId"));
        else if (org is null)
            errors.Add(OrganizationErrors.UnknownOrganization(field: "organizationId"));
        if (errors.Build() is { } invalid)
            return invalid;
        if (org is null)
            throw new InvalidOperationException("The organisation was checked above.");
        if (await OfficerProblemAsync(request.OfficerId, org, user.Id, ct) is { } officerProblem)
            return officerProblem;
        var now = clock.GetUtcNow().UtcDateTime;
        var phone = !string.IsNullOrWhiteSpace(request.Phone) ? NormalizePhone(request.Phone) : request.ClearPhone ? null : user.Phone;
        user.UpdateProfile(request.FullName.Trim(), phone, org.Id, now);
        user.LinkOfficer(request.OfficerId, now);
        await db.SaveChangesAsync(ct);
        return user.Id;
    }

    /// <summary>
    /// Why an account cannot be tied to this officer record: it must be one the administrator can see, of the
    /// body the account belongs to (its own agency), and not tied to another account already.
    /// </summary>
    private async Task<Error?> OfficerProblemAsync(Guid? officerId, Organization org, Guid? userId, CancellationToken ct)
    {
        if (officerId is not { } id)
            return null;
        var officer = await db.Officers.AsNoTracking().Where(o => o.Id == id).Select(o => new { o.BodyId }).FirstOrDefaultAsync(ct);
        if (officer is null)
            return IdentityErrors.LinkedOfficerNotFound();
        if (officer.BodyId != org.AgencyId)
            return IdentityErrors.LinkedOfficerInOtherBody();
        if (await db.Users.Unscoped("an officer links to one account across the whole database").AnyAsync(u => u.OfficerId == id && u.Id != userId, ct))
            return IdentityErrors.LinkedOfficerTaken();
        return null;
    }

    /// <summary>Sets a new initial password, which the user must change at their next sign-in; also unlocks.</summary>
    public async Task<Result<Guid>> ResetPasswordAsync(Guid id, ResetPasswordRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = await ManagedUserAsync(id, ct);
        if (user is null)
            return IdentityErrors.UserNotFound();
        if (options.CheckPassword(request.InitialPassword, user.UserName, "initialPassword") is { } problems)
            return problems;
        user.SetPassword(hasher.Hash(request.InitialPassword), mustChange: true, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return user.Id;
    }

    public async Task<Result<Guid>> UnlockAsync(Guid id, CancellationToken ct = default)
    {
        var user = await ManagedUserAsync(id, ct);
        if (user is null)
            return IdentityErrors.UserNotFound();
        user.Unlock(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return user.Id;
    }

    public async Task<Result<Guid>> SetActiveAsync(Guid id, bool active, CancellationToken ct = default)
    {
        var user = await ManagedUserAsync(id, ct);
        if (user is null)
            return IdentityErrors.UserNotFound();
        if (user.Id == _actor.UserId && !active)
            return IdentityErrors.CannotDeactivateSelf();
        if (user.SetActive(active, clock.GetUtcNow().UtcDateTime) is { } refused)
            return refused;
        await db.SaveChangesAsync(ct);
        return user.Id;
    }

    public async Task<Result<Guid>> AssignAsync(Guid userId, AssignRoleRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = await ManagedUserAsync(userId, ct);
        if (user is null)
            return IdentityErrors.UserNotFound();
        // Every wrong field in one answer: an empty role or organisation is "required", an unknown one "not found".
        var errors = new ValidationBuilder();
        var role = request.RoleId == Guid.Empty ? null : await db.Roles.FirstOrDefaultAsync(r => r.Id == request.RoleId, ct);
        if (request.RoleId == Guid.Empty)
            errors.Add(CommonErrors.FieldRequired("roleId"));
        else if (role is null)
            errors.Add(IdentityErrors.UnknownRole());
        var org = request.OrganizationId == Guid.Empty ? null : await ManagedOrganizationAsync(request.OrganizationId, ct);
        if (request.OrganizationId == Guid.Empty)
            errors.Add(CommonErrors.FieldRequired("organizationId"));
        else if (org is null)
            errors.Add(OrganizationErrors.UnknownOrganization(field: "organizationId"));
        var custom = new List<Organization>();
        var unknownCustom = false;
        foreach (var id in request.CustomOrganizationIds ?? [])
        {
            if (await ManagedOrganizationAsync(id, ct) is not { } c)
                unknownCustom = true;
            else
                custom.Add(c);
        }
        if (unknownCustom)
            errors.Add(OrganizationErrors.UnknownOrganization(field: "customOrganizationIds"));
        else if (request.Scope == DataScopeKind.Custom && custom.Count == 0)
            errors.Add(IdentityErrors.CustomScopeNeedsOrganizations());
        if (errors.Build() is { } invalid)
            return invalid;
        if (role is null || org is null)
            throw new InvalidOperationException("A role and an organisation were checked above.");
        // Separation of duties: nobody widens their own access; scope, not permissions, bounds what an administrator grants.
        if (userId == _actor.UserId)
            return IdentityErrors.CannotAssignSelf();
        if (!await WithinOwnScopeAsync(DataScope.For(request.Scope, org, custom, userId), ct))
            return IdentityErrors.ScopeExceedsOwn();
        if (await db.RoleAssignments.Unscoped("a duplicate assignment is checked across the whole database").AnyAsync(a => a.UserId == userId && a.RoleId == role.Id && a.OrganizationId == org.Id, ct))
            return IdentityErrors.AssignmentDuplicate();

        var now = clock.GetUtcNow().UtcDateTime;
        var assignment = new RoleAssignment(Guid.CreateVersion7(now), userId, role.Id, org.Id, request.Scope,
            request.Scope == DataScopeKind.Custom ? custom.Select(c => c.Id) : [], now);
        db.RoleAssignments.Add(assignment);
        user.RenewStamp(now);
        await db.SaveChangesAsync(ct);
        return assignment.Id;
    }

    public async Task<Result<Guid>> UnassignAsync(Guid userId, Guid assignmentId, CancellationToken ct = default)
    {
        var user = await ManagedUserAsync(userId, ct);
        if (user is null)
            return IdentityErrors.UserNotFound();
        var assignment = await db.RoleAssignments.FirstOrDefaultAsync(a => a.Id == assignmentId && a.UserId == userId, ct);
        if (assignment is null || await ManagedOrganizationAsync(assignment.OrganizationId, ct) is null)
            return IdentityErrors.AssignmentNotFound();
        db.RoleAssignments.Remove(assignment);
        user.RenewStamp(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return assignment.Id;
    }

    private Task<User?> ManagedUserAsync(Guid id, CancellationToken ct) =>
        db.ActOnAsync(db.Users, id, u => u.OrganizationId, db.Organizations.Where(o => o.IsActive), IdentityPermissions.AdminUsers, ct);

    private Task<Organization?> ManagedOrganizationAsync(Guid id, CancellationToken ct) =>
        db.ActOnAsync(db.Organizations.Where(o => o.IsActive), id, IdentityPermissions.AdminUsers, ct);

    /// <summary>Every root of the granted scope must lie within the administrator's own user-management scope.</summary>
    private async Task<bool> WithinOwnScopeAsync(DataScope granted, CancellationToken ct)
    {
        if (_actor.IsSystem)
            return true;
        var own = _actor.Access!.ScopeFor(IdentityPermissions.AdminUsers);
        if (own.All)
            return true;
        if (granted.All)
            return false;
        var rootPaths = granted.Prefixes.Concat(granted.RegionPrefixes).Distinct().ToList();
        var roots = await db.Organizations.Unscoped("the roots of the granting caller's own scope, to compare a new scope with").AsNoTracking()
            .Where(o => rootPaths.Contains(o.Path) || granted.AgencyIds.Contains(o.Id) || granted.OrganizationIds.Contains(o.Id))
            .ToListAsync(ct);
        return roots.Count > 0 && roots.All(own.Covers);
    }

    private static ValidationError? PhoneError(string? phone) =>
        string.IsNullOrWhiteSpace(phone) || NormalizePhone(phone)!.All(c => char.IsAsciiDigit(c) || c == '-') && NormalizePhone(phone)!.Length is >= 7 and <= 20
            ? null
            : IdentityErrors.PhoneInvalid();

    private static string? NormalizePhone(string? phone) => string.IsNullOrWhiteSpace(phone) ? null : phone.Trim().Replace(" ", "", StringComparison.Ordinal);
}
