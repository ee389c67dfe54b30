namespace Zhifa.Core.Data;

/// <summary>One assignment as the caller holds it.</summary>
public sealed record AssignmentView(Guid Id, Guid RoleId, string RoleCode, string RoleName, bool RoleIsTemplate, Guid OrganizationId, string OrganizationName, DataScopeKind Scope);

/// <summary>
/// Everything the caller may do: the permissions of all their assignments, and for each permission
/// the union of the scopes of the assignments that grant it. The read scope is the union of all.
/// </summary>
public sealed class UserAccess
{
    private readonly Dictionary<string, DataScope> _byPermission;

    public UserAccess(Guid userId, string userName, string fullName, Guid organizationId, string organizationName,
        IReadOnlyList<AssignmentView> assignments, Dictionary<string, DataScope> byPermission, DataScope readScope)
    {
        UserId = userId;
        UserName = userName;
        FullName = fullName;
        OrganizationId = organizationId;
        OrganizationName = organizationName;
        Assignments = assignments;
        _byPermission = byPermission;
        ReadScope = readScope;
    }

    public Guid UserId { get; }
    public string UserName { get; }
    public string FullName { get; }
    public Guid OrganizationId { get; }
    public string OrganizationName { get; }

    /// <summary>
    /// The organisation the user acts for in this session, when they hold roles in several and chose one:
    /// then only the assignments there grant permissions and scope. Null: all assignments count.
    /// </summary>
    public Guid? ActingForId { get; init; }

    /// <summary>The caller's own officer-registry record, if they are enforcement staff: "the officer themself" of cases and eligibility.</summary>
    public Guid? OfficerId { get; init; }

    public IReadOnlyList<AssignmentView> Assignments { get; }
    public DataScope ReadScope { get; }
    public IReadOnlyCollection<string> Permissions => _byPermission.Keys;

    public bool Can(string permission) => _byPermission.ContainsKey(permission);

    public DataScope ScopeFor(string permission) => _byPermission.GetValueOrDefault(permission, DataScope.Nothing);
}
