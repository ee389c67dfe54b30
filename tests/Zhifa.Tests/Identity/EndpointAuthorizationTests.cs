using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Tests.Infrastructure;
using Zhifa.Web.Identity;

namespace Zhifa.Tests.Identity;

/// <summary>Every endpoint and page of the running app names its permission, or is knowingly public.</summary>
public class EndpointAuthorizationTests(SqliteApp fixture) : IClassFixture<SqliteApp>
{
    /// <summary>
    /// The routes anyone may reach without signing in: those their feature declares public, with a reason
    /// (<see cref="Zhifa.Web.Common.PublicAttribute"/>, where the route or page is defined), read from the running app.
    /// </summary>
    public static HashSet<string> PublicRoutes(ZhifaApp app) =>
        new(Endpoints(app).Where(e => e.Endpoint.Metadata.GetMetadata<Zhifa.Web.Common.PublicAttribute>() is not null).Select(e => e.Route),
            StringComparer.OrdinalIgnoreCase);

    /// <summary>Endpoints the framework maps for Razor components; they fall under the signed-in fallback policy.</summary>
    public static readonly HashSet<string> FrameworkRoutes = new(StringComparer.OrdinalIgnoreCase) { "GET /_framework/opaque-redirect" };

    public static IReadOnlyList<(string Route, RouteEndpoint Endpoint)> Endpoints(ZhifaApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        _ = app.Server;
        return app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"])
                .Select(m => ($"{m} /{e.RoutePattern.RawText!.TrimStart('/')}", e)))
            .ToList();
    }

    [Fact]
    public void EveryEndpoint_NamesItsPermission_OrIsOnThePublicAllowList()
    {
        var endpoints = Endpoints(fixture.App);
        Assert.True(endpoints.Count > 40, $"only {endpoints.Count} endpoints found");
        var problems = new List<string>();
        foreach (var (route, endpoint) in endpoints)
        {
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            var named = policies.Any(p => p is not null && (p.StartsWith(Policies.PermissionPrefix, StringComparison.Ordinal) || p == Policies.SignedIn));
            var declared = endpoint.Metadata.GetMetadata<Zhifa.Web.Common.PublicAttribute>();
            if (anonymous && declared is null)
                problems.Add($"{route} is anonymous but not declared public (with a reason)");
            else if (declared is not null && declared.Reason.Length < 8)
                problems.Add($"{route} is public without a reason worth the name: \"{declared.Reason}\"");
            else if (!anonymous && !named && !FrameworkRoutes.Contains(route))
                problems.Add($"{route} names no permission");
            foreach (var p in policies.Where(p => p?.StartsWith(Policies.PermissionPrefix, StringComparison.Ordinal) == true))
                if (!Zhifa.Core.Identity.Permissions.IsKnown(p![Policies.PermissionPrefix.Length..]))
                    problems.Add($"{route} names an unknown permission {p}");
        }
        Assert.Empty(problems);
        // The public surface is small and read-mostly: sign-in, the public site, certificate verification, health, the API description.
        var publicRoutes = PublicRoutes(fixture.App);
        Assert.InRange(publicRoutes.Count, 10, 60);
        Assert.All(publicRoutes.Where(r => !r.StartsWith("GET ", StringComparison.Ordinal) && !r.StartsWith("HEAD ", StringComparison.Ordinal)),
            r => Assert.Contains(r, new[] { "POST /account/login", "POST /api/v1/auth/token", "POST /public/verify", "POST /account/denied", "POST /not-found",
                "POST /public", "POST /public/catalogue", "POST /public/catalogue/{Id:guid}", "POST /public/benchmarks", "POST /public/benchmarks/{Id:guid}", "POST /public/lists",
                "POST /api/v1/public/inspections/code/{code}/rating", "POST /api/v1/public/inspections/draws/verify",
                "POST /public/inspections", "POST /public/inspections/code", "POST /public/inspections/code/{Code}", "POST /public/inspections/draws/{Id:guid}", "POST /public/inspections/registries" }));
    }

    [Fact]
    public async Task AnonymousCallers_AreTurnedAway_FromEveryProtectedApiEndpoint()
    {
        var client = fixture.App.Api();
        foreach (var (route, _) in Endpoints(fixture.App).Where(e => e.Route.Contains(" /api/", StringComparison.Ordinal) && !PublicRoutes(fixture.App).Contains(e.Route)))
        {
            var parts = route.Split(' ', 2);
            var url = parts[1].Replace("{id:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
                .Replace("{assignmentId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal);
            using var request = new HttpRequestMessage(new HttpMethod(parts[0]), url);
            if (parts[0] is "POST" or "PUT")
                request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
            var response = await client.SendAsync(request);
            Assert.True(response.StatusCode == System.Net.HttpStatusCode.Unauthorized, $"{route} answered {(int)response.StatusCode} to an anonymous caller");
        }
    }

    [Fact]
    public async Task AnonymousVisitors_AreSentToSignIn_FromEveryProtectedPage()
    {
        var client = fixture.App.Api();
        var pages = Endpoints(fixture.App).Where(e => e.Route.StartsWith("GET /", StringComparison.Ordinal) && !e.Route.Contains("/api/", StringComparison.Ordinal)
            && e.Endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>() is not null && !PublicRoutes(fixture.App).Contains(e.Route)).ToList();
        Assert.True(pages.Count >= 10);
        foreach (var (route, _) in pages)
        {
            var url = route[4..].Replace("{Id:guid}", TestData.Yuanping.ToString(), StringComparison.Ordinal).Replace("{KindText}", "Body", StringComparison.Ordinal);
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == System.Net.HttpStatusCode.Redirect && response.Headers.Location!.PathAndQuery.StartsWith("/account/login", StringComparison.Ordinal),
                $"{route} answered {(int)response.StatusCode} {response.Headers.Location}");
        }
    }
}
