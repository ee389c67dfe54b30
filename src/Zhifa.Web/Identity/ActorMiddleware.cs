using Zhifa.Core.Data;
using Zhifa.Core.Identity;

namespace Zhifa.Web.Identity;

/// <summary>
/// Gives the request's <see cref="ActorContext"/> the caller's access (so every query is scoped) and
/// address (for the audit trail); sends a user who must change their password to that page first.
/// </summary>
internal sealed class ActorMiddleware(RequestDelegate next)
{
    /// <summary>The page session's choice of the organisation the user acts for (the top bar's switcher).</summary>
    public const string ActingForCookie = "zf.acting";

    private static readonly string[] OpenWhileChangingPassword = ["/account", "/api/v1/auth", "/lib", "/css", "/culture", "/health", "/_framework"];

    /// <summary>Pages carry the choice in a cookie; API clients (bearer tokens) act with all their assignments.</summary>
    public static Guid? ActingFor(HttpContext context) =>
        context.Request.Headers.Authorization.Count == 0 && context.Request.Cookies[ActingForCookie] is { } cookie
            && Guid.TryParse(cookie, out var chosen) ? chosen : null;

    public async Task InvokeAsync(HttpContext context, ActorContext actor, AccessCache cache)
    {
        actor.Address = context.Connection.RemoteIpAddress?.ToString();
        if (context.User.UserId() is { } userId)
        {
            if ((await cache.UserAsync(userId, ActingFor(context), context.RequestServices, context.RequestAborted)).Access is { } access)
                actor.SignedIn(access);
            else
                context.User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity());

            if (PermissionHandler.MustChangePassword(context.User)
                && HttpMethods.IsGet(context.Request.Method)
                && !context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                && !OpenWhileChangingPassword.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
            {
                context.Response.Redirect("/account/change-password?returnUrl=" + Uri.EscapeDataString(context.Request.Path + context.Request.QueryString));
                return;
            }
        }
        await next(context);
    }
}
