using Zhifa.Core.Data;
using Zhifa.Core.Identity;

namespace Zhifa.Web.Identity;

/// <summary>
/// Gives the request's <see cref="ActorContext"/> the caller's access (so every query is scoped) and
/// address (for the audit trail); sends a user who must change their password to that page first.
/// </summary>
internal sealed class ActorMiddleware(RequestDelegate next)
{
    private static readonly string[] OpenWhileChangingPassword = ["/account", "/api/v1/auth", "/lib", "/css", "/culture", "/health", "/_framework"];

    public async Task InvokeAsync(HttpContext context, ActorContext actor, AccessLoader loader)
    {
        actor.Address = context.Connection.RemoteIpAddress?.ToString();
        if (context.User.UserId() is { } userId)
        {
            if (await loader.LoadAsync(userId, context.RequestAborted) is { } access)
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
