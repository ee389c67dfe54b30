using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Zhifa.Web.Common;

namespace Zhifa.Web.Identity;

/// <summary>
/// The browser's sign-out (a form post from the top bar, antiforgery-checked, back to the sign-in page) and the
/// top bar's "acting for" switcher.
/// </summary>
public static class AccountEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", async ([FromForm] string? returnUrl, HttpContext http) =>
            {
                await http.SignOutAsync(AuthSetup.Cookie);
                http.Response.Cookies.Delete(ActorMiddleware.ActingForCookie);
                return Results.LocalRedirect("/account/login");
            })
            .RequireSignedIn().ExcludeFromDescription();

        // GET /account/acting?org={id}&r=/organizations — act for one organisation where the user holds roles (or org=all).
        // It can only narrow the session: an organisation without an assignment of the user's is ignored when loading access.
        app.MapGet("/account/acting", (string? org, string? r, HttpContext http) =>
            {
                if (Guid.TryParse(org, out var id))
                    http.Response.Cookies.Append(ActorMiddleware.ActingForCookie, id.ToString(),
                        new CookieOptions { IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps });
                else
                    http.Response.Cookies.Delete(ActorMiddleware.ActingForCookie);
                return Results.LocalRedirect(LocalPath.OrRoot(r));
            })
            .RequireSignedIn().ExcludeFromDescription();
    }
}
