using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Zhifa.Core.Common;
using Zhifa.Core.Identity;
using Zhifa.Web.Common;

namespace Zhifa.Web.Identity;

/// <summary>API callers get 401/403 as problem details that say why; pages keep the sign-in and access-denied redirects.</summary>
internal sealed class ProblemAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || authorizeResult.Succeeded)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }
        if (authorizeResult.Challenged || context.User.Identity?.IsAuthenticated != true)
        {
            var failure = context.Items[BearerTokenHandler.FailureItem] as UnauthorizedError ?? IdentityErrors.AuthenticationRequired();
            await failure.WriteProblemAsync(context);
            return;
        }
        var permission = policy.Requirements.OfType<PermissionRequirement>().FirstOrDefault()?.Permission ?? "";
        var refusal = PermissionHandler.MustChangePassword(context.User) ? IdentityErrors.MustChangePassword(permission) : IdentityErrors.PermissionMissing(permission);
        await refusal.WriteProblemAsync(context);
    }
}
