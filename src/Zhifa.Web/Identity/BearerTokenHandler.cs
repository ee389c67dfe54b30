using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zhifa.Core.Common;
using Zhifa.Core.Data;
using Zhifa.Core.Identity;

namespace Zhifa.Web.Identity;

/// <summary>Authenticates <c>Authorization: Bearer zf_…</c> against the stored token hashes; failures go to the login log.</summary>
internal sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiTokens tokens, LogTokenFailure logFailure, ZhifaDbContext db)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string FailureItem = "zhifa.auth_failure";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();
        var token = header["Bearer ".Length..].Trim();
        var (userId, failure) = await tokens.AuthenticateAsync(token, Context.RequestAborted);
        var origin = new SignInOrigin(Context.Connection.RemoteIpAddress?.ToString(), Request.Headers.UserAgent.ToString(), "token");
        if (failure is not null)
            return await FailAsync(userId, failure, origin);
        var user = await db.Users.Unscoped("token sign-in reads the account before anyone is signed in").AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, Context.RequestAborted);
        if (user is null || !user.IsActive)
            return await FailAsync(userId, IdentityErrors.AccountInactive(), origin);
        var tokenId = await db.ApiTokens.Unscoped("token sign-in reads the presented token before anyone is signed in").AsNoTracking()
            .Where(t => t.TokenHash == ApiTokens.HashOf(token)).Select(t => t.Id).FirstAsync(Context.RequestAborted);
        var outcome = new SignInOutcome(user.Id, user.UserName, user.SecurityStamp, user.MustChangePassword, false);
        return AuthenticateResult.Success(new AuthenticationTicket(AuthSetup.Principal(outcome, Scheme.Name, tokenId), Scheme.Name));
    }

    private async Task<AuthenticateResult> FailAsync(Guid? userId, UnauthorizedError failure, SignInOrigin origin)
    {
        Context.Items[FailureItem] = failure;
        await logFailure.ExecuteAsync(userId, failure.Code, origin, Context.RequestAborted);
        return AuthenticateResult.Fail(failure.Code);
    }
}
