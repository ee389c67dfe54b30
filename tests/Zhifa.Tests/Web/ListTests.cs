using System.Net;
using System.Text.Json;
using Zhifa.Core.Common;
using Zhifa.Core.Identity;
using Zhifa.Tests.Infrastructure;
using Zhifa.Web.Common;

namespace Zhifa.Tests.Web;

/// <summary>What every list shares: sorting by a column key, links that keep the filter, counts that stop at a cap.</summary>
public abstract class ListTests(ZhifaApp app)
{
    private sealed record Row(int Id, string Name, int? Rank);

    private static readonly Row[] Rows = [new(1, "b", 2), new(2, "a", 2), new(3, "c", null), new(4, "a", 1)];

    private static readonly SortMap<Row> Map = SortMap<Row>.Create(new SortOrder("name", false), r => r.Id).Add("name", r => r.Name).Add("rank", r => r.Rank);

    [Fact]
    public void ASort_OrdersByItsColumn_EitherWay_WithTheTieBreakerLast_AndAnUnknownKeyFallsBackToTheDefault()
    {
        Assert.Equal([2, 4, 1, 3], Map.Apply(Rows, "name").Select(r => r.Id));
        // Descending applies to the tie-breaker too: equal names keep one order across pages, the reverse of ascending.
        Assert.Equal([3, 1, 4, 2], Map.Apply(Rows, "-name").Select(r => r.Id));
        Assert.Equal([3, 4, 1, 2], Map.Apply(Rows, "rank").Select(r => r.Id));
        Assert.Equal([2, 4, 1, 3], Map.Apply(Rows, "nonsense").Select(r => r.Id));
        Assert.Equal([2, 4, 1, 3], Map.Apply(Rows, null).Select(r => r.Id));
        Assert.Equal(new SortOrder("name", false), Map.Resolve("-"));
        Assert.Equal(new SortOrder("rank", true), Map.Resolve("-rank"));
    }

    [Fact]
    public void ListLinks_KeepTheFilter_AndExportsDropThePaging()
    {
        const string page = "http://localhost/personnel/certificates?q=A1&status=Valid&page=3&size=20&sort=-validUntil";
        Assert.Equal(("/personnel/certificates", "q=A1&size=20&sort=number&status=Valid"),
            Parts(ListUrl.With(page, ("page", null), ("sort", "number"))));
        Assert.Equal(("/api/v1/certificates/export", "search=A1&sort=-validUntil&status=Valid"),
            Parts(ListUrl.Export(page, "/api/v1/certificates/export", ("q", "search"))));
        Assert.Equal([("q", "A1"), ("status", "Valid"), ("sort", "-validUntil")],
            ListUrl.Others(page, "page", "size").Select(kv => (kv.Key, kv.Value)));
    }

    /// <summary>A link's path and its parameters in name order (their order in the link carries no meaning).</summary>
    private static (string Path, string Query) Parts(string link)
    {
        var i = link.IndexOf('?', StringComparison.Ordinal);
        return i < 0 ? (link, "") : (link[..i], string.Join("&", link[(i + 1)..].Split('&').Order(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task AVeryLongLog_CountsToTheCap_PagesWithinIt_AndTheReverseSortReachesTheOldest()
    {
        var prefix = "capped." + Guid.NewGuid().ToString("N")[..8] + ".";
        var start = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        const int count = Paging.CountCap + 50;
        await using (var scope = app.Scope(out var db))
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = 0; i < count; i++)
                db.LoginLog.Add(new LoginLogEntry(Guid.NewGuid(), start.AddMinutes(i), $"{prefix}{i:D5}", null, null, "10.0.0.1", null, false, "unknown_user", "password"));
            await db.SaveChangesAsync();
        }
        var admin = app.ApiAs("admin");

        using var newest = JsonDocument.Parse(await admin.GetStringAsync($"/api/v1/login-log?userName={prefix}&pageSize=50"));
        Assert.Equal(Paging.CountCap, newest.RootElement.GetProperty("total").GetInt32());
        Assert.True(newest.RootElement.GetProperty("totalIsLowerBound").GetBoolean());
        Assert.Equal($"{prefix}{count - 1:D5}", newest.RootElement.GetProperty("items")[0].GetProperty("userName").GetString());

        // A page past the cap is the last counted page; the other end of the log is page 1 of the reverse sort.
        using var late = JsonDocument.Parse(await admin.GetStringAsync($"/api/v1/login-log?userName={prefix}&pageSize=50&page=999"));
        Assert.Equal(Paging.CountCap / 50, late.RootElement.GetProperty("pageNumber").GetInt32());
        using var oldest = JsonDocument.Parse(await admin.GetStringAsync($"/api/v1/login-log?userName={prefix}&pageSize=50&sort=at"));
        Assert.Equal($"{prefix}00000", oldest.RootElement.GetProperty("items")[0].GetProperty("userName").GetString());

        // The page shows "more than 10,000" rather than a count it did not make.
        var html = WebUtility.HtmlDecode(await admin.GetStringAsync($"/audit/logins?user={prefix}"));
        Assert.Contains("超过 10,000 条", html, StringComparison.Ordinal);
    }
}

public sealed class ListTests_Sqlite(SqliteApp fixture) : ListTests(fixture.App), IClassFixture<SqliteApp>;

public sealed class ListTests_Postgres(PostgresApp fixture) : ListTests(fixture.App), IClassFixture<PostgresApp>;
