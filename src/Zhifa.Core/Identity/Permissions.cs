namespace Zhifa.Core.Identity;

/// <summary>
/// Every permission code of the build, as the features declare them (<see cref="FeatureModule.Permissions"/>).
/// The display name of each is the resource <c>perm.{code}</c>.
/// </summary>
public static class Permissions
{
    public static IReadOnlyList<string> All => [.. ModuleCatalog.Permissions.Select(p => p.Code)];

    public static bool IsKnown(string code) => ModuleCatalog.Permissions.Any(p => p.Code == code);
}

/// <summary>Identity's own permission codes.</summary>
public static class IdentityPermissions
{
    public const string AdminUsers = "admin.users";
    public const string AdminRoles = "admin.roles";
}

/// <summary>
/// The shipped role templates (DESIGN.md "Who uses it"): their codes and default scopes are Identity's; their permissions
/// are what the features grant each (<see cref="PermissionDefinition.Roles"/>).
/// </summary>
public static class RoleTemplates
{
    public const string Officer = Stereotypes.Officer;
    public const string LegalReviewer = Stereotypes.LegalReviewer;
    public const string AgencyHead = Stereotypes.AgencyHead;
    public const string Supervisor = Stereotypes.Supervisor;
    public const string Administrator = Stereotypes.Administrator;

    private static readonly IReadOnlyList<(string Code, DataScopeKind DefaultScope)> Scopes =
    [
        (Officer, DataScopeKind.Agency),
        (LegalReviewer, DataScopeKind.Agency),
        (AgencyHead, DataScopeKind.AgencyAndSubordinates),
        (Supervisor, DataScopeKind.RegionSubtree),
        (Administrator, DataScopeKind.RegionSubtree),
    ];

    public static IReadOnlyList<(string Code, DataScopeKind DefaultScope, string[] Permissions)> All =>
        [.. Scopes.Select(s => (s.Code, s.DefaultScope, ModuleCatalog.PermissionsOf(s.Code).ToArray()))];
}
