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

    public async Task InvokeAsync(HttpContext context, ActorContext actor, AccessLoader loader)
    {
        actor.Address = context.Connection.RemoteIpAddress?.ToString();
        if (context.User.UserId() is { } userId)
        {
            // Pages carry the choice in a cookie; API clients (bearer tokens) act with all their assignments.
            Guid? actingFor = context.Request.Headers.Authorization.Count == 0
                && Guid.TryParse(context.Request.Cookies[ActingForCookie], out var chosen) ? chosen : null;
            if (await loader.LoadAsync(userId, actingFor, context.RequestAborted) is { } access)
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
