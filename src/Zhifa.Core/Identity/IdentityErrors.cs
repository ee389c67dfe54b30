using Zhifa.Core.Common;

namespace Zhifa.Core.Identity;

/// <summary>The expected failures of identity: each code is stable, API-visible and the resource key of its message.</summary>
public static class IdentityErrors
{
    // Wrong fields (one field each; a builder collects several).
    public static ValidationError FullNameRequired(string field = "fullName") => ValidationError.For(field, "user.full_name_required");
    public static ValidationError LinkedOfficerNotFound(string field = "officerId") => ValidationError.For(field, "user.officer_not_found");
    public static ValidationError LinkedOfficerInOtherBody(string field = "officerId") => ValidationError.For(field, "user.officer_other_body");
    public static ValidationError UnknownRole(string field = "roleId") => ValidationError.For(field, "role.not_found");
    public static ValidationError CustomScopeNeedsOrganizations(string field = "customOrganizationIds") => ValidationError.For(field, "assignment.custom_needs_organizations");
    public static ValidationError TokenNameTooLong(string field = "name") => ValidationError.For(field, "token.name_too_long");
    public static ValidationError UserNameRequired(string field = "userName") => ValidationError.For(field, "login.user_name_required");
    public static ValidationError PasswordRequired(string field = "password") => ValidationError.For(field, "login.password_required");
    public static ValidationError PasswordTooLong(int maxLength, string field) => ValidationError.For(field, "password.too_long", maxLength);
    public static ValidationError CurrentPasswordWrong(string field = "currentPassword") => ValidationError.For(field, "password.current_wrong");
    public static ValidationError PasswordUnchanged(string field = "newPassword") => ValidationError.For(field, "password.unchanged");
    public static ValidationError PasswordTooShort(int minLength, string field) => ValidationError.For(field, "password.too_short", minLength);
    public static ValidationError PasswordTooSimple(int requiredClasses, string field) => ValidationError.For(field, "password.too_simple", requiredClasses);
    public static ValidationError PasswordContainsUserName(string field) => ValidationError.For(field, "password.contains_user_name");
    public static ValidationError UserNameInvalid(string field = "userName") => ValidationError.For(field, "user.user_name_invalid");
    public static ValidationError PhoneInvalid(string field = "phone") => ValidationError.For(field, "user.phone_invalid");
    public static ValidationError RoleCodeInvalid(string field = "code") => ValidationError.For(field, "role.code_invalid");
    public static ValidationError RoleNameRequired(string field = "name") => ValidationError.For(field, "role.name_required");
    public static ValidationError PermissionsRequired(string field = "permissions") => ValidationError.For(field, "role.permissions_required");
    public static ValidationError PermissionUnknown(string permission, string field = "permissions") => ValidationError.For(field, "role.permission_unknown", permission);

    // Clashes with the current state.
    public static ConflictError UserNameTaken(string userName, string field = "userName") => new("user.user_name_taken", field, userName);
    public static ConflictError LinkedOfficerTaken(string field = "officerId") => new("user.officer_taken", field);
    public static ConflictError CannotDeactivateSelf() => new("user.cannot_deactivate_self");
    public static ConflictError CannotAssignSelf(string field = "roleId") => new("assignment.self", field);
    public static ConflictError ScopeExceedsOwn(string field = "scope") => new("assignment.scope_exceeds_own", field);
    public static ConflictError AssignmentDuplicate(string field = "roleId") => new("assignment.duplicate", field);
    public static ConflictError RoleCodeTaken(string code, string field = "code") => new("role.code_taken", field, code);
    public static ConflictError RoleTemplateReadOnly() => new("role.template_readonly");

    // Not found, or outside the caller's scope.
    public static NotFoundError UserNotFound() => new("user");
    public static NotFoundError RoleNotFound() => new("role");
    public static NotFoundError AssignmentNotFound() => new("assignment");
    public static NotFoundError TokenNotFound() => new("token");

    // Not allowed.
    /// <summary>403 to a token request with the right password that must be changed first: send it again with <c>newPassword</c>.</summary>
    public static ForbiddenError PasswordChangeRequired() => new("", "auth.password_change_required");
    public static ForbiddenError PermissionMissing(string permission) => new(permission);
    public static ForbiddenError MustChangePassword(string permission) => new(permission, "password.must_change");

    // Not authenticated.
    /// <summary>
    /// The one refusal of a sign-in, whatever the true reason (unknown name, wrong password, locked or deactivated
    /// account: the login log keeps it), so that the answer does not tell which names exist.
    /// </summary>
    public static UnauthorizedError BadCredentials(int maxAttempts, int lockoutMinutes) => new("login.bad_credentials", maxAttempts, lockoutMinutes);
    /// <summary>A valid token of a deactivated account (its holder knows the account exists).</summary>
    public static UnauthorizedError AccountInactive() => new("login.inactive");
    public static UnauthorizedError AuthenticationRequired() => new("auth.required");
    public static UnauthorizedError TokenUnknown() => new("token.unknown");
    public static UnauthorizedError TokenRevoked() => new("token.revoked");
    public static UnauthorizedError TokenExpired() => new("token.expired");

    // Throttled.
    public static ThrottledError SignInThrottled() => new("login.throttled");
}
