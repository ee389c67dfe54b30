using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;
using Zhifa.Core.Data;
using Zhifa.Core.Identity;
using Zhifa.Web.Common;
using Zhifa.Web.Resources;

namespace Zhifa.Web.Identity;

/// <summary>Cookie sign-in for the browser, bearer tokens for API and mobile clients, permission policies, sign-in rate limits.</summary>
public static class AuthSetup
{
    public const string Cookie = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string Bearer = "Bearer";
    public const string Smart = Policies.Scheme;
    public const string SignInRateLimit = "sign-in";
    /// <summary>Policies authenticate through the forwarding scheme: bearer when the header is there, else the cookie (whose challenge redirects pages to sign-in).</summary>
    public static readonly string[] Schemes = [Smart];

    public static void AddZhifaAuth(this IServiceCollection services, SecurityOptions security)
    {
        services.AddAuthentication(Smart)
            .AddPolicyScheme(Smart, Smart, o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? Bearer : Cookie)
            .AddCookie(Cookie, o =>
            {
                o.Cookie.Name = HostSetup.SessionCookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/account/login";
                o.LogoutPath = "/account/logout";
                o.AccessDeniedPath = "/account/denied";
                o.ExpireTimeSpan = TimeSpan.FromMinutes(security.IdleTimeoutMinutes);
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = ValidateStampAsync;
                o.Events.OnRedirectToLogin = ctx => ApiOrRedirect(ctx, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => ApiOrRedirect(ctx, StatusCodes.Status403Forbidden);
            })
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(Bearer, null);
        // After the framework's own post-configuration, which makes the cookie's ticket format.
        services.AddSingleton<Microsoft.Extensions.Options.IPostConfigureOptions<CookieAuthenticationOptions>>(sp =>
            new CookieTicketCaching(security, sp.GetRequiredService<TimeProvider>()));

        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddScoped<IAuthorizationHandler, PermissionHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.SignedIn, p => p.AddAuthenticationSchemes(Schemes).RequireAuthenticatedUser())
            // Anything not marked otherwise needs a signed-in user; every endpoint still names its own permission (a test checks).
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(Schemes).RequireAuthenticatedUser().Build());
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = security.AddressAttemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = async (ctx, ct) =>
            {
                await IdentityErrors.SignInThrottled().WriteProblemAsync(ctx.HttpContext);
            };
        });
    }

    /// <summary>
    /// A cookie whose user was deactivated, or whose password or roles changed since, stops working. The stamp is the one
    /// the node's <see cref="AccessCache"/> holds (the same entry the request's access then comes from).
    /// </summary>
    private static async Task ValidateStampAsync(CookieValidatePrincipalContext context)
    {
        var id = context.Principal?.FindFirstValue(ZhifaClaims.UserId);
        var stamp = context.Principal?.FindFirstValue(ZhifaClaims.SecurityStamp);
        if (!Guid.TryParse(id, out var userId))
        {
            context.RejectPrincipal();
            return;
        }
        var http = context.HttpContext;
        var current = await http.RequestServices.GetRequiredService<AccessCache>().UserAsync(userId, ActorMiddleware.ActingFor(http), http.RequestServices, http.RequestAborted);
        if (current.Access is null || current.SecurityStamp != stamp)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Cookie);
        }
    }

    private static Task ApiOrRedirect(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    public static ClaimsPrincipal Principal(SignInOutcome outcome, string scheme, Guid? tokenId = null)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var claims = new List<Claim>
        {
            new(ZhifaClaims.UserId, outcome.UserId.ToString()),
            new(ClaimTypes.Name, outcome.UserName),
            new(ZhifaClaims.SecurityStamp, outcome.SecurityStamp),
        };
        if (outcome.MustChangePassword || outcome.PasswordExpired)
            claims.Add(new Claim(ZhifaClaims.MustChangePassword, "true"));
        if (tokenId is { } t)
            claims.Add(new Claim(ZhifaClaims.TokenId, t.ToString()));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    public static Guid? UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user?.FindFirstValue(ZhifaClaims.UserId), CultureInfo.InvariantCulture, out var id) ? id : null;
}
