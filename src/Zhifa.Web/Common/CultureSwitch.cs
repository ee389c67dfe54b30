using Microsoft.AspNetCore.Localization;

namespace Zhifa.Web.Common;

internal static class CultureSwitch
{
    /// <summary>GET /culture?c=en&amp;r=/organizations — remembers the language in a cookie and goes back.</summary>
    public static void MapCultureSwitch(this IEndpointRouteBuilder app) =>
        app.MapGet("/culture", (string? c, string? r, HttpContext http, TimeProvider clock) =>
        {
            var culture = HostSetup.SupportedCultures.FirstOrDefault(x => x.Name.Equals(c, StringComparison.OrdinalIgnoreCase))?.Name ?? "zh-CN";
            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = clock.GetUtcNow().AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(LocalPath.OrRoot(r));
        }).ExcludeFromDescription().Public("the language switch, also on the sign-in page");
}
