using Zhifa.Core.Common;
using static Zhifa.Core.Identity.AccountAction;
using static Zhifa.Core.Identity.AccountState;

namespace Zhifa.Core.Identity;

public enum AccountState
{
    Active,
    Inactive,
}

public enum AccountAction
{
    Activate,
    Deactivate,
}

/// <summary>
/// An account's workflow as a table (<see cref="Workflow{TState, TAction}"/> states the convention): activating an
/// active account or deactivating an inactive one is refused, not ignored. The system also deactivates the account of
/// an officer who leaves the post, in the same change.
/// </summary>
public static class UserWorkflow
{
    public static readonly Workflow<AccountState, AccountAction> Table = new(
    [
        new(Active, Deactivate, Inactive, IdentityPermissions.AdminUsers, Effect: "signed-in sessions end at their next request (new security stamp)"),
        new(Inactive, Activate, Active, IdentityPermissions.AdminUsers, Effect: "the user may sign in again"),
    ]);

    public static AccountState StateOf(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsActive ? Active : Inactive;
    }
}
