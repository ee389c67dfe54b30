namespace Zhifa.Core.Data;

/// <summary>
/// Who is acting in this unit of work: what their queries may see, what they may change, and whom
/// the audit trail names. A request starts with <see cref="DataScope.Nothing"/> and gets the caller's
/// scope once they are known; the system itself (start-up, commands) acts with <see cref="System"/>.
/// </summary>
public sealed class ActorContext
{
    public DataScope Scope { get; private set; } = DataScope.Nothing;
    public UserAccess? Access { get; private set; }
    public bool IsSystem { get; private set; }
    public string? Address { get; set; }

    public Guid? UserId => Access?.UserId;
    public string ActorName => IsSystem ? "system" : Access?.UserName ?? "anonymous";

    public static ActorContext System() => new ActorContext().AsSystem();

    public ActorContext AsSystem()
    {
        IsSystem = true;
        Access = null;
        Scope = DataScope.Everything;
        return this;
    }

    public void SignedIn(UserAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        IsSystem = false;
        Access = access;
        Scope = access.ReadScope;
    }

    /// <summary>Whether the actor holds <paramref name="permission"/> in an assignment that reaches <paramref name="org"/>.</summary>
    public bool CanIn(string permission, IScopeNode? org) =>
        IsSystem || (Access is { } a && (org is null ? a.ScopeFor(permission).All : a.ScopeFor(permission).Covers(org)));

    public bool Can(string permission) => IsSystem || Access?.Permissions.Contains(permission) == true;
}
