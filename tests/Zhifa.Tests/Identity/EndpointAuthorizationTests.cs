using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Tests.Infrastructure;
using Zhifa.Web.Identity;

namespace Zhifa.Tests.Identity;

/// <summary>Every endpoint and page of the running app names its permission, or is knowingly public.</summary>
public class EndpointAuthorizationTests(SqliteApp fixture) : IClassFixture<SqliteApp>
{
    /// <summary>The only routes anyone may reach without signing in.</summary>
    public static readonly HashSet<string> PublicRoutes = new(StringComparer.OrdinalIgnoreCase)
    {
        "GET /health/live", "HEAD /health/live", "GET /health/ready", "HEAD /health/ready", "GET /openapi/{documentName}.json", "GET /culture",
        "GET /account/login", "POST /account/login", "GET /account/denied", "POST /account/denied",
        "GET /not-found", "POST /not-found", "POST /api/v1/auth/token",
        "GET /api/v1/public/certificates/{number}", "GET /public/certificates/{number}/qr.png", "GET /public/verify", "POST /public/verify",
        // The public site of the catalogue, benchmarks and lists: read-only, published data only.
        "GET /api/v1/public/catalogue", "GET /api/v1/public/catalogue/{id:guid}", "GET /api/v1/public/benchmarks", "GET /api/v1/public/benchmarks/{id:guid}",
        "GET /api/v1/public/lists",
        // Its pages (Razor components answer GET and POST alike; none of them has a form).
        "GET /public", "GET /public/catalogue", "GET /public/catalogue/{Id:guid}", "GET /public/benchmarks", "GET /public/benchmarks/{Id:guid}", "GET /public/lists",
        "POST /public", "POST /public/catalogue", "POST /public/catalogue/{Id:guid}", "POST /public/benchmarks", "POST /public/benchmarks/{Id:guid}", "POST /public/lists",
    };

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
            if (anonymous && !PublicRoutes.Contains(route))
                problems.Add($"{route} is anonymous but not on the public allow-list");
            else if (!anonymous && !named && !FrameworkRoutes.Contains(route))
                problems.Add($"{route} names no permission");
            foreach (var p in policies.Where(p => p?.StartsWith(Policies.PermissionPrefix, StringComparison.Ordinal) == true))
                if (!Zhifa.Core.Identity.Permissions.IsKnown(p![Policies.PermissionPrefix.Length..]))
                    problems.Add($"{route} names an unknown permission {p}");
        }
        Assert.Empty(problems);
        // And the allow-list holds nothing stale.
        Assert.All(PublicRoutes.Where(r => !r.StartsWith("POST /account/denied", StringComparison.Ordinal) && !r.StartsWith("POST /not-found", StringComparison.Ordinal)),
            r => Assert.Contains(endpoints, e => string.Equals(e.Route, r, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task AnonymousCallers_AreTurnedAway_FromEveryProtectedApiEndpoint()
    {
        var client = fixture.App.Api();
        foreach (var (route, _) in Endpoints(fixture.App).Where(e => e.Route.Contains(" /api/", StringComparison.Ordinal) && !PublicRoutes.Contains(e.Route)))
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
            && e.Endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>() is not null && !PublicRoutes.Contains(e.Route)).ToList();
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
