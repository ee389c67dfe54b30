using Zhifa.Core.Common;
using static Zhifa.Core.Identity.TokenAction;
using static Zhifa.Core.Identity.TokenState;

namespace Zhifa.Core.Identity;

public enum TokenState
{
    Live,
    Expired,
    Revoked,
}

public enum TokenAction
{
    Revoke,
}

/// <summary>
/// A bearer token's workflow as a table (<see cref="Workflow{TState, TAction}"/> states the convention): a revoked token
/// is not revoked again — the second revoke is refused, and the first revocation's time stays.
/// </summary>
public static class ApiTokenWorkflow
{
    /// <summary>Not a permission code: a user revokes only their own tokens, which the use case finds by the user's id.</summary>
    public const string Owner = "token.owner";

    public static readonly Workflow<TokenState, TokenAction> Table = new(
    [
        new(Live, Revoke, Revoked, Owner, Effect: "the token authenticates no more"),
        new(Expired, Revoke, Revoked, Owner, Effect: "recorded as revoked as well as expired"),
    ]);

    public static TokenState StateOf(ApiToken token, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(token);
        return token.RevokedAt is not null ? Revoked : token.ExpiresAt <= now ? Expired : Live;
    }
}
