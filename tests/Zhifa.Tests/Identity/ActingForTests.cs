using System.Net;
using System.Net.Http.Json;
using Zhifa.Core.Demo;
using Zhifa.Core.Identity;
using Zhifa.Tests.Infrastructure;

namespace Zhifa.Tests.Identity;

/// <summary>A user with roles in several organisations chooses which one they act for; the choice only narrows.</summary>
public abstract class ActingForTests(ZhifaApp app)
{
    private async Task<string> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ActingForOneOrganisation_NarrowsTheSessionToItsRoles_AndAnOrganisationWithoutRolesIsIgnored()
    {
        // The market officer also helps the transport bureau.
        var admin = app.ApiAs("yp.admin");
        var officerId = (await admin.GetFromJsonAsync<Zhifa.Core.Common.Page<UserDto>>("/api/v1/users?search=yp.market.officer", ZhifaApp.Json))!
            .Items.Single(u => u.UserName == "yp.market.officer").Id;
        var assigned = await admin.PostJsonAsync($"/api/v1/users/{officerId}/assignments",
            new AssignRoleRequest(EnsureRoleTemplates.IdOf(RoleTemplates.Officer), DemoData.Ids.YuanpingTransport, DataScopeKind.Agency));
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);

        var client = await Forms.SignInWithCookieAsync(app, "yp.market.officer");
        var transportPage = $"/organizations/{DemoData.Ids.YuanpingTransport}";
        Assert.Contains("原平市交通运输局", await PageAsync(client, transportPage), StringComparison.Ordinal);
        var home = await PageAsync(client, "/");
        Assert.Contains($"data-acting=\"{DemoData.Ids.YuanpingTransport}\"", home, StringComparison.Ordinal);

        // Acting for the market bureau's team, where the officer's own role is: the transport bureau is out of scope.
        var act = await client.GetAsync($"/account/acting?org={DemoData.Ids.Unit("原平市市场监督管理局", "综合行政执法队")}&r=/");
        Assert.Equal(HttpStatusCode.Redirect, act.StatusCode);
        Assert.Equal("/", act.Headers.Location!.OriginalString);
        Assert.Contains(act.Headers.GetValues("Set-Cookie"), c => c.StartsWith("zf.acting=", StringComparison.Ordinal));
        Assert.Contains("不存在", await PageAsync(client, transportPage), StringComparison.Ordinal);
        Assert.Matches("id=\"acting-for\">\\s*综合行政执法队", await PageAsync(client, "/"));

        // An organisation where the user holds no role cannot be chosen: all roles count again.
        await client.GetAsync($"/account/acting?org={DemoData.Ids.YuanpingEmergency}&r=/");
        Assert.Contains("原平市交通运输局", await PageAsync(client, transportPage), StringComparison.Ordinal);

        // Acting for the transport bureau, then for all of them.
        await client.GetAsync($"/account/acting?org={DemoData.Ids.YuanpingTransport}&r=/");
        Assert.Contains("不存在", await PageAsync(client, $"/organizations/{DemoData.Ids.YuanpingMarket}"), StringComparison.Ordinal);
        await client.GetAsync("/account/acting?org=all&r=/");
        Assert.Contains("原平市市场监督管理局", await PageAsync(client, $"/organizations/{DemoData.Ids.YuanpingMarket}"), StringComparison.Ordinal);

        // Signing in again starts with all roles, whatever was chosen before in this browser.
        await client.GetAsync($"/account/acting?org={DemoData.Ids.YuanpingTransport}&r=/");
        var again = await Forms.SubmitAsync(client, "/account/login", "login",
            new Dictionary<string, string> { ["UserName"] = "yp.market.officer", ["Password"] = DemoData.DemoPassword });
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Contains(again.Headers.GetValues("Set-Cookie"), c => c.StartsWith("zf.acting=;", StringComparison.Ordinal));
        Assert.Contains("原平市市场监督管理局", await PageAsync(client, $"/organizations/{DemoData.Ids.YuanpingMarket}"), StringComparison.Ordinal);

        // The switch's return address stays on this site.
        var away = await client.GetAsync("/account/acting?org=all&r=//evil.example/");
        Assert.Equal("/", away.Headers.Location!.OriginalString);
    }
}

public sealed class ActingForTests_Sqlite(SqliteApp fixture) : ActingForTests(fixture.App), IClassFixture<SqliteApp>;

public sealed class ActingForTests_Postgres(PostgresApp fixture) : ActingForTests(fixture.App), IClassFixture<PostgresApp>;
