using Zhifa.Core.Personnel;
using System.Net;
using System.Text.RegularExpressions;
using Zhifa.Tests.Infrastructure;
using static Zhifa.Tests.Catalogue.CatalogueApi;

namespace Zhifa.Tests.Web;

/// <summary>The workbench counts what waits for each role and shows an officer their own standing.</summary>
public abstract partial class WorkbenchTests(ZhifaApp app)
{
    private static async Task<string> HomeAsync(HttpClient client)
    {
        var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"/: {(int)response.StatusCode}");
        return WebUtility.HtmlDecode(html);
    }

    private static int ToDo(string html, string key)
    {
        var match = Regex.Match(html, $"data-todo=\"{key}\">\\s*<span class=\"zf-card-value\">(\\d+)</span>");
        Assert.True(match.Success, $"no to-do card {key}");
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task ASubmittedItem_AddsToTheSupervisorsReviews_AndAReturnedOne_ToTheBureausRework()
    {
        var supervisor = app.ApiAs("yp.supervisor");
        var head = app.ApiAs("yp.market.head");
        var reviewsBefore = ToDo(await HomeAsync(supervisor), "review_items");
        var returnedBefore = ToDo(await HomeAsync(head), "returned");

        var item = await CreateAsync(head);
        await PostAsync(head, $"/api/v1/catalogue/{item.Id}/submit");
        Assert.Equal(reviewsBefore + 1, ToDo(await HomeAsync(supervisor), "review_items"));

        await PostAsync(supervisor, $"/api/v1/catalogue/{item.Id}/return", new { comments = "法律依据条款不完整" });
        Assert.Equal(reviewsBefore, ToDo(await HomeAsync(supervisor), "review_items"));
        Assert.Equal(returnedBefore + 1, ToDo(await HomeAsync(head), "returned"));

        // An officer neither reviews nor edits the catalogue: no such to-dos.
        Assert.DoesNotContain("data-todo=", await HomeAsync(app.ApiAs("yp.market.officer")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOfficerSeesTheirOwnCertificateAndTrainingHours()
    {
        var html = await HomeAsync(app.ApiAs("yp.market.officer"));
        var number = await CertificateNumberAsync("张伟");
        var standing = Regex.Match(html, "id=\"my-standing\"[\\s\\S]*?</section>").Value;
        Assert.Contains(number, standing, StringComparison.Ordinal);
        Assert.Contains("有效期至", standing, StringComparison.Ordinal);
        Assert.Matches(@"\d+(\.\d+)? / 60 学时", standing);

        // A supervisor is no officer in the registry: no such panel.
        Assert.DoesNotContain("id=\"my-standing\"", await HomeAsync(app.ApiAs("yp.supervisor")), StringComparison.Ordinal);
    }

    private async Task<string> CertificateNumberAsync(string holder)
    {
        await using var scope = app.Scope(out var db);
        var id = PersonnelFlow.DemoCertificate(holder);
        return db.Certificates.Single(c => c.Id == id).Number;
    }
}

public sealed class WorkbenchTests_Sqlite(SqliteApp fixture) : WorkbenchTests(fixture.App), IClassFixture<SqliteApp>;

public sealed class WorkbenchTests_Postgres(PostgresApp fixture) : WorkbenchTests(fixture.App), IClassFixture<PostgresApp>;
