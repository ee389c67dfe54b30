using System.Net;
using System.Text.RegularExpressions;
using Zhifa.Core.Cases.UseCases;
using Zhifa.Core.Common;
using Zhifa.Tests.Infrastructure;

namespace Zhifa.Tests.Cases;

/// <summary>
/// Issue 12: the case list pages by key (an opaque cursor of the registration date and the id) as well as by number.
/// Following the cursors forward visits every case of the list once, in the list's order; the cursor back gives the
/// page before; an unreadable cursor shows the first page; a sort without a key gives no cursor; and the page
/// /cases offers the same links.
/// </summary>
public abstract class CaseListCursorTests(ZhifaApp app)
{
    [Theory]
    [InlineData("")]
    [InlineData("&sort=registeredOn")]
    public async Task FollowingTheCursors_VisitsEveryCaseOnce_InTheListsOrder_AndTheCursorBackGivesThePageBefore(string sort)
    {
        var api = app.ApiAs("yp.supervisor");
        var whole = await api.GetAsync("/api/v1/cases?pageSize=500" + sort).ContinueWith(t => t.Result.ReadAsync<Page<CaseRow>>()).Unwrap();
        Assert.True(whole.Items.Count >= 7, $"only {whole.Items.Count} cases");
        Assert.Equal(whole.Total, whole.Items.Count);
        Assert.Null(whole.NextCursor);

        var first = await api.GetAsync("/api/v1/cases?pageSize=3" + sort).ContinueWith(t => t.Result.ReadAsync<Page<CaseRow>>()).Unwrap();
        Assert.Equal(1, first.PageNumber);
        Assert.Null(first.PreviousCursor);
        var pages = new List<Page<CaseRow>> { first };
        while (pages[^1].NextCursor is { } next && pages.Count < 100)
            pages.Add(await api.GetAsync($"/api/v1/cases?pageSize=3{sort}&after={next}").ContinueWith(t => t.Result.ReadAsync<Page<CaseRow>>()).Unwrap());
        Assert.Equal(whole.Items.Select(c => c.Id), pages.SelectMany(p => p.Items).Select(c => c.Id));
        Assert.All(pages.Skip(1), p => Assert.Equal(0, p.PageNumber));
        Assert.All(pages.Skip(1), p => Assert.Equal(whole.Total, p.Total));
        Assert.Null(pages[^1].NextCursor);

        // Back from the last page: the page before it, the same three cases in the same order.
        var back = await api.GetAsync($"/api/v1/cases?pageSize=3{sort}&before={pages[^1].PreviousCursor}").ContinueWith(t => t.Result.ReadAsync<Page<CaseRow>>()).Unwrap();
        Assert.Equal(pages[^2].Items.Select(c => c.Id), back.Items.Select(c => c.Id));
        Assert.Equal(pages[^2].NextCursor, back.NextCursor);
        // Back to the start: the first page's cases, and no cursor before them.
        var start = await api.GetAsync($"/api/v1/cases?pageSize=3{sort}&before={pages[1].PreviousCursor}").ContinueWith(t => t.Result.ReadAsync<Page<CaseRow>>()).Unwrap();
        Assert.Equal(first.Items.Select(c => c.Id), start.Items.Select(c => c.Id));
        Assert.Null(start.PreviousCursor);
    }

    [Theory]
    [InlineData("yp.supervisor", "DueSoon")]
    [InlineData("yp.supervisor", "Overdue")]
    [InlineData("yp.market.officer", "Overdue")]
    public async Task TheDueSoonAndOverdueViews_CountEachCaseOnce_AsTheyListThem(string user, string view)
    {
        // The count of these views is read from the open clocks: a case with two clocks due counts once, and a filter
        // on the cases themselves counts through the cases.
        var api = app.ApiAs(user);
        var all = await api.GetAsync($"/api/v1/cases?view={view}&pageSize=500").ContinueWith(t => t.Result.ReadAsync<Page<CaseRow>>()).Unwrap();
        Assert.NotEmpty(all.Items);
        Assert.Equal(all.Items.Count, all.Items.Select(c => c.Id).Distinct().Count());
        Assert.Equal(all.Items.Count, all.Total);
        var state = all.Items[0].State;
        var filtered = await api.GetAsync($"/api/v1/cases?view={view}&state={state}&pageSize=500").ContinueWith(t => t.Result.ReadAsync<Page<CaseRow>>()).Unwrap();
        Assert.Equal(all.Items.Count(c => c.State == state), filtered.Total);
        Assert.Equal(filtered.Items.Count, filtered.Total);
    }

    [Fact]
    public async Task AnUnreadableCursor_ShowsTheFirstPage_AndASortWithoutAKey_GivesNoCursor()
    {
        var api = app.ApiAs("yp.supervisor");
        var first = await api.GetAsync("/api/v1/cases?pageSize=3").ContinueWith(t => t.Result.ReadAsync<Page<CaseRow>>()).Unwrap();
        foreach (var bad in new[] { "x", "%25%25%25", new string('A', 200), CaseCursor.Encode(new CaseCursor(new DateOnly(2026, 1, 1), Guid.Empty))[..10] })
        {
            var response = await api.GetAsync("/api/v1/cases?pageSize=3&after=" + bad);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.ReadAsync<Page<CaseRow>>();
            Assert.Equal(1, page.PageNumber);
            Assert.Equal(first.Items.Select(c => c.Id), page.Items.Select(c => c.Id));
        }
        var byNumber = await api.GetAsync("/api/v1/cases?pageSize=3&sort=number").ContinueWith(t => t.Result.ReadAsync<Page<CaseRow>>()).Unwrap();
        Assert.True(byNumber.Total > 3);
        Assert.Null(byNumber.NextCursor);
        // A cursor is read only with the sort it belongs to: with another sort the numbered page is shown.
        var ignored = await api.GetAsync($"/api/v1/cases?pageSize=3&sort=number&after={first.NextCursor}").ContinueWith(t => t.Result.ReadAsync<Page<CaseRow>>()).Unwrap();
        Assert.Equal(byNumber.Items.Select(c => c.Id), ignored.Items.Select(c => c.Id));
    }

    [Fact]
    public async Task ThePageOfCases_LinksToTheNextAndPreviousPageByCursor()
    {
        var client = await Forms.SignInWithCookieAsync(app, "yp.supervisor");
        var api = app.ApiAs("yp.supervisor");
        var first = await api.GetAsync("/api/v1/cases?pageSize=3").ContinueWith(t => t.Result.ReadAsync<Page<CaseRow>>()).Unwrap();
        var second = await api.GetAsync($"/api/v1/cases?pageSize=3&after={first.NextCursor}").ContinueWith(t => t.Result.ReadAsync<Page<CaseRow>>()).Unwrap();

        var html = await client.GetStringAsync($"/cases?size=3&after={first.NextCursor}");
        // The cases of the cursor's page, a link back to page 1 and the links by cursor either way.
        foreach (var c in second.Items)
            Assert.Contains($"data-case=\"{c.Id}\"", html, StringComparison.Ordinal);
        Assert.Equal($"after={second.NextCursor}", Link(html, "next"));
        Assert.Equal($"before={second.PreviousCursor}", Link(html, "prev"));
        Assert.Matches("href=\"/cases\\?size=3\">1</a>", html);
    }

    /// <summary>The cursor parameter of the pager's link with the given rel.</summary>
    private static string Link(string html, string rel)
    {
        var m = Regex.Match(html, $"<a class=\"page-link\" href=\"([^\"]+)\"[^>]*rel=\"{rel}\"");
        Assert.True(m.Success, $"no {rel} link");
        var href = WebUtility.HtmlDecode(m.Groups[1].Value);
        return href.Split('?', 2)[1].Split('&').Single(p => p.StartsWith("after=", StringComparison.Ordinal) || p.StartsWith("before=", StringComparison.Ordinal));
    }
}

public sealed class CaseListCursorTests_Sqlite(SqliteApp fixture) : CaseListCursorTests(fixture.App), IClassFixture<SqliteApp>;

public sealed class CaseListCursorTests_Postgres(PostgresApp fixture) : CaseListCursorTests(fixture.App), IClassFixture<PostgresApp>;
