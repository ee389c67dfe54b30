using Zhifa.Core.Common;

namespace Zhifa.Core.Identity;

/// <summary>
/// A person who signs in, tied to the organisation they work in and, for enforcement staff, to their
/// record in the officer registry (<see cref="OfficerId"/>): the same person, one account each.
/// </summary>
public sealed class User : IEntityWithId, Zhifa.Core.Common.IVersioned
{
    /// <summary>The concurrency token: raised by every saved change (<see cref="Zhifa.Core.Common.IVersioned"/>).</summary>
    public int Version { get; private set; }

    public const int MaxUserNameLength = 50;
    public const int MaxFullNameLength = 50;
    public const int MaxPhoneLength = 20;

    private User()
    {
        UserName = "";
        FullName = "";
        PasswordHash = "";
        SecurityStamp = "";
    }

    internal User(Guid id, string userName, string fullName, Guid organizationId, string passwordHash, bool mustChangePassword, DateTime now)
    {
        Id = id;
        UserName = Normalize(userName);
        FullName = fullName;
        OrganizationId = organizationId;
        PasswordHash = passwordHash;
        MustChangePassword = mustChangePassword;
        PasswordChangedAt = now;
        SecurityStamp = Guid.NewGuid().ToString("N");
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }
    public string UserName { get; private set; }
    public string FullName { get; private set; }
    public Guid OrganizationId { get; private set; }
    [Sensitive(Sensitivity.Phone)]
    public string? Phone { get; private set; }

    /// <summary>The officer-registry record of the person behind this account, if they are enforcement staff.</summary>
    public Guid? OfficerId { get; private set; }

    [Sensitive(Sensitivity.Secret)]
    public string PasswordHash { get; private set; }
    public bool MustChangePassword { get; private set; }
    public DateTime PasswordChangedAt { get; private set; }
    public int FailedAttempts { get; private set; }
    public DateTime? LockedUntil { get; private set; }
    public DateTime? LastSignInAt { get; private set; }
    public bool IsActive { get; private set; } = true;

    /// <summary>Changes whenever credentials or access change, so outstanding cookies stop working.</summary>
    [Sensitive(Sensitivity.Secret)]
    public string SecurityStamp { get; private set; }

    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public List<RoleAssignment> Assignments { get; private set; } = [];

    public static string Normalize(string userName) => (userName ?? "").Trim().ToLowerInvariant();

    public bool IsLockedAt(DateTime now) => LockedUntil is { } until && until > now;

    internal void UpdateProfile(string fullName, string? phone, Guid organizationId, DateTime now)
    {
        FullName = fullName;
        Phone = phone;
        OrganizationId = organizationId;
        UpdatedAt = now;
    }

    internal void LinkOfficer(Guid? officerId, DateTime now)
    {
        OfficerId = officerId;
        UpdatedAt = now;
    }

    internal void SetPassword(string hash, bool mustChange, DateTime now)
    {
        PasswordHash = hash;
        MustChangePassword = mustChange;
        PasswordChangedAt = now;
        FailedAttempts = 0;
        LockedUntil = null;
        RenewStamp(now);
    }

    /// <summary>Counts a failed sign-in; the attempt that reaches the limit locks the account.</summary>
    internal bool RecordFailure(DateTime now, int maxAttempts, TimeSpan lockout)
    {
        FailedAttempts++;
        UpdatedAt = now;
        if (FailedAttempts < maxAttempts)
            return false;
        LockedUntil = now + lockout;
        FailedAttempts = 0;
        return true;
    }

    internal void RecordSignIn(DateTime now)
    {
        FailedAttempts = 0;
        LockedUntil = null;
        LastSignInAt = now;
        UpdatedAt = now;
    }

    internal void Unlock(DateTime now)
    {
        FailedAttempts = 0;
        LockedUntil = null;
        UpdatedAt = now;
    }

    /// <summary>Activates or deactivates the account through <see cref="UserWorkflow"/>: no change of state is refused.</summary>
    internal Error? SetActive(bool active, DateTime now)
    {
        if (UserWorkflow.Table.Refusal(UserWorkflow.StateOf(this), active ? AccountAction.Activate : AccountAction.Deactivate) is { } refused)
            return refused;
        IsActive = active;
        RenewStamp(now);
        return null;
    }

    internal void RenewStamp(DateTime now)
    {
        SecurityStamp = Guid.NewGuid().ToString("N");
        UpdatedAt = now;
    }
}

/// <summary>A named set of permissions. Templates ship with Zhifa; administrators may add their own.</summary>
public sealed class Role : Zhifa.Core.Common.IVersioned
{
    public const int MaxCodeLength = 50;
    public const int MaxNameLength = 50;
    public const int MaxDescriptionLength = 300;

    /// <summary>The concurrency token: raised by every saved change (<see cref="Zhifa.Core.Common.IVersioned"/>).</summary>
    public int Version { get; private set; }

    private Role()
    {
        Code = "";
        Name = "";
    }

    internal Role(Guid id, string code, string name, string? description, bool isTemplate, DataScopeKind defaultScope, IEnumerable<string> permissions, DateTime now)
    {
        Id = id;
        Code = code;
        Name = name;
        Description = description;
        IsTemplate = isTemplate;
        DefaultScope = defaultScope;
        Permissions = permissions.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }
    public string Code { get; private set; }
    public string Name { get; private set; }
    public string? Description { get; private set; }
    public bool IsTemplate { get; private set; }
    public DataScopeKind DefaultScope { get; private set; }
    public List<string> Permissions { get; private set; } = [];
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    internal void Update(string name, string? description, DataScopeKind defaultScope, IEnumerable<string> permissions, DateTime now)
    {
        Name = name;
        Description = description;
        DefaultScope = defaultScope;
        Permissions = permissions.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        UpdatedAt = now;
    }
}

/// <summary>A role held in one organisation, reaching as far as its scope.</summary>
public sealed class RoleAssignment
{
    private RoleAssignment()
    {
    }

    internal RoleAssignment(Guid id, Guid userId, Guid roleId, Guid organizationId, DataScopeKind scope, IEnumerable<Guid> custom, DateTime now)
    {
        Id = id;
        UserId = userId;
        RoleId = roleId;
        OrganizationId = organizationId;
        Scope = scope;
        CustomOrganizationIds = custom.Distinct().ToList();
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public Guid RoleId { get; private set; }
    public Role? Role { get; private set; }
    public Guid OrganizationId { get; private set; }
    public DataScopeKind Scope { get; private set; }
    public List<Guid> CustomOrganizationIds { get; private set; } = [];
    public DateTime CreatedAt { get; private set; }
}

/// <summary>A bearer token for API and mobile clients. Only its SHA-256 hash is stored.</summary>
public sealed class ApiToken
{
    private ApiToken()
    {
        Name = "";
        TokenHash = "";
        Prefix = "";
    }

    internal ApiToken(Guid id, Guid userId, string name, string tokenHash, string prefix, DateTime now, DateTime expiresAt)
    {
        Id = id;
        UserId = userId;
        Name = name;
        TokenHash = tokenHash;
        Prefix = prefix;
        CreatedAt = now;
        ExpiresAt = expiresAt;
    }

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public string Name { get; private set; }
    [Sensitive(Sensitivity.Secret)]
    public string TokenHash { get; private set; }
    public string Prefix { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime ExpiresAt { get; private set; }
    public DateTime? RevokedAt { get; private set; }
    public DateTime? LastUsedAt { get; private set; }

    public bool IsUsableAt(DateTime now) => RevokedAt is null && ExpiresAt > now;

    /// <summary>Revokes the token through <see cref="ApiTokenWorkflow"/>: a second revoke is refused.</summary>
    internal Error? Revoke(DateTime now)
    {
        if (ApiTokenWorkflow.Table.Refusal(ApiTokenWorkflow.StateOf(this, now), TokenAction.Revoke) is { } refused)
            return refused;
        RevokedAt = now;
        return null;
    }

    internal void Used(DateTime now) => LastUsedAt = now;
}

/// <summary>
/// One sign-in attempt, successful or not (登录日志): the user name as typed (trimmed, lower case, at most
/// <see cref="MaxUserNameLength"/> characters), never the password. An attempt with a name no account has belongs to no
/// organisation (<see cref="OrganizationId"/> null): administrators see those (IdentityModule's scope filter).
/// </summary>
public sealed class LoginLogEntry : INotAudited
{
    /// <summary>How much of a typed user name is kept: more than any account's, so an unknown one is still recognisable.</summary>
    public const int MaxUserNameLength = 64;

    /// <summary>The typed name as the log keeps it.</summary>
    public static string Bounded(string userName) => userName is { Length: > MaxUserNameLength } ? userName[..MaxUserNameLength] : userName ?? "";

    private LoginLogEntry()
    {
        UserName = "";
        Outcome = "";
    }

    internal LoginLogEntry(Guid id, DateTime at, string userName, Guid? userId, Guid? organizationId, string? address, string? userAgent, bool success, string outcome, string channel)
    {
        Id = id;
        At = at;
        UserName = Bounded(userName);
        UserId = userId;
        OrganizationId = organizationId;
        Address = address;
        UserAgent = userAgent is { Length: > 300 } ? userAgent[..300] : userAgent;
        Success = success;
        Outcome = outcome;
        Channel = channel;
    }

    public Guid Id { get; private set; }
    public DateTime At { get; private set; }
    public string UserName { get; private set; }
    public Guid? UserId { get; private set; }
    public Guid? OrganizationId { get; private set; }
    public string? Address { get; private set; }
    public string? UserAgent { get; private set; }
    public bool Success { get; private set; }

    /// <summary>A resource key: login.ok, login.bad_credentials, login.locked, login.inactive, login.throttled, token.revoked …</summary>
    public string Outcome { get; private set; }

    public string Channel { get; private set; } = "";
}
