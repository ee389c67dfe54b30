using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Zhifa.Core.Common;
using Zhifa.Core.Data;
using Zhifa.Core.Identity;
using Zhifa.Web.Common;

namespace Zhifa.Web.Identity;

/// <param name="NewPassword">
/// Replaces the password in the same request, after the current one is verified: required when the password is an
/// initial one or has expired (the request without it answers 403 <c>auth.password_change_required</c>).
/// </param>
public sealed record TokenRequest(
    [MaxLength(TokenRequest.MaxUserNameLength)] string UserName, [MaxLength(SecurityOptions.PasswordMaxLength)] string Password,
    [MaxLength(ApiTokens.MaxNameLength)] string? Name = null, [MaxLength(SecurityOptions.PasswordMaxLength)] string? NewPassword = null)
{
    /// <summary>Longer than any account's (an unknown name is logged, bounded), short enough to refuse garbage.</summary>
    public const int MaxUserNameLength = 256;
}

public sealed record NewTokenRequest([MaxLength(ApiTokens.MaxNameLength)] string? Name = null);

/// <param name="OfficerId">The caller's own record in the officer registry, if they are enforcement staff.</param>
public sealed record MeDto(Guid Id, string UserName, string FullName, Guid OrganizationId, string OrganizationName,
    IReadOnlyList<AssignmentView> Assignments, IReadOnlyList<string> Permissions, Guid? OfficerId = null);

/// <summary>Sign-in for API clients, who-am-I, own tokens and own password.</summary>
public static class AuthEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var g = api.MapGroup("/auth").WithTags("Authentication");

        g.MapPost("/token", async (TokenRequest body, SignIn signIn, ApiTokens tokens, HttpContext http, CancellationToken ct) =>
            {
                // The token's name is checked before the password is verified (and perhaps changed), so a bad name changes nothing.
                if (ApiTokens.CheckName(body.Name) is { } badName)
                    return badName.ToProblem(http);
                var outcome = await signIn.ExecuteAsync(new SignInRequest(body.UserName, body.Password, body.NewPassword), Origin(http, "api"), ct);
                if (!outcome.IsSuccess)
                    return outcome.Error.ToProblem(http);
                // No token, not even a limited one, before an initial or expired password is changed.
                if (outcome.Value.MustChangePassword || outcome.Value.PasswordExpired)
                    return IdentityErrors.PasswordChangeRequired().ToProblem(http);
                var issued = await tokens.IssueAsync(outcome.Value.UserId, body.Name ?? "api", ct);
                return issued.IsSuccess ? Results.Ok(issued.Value) : issued.Error.ToProblem(http);
            })
            .Public("an API client signs in for a token").RequireRateLimiting(AuthSetup.SignInRateLimit)
            .WithName("IssueTokenBySignIn")
            .WithSummary("Sign in with user name and password and receive a bearer token (public, rate-limited). A password that must be changed "
                + "(initial or expired) answers 403 auth.password_change_required: send the request again with newPassword.")
            .Produces<IssuedToken>().ProducesValidationProblem().ProducesProblem(401).ProducesProblem(403).ProducesProblem(429);

        g.MapGet("/me", (ActorContext actor) =>
            {
                var a = actor.Access!;
                return Results.Ok(new MeDto(a.UserId, a.UserName, a.FullName, a.OrganizationId, a.OrganizationName, a.Assignments,
                    a.Permissions.Order(StringComparer.Ordinal).ToList(), a.OfficerId));
            })
            .RequireSignedIn().WithName("WhoAmI").WithSummary("The signed-in user, their assignments and permissions.").Produces<MeDto>();

        g.MapGet("/tokens", async (ActorContext actor, ApiTokens tokens, CancellationToken ct) => Results.Ok(await tokens.ListAsync(actor.UserId!.Value, ct)))
            .RequireSignedIn().WithName("ListOwnTokens").WithSummary("The caller's own API tokens (never their values).")
            .Produces<IReadOnlyList<ApiTokenDto>>();

        g.MapPost("/tokens", async (NewTokenRequest body, ActorContext actor, ApiTokens tokens, HttpContext http, CancellationToken ct) =>
                await tokens.IssueAsync(actor.UserId!.Value, body.Name, ct) is var r && r.IsSuccess ? Results.Ok(r.Value) : r.Error!.ToProblem(http))
            .RequireSignedIn().WithName("IssueOwnToken").WithSummary("Issue a new API token for the caller; its value is shown once.")
            .Produces<IssuedToken>();

        g.MapDelete("/tokens/{id:guid}", async (Guid id, ActorContext actor, ApiTokens tokens, HttpContext http, CancellationToken ct) =>
                await tokens.RevokeAsync(actor.UserId!.Value, id, ct) is var r && r.IsSuccess ? Results.NoContent() : r.Error!.ToProblem(http))
            .RequireSignedIn().WithName("RevokeOwnToken").WithSummary("Revoke one of the caller's API tokens; a token already revoked answers 409.")
            .Produces(204).ProducesProblem(404).ProducesProblem(409);

        g.MapPost("/password", async (ChangePasswordRequest body, ActorContext actor, ChangePassword change, HttpContext http, CancellationToken ct) =>
            {
                var result = await change.ExecuteAsync(actor.UserId!.Value, body, ct);
                if (!result.IsSuccess)
                    return result.Error.ToProblem(http);
                await RefreshCookieAsync(http, actor, result.Value);
                return Results.NoContent();
            })
            .RequireSignedIn().WithName("ChangeOwnPassword").WithSummary("Change the caller's password (also the forced first change).")
            .Produces(204).ProducesValidationProblem();

        g.MapPost("/logout", async (HttpContext http, ActorContext actor, ApiTokens tokens, CancellationToken ct) =>
            {
                // The token that authenticated this request is live, so its revocation is not refused; signing out goes on regardless.
                if (http.User.FindFirst(ZhifaClaims.TokenId)?.Value is { } tokenId && Guid.TryParse(tokenId, out var id))
                    _ = await tokens.RevokeAsync(actor.UserId!.Value, id, ct);
                await http.SignOutAsync(AuthSetup.Cookie);
                return Results.NoContent();
            })
            .RequireSignedIn().WithName("SignOut").WithSummary("Sign out: ends the cookie session, or revokes the bearer token used.").Produces(204);
    }

    public static SignInOrigin Origin(HttpContext http, string channel)
    {
        ArgumentNullException.ThrowIfNull(http);
        return new SignInOrigin(http.Connection.RemoteIpAddress?.ToString(), http.Request.Headers.UserAgent.ToString(), channel);
    }

    /// <summary>After a password change the stamp is new: re-issue the cookie (without the must-change mark) so the session goes on.</summary>
    public static async Task RefreshCookieAsync(HttpContext http, ActorContext actor, string newStamp)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(actor);
        if (http.User.Identity?.AuthenticationType != AuthSetup.Cookie)
            return;
        var outcome = new SignInOutcome(actor.UserId!.Value, actor.ActorName, newStamp, false, false);
        await http.SignInAsync(AuthSetup.Cookie, AuthSetup.Principal(outcome, AuthSetup.Cookie));
    }
}
