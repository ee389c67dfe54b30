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

        // An officer neither reviews nor edits the catalogue: no such to-dos (their cases' are there instead).
        var officerHome = await HomeAsync(app.ApiAs("yp.market.officer"));
        Assert.DoesNotContain("data-todo=\"review_items\"", officerHome, StringComparison.Ordinal);
        Assert.DoesNotContain("data-todo=\"returned\"", officerHome, StringComparison.Ordinal);
        Assert.Contains("data-todo=\"case_overdue\"", officerHome, StringComparison.Ordinal);
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

    /// <summary>The cards of a section of the workbench (by its aria-label): each card's link and count.</summary>
    private static List<(string Href, int Count)> Cards(string html, string label)
    {
        var section = Regex.Match(html, $"<section class=\"zf-cards\" aria-label=\"{label}\">([\\s\\S]*?)</section>");
        Assert.True(section.Success, $"no section {label}");
        return [.. Regex.Matches(section.Groups[1].Value, "href=\"([^\"]+)\"><span class=\"zf-card-value\">(\\d+)</span>")
            .Select(m => (m.Groups[1].Value, int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)))];
    }

    /// <summary>The number of rows a list page says it holds (its pager), or 0 when it shows the empty state.</summary>
    private static async Task<int> ListTotalAsync(HttpClient client, string href)
    {
        var html = await client.GetStringAsync(href);
        var total = Regex.Match(html, "data-total=\"(\\d+)\"");
        if (total.Success)
            return int.Parse(total.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("zf-empty", html, StringComparison.Ordinal);
        return 0;
    }

    [Fact]
    public async Task EveryPersonnelCard_OpensItsListFilteredToExactlyWhatItCounts()
    {
        var admin = app.ApiAs("admin");
        var cards = Cards(await HomeAsync(admin), "执法人员概况");
        Assert.Equal(6, cards.Count);
        // The demo has officers without a valid certificate and a certificate with an overdue annual review: the
        // cards must not all be trivially zero for the comparison to mean something.
        Assert.Contains(cards, c => c.Href.Contains("cert=none", StringComparison.Ordinal) && c.Count > 0);
        Assert.Contains(cards, c => c.Href.Contains("reviewOverdue=true", StringComparison.Ordinal) && c.Count > 0);
        foreach (var (href, count) in cards)
            Assert.True(count == await ListTotalAsync(admin, href), $"{href}: the card says {count}");
    }

    [Fact]
    public async Task ALegalReviewer_HasAToDoOfOfficersWhoMayNotAct_AndNoRegionFigures()
    {
        var reviewer = app.ApiAs("yp.market.reviewer");
        var html = await HomeAsync(reviewer);
        var without = ToDo(html, "without_certificate");
        var overdue = ToDo(html, "review_overdue");
        Assert.Equal(without, await ListTotalAsync(reviewer, "/personnel/officers?status=Active&cert=none"));
        Assert.Equal(overdue, await ListTotalAsync(reviewer, "/personnel/certificates?reviewOverdue=true"));
        Assert.DoesNotContain("aria-label=\"关键指标\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("aria-label=\"执法人员概况\"", html, StringComparison.Ordinal);

        // An officer: their own standing, no figures of the region or the bureau, no qualification to-do.
        var officer = await HomeAsync(app.ApiAs("yp.market.officer"));
        Assert.DoesNotContain("aria-label=\"关键指标\"", officer, StringComparison.Ordinal);
        Assert.DoesNotContain("aria-label=\"执法人员概况\"", officer, StringComparison.Ordinal);
        Assert.DoesNotContain("data-todo=\"without_certificate\"", officer, StringComparison.Ordinal);

        // A supervisor keeps the region's figures.
        Assert.Contains("aria-label=\"关键指标\"", await HomeAsync(app.ApiAs("yp.supervisor")), StringComparison.Ordinal);
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
