using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.Localization;
using Zhifa.Web.Common;
using Zhifa.Web.Resources;

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
        var l = context.RequestServices.GetRequiredService<IStringLocalizer<Ui>>();
        if (authorizeResult.Challenged || context.User.Identity?.IsAuthenticated != true)
        {
            var reason = context.Items[BearerTokenHandler.FailureItem] as string ?? "auth.required";
            await Results.Problem(statusCode: 401, title: l["problem.unauthorized"], detail: l[reason], type: Problems.TypeBase + "unauthorized",
                extensions: new Dictionary<string, object?> { ["code"] = reason }).ExecuteAsync(context);
            return;
        }
        var code = PermissionHandler.MustChangePassword(context.User) ? "password.must_change" : "error.forbidden";
        var permission = policy.Requirements.OfType<PermissionRequirement>().FirstOrDefault()?.Permission ?? "";
        await Results.Problem(statusCode: 403, title: l["problem.forbidden"], detail: l[code, permission], type: Problems.TypeBase + "forbidden",
            extensions: new Dictionary<string, object?> { ["code"] = code, ["permission"] = permission }).ExecuteAsync(context);
    }
}
