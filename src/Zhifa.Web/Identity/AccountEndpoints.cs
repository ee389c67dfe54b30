using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace Zhifa.Web.Identity;

/// <summary>The browser's sign-out: a form post from the top bar (antiforgery-checked), back to the sign-in page.</summary>
public static class AccountEndpoints
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/account/logout", async ([FromForm] string? returnUrl, HttpContext http) =>
            {
                await http.SignOutAsync(AuthSetup.Cookie);
                return Results.LocalRedirect("/account/login");
            })
            .RequireSignedIn().ExcludeFromDescription();
}
