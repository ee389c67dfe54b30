using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Common;
using Zhifa.Core.Demo;
using Zhifa.Core.Identity;
using Zhifa.Tests.Infrastructure;
using Zhifa.Web.Identity;

namespace Zhifa.Tests.Identity;

/// <summary>Each account belongs to a person: enforcement staff's accounts are tied to their officer-registry record.</summary>
public abstract class UserOfficerLinkTests(ZhifaApp app)
{
    private readonly HttpClient _admin = app.ApiAs("yp.admin", "en");
    private static readonly Guid MarketTeam = DemoData.Ids.Unit("原平市市场监督管理局", "综合行政执法队");

    private static string NewName() => "link." + TestData.Next();

    [Fact]
    public async Task DemoOfficerAccounts_AreTiedToTheirRecords_AndWhoAmISaysSo()
    {
        var me = await app.ApiAs("yp.market.officer").GetFromJsonAsync<MeDto>("/api/v1/auth/me", ZhifaApp.Json);
        Assert.Equal(PersonnelFlow.DemoOfficer("张伟"), me!.OfficerId);
        var supervisor = await app.ApiAs("yp.supervisor").GetFromJsonAsync<MeDto>("/api/v1/auth/me", ZhifaApp.Json);
        Assert.Null(supervisor!.OfficerId);
    }

    [Fact]
    public async Task AUserReadAndWrittenBack_KeepsThePhone_WhichOnlyClearPhoneRemoves()
    {
        var created = await _admin.PostJsonAsync("/api/v1/users", new CreateUserRequest(NewName(), "往返测试员", MarketTeam, "Init#2026a", "13912345678"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var user = (await created.ReadAsync<UserDetailDto>()).User;
        Assert.Equal("139****5678", user.PhoneMasked);

        // A client changes the name and sends back what it read: the phone, shown masked, is not lost.
        var renamed = await _admin.PutJsonAsync($"/api/v1/users/{user.Id}", new UpdateUserRequest("往返测试员二", user.OrganizationId, OfficerId: user.OfficerId));
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var after = await _admin.GetFromJsonAsync<UserDetailDto>($"/api/v1/users/{user.Id}", ZhifaApp.Json);
        Assert.Equal("往返测试员二", after!.User.FullName);
        Assert.Equal("139****5678", after.User.PhoneMasked);

        var cleared = await _admin.PutJsonAsync($"/api/v1/users/{user.Id}", new UpdateUserRequest("往返测试员二", user.OrganizationId, ClearPhone: true));
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        Assert.Null((await _admin.GetFromJsonAsync<UserDetailDto>($"/api/v1/users/{user.Id}", ZhifaApp.Json))!.User.PhoneMasked);
    }

    [Fact]
    public async Task AnAccount_IsTiedToAnOfficerOfItsOwnBody_AndTheLinkCanBeChangedOrRemoved()
    {
        var officer = await PersonnelFlow.RegisterAsync(app, DemoData.Ids.YuanpingMarket, name: "关联测试员");
        var created = await _admin.PostJsonAsync("/api/v1/users", new CreateUserRequest(NewName(), "关联测试员", MarketTeam, "Init#2026a", null, officer.Id));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var user = await created.ReadAsync<UserDetailDto>();
        Assert.Equal(officer.Id, user.User.OfficerId);
        Assert.Equal(officer.Id, user.Officer!.Id);
        Assert.Equal("原平市市场监督管理局", user.Officer.BodyName);
        Assert.DoesNotContain(officer.IdNumber, user.Officer.IdNumberMasked, StringComparison.Ordinal);

        var unlinked = await _admin.PutJsonAsync($"/api/v1/users/{user.User.Id}", new UpdateUserRequest("关联测试员", MarketTeam));
        Assert.Equal(HttpStatusCode.OK, unlinked.StatusCode);
        var after = await _admin.GetFromJsonAsync<UserDetailDto>($"/api/v1/users/{user.User.Id}", ZhifaApp.Json);
        Assert.Null(after!.User.OfficerId);
        Assert.Null(after.Officer);
    }

    [Fact]
    [Trait("Rule", "ZFRY-LEAVE")]
    public async Task LeavingThePost_ClosesThePersonsAccount_InTheSameChange_ZFRY_LEAVE()
    {
        var officer = await PersonnelFlow.RegisterAsync(app, DemoData.Ids.YuanpingMarket, name: "离职测试员");
        var created = await _admin.PostJsonAsync("/api/v1/users", new CreateUserRequest(NewName(), "离职测试员", MarketTeam, "Init#2026a", null, officer.Id));
        var user = await created.ReadAsync<UserDetailDto>();
        Assert.True(user.User.IsActive);

        var left = await app.ApiAs("admin").PostJsonAsync($"/api/v1/officers/{officer.Id}/employment",
            new Zhifa.Core.Personnel.UseCases.ChangeEmploymentRequest(Zhifa.Core.Personnel.EmploymentStatus.Resigned, PersonnelFlow.Today(app), "辞职"));
        Assert.Equal(HttpStatusCode.OK, left.StatusCode);
        var after = await _admin.GetFromJsonAsync<UserDetailDto>($"/api/v1/users/{user.User.Id}", ZhifaApp.Json);
        Assert.False(after!.User.IsActive);

        // An account of someone who is no officer is not touched by anything in the registry.
        var supervisor = await _admin.GetFromJsonAsync<Page<UserDto>>("/api/v1/users?search=yp.supervisor", ZhifaApp.Json);
        Assert.True(supervisor!.Items.Single(u => u.UserName == "yp.supervisor").IsActive);
    }

    [Fact]
    public async Task AnOfficerOfAnotherBody_IsRefusedOnTheField_AndNothingIsCreated()
    {
        var name = NewName();
        var response = await _admin.PostJsonAsync("/api/v1/users",
            new CreateUserRequest(name, "错配用户", MarketTeam, "Init#2026a", null, PersonnelFlow.DemoOfficer("吴强")));
        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("own enforcement body", problem.For("officerId")[0], StringComparison.Ordinal);
        await AssertNoUserAsync(name);
    }

    [Fact]
    public async Task AnOfficerAlreadyTiedToAnAccount_IsAConflict()
    {
        var name = NewName();
        var response = await _admin.PostJsonAsync("/api/v1/users",
            new CreateUserRequest(name, "张伟", MarketTeam, "Init#2026a", null, PersonnelFlow.DemoOfficer("张伟")));
        var problem = await Problem.ReadAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("user.officer_taken", problem.Code);
        await AssertNoUserAsync(name);
    }

    [Fact]
    public async Task AnOfficerOutsideTheAdministratorsScope_IsNotFoundOnTheField()
    {
        // A city bureau's officer: the county administrator does not see it.
        var outside = await PersonnelFlow.RegisterAsync(app, DemoData.Ids.XinzhouEcology, Zhifa.Core.Organizations.Sector.EcologyEnvironment);
        var name = NewName();
        var response = await _admin.PostJsonAsync("/api/v1/users", new CreateUserRequest(name, "越界用户", MarketTeam, "Init#2026a", null, outside.Id));
        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("outside your scope", problem.For("officerId")[0], StringComparison.Ordinal);
        await AssertNoUserAsync(name);
    }

    [Fact]
    public async Task NewUserPage_OffersTheChosenBodysOfficersWithoutAnAccount()
    {
        var client = await Forms.SignInWithCookieAsync(app, "yp.admin");
        var html = await client.GetStringAsync($"/admin/users/new?Form.OrganizationId={MarketTeam}");
        Assert.Contains("王芳", html, StringComparison.Ordinal);
        Assert.DoesNotContain(PersonnelFlow.DemoOfficer("张伟").ToString(), html, StringComparison.Ordinal);
        Assert.DoesNotContain("吴强", html, StringComparison.Ordinal);

        var name = NewName();
        var wangFang = PersonnelFlow.DemoOfficer("王芳");
        var response = await Forms.SubmitAsync(client, "/admin/users/new", "new-user", new Dictionary<string, string>
        {
            ["Form.UserName"] = name, ["Form.FullName"] = "王芳", ["Form.OrganizationId"] = MarketTeam.ToString(),
            ["Form.InitialPassword"] = "Init#2026a", ["Form.OfficerId"] = wangFang.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var scope = app.Scope(out var db);
        Assert.Equal(wangFang, (await db.Users.SingleAsync(u => u.UserName == name)).OfficerId);
    }

    [Fact]
    public async Task ProfileForm_KeepsTheMaskedPhoneWhenLeftEmpty_AndClearsItOnlyWhenTicked()
    {
        var created = await _admin.PostJsonAsync("/api/v1/users", new CreateUserRequest(NewName(), "电话用户", MarketTeam, "Init#2026a", "13912345678"));
        var id = (await created.ReadAsync<UserDetailDto>()).User.Id;
        var client = await Forms.SignInWithCookieAsync(app, "yp.admin");
        var page = $"/admin/users/{id}";
        var fields = new Dictionary<string, string> { ["Profile.FullName"] = "电话用户（改）", ["Profile.OrganizationId"] = MarketTeam.ToString(), ["Profile.Phone"] = "" };

        Assert.Equal(HttpStatusCode.Redirect, (await Forms.SubmitAsync(client, page, "profile", fields)).StatusCode);
        await using (var scope = app.Scope(out var db))
        {
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == id);
            Assert.Equal("电话用户（改）", user.FullName);
            Assert.Equal("13912345678", user.Phone);
        }

        fields["Profile.ClearPhone"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.SubmitAsync(client, page, "profile", fields)).StatusCode);
        await using (var scope = app.Scope(out var db))
            Assert.Null((await db.Users.AsNoTracking().SingleAsync(u => u.Id == id)).Phone);
    }

    private async Task AssertNoUserAsync(string name)
    {
        await using var scope = app.Scope(out var db);
        Assert.False(await db.Users.AnyAsync(u => u.UserName == name));
    }
}

public sealed class UserOfficerLinkTests_Sqlite(SqliteApp fixture) : UserOfficerLinkTests(fixture.App), IClassFixture<SqliteApp>;

public sealed class UserOfficerLinkTests_Postgres(PostgresApp fixture) : UserOfficerLinkTests(fixture.App), IClassFixture<PostgresApp>;
