using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Zhifa.Core.Calendar;
using Zhifa.Core.Data;
using Zhifa.Core.Demo;
using Zhifa.Core.Identity;
using Zhifa.Core.Organizations;
using Zhifa.Tests.Infrastructure;
using Zhifa.Web.Identity;

namespace Zhifa.Tests.Identity;

/// <summary>
/// The node's cache of callers (<see cref="AccessCache"/>): a warmed-up request, bearer or cookie, runs no SQL before its
/// own work; and whatever the access is made of, changed on the node, counts from the next request — a deactivated account,
/// a revoked token, a permission taken from a role, a role taken from a user, a new password, even a statement past the
/// change tracker; an expired token is refused even while it is cached.
/// </summary>
public abstract class AccessCacheTests
{
    private const string Password = "Cache#2026a";

    private readonly CountedApp _fixture;
    private readonly WebApplicationFactory<Program> _host;
    private readonly CommandCounter _commands;

    protected AccessCacheTests(CountedApp fixture)
    {
        _fixture = fixture;
        _host = fixture.Host;
        _commands = fixture.Commands;
    }

    private HttpClient Client(bool cookies = false) =>
        _host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = cookies });

    private HttpClient Admin() => Bearer(_fixture.AdminToken());

    private HttpClient Bearer(string token)
    {
        var client = Client();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A new user of the transport bureau holding <paramref name="roleId"/> (the officer's by default), their initial password changed, and a token of theirs.</summary>
    private async Task<(Guid Id, string Name, Guid AssignmentId, string Token)> NewUserAsync(Guid? roleId = null)
    {
        var admin = Admin();
        var name = "c" + TestData.Next() + ".user";
        var created = await admin.PostJsonAsync("/api/v1/users", new CreateUserRequest(name, "缓存用户", DemoData.Ids.YuanpingTransport, "Init#2026a"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadAsync<UserDetailDto>()).User.Id;
        var assigned = await admin.PostJsonAsync($"/api/v1/users/{id}/assignments",
            new AssignRoleRequest(roleId ?? EnsureRoleTemplates.IdOf(RoleTemplates.Officer), DemoData.Ids.YuanpingTransport, DataScopeKind.Agency));
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        var assignment = Assert.Single((await assigned.ReadAsync<UserDetailDto>()).Assignments).Id;
        var token = await Client().PostJsonAsync("/api/v1/auth/token", new TokenRequest(name, "Init#2026a", NewPassword: Password));
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        return (id, name, assignment, (await token.ReadAsync<IssuedToken>()).Token);
    }

    private async Task<HttpClient> CookieAsync(string userName)
    {
        var client = Client(cookies: true);
        var response = await Forms.SubmitAsync(client, "/account/login", "login", new Dictionary<string, string> { ["UserName"] = userName, ["Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private static async Task<string> WhoAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/v1/auth/me");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadAsync<MeDto>()).UserName;
    }

    /// <summary>Requests <paramref name="times"/> times and answers how many SQL commands they ran together.</summary>
    private async Task<int> CommandsOfAsync(HttpClient client, string url, HttpStatusCode expected, int times = 5)
    {
        _commands.Reset();
        for (var i = 0; i < times; i++)
            Assert.Equal(expected, (await client.GetAsync(url)).StatusCode);
        var count = _commands.Count;
        Assert.True(count == 0, $"{url}: {count} commands: {string.Join(", ", _commands.ByKind().Select(k => $"{k.Key} ×{k.Value}"))}");
        return count;
    }

    [Fact]
    public async Task WarmedUpBearerRequest_RunsNoSqlCommand()
    {
        var (_, name, _, token) = await NewUserAsync();
        var client = Bearer(token);
        // The first request reads the token and the user (and records the token's first use) ...
        Assert.Equal(name, await WhoAsync(client));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);

        // ... then neither liveness nor who-am-I (which needs the caller's whole access) reads anything.
        Assert.Equal(0, await CommandsOfAsync(client, "/health/live", HttpStatusCode.OK));
        Assert.Equal(0, await CommandsOfAsync(client, "/api/v1/auth/me", HttpStatusCode.OK));
    }

    [Fact]
    public async Task WarmedUpCookieRequest_RunsNoSqlCommand()
    {
        var (_, name, _, _) = await NewUserAsync();
        var cookie = await CookieAsync(name);
        Assert.Equal(name, await WhoAsync(cookie));
        // The cookie's ticket is decrypted once per cookie value, not on every request.
        Assert.IsType<CachedTicketFormat>(_host.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(AuthSetup.Cookie).TicketDataFormat);

        Assert.Equal(0, await CommandsOfAsync(cookie, "/health/live", HttpStatusCode.OK));
        Assert.Equal(0, await CommandsOfAsync(cookie, "/api/v1/auth/me", HttpStatusCode.OK));
    }

    [Fact]
    public async Task DeactivatedUser_NextBearerAndCookieRequestsAreRefused()
    {
        var (id, name, _, token) = await NewUserAsync();
        var bearer = Bearer(token);
        var cookie = await CookieAsync(name);
        Assert.Equal(name, await WhoAsync(bearer));
        Assert.Equal(name, await WhoAsync(cookie));

        Assert.Equal(HttpStatusCode.OK, (await Admin().PostAsync($"/api/v1/users/{id}/deactivate", null)).StatusCode);

        Assert.Equal("login.inactive", (await Problem.ReadAsync(await bearer.GetAsync("/api/v1/auth/me"), HttpStatusCode.Unauthorized)).Code);
        Assert.Equal(HttpStatusCode.Unauthorized, (await cookie.GetAsync("/api/v1/auth/me")).StatusCode);
        var page = await cookie.GetAsync("/account/profile");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/login", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokedToken_Is401AtOnce()
    {
        var (_, name, _, token) = await NewUserAsync();
        var bearer = Bearer(token);
        Assert.Equal(name, await WhoAsync(bearer));
        var mine = await bearer.GetFromJsonAsync<List<ApiTokenDto>>("/api/v1/auth/tokens", ZhifaApp.Json);
        var id = Assert.Single(mine!, t => t.RevokedAt is null).Id;

        Assert.Equal(HttpStatusCode.NoContent, (await bearer.DeleteAsync($"/api/v1/auth/tokens/{id}")).StatusCode);

        Assert.Equal("token.revoked", (await Problem.ReadAsync(await bearer.GetAsync("/api/v1/auth/me"), HttpStatusCode.Unauthorized)).Code);
        // Liveness answers anyone; the revoked token only makes the request anonymous.
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task PermissionTakenFromARole_NextRequestIs403()
    {
        var admin = Admin();
        var code = "cache" + TestData.Next();
        var created = await admin.PostJsonAsync("/api/v1/roles", new SaveRoleRequest(code, "缓存角色" + code, null, DataScopeKind.Agency,
            [OrganizationPermissions.OrgRead, CalendarPermissions.Read]));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var role = await created.ReadAsync<RoleDto>();
        var (_, name, _, token) = await NewUserAsync(role.Id);
        var bearer = Bearer(token);
        var cookie = await CookieAsync(name);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/v1/organizations")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cookie.GetAsync("/api/v1/organizations")).StatusCode);

        var updated = await admin.PutJsonAsync($"/api/v1/roles/{role.Id}", new SaveRoleRequest(code, "缓存角色" + code, null, DataScopeKind.Agency, [CalendarPermissions.Read]));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);

        Assert.Equal(OrganizationPermissions.OrgRead, (await Problem.ReadAsync(await bearer.GetAsync("/api/v1/organizations"), HttpStatusCode.Forbidden)).Permission);
        Assert.Equal(HttpStatusCode.Forbidden, (await cookie.GetAsync("/api/v1/organizations")).StatusCode);
        // What the role still grants still works.
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/v1/calendar/2026")).StatusCode);
    }

    [Fact]
    public async Task RoleTakenFromAUser_NextRequestIsRefused()
    {
        var (id, name, assignment, token) = await NewUserAsync();
        var bearer = Bearer(token);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/v1/organizations")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await Admin().DeleteAsync($"/api/v1/users/{id}/assignments/{assignment}")).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await bearer.GetAsync("/api/v1/organizations")).StatusCode);
        Assert.Empty((await (await bearer.GetAsync("/api/v1/auth/me")).ReadAsync<MeDto>()).Assignments);
        Assert.Equal(name, await WhoAsync(bearer));
    }

    [Fact]
    public async Task NewPassword_RejectsTheOldCookie_AtOnce()
    {
        var (_, name, _, token) = await NewUserAsync();
        var cookie = await CookieAsync(name);
        Assert.Equal(name, await WhoAsync(cookie));

        var changed = await Bearer(token).PostJsonAsync("/api/v1/auth/password", new ChangePasswordRequest(Password, "Newer#2026b"));
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await cookie.GetAsync("/api/v1/auth/me")).StatusCode);
        var page = await cookie.GetAsync("/account/profile");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/login", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpiredToken_Is401_EvenWhileCached()
    {
        var (_, name, _, token) = await NewUserAsync();
        var bearer = Bearer(token);
        Assert.Equal(name, await WhoAsync(bearer));
        Assert.Equal(0, await CommandsOfAsync(bearer, "/api/v1/auth/me", HttpStatusCode.OK));

        // The token lives 90 days (Zhifa:Security:TokenLifetimeDays); the cache keeps it 30 s of real time, so it is still held.
        _fixture.App.Clock.Advance(TimeSpan.FromDays(90).Add(TimeSpan.FromSeconds(1)));

        Assert.Equal("token.expired", (await Problem.ReadAsync(await bearer.GetAsync("/api/v1/auth/me"), HttpStatusCode.Unauthorized)).Code);
        // Every later test signs in afresh: the administrator's token is issued again at the new time.
        _fixture.ForgetAdminToken();
    }

    [Fact]
    public async Task TokenUse_IsWrittenAtMostEveryFiveMinutes()
    {
        var (_, name, _, token) = await NewUserAsync();
        var bearer = Bearer(token);
        var issuedAt = _fixture.App.Clock.GetUtcNow().UtcDateTime;
        Assert.Equal(name, await WhoAsync(bearer));
        // (PostgreSQL keeps microseconds, the clock ticks of 100 ns.)
        var precision = TimeSpan.FromMilliseconds(1);
        Assert.Equal(issuedAt, await LastUsedAsync(name), precision);

        _fixture.App.Clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(0, await CommandsOfAsync(bearer, "/api/v1/auth/me", HttpStatusCode.OK));
        Assert.Equal(issuedAt, await LastUsedAsync(name), precision);

        _fixture.App.Clock.Advance(TimeSpan.FromMinutes(1).Add(TimeSpan.FromSeconds(1)));
        Assert.Equal(name, await WhoAsync(bearer));
        Assert.Equal(issuedAt.AddMinutes(5).AddSeconds(1), await LastUsedAsync(name), precision);
    }

    private async Task<DateTime> LastUsedAsync(string userName)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().AsSystem();
        var db = scope.ServiceProvider.GetRequiredService<ZhifaDbContext>();
        var userId = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        return await db.ApiTokens.Where(t => t.UserId == userId).Select(t => t.LastUsedAt).SingleAsync() ?? throw new InvalidOperationException("The token's use was not recorded.");
    }

    [Fact]
    public async Task AStatementPastTheChangeTracker_StillDropsTheCache()
    {
        var (id, name, _, token) = await NewUserAsync();
        var bearer = Bearer(token);
        Assert.Equal(name, await WhoAsync(bearer));

        await using (var scope = _host.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<ActorContext>().AsSystem();
            var db = scope.ServiceProvider.GetRequiredService<ZhifaDbContext>();
            Assert.Equal(1, await db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false)));
        }

        Assert.Equal("login.inactive", (await Problem.ReadAsync(await bearer.GetAsync("/api/v1/auth/me"), HttpStatusCode.Unauthorized)).Code);
    }

    [Fact]
    public async Task AChangeInsideATransaction_CountsOnceCommitted_NotBefore()
    {
        var (id, name, _, token) = await NewUserAsync();
        var bearer = Bearer(token);
        Assert.Equal(name, await WhoAsync(bearer));

        await using var scope = _host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().AsSystem();
        var db = scope.ServiceProvider.GetRequiredService<ZhifaDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var user = await db.Users.SingleAsync(u => u.Id == id);
        db.Entry(user).Property(u => u.IsActive).CurrentValue = false;
        await db.SaveChangesAsync();
        // Saved but not committed: a request now still reads the account as active (and may keep it so) ...
        Assert.Equal(name, await WhoAsync(bearer));
        await transaction.CommitAsync();
        // ... and the commit drops what it kept.
        Assert.Equal("login.inactive", (await Problem.ReadAsync(await bearer.GetAsync("/api/v1/auth/me"), HttpStatusCode.Unauthorized)).Code);
    }
}

/// <summary>
/// The class's app, and the same app on the same database with every SQL command counted (and no background jobs, whose
/// commands would be counted too): the tests talk to the counted one only, so that its own cache sees every change.
/// </summary>
public abstract class CountedApp : IDisposable
{
    private string? _adminToken;

    protected CountedApp(string provider)
    {
        // Many sign-ins from one address in a minute: the per-address limit is raised (a Zhifa:Security setting keeps the template database).
        App = new ZhifaApp(provider, new Dictionary<string, string?> { ["Zhifa:Security:AddressAttemptsPerMinute"] = "1000" });
        Host = App.WithWebHostBuilder(b =>
        {
            b.UseSetting("Zhifa:Jobs:Enabled", "false");
            b.ConfigureServices(s => s.ConfigureDbContext<ZhifaDbContext>(o => o.AddInterceptors(Commands)));
        });
    }

    public ZhifaApp App { get; }
    public CommandCounter Commands { get; } = new();
    public WebApplicationFactory<Program> Host { get; }

    public string AdminToken()
    {
        if (_adminToken is not null)
            return _adminToken;
        var response = Host.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = DemoData.DemoPassword }, ZhifaApp.Json).GetAwaiter().GetResult();
        response.EnsureSuccessStatusCode();
        return _adminToken = JsonSerializer.Deserialize<IssuedToken>(response.Content.ReadAsStringAsync().GetAwaiter().GetResult(), ZhifaApp.Json)!.Token;
    }

    public void ForgetAdminToken() => _adminToken = null;

    public void Dispose()
    {
        Host.Dispose();
        App.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class CountedSqliteApp() : CountedApp(TestDatabases.Sqlite);

public sealed class CountedPostgresApp() : CountedApp(TestDatabases.Postgres);

public sealed class AccessCacheTests_Sqlite(CountedSqliteApp fixture) : AccessCacheTests(fixture), IClassFixture<CountedSqliteApp>;

public sealed class AccessCacheTests_Postgres(CountedPostgresApp fixture) : AccessCacheTests(fixture), IClassFixture<CountedPostgresApp>;
