using Zhifa.Core.Identity;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Tests.Infrastructure;
using Zhifa.Web.Common;

namespace Zhifa.Tests.Web;

/// <summary>
/// Every problem has one shape, whether an endpoint answers it or authentication, authorization, the rate limiter
/// or an exception handler does: type under /problems/, title, status, detail, code and traceId, in the caller's language.
/// </summary>
public abstract class ProblemShapeTests(ZhifaApp app)
{
    [Fact]
    public async Task NoCredentials_Is401_InTheCommonShape()
    {
        var problem = await ShapeAsync(await app.Api().GetAsync("/api/v1/auth/me"), HttpStatusCode.Unauthorized, "unauthorized", "auth.required");
        Assert.False(problem.TryGetProperty("rule", out _));
    }

    [Fact]
    public async Task ABadToken_Is401_InTheCommonShape_InTheCallersLanguage()
    {
        async Task<JsonElement> AskAsync(string language)
        {
            var client = app.Api(language);
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "zf_not_a_token");
            return await ShapeAsync(await client.GetAsync("/api/v1/auth/me"), HttpStatusCode.Unauthorized, "unauthorized", "token.unknown");
        }
        var chinese = await AskAsync("zh-CN");
        var english = await AskAsync("en");
        Assert.NotEqual(chinese.GetProperty("detail").GetString(), english.GetProperty("detail").GetString());
        Assert.NotEqual(chinese.GetProperty("title").GetString(), english.GetProperty("title").GetString());
    }

    [Fact]
    public async Task AMissingPermission_Is403_InTheCommonShape_NamingThePermission()
    {
        var problem = await ShapeAsync(await app.ApiAs("yp.market.officer").GetAsync("/api/v1/users"), HttpStatusCode.Forbidden, "forbidden", "error.forbidden");
        Assert.Equal(IdentityPermissions.AdminUsers, problem.GetProperty("permission").GetString());
    }

    [Fact]
    public async Task AnUnreadableBody_Is400_InTheCommonShape_NamingTheField()
    {
        using var body = new StringContent("{\"name\": ", Encoding.UTF8, "application/json");
        var problem = await ShapeAsync(await app.ApiAs("admin").PostAsync("/api/v1/roles", body), HttpStatusCode.BadRequest, "validation", "error.validation");
        Assert.NotEmpty(problem.GetProperty("errors").EnumerateObject());
    }

    [Fact]
    public async Task AnEndpointsExpectedFailure_HasTheSameShape()
    {
        var problem = await ShapeAsync(await app.ApiAs("admin").GetAsync($"/api/v1/users/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "not-found", "error.not_found");
        Assert.False(problem.TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task ALostRace_Is409_InTheCommonShape()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider, TraceIdentifier = "trace-1" };
        context.Request.Path = "/api/v1/users";
        context.Response.Body = new MemoryStream();
        var handled = await new ConcurrentChangeHandler().TryHandleAsync(context, new DbUpdateConcurrencyException("save"), CancellationToken.None);
        Assert.True(handled);
        Assert.Equal(StatusCodes.Status409Conflict, context.Response.StatusCode);
        Assert.StartsWith("application/problem+json", context.Response.ContentType, StringComparison.Ordinal);
        context.Response.Body.Position = 0;
        var problem = (await JsonDocument.ParseAsync(context.Response.Body)).RootElement;
        AssertShape(problem, 409, "conflict", "error.concurrent_change");
        Assert.Equal("trace-1", problem.GetProperty("traceId").GetString());
    }

    [Fact]
    public async Task Throttling_Is429_InTheCommonShape()
    {
        using var limited = new ZhifaApp(app.Provider, new Dictionary<string, string?> { ["Zhifa:Security:AddressAttemptsPerMinute"] = "1" });
        var client = limited.Api();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostJsonAsync("/api/v1/auth/token", new { userName = "nobody", password = "x" })).StatusCode);
        await ShapeAsync(await client.PostJsonAsync("/api/v1/auth/token", new { userName = "nobody", password = "x" }), HttpStatusCode.TooManyRequests, "throttled", "login.throttled");
    }

    private static async Task<JsonElement> ShapeAsync(HttpResponseMessage response, HttpStatusCode status, string type, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        AssertShape(problem, (int)status, type, code);
        return problem;
    }

    private static void AssertShape(JsonElement problem, int status, string type, string code)
    {
        Assert.Equal(Problems.TypeBase + type, problem.GetProperty("type").GetString());
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("traceId").GetString()));
    }
}

public sealed class ProblemShapeTests_Sqlite(SqliteApp fixture) : ProblemShapeTests(fixture.App), IClassFixture<SqliteApp>;

public sealed class ProblemShapeTests_Postgres(PostgresApp fixture) : ProblemShapeTests(fixture.App), IClassFixture<PostgresApp>;
