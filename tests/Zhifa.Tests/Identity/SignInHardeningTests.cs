using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Common;
using Zhifa.Core.Demo;
using Zhifa.Core.Identity;
using Zhifa.Tests.Infrastructure;

namespace Zhifa.Tests.Identity;

/// <summary>
/// What a refused sign-in tells (nothing about which names exist), who sees attempts with unknown names in the login
/// log, and how a client without a session completes the forced change of an initial password.
/// </summary>
public abstract class SignInHardeningTests(ZhifaApp app)
{
    private const string Initial = "Init#2026a";

    /// <summary>A client that keeps no cookies: what a mobile app or a script is.</summary>
    private readonly HttpClient _client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private async Task<(Guid Id, string UserName)> NewUserAsync()
    {
        var name = "h" + TestData.Next() + ".user";
        var created = await app.ApiAs("admin").PostJsonAsync("/api/v1/users", new CreateUserRequest(name, "加固测试", DemoData.Ids.YuanpingTransport, Initial));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return ((await created.ReadAsync<UserDetailDto>()).User.Id, name);
    }

    private Task<HttpResponseMessage> TokenAsync(object body) => _client.PostJsonAsync("/api/v1/auth/token", body);

    /// <summary>The answer as a client compares it: status and body without the trace id.</summary>
    private static async Task<string> AnswerAsync(HttpResponseMessage response)
    {
        var body = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(await response.Content.ReadAsStringAsync())!;
        body.Remove("traceId");
        Assert.False(response.Headers.Contains("Set-Cookie"));
        return $"{(int)response.StatusCode} {JsonSerializer.Serialize(new SortedDictionary<string, JsonElement>(body, StringComparer.Ordinal))}";
    }

    private async Task<List<LoginLogEntry>> LogAsync(string userName)
    {
        await using var scope = app.Scope(out var db);
        return await db.LoginLog.Where(l => l.UserName == userName).ToListAsync();
    }

    [Fact]
    public async Task UnknownAndKnownNames_GetTheSameAnswers_ThroughALockout()
    {
        var (_, known) = await NewUserAsync();
        var unknown = "h" + TestData.Next() + ".nobody";
        // Six wrong passwords each: the fifth locks the real account; the unknown name has nothing to lock.
        for (var i = 0; i < 6; i++)
            Assert.Equal(await AnswerAsync(await TokenAsync(new { userName = known, password = "Wrong#2026x" })),
                await AnswerAsync(await TokenAsync(new { userName = unknown, password = "Wrong#2026x" })));
        // The real account, locked, with its right password: still the same answer as an unknown name.
        var locked = await AnswerAsync(await TokenAsync(new { userName = known, password = Initial }));
        Assert.Equal(await AnswerAsync(await TokenAsync(new { userName = unknown, password = Initial })), locked);
        Assert.StartsWith("401 ", locked, StringComparison.Ordinal);
        Assert.Contains("\"code\":\"login.bad_credentials\"", locked, StringComparison.Ordinal);

        // The cookie form says the same words for both.
        string FormError(string html) => html[html.IndexOf("id=\"login-error\"", StringComparison.Ordinal)..].Split('<')[0];
        var page = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var knownPage = await Forms.SubmitAsync(page, "/account/login", "login", new Dictionary<string, string> { ["UserName"] = known, ["Password"] = Initial });
        var unknownPage = await Forms.SubmitAsync(page, "/account/login", "login", new Dictionary<string, string> { ["UserName"] = unknown, ["Password"] = Initial });
        Assert.Equal(HttpStatusCode.OK, knownPage.StatusCode);
        Assert.Equal(FormError(await unknownPage.Content.ReadAsStringAsync()), FormError(await knownPage.Content.ReadAsStringAsync()));
        Assert.Contains("用户名或密码错误", FormError(await knownPage.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // The log keeps what really happened.
        var knownLog = await LogAsync(known);
        Assert.Contains(knownLog, l => l.Outcome == "login.locked_now");
        Assert.Contains(knownLog, l => l.Outcome == "login.locked" && l.Channel == "web");
        Assert.All(await LogAsync(unknown), l => Assert.Equal(("login.unknown_user", (Guid?)null, false), (l.Outcome, l.UserId, l.Success)));
    }

    [Fact]
    public async Task DeactivatedAccount_AnswersAsAnUnknownName()
    {
        var (id, known) = await NewUserAsync();
        Assert.Equal(HttpStatusCode.OK, (await app.ApiAs("admin").PostAsync($"/api/v1/users/{id}/deactivate", null)).StatusCode);
        Assert.Equal(await AnswerAsync(await TokenAsync(new { userName = "h" + TestData.Next() + ".nobody", password = Initial })),
            await AnswerAsync(await TokenAsync(new { userName = known, password = Initial })));
        Assert.Contains(await LogAsync(known), l => l.Outcome == "login.inactive" && l.UserId == id);
    }

    [Fact]
    public async Task UnknownNames_AreInTheLoginLog_ForAdministrators_WithoutThePassword()
    {
        var unknown = "h" + TestData.Next() + ".ghost";
        const string secret = "Secret#2026-never-stored";
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(new { userName = "  " + unknown.ToUpperInvariant() + " ", password = secret })).StatusCode);

        async Task<int> SeenBy(string user) =>
            (await app.ApiAs(user).GetFromJsonAsync<Page<LoginLogDto>>($"/api/v1/login-log?userName={unknown}", ZhifaApp.Json))!.Items.Count(l => l.UserName == unknown);
        // Administrators (audit.read and admin.users) at the province and at the city see it; a supervisor who reads
        // the log of the city's bodies does not: the attempt belongs to no organisation.
        Assert.Equal(1, await SeenBy("admin"));
        Assert.Equal(1, await SeenBy("yp.admin"));
        Assert.Equal(0, await SeenBy("yp.supervisor"));
        Assert.Equal(0, await SeenBy("yp.market.head"));
        var csv = await app.ApiAs("yp.admin").GetStringAsync($"/api/v1/login-log/export?userName={unknown}");
        Assert.Contains(unknown, csv, StringComparison.Ordinal);
        Assert.Contains(unknown, await app.ApiAs("yp.admin").GetStringAsync("/audit/logins?user=" + unknown), StringComparison.Ordinal);

        // The name as typed (trimmed, lower case), never the password anywhere in the row.
        var entry = Assert.Single(await LogAsync(unknown));
        Assert.DoesNotContain(secret, JsonSerializer.Serialize(entry), StringComparison.Ordinal);
        Assert.Equal("login.unknown_user", entry.Outcome);

        // An account's own attempts stay with its organisation: the supervisor of the city sees the transport officer's.
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(new { userName = "yp.transport.officer", password = "Wrong#2026x" })).StatusCode);
        var ofOfficer = await app.ApiAs("yp.supervisor").GetFromJsonAsync<Page<LoginLogDto>>("/api/v1/login-log?userName=yp.transport.officer&success=false", ZhifaApp.Json);
        Assert.NotEmpty(ofOfficer!.Items);
    }

    [Fact]
    public async Task AnOverlongName_IsLoggedBounded_AndAnswersAsAnyUnknownName()
    {
        var stem = "h" + TestData.Next();
        var typed = stem + new string('x', 150);
        var answer = await AnswerAsync(await TokenAsync(new { userName = typed, password = "Wrong#2026x" }));
        Assert.Equal(await AnswerAsync(await TokenAsync(new { userName = stem + ".nobody", password = "Wrong#2026x" })), answer);
        await using var scope = app.Scope(out var db);
        var entry = await db.LoginLog.SingleAsync(l => l.UserName.StartsWith(stem + "xxx"));
        Assert.Equal(typed[..LoginLogEntry.MaxUserNameLength], entry.UserName);
    }

    [Fact]
    public async Task BadSignInFields_AreListedTogether_AndNothingIsLogged()
    {
        // Blank fields are the request's shape: named together before anything else.
        var blank = await Problem.ReadAsync(await TokenAsync(new { userName = " ", password = "", newPassword = "short" }), HttpStatusCode.BadRequest);
        Assert.Equal(["password", "userName"], blank.Errors!.Keys.Order(StringComparer.Ordinal).ToArray());
        // A new password against the policy: every rule it breaks, before the account is even looked up.
        var name = "h" + TestData.Next() + ".user";
        var weak = await Problem.ReadAsync(await TokenAsync(new { userName = name, password = "x", newPassword = "short" }), HttpStatusCode.BadRequest);
        Assert.Equal(["newPassword"], weak.Errors!.Keys.ToArray());
        Assert.Equal(2, weak.For("newPassword").Length);
        Assert.Empty(await LogAsync(name));
    }

    [Fact]
    public async Task ChangingOnesPassword_NamesAWrongCurrentOne_AndTheNewOnesBrokenRules_Together()
    {
        var problem = await Problem.ReadAsync(await app.ApiAs("yp.market.head").PostJsonAsync("/api/v1/auth/password",
            new ChangePasswordRequest("not-the-password", "abc")), HttpStatusCode.BadRequest);
        Assert.Equal(["currentPassword", "newPassword"], problem.Errors!.Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(2, problem.For("newPassword").Length);
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(new { userName = "yp.market.head", password = DemoData.DemoPassword })).StatusCode);
    }

    [Fact]
    public async Task ABearerClient_ChangesTheInitialPassword_AndOnlyThenGetsAToken()
    {
        var (id, name) = await NewUserAsync();
        async Task<int> TokensOfUser()
        {
            await using var scope = app.Scope(out var db);
            return await db.ApiTokens.CountAsync(t => t.UserId == id);
        }

        // The right initial password alone: 403 with the code that says what to do, and no token of any kind.
        var first = await Problem.ReadAsync(await TokenAsync(new { userName = name, password = Initial }), HttpStatusCode.Forbidden);
        Assert.Equal("auth.password_change_required", first.Code);
        Assert.Contains("newPassword", first.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await TokensOfUser());

        // A new password against the policy: every broken rule of it, nothing changed.
        var weak = await Problem.ReadAsync(await TokenAsync(new { userName = name, password = Initial, newPassword = "abc" }), HttpStatusCode.BadRequest);
        Assert.Equal(["newPassword"], weak.Errors!.Keys.ToArray());
        Assert.Equal(2, weak.For("newPassword").Length);
        // The same password again is no change.
        var same = await Problem.ReadAsync(await TokenAsync(new { userName = name, password = Initial, newPassword = Initial }), HttpStatusCode.BadRequest);
        Assert.Single(same.For("newPassword"));
        // A wrong current password with a good new one: the one refusal, and the password stays.
        var wrong = await Problem.ReadAsync(await TokenAsync(new { userName = name, password = "Wrong#2026x", newPassword = "Fresh#2026b" }), HttpStatusCode.Unauthorized);
        Assert.Equal("login.bad_credentials", wrong.Code);
        Assert.Equal(HttpStatusCode.Forbidden, (await TokenAsync(new { userName = name, password = Initial })).StatusCode);
        Assert.Equal(0, await TokensOfUser());

        // The right one with a good new one: the password changes and the token comes in the same answer.
        var response = await TokenAsync(new { userName = name, password = Initial, newPassword = "Fresh#2026b", name = "mobile" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        var issued = await response.ReadAsync<IssuedToken>();
        using var me = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/me");
        me.Headers.Authorization = new("Bearer", issued.Token);
        Assert.Equal(name, (await (await _client.SendAsync(me)).ReadAsync<Zhifa.Web.Identity.MeDto>()).UserName);
        Assert.Equal(1, await TokensOfUser());

        // From now on the new password signs in without more ado, the initial one no longer does.
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(new { userName = name, password = "Fresh#2026b" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(new { userName = name, password = Initial })).StatusCode);
        Assert.Contains(await LogAsync(name), l => l.Outcome == "login.password_changed" && l.Success && l.Channel == "api");
        await using var scope = app.Scope(out var db);
        Assert.False((await db.Users.SingleAsync(u => u.Id == id)).MustChangePassword);
    }

    [Fact]
    public async Task ThePasswordChangeByToken_RespectsTheLockout()
    {
        var (id, name) = await NewUserAsync();
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(new { userName = name, password = "Wrong#2026x", newPassword = "Fresh#2026b" })).StatusCode);
        // Locked: even the right password with a good new one is refused, and changes nothing.
        Assert.Equal("login.bad_credentials",
            (await Problem.ReadAsync(await TokenAsync(new { userName = name, password = Initial, newPassword = "Fresh#2026b" }), HttpStatusCode.Unauthorized)).Code);
        await using (var scope = app.Scope(out var db))
        {
            var user = await db.Users.SingleAsync(u => u.Id == id);
            Assert.True(user.MustChangePassword);
            Assert.True(user.IsLockedAt(app.Clock.GetUtcNow().UtcDateTime));
        }
        app.Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(new { userName = name, password = Initial, newPassword = "Fresh#2026b" })).StatusCode);
    }
}

/// <summary>The demo app with room for this class's many sign-ins from one address (the per-address limit has its own test).</summary>
public sealed class ManySignInsSqliteApp : IDisposable
{
    public ZhifaApp App { get; } = new(TestDatabases.Sqlite, new Dictionary<string, string?> { ["Zhifa:Security:AddressAttemptsPerMinute"] = "1000" });

    public void Dispose() => App.Dispose();
}

public sealed class ManySignInsPostgresApp : IDisposable
{
    public ZhifaApp App { get; } = new(TestDatabases.Postgres, new Dictionary<string, string?> { ["Zhifa:Security:AddressAttemptsPerMinute"] = "1000" });

    public void Dispose() => App.Dispose();
}

public sealed class SignInHardeningTests_Sqlite(ManySignInsSqliteApp fixture) : SignInHardeningTests(fixture.App), IClassFixture<ManySignInsSqliteApp>;

public sealed class SignInHardeningTests_Postgres(ManySignInsPostgresApp fixture) : SignInHardeningTests(fixture.App), IClassFixture<ManySignInsPostgresApp>;

/// <summary>A refused sign-in costs one password-hash verification whatever the reason, so its time does not tell either.</summary>
public class SignInTimingTests
{
    [Fact]
    public async Task UnknownLockedAndWrong_TakeComparableTime()
    {
        // A cost where one verification clearly dominates a request; the app's own hashes (the demo users') use it too.
        using var app = new ZhifaApp(TestDatabases.Sqlite, new Dictionary<string, string?>
        {
            ["Zhifa:Security:PasswordIterations"] = "150000", ["Zhifa:Security:MaxFailedAttempts"] = "6", ["Zhifa:Security:AccountAttemptsPerMinute"] = "1000",
            ["Zhifa:Security:AddressAttemptsPerMinute"] = "1000",
        });
        var client = app.Api();
        const string initial = "Init#2026a";
        var name = "t" + TestData.Next() + ".user";
        var locked = "t" + TestData.Next() + ".locked";
        foreach (var user in new[] { name, locked })
            Assert.Equal(HttpStatusCode.Created, (await app.ApiAs("admin").PostJsonAsync("/api/v1/users",
                new CreateUserRequest(user, "计时", DemoData.Ids.YuanpingTransport, initial))).StatusCode);

        async Task<double> TimeAsync(string user)
        {
            var watch = Stopwatch.StartNew();
            var response = await client.PostJsonAsync("/api/v1/auth/token", new { userName = user, password = "Wrong#2026x" });
            var elapsed = watch.Elapsed.TotalMilliseconds;
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            return elapsed;
        }

        // Warm up and lock the one account first (six failures); then five rounds, each timing a wrong password, an unknown
        // name and the locked account one after another, so that a busy moment of the machine falls on all three alike; the
        // fastest of each is compared (noise only ever adds time). Five wrong passwords stay under the lockout of six.
        await TimeAsync("t.warmup");
        for (var i = 0; i < 6; i++)
            await client.PostJsonAsync("/api/v1/auth/token", new { userName = locked, password = "Wrong#2026x" });
        var nobody = "t" + TestData.Next() + ".nobody";
        double wrong = double.MaxValue, unknown = double.MaxValue, whileLocked = double.MaxValue;
        for (var round = 0; round < 5; round++)
        {
            wrong = Math.Min(wrong, await TimeAsync(name));
            unknown = Math.Min(unknown, await TimeAsync(nobody));
            whileLocked = Math.Min(whileLocked, await TimeAsync(locked));
        }
        Assert.True(unknown > wrong * 0.5 && whileLocked > wrong * 0.5,
            $"wrong password {wrong:F0} ms, unknown name {unknown:F0} ms, locked account {whileLocked:F0} ms");
    }
}
