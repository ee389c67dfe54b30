using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Catalogue;
using Zhifa.Core.Demo;
using Zhifa.Core.Discretion;
using Zhifa.Core.Identity;
using Zhifa.Core.Personnel;
using Zhifa.Core.Personnel.UseCases;
using Zhifa.Tests.Infrastructure;
using Zhifa.Web.Common;
using static Zhifa.Tests.Catalogue.CatalogueApi;

namespace Zhifa.Tests.Common;

/// <summary>
/// The one convention of every workflow, through the API and the pages: an illegal transition answers 409
/// <c>workflow.illegal_transition</c> and changes nothing; the buttons a page shows are the table's available actions.
/// </summary>
public abstract partial class TransitionTests(ZhifaApp app)
{
    private const string Illegal = "workflow.illegal_transition";

    [Fact]
    public async Task Certificate_RevokedTwice_IsAnIllegalTransition_AndChangesNothing()
    {
        var certificate = await PersonnelFlow.CertifiedOfficerAsync(app, DemoData.Ids.YuanpingMarket);
        var issuer = app.ApiAs("yp.supervisor");
        var revoke = new CertificateActionRequest(CertificateAction.Revoke, "违法执法");
        Assert.Equal(HttpStatusCode.OK, (await issuer.PostJsonAsync($"/api/v1/certificates/{certificate.Id}/actions", revoke)).StatusCode);
        var before = await CertificateAsync(certificate.Id);

        var problem = await Problem.ReadAsync(await issuer.PostJsonAsync($"/api/v1/certificates/{certificate.Id}/actions", revoke), HttpStatusCode.Conflict);

        Assert.Equal(Illegal, problem.Code);
        Assert.Contains("吊销", problem.Detail, StringComparison.Ordinal);
        Assert.Equal(before, await CertificateAsync(certificate.Id));
    }

    [Fact]
    public async Task Certificate_SystemStep_IsNotAUsersAction()
    {
        var certificate = await PersonnelFlow.CertifiedOfficerAsync(app, DemoData.Ids.YuanpingMarket);
        var response = await app.ApiAs("yp.supervisor").PostJsonAsync($"/api/v1/certificates/{certificate.Id}/actions", new CertificateActionRequest(CertificateAction.Expire));
        Assert.Single((await Problem.ReadAsync(response, HttpStatusCode.BadRequest)).For("action"));
    }

    [Fact]
    public async Task CatalogueItem_PublishedWhileADraft_IsAnIllegalTransition_AndChangesNothing()
    {
        var head = app.ApiAs("yp.market.head");
        var item = await CreateAsync(head);
        var before = await VersionAsync(item.Id);

        var problem = await Problem.ReadAsync(await head.PostJsonAsync($"/api/v1/catalogue/{item.Id}/publish", new { }), HttpStatusCode.Conflict);

        Assert.Equal(Illegal, problem.Code);
        Assert.Equal(before, await VersionAsync(item.Id));
    }

    [Fact]
    public async Task Benchmark_ApprovedWhenPublished_IsAnIllegalTransition_AndChangesNothing()
    {
        var id = Benchmark("market-126");
        var before = await BenchmarkAsync(id);

        var problem = await Problem.ReadAsync(await app.ApiAs("yp.supervisor").PostJsonAsync($"/api/v1/benchmarks/{id}/approve", new { }), HttpStatusCode.Conflict);

        Assert.Equal(Illegal, problem.Code);
        Assert.Equal(before, await BenchmarkAsync(id));
    }

    [Fact]
    public async Task ApiToken_RevokedTwice_IsRefused_AndKeepsTheFirstRevocation()
    {
        var client = app.ApiAs("yp.market.officer");
        var issued = await (await client.PostJsonAsync("/api/v1/auth/tokens", new { name = "twice" })).ReadAsync<IssuedToken>();
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/auth/tokens/{issued.Id}")).StatusCode);
        var revokedAt = await RevokedAtAsync(issued.Id);
        Assert.NotNull(revokedAt);

        var problem = await Problem.ReadAsync(await client.DeleteAsync($"/api/v1/auth/tokens/{issued.Id}"), HttpStatusCode.Conflict);

        Assert.Equal(Illegal, problem.Code);
        Assert.Equal(revokedAt, await RevokedAtAsync(issued.Id));
    }

    [Fact]
    public async Task User_ActivatedWhenActive_IsRefused_AndChangesNothing()
    {
        var admin = app.ApiAs("yp.admin");
        var id = await UserIdAsync("yp.market.reviewer");
        var before = await UserAsync(id);
        Assert.True(before.IsActive);

        var problem = await Problem.ReadAsync(await admin.PostJsonAsync($"/api/v1/users/{id}/activate", new { }), HttpStatusCode.Conflict);

        Assert.Equal(Illegal, problem.Code);
        Assert.Equal(before, await UserAsync(id));
    }

    [Fact]
    public async Task User_DeactivatedTwice_IsRefused()
    {
        var admin = app.ApiAs("yp.admin");
        var created = await admin.PostJsonAsync("/api/v1/users", new CreateUserRequest("t" + TestData.Next() + ".user", "停用测试", DemoData.Ids.YuanpingMarket, "Init#2026a"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadAsync<UserDetailDto>()).User.Id;
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync($"/api/v1/users/{id}/deactivate", new { })).StatusCode);
        var before = await UserAsync(id);

        var problem = await Problem.ReadAsync(await admin.PostJsonAsync($"/api/v1/users/{id}/deactivate", new { }), HttpStatusCode.Conflict);

        Assert.Equal(Illegal, problem.Code);
        Assert.Equal(before, await UserAsync(id));
    }

    [Fact]
    public async Task CertificatePage_OffersExactlyTheTablesActions_ForTheStatusAndRole()
    {
        var certificate = await PersonnelFlow.CertifiedOfficerAsync(app, DemoData.Ids.YuanpingMarket);
        var url = $"/personnel/certificates/{certificate.Id}";

        // An issuer on a valid certificate: what the table allows from Valid, and the hand-written expectation of it.
        var offered = Options(await PageAsync(app.ApiAs("yp.supervisor"), url));
        var table = CertificateWorkflow.Table.Available(CertificateStatus.Valid, p => p == PersonnelPermissions.CertificateIssue);
        Assert.Equal(table, offered);
        Assert.Equal([CertificateAction.PassReview, CertificateAction.FailReview, CertificateAction.Suspend, CertificateAction.Revoke, CertificateAction.Cancel], offered);

        // The agency head may read the certificate but holds no permission the table asks for: no action form.
        Assert.DoesNotContain("certificate-action-form", await PageAsync(app.ApiAs("yp.market.head"), url), StringComparison.Ordinal);

        // Revoked: the table has no row from it, so the page offers nothing.
        await app.ApiAs("yp.supervisor").PostJsonAsync($"/api/v1/certificates/{certificate.Id}/actions", new CertificateActionRequest(CertificateAction.Revoke, "违法执法"));
        Assert.DoesNotContain("certificate-action-form", await PageAsync(app.ApiAs("yp.supervisor"), url), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CatalogueItemPage_ShowsExactlyTheTablesButtons_ForTheStateAndRole()
    {
        var head = app.ApiAs("yp.market.head");
        var supervisor = app.ApiAs("yp.supervisor");
        var item = await CreateAsync(head);
        var url = $"/catalogue/{item.Id}";
        static bool Owner(string p) => p == CataloguePermissions.CatalogueEdit;
        static bool Reviewer(string p) => p == CataloguePermissions.CatalogueReview;

        Assert.Equal(CatalogueWorkflow.Table.Available(VersionState.Draft, Owner), Buttons(await PageAsync(head, url)));
        Assert.Equal([CatalogueAction.Edit, CatalogueAction.Submit], Buttons(await PageAsync(head, url)));
        Assert.Empty(Buttons(await PageAsync(supervisor, url)));

        await PostAsync(head, $"/api/v1/catalogue/{item.Id}/submit");
        Assert.Empty(Buttons(await PageAsync(head, url)));
        Assert.Equal(CatalogueWorkflow.Table.Available(VersionState.Submitted, Reviewer), Buttons(await PageAsync(supervisor, url)));
        Assert.Equal([CatalogueAction.Return, CatalogueAction.Approve], Buttons(await PageAsync(supervisor, url)));
    }

    [Fact]
    public async Task BenchmarkPage_ShowsExactlyTheTablesButtons_ForTheStatusAndRole()
    {
        var head = app.ApiAs("yp.market.head");
        var supervisor = app.ApiAs("yp.supervisor");
        var item = await PublishedAsync(app);
        var draft = await SendAsync(head.PostJsonAsync("/api/v1/benchmarks",
            new CreateBenchmarkRequest(item.Id, Market, "按钮测试裁量基准", FineRange.Fixed(5_000, 50_000), [PenaltyKind.Fine])), HttpStatusCode.Created);
        var url = $"/benchmarks/{draft.Id}";
        // The issuer holds catalogue.edit in the issuing body, the supervisor catalogue.review in the supervising bureau.
        async Task Shows(BenchmarkStatus status, BenchmarkAction[] toIssuer, BenchmarkAction[] toBureau)
        {
            Assert.Equal(BenchmarkWorkflow.Available(status, p => p == CataloguePermissions.CatalogueEdit, _ => false), toIssuer);
            Assert.Equal(BenchmarkWorkflow.Available(status, _ => false, p => p == CataloguePermissions.CatalogueReview), toBureau);
            Assert.Equal(toIssuer, BenchmarkButtons(await PageAsync(head, url)));
            Assert.Equal(toBureau, BenchmarkButtons(await PageAsync(supervisor, url)));
        }

        await Shows(BenchmarkStatus.Draft, [BenchmarkAction.Revise, BenchmarkAction.File], []);
        await SendAsync(head.PostAsync($"/api/v1/benchmarks/{draft.Id}/file", null));
        await Shows(BenchmarkStatus.Filed, [], [BenchmarkAction.Return, BenchmarkAction.Approve]);
        await SendAsync(supervisor.PostAsync($"/api/v1/benchmarks/{draft.Id}/approve", null));
        await Shows(BenchmarkStatus.Approved, [BenchmarkAction.Publish], []);
        await SendAsync(head.PostJsonAsync($"/api/v1/benchmarks/{draft.Id}/publish", new EffectiveDateRequest()));
        await Shows(BenchmarkStatus.Published, [], []);
    }

    private static readonly (BenchmarkAction Action, string Id)[] BenchmarkButtonIds =
    [
        (BenchmarkAction.Revise, "edit"), (BenchmarkAction.File, "file"), (BenchmarkAction.Return, "return"), (BenchmarkAction.Approve, "approve"),
        (BenchmarkAction.Publish, "publish"),
    ];

    private static List<BenchmarkAction> BenchmarkButtons(string html) =>
        [.. BenchmarkButtonIds.Where(b => html.Contains($"id=\"{b.Id}\"", StringComparison.Ordinal)).Select(b => b.Action)];

    private static readonly (CatalogueAction Action, string Id)[] ButtonIds =
    [
        (CatalogueAction.Edit, "edit"), (CatalogueAction.Submit, "submit"), (CatalogueAction.Return, "return"), (CatalogueAction.Approve, "approve"),
        (CatalogueAction.Publish, "publish"), (CatalogueAction.Amend, "amend"), (CatalogueAction.Abolish, "abolish"),
    ];

    /// <summary>The workflow buttons on a catalogue item page, in the table's order of actions.</summary>
    private static List<CatalogueAction> Buttons(string html) =>
        [.. ButtonIds.Where(b => html.Contains($"id=\"{b.Id}\"", StringComparison.Ordinal)).Select(b => b.Action)];

    private static List<CertificateAction> Options(string html)
    {
        var start = html.IndexOf("id=\"Action\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "no action form");
        var select = html[start..html.IndexOf("</select>", start, StringComparison.Ordinal)];
        return [.. OptionPattern().Matches(select).Select(m => Enum.Parse<CertificateAction>(m.Groups[1].Value))];
    }

    private static async Task<string> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        return WebUtility.HtmlDecode(html);
    }

    private async Task<(CertificateStatus, int, DateTime)> CertificateAsync(Guid id)
    {
        await using var scope = app.Scope(out var db);
        var c = await db.Certificates.IgnoreQueryFilters().SingleAsync(x => x.Id == id);
        return (c.Status, c.History.Count, c.UpdatedAt);
    }

    private async Task<(VersionState, DateTime, int)> VersionAsync(Guid itemId)
    {
        await using var scope = app.Scope(out var db);
        var versions = await db.CatalogueItemVersions.IgnoreQueryFilters().Where(v => v.ItemId == itemId).ToListAsync();
        var latest = versions.MaxBy(v => v.VersionNumber)!;
        return (latest.State, latest.UpdatedAt, versions.Count);
    }

    private async Task<(BenchmarkStatus, DateTime)> BenchmarkAsync(Guid id)
    {
        await using var scope = app.Scope(out var db);
        var b = await db.Benchmarks.IgnoreQueryFilters().SingleAsync(x => x.Id == id);
        return (b.Status, b.UpdatedAt);
    }

    private async Task<DateTime?> RevokedAtAsync(Guid tokenId)
    {
        await using var scope = app.Scope(out var db);
        return await db.ApiTokens.IgnoreQueryFilters().Where(t => t.Id == tokenId).Select(t => t.RevokedAt).SingleAsync();
    }

    private async Task<Guid> UserIdAsync(string userName)
    {
        await using var scope = app.Scope(out var db);
        return await db.Users.IgnoreQueryFilters().Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    private async Task<(bool IsActive, string SecurityStamp, DateTime UpdatedAt)> UserAsync(Guid id)
    {
        await using var scope = app.Scope(out var db);
        var u = await db.Users.IgnoreQueryFilters().SingleAsync(x => x.Id == id);
        return (u.IsActive, u.SecurityStamp, u.UpdatedAt);
    }

    [GeneratedRegex("<option value=\"(\\w+)\">")]
    private static partial Regex OptionPattern();
}

public sealed class TransitionTests_Sqlite(SqliteApp fixture) : TransitionTests(fixture.App), IClassFixture<SqliteApp>;

public sealed class TransitionTests_Postgres(PostgresApp fixture) : TransitionTests(fixture.App), IClassFixture<PostgresApp>;
