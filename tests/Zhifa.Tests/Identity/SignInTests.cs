using Zhifa.Core.Catalogue;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Demo;
using Zhifa.Core.Identity;
using Zhifa.Core.Organizations;
using Zhifa.Tests.Infrastructure;

namespace Zhifa.Tests.Identity;

/// <summary>Sign-in, lockout, tokens, password policy and forced change, on both databases.</summary>
public abstract class SignInTests(ZhifaApp app)
{
    private readonly HttpClient _anonymous = app.Api();

    /// <summary>A fresh user in the transport bureau with an initial password they must change.</summary>
    private async Task<(Guid Id, string UserName, string Password)> NewUserAsync(string role = RoleTemplates.Officer)
    {
        var admin = app.ApiAs("admin");
        var name = "t" + TestData.Next() + ".user";
        const string password = "Init#2026a";
        var created = await admin.PostJsonAsync("/api/v1/users", new CreateUserRequest(name, "测试用户", DemoData.Ids.YuanpingTransport, password));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var user = await created.ReadAsync<UserDetailDto>();
        var assigned = await admin.PostJsonAsync($"/api/v1/users/{user.User.Id}/assignments",
            new AssignRoleRequest(EnsureRoleTemplates.IdOf(role), DemoData.Ids.YuanpingTransport, DataScopeKind.Agency));
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        return (user.User.Id, name, password);
    }

    private Task<HttpResponseMessage> TokenAsync(string userName, string password) =>
        _anonymous.PostJsonAsync("/api/v1/auth/token", new { userName, password });

    private async Task<List<LoginLogEntry>> LoginLogAsync(string userName)
    {
        await using var scope = app.Scope(out var db);
        return await db.LoginLog.Where(l => l.UserName == userName).OrderBy(l => l.At).ToListAsync();
    }

    [Fact]
    public async Task WrongPassword_Is401_AndLogged()
    {
        var response = await TokenAsync("yp.market.officer", "wrong-password");
        var problem = await Problem.ReadAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("login.bad_credentials", problem.Code);
        Assert.Contains(await LoginLogAsync("yp.market.officer"), l => !l.Success && l.Outcome == "login.bad_credentials");
    }

    [Fact]
    public async Task UnknownUser_Is401_WithTheSameMessage_AndLogged()
    {
        var name = "nobody" + TestData.Next();
        var problem = await Problem.ReadAsync(await TokenAsync(name, "whatever"), HttpStatusCode.Unauthorized);
        Assert.Equal("login.bad_credentials", problem.Code);
        var entry = Assert.Single(await LoginLogAsync(name));
        Assert.Equal(("login.unknown_user", (Guid?)null), (entry.Outcome, entry.OrganizationId));
    }

    [Fact]
    public async Task FiveFailures_LockTheAccount_UntilTenMinutesPass()
    {
        var (_, name, password) = await NewUserAsync();
        for (var i = 0; i < 5; i++)
            Assert.Equal("login.bad_credentials", (await Problem.ReadAsync(await TokenAsync(name, "Wrong#2026x"), HttpStatusCode.Unauthorized)).Code);
        // Even the right password is refused while locked, with the one answer every refused sign-in gets.
        var locked = await Problem.ReadAsync(await TokenAsync(name, password), HttpStatusCode.Unauthorized);
        Assert.Equal("login.bad_credentials", locked.Code);
        Assert.Contains("10", locked.Detail, StringComparison.Ordinal);
        var log = await LoginLogAsync(name);
        // The log keeps the true outcomes (the clock stands still, so they are compared as a set).
        Assert.Equal(["login.bad_credentials", "login.bad_credentials", "login.bad_credentials", "login.bad_credentials", "login.locked", "login.locked_now"],
            log.Select(l => l.Outcome).Order(StringComparer.Ordinal).ToArray());

        app.Clock.Advance(TimeSpan.FromMinutes(10).Add(TimeSpan.FromSeconds(1)));
        // The password is right again; the user must still change the initial one before getting a token.
        var after = await Problem.ReadAsync(await TokenAsync(name, password), HttpStatusCode.Forbidden);
        Assert.Equal("auth.password_change_required", after.Code);
    }

    [Fact]
    public async Task InitialPassword_MustBeChanged_BeforeAnythingElse()
    {
        var (_, name, password) = await NewUserAsync();
        var cookie = await Forms.SignInWithCookieAsync(app, name, password);
        var home = await cookie.GetAsync("/organizations");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/account/change-password", home.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var api = await Problem.ReadAsync(await cookie.GetAsync("/api/v1/organizations"), HttpStatusCode.Forbidden);
        Assert.Equal("password.must_change", api.Code);

        var weak = await Forms.SubmitAsync(cookie, "/account/change-password", "change-password",
            new Dictionary<string, string> { ["CurrentPassword"] = password, ["NewPassword"] = "short", ["ConfirmPassword"] = "short" });
        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        Assert.Contains("密码至少需要 8 位", await weak.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var changed = await Forms.SubmitAsync(cookie, "/account/change-password", "change-password",
            new Dictionary<string, string> { ["CurrentPassword"] = password, ["NewPassword"] = "Better#2026b", ["ConfirmPassword"] = "Better#2026b" });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cookie.GetAsync("/organizations")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(name, "Better#2026b")).StatusCode);
    }

    [Theory]
    [InlineData("short1A", "password.too_short")]
    [InlineData("alllowercase", "password.too_simple")]
    public async Task PasswordPolicy_RefusesWeakPasswords(string newPassword, string _)
    {
        var officer = app.ApiAs("yp.market.reviewer");
        var response = await officer.PostJsonAsync("/api/v1/auth/password", new ChangePasswordRequest(DemoData.DemoPassword, newPassword));
        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.For("newPassword"));
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync("yp.market.reviewer", DemoData.DemoPassword)).StatusCode);
    }

    [Fact]
    public async Task RevokedAndExpiredTokens_Are401_AndLogged()
    {
        var token = app.IssueToken("yp.market.head");
        var client = app.Api();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var mine = await client.GetFromJsonAsync<List<ApiTokenDto>>("/api/v1/auth/tokens", ZhifaApp.Json);
        var id = mine!.Single(t => token.StartsWith(t.Prefix, StringComparison.Ordinal) && t.RevokedAt is null).Id;
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/auth/tokens/{id}")).StatusCode);
        var revoked = await Problem.ReadAsync(await client.GetAsync("/api/v1/auth/me"), HttpStatusCode.Unauthorized);
        Assert.Equal("token.revoked", revoked.Code);

        var second = app.IssueToken("yp.market.head");
        client.DefaultRequestHeaders.Authorization = new("Bearer", second);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/auth/me")).StatusCode);
        app.Clock.Advance(TimeSpan.FromDays(91));
        var expired = await Problem.ReadAsync(await client.GetAsync("/api/v1/auth/me"), HttpStatusCode.Unauthorized);
        Assert.Equal("token.expired", expired.Code);

        var log = await LoginLogAsync("yp.market.head");
        Assert.Contains(log, l => l.Outcome == "token.revoked" && l.Channel == "token");
        Assert.Contains(log, l => l.Outcome == "token.expired");
    }

    [Fact]
    public async Task TamperedCookie_IsRefused()
    {
        var withJar = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var signIn = await Forms.SubmitAsync(withJar, "/account/login", "login",
            new Dictionary<string, string> { ["UserName"] = "yp.supervisor", ["Password"] = DemoData.DemoPassword });
        var value = signIn.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("zhifa.auth=", StringComparison.Ordinal)).Split(';')[0]["zhifa.auth=".Length..];
        var raw = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        async Task<HttpResponseMessage> GetWith(string url, string cookieValue)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add("Cookie", "zhifa.auth=" + cookieValue);
            return await raw.SendAsync(request);
        }

        Assert.Equal(HttpStatusCode.OK, (await GetWith("/organizations", value)).StatusCode);
        var tampered = value[..40] + (value[40] == 'A' ? 'B' : 'A') + value[41..];
        var page = await GetWith("/organizations", tampered);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/login", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetWith("/api/v1/auth/me", tampered)).StatusCode);
    }

    [Fact]
    public async Task DeactivatingAUser_EndsTheirSession()
    {
        var (id, name, password) = await NewUserAsync();
        var cookie = await Forms.SignInWithCookieAsync(app, name, password);
        Assert.Equal(HttpStatusCode.Redirect, (await cookie.GetAsync("/organizations")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.ApiAs("admin").PostAsync($"/api/v1/users/{id}/deactivate", null)).StatusCode);
        var after = await cookie.GetAsync("/account/profile");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/login", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal("login.bad_credentials", (await Problem.ReadAsync(await TokenAsync(name, password), HttpStatusCode.Unauthorized)).Code);
        Assert.Contains(await LoginLogAsync(name), l => l.Outcome == "login.inactive");
    }

    [Fact]
    public async Task WhoAmI_ListsAssignmentsAndPermissions()
    {
        var me = await app.ApiAs("yp.supervisor").GetFromJsonAsync<Zhifa.Web.Identity.MeDto>("/api/v1/auth/me", ZhifaApp.Json);
        Assert.Equal("yp.supervisor", me!.UserName);
        Assert.Contains(CataloguePermissions.CatalogueReview, me.Permissions);
        Assert.DoesNotContain(OrganizationPermissions.OrgManage, me.Permissions);
        Assert.Equal(DataScopeKind.RegionSubtree, Assert.Single(me.Assignments).Scope);
    }

    [Fact]
    public async Task MissingPermission_Is403_AndChangesNothing()
    {
        var officer = app.ApiAs("yp.market.officer");
        var response = await officer.PostJsonAsync("/api/v1/organizations/units", new CreateUnitRequest("越权股", DemoData.Ids.YuanpingMarket));
        var problem = await Problem.ReadAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal(OrganizationPermissions.OrgManage, problem.Permission);
        await using var scope = app.Scope(out var db);
        Assert.False(await db.Organizations.AnyAsync(o => o.Name == "越权股"));
    }

    [Fact]
    public async Task AdministratorCannotGrantBeyondTheirOwnScope()
    {
        var (id, _, _) = await NewUserAsync();
        var response = await app.ApiAs("yp.admin").PostJsonAsync($"/api/v1/users/{id}/assignments",
            new AssignRoleRequest(EnsureRoleTemplates.IdOf(RoleTemplates.Supervisor), DemoData.Ids.Body("忻州市司法局"), DataScopeKind.RegionSubtree));
        Assert.Single((await Problem.ReadAsync(response, HttpStatusCode.BadRequest)).For("organizationId"));
    }
}

public sealed class SignInTests_Sqlite(SqliteApp fixture) : SignInTests(fixture.App), IClassFixture<SqliteApp>;

public sealed class SignInTests_Postgres(PostgresApp fixture) : SignInTests(fixture.App), IClassFixture<PostgresApp>;

public class SignInRateLimitTests
{
    [Fact]
    public async Task SignIn_IsRateLimitedPerAddress()
    {
        using var app = new ZhifaApp(TestDatabases.Sqlite, new Dictionary<string, string?> { ["Zhifa:Security:AddressAttemptsPerMinute"] = "3" });
        var client = app.Api();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
            statuses.Add((await client.PostJsonAsync("/api/v1/auth/token", new { userName = "u" + i, password = "x" })).StatusCode);
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task SignIn_IsRateLimitedPerAccount()
    {
        using var app = new ZhifaApp(TestDatabases.Sqlite, new Dictionary<string, string?> { ["Zhifa:Security:AccountAttemptsPerMinute"] = "3", ["Zhifa:Security:MaxFailedAttempts"] = "100" });
        var client = app.Api();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostJsonAsync("/api/v1/auth/token", new { userName = "yp.admin", password = "wrong" })).StatusCode);
        var throttled = await Problem.ReadAsync(await client.PostJsonAsync("/api/v1/auth/token", new { userName = "yp.admin", password = DemoData.DemoPassword }), HttpStatusCode.TooManyRequests);
        Assert.Equal("login.throttled", throttled.Code);
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/api/v1/auth/token", new { userName = "yp.admin", password = DemoData.DemoPassword })).StatusCode);
    }
}
