using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Zhifa.Core.Common;
using Zhifa.Core.Identity;

namespace Zhifa.Web.Identity;

/// <summary>
/// Authenticates <c>Authorization: Bearer zf_…</c> against the stored token hashes; failures go to the login log. The token
/// and its user come from the node's <see cref="AccessCache"/>: a warmed-up request reads nothing from the database.
/// </summary>
internal sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    TokenAuthentication tokens, AccessCache cache)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string FailureItem = "zhifa.auth_failure";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();
        var token = header["Bearer ".Length..].Trim();
        var (userId, tokenId, failure) = await tokens.AuthenticateAsync(token, Context.RequestServices, Context.RequestAborted);
        if (failure is not null)
            return await FailAsync(userId, failure);
        var user = await cache.UserAsync(userId!.Value, null, Context.RequestServices, Context.RequestAborted);
        if (user.Access is null)
            return await FailAsync(userId, IdentityErrors.AccountInactive());
        var outcome = new SignInOutcome(userId.Value, user.UserName, user.SecurityStamp, user.MustChangePassword, false);
        return AuthenticateResult.Success(new AuthenticationTicket(AuthSetup.Principal(outcome, Scheme.Name, tokenId), Scheme.Name));
    }

    private async Task<AuthenticateResult> FailAsync(Guid? userId, UnauthorizedError failure)
    {
        Context.Items[FailureItem] = failure;
        var origin = new SignInOrigin(Context.Connection.RemoteIpAddress?.ToString(), Request.Headers.UserAgent.ToString(), "token");
        await Context.RequestServices.GetRequiredService<LogTokenFailure>().ExecuteAsync(userId, failure.Code, origin, Context.RequestAborted);
        return AuthenticateResult.Fail(failure.Code);
    }
}
