using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using Zhifa.Core.Cases;
using Zhifa.Core.Common;
using Zhifa.Core.Identity;
using Zhifa.Core.Data;
using Zhifa.Core.Demo;
using Zhifa.Core.Inspections;
using Zhifa.Core.Messages;
using Zhifa.Tests.Infrastructure;

namespace Zhifa.Tests.Web;

/// <summary>
/// Issue 12: a list costs a fixed number of SQL commands, whatever the size of its page. Every paged GET list of the API
/// (written here by hand) is called with <c>pageSize=2</c> and <c>pageSize=50</c> by a user allowed to read it, with
/// every SQL command the app sends counted; the larger page may not run more commands than the smaller, and neither
/// may run more than a fixed budget beyond what any authenticated request costs. A second test finds the API's paged
/// GET lists (a <c>page</c> or <c>pageSize</c> parameter, or a <see cref="Page{T}"/> answer) so that a new list without
/// an entry here fails.
/// </summary>
public abstract class ListQueryCountTests : IDisposable
{
    /// <summary>The commands a list may run for itself (its count, its page, the names and figures of the page's rows, all in batches).</summary>
    private const int Budget = 10;

    /// <summary>Each paged list: who reads it, and its address without the page size.</summary>
    public static readonly TheoryData<string, string> Lists = new()
    {
        { "admin", "/api/v1/officers" },
        { "yp.supervisor", "/api/v1/officers" },
        { "admin", "/api/v1/certificates" },
        { "admin", "/api/v1/catalogue" },
        { "admin", "/api/v1/benchmarks" },
        { "admin", "/api/v1/parties" },
        { "yp.supervisor", "/api/v1/cases" },
        { "yp.supervisor", "/api/v1/cases?view=Overdue" },
        { "yp.supervisor", "/api/v1/cases?view=DueSoon" },
        { "yp.market.officer", "/api/v1/cases?view=Mine" },
        { "admin", "/api/v1/audit" },
        { "admin", "/api/v1/users" },
        { "admin", "/api/v1/login-log" },
        { "admin", "/api/v1/organizations" },
        { "yp.market.officer", "/api/v1/messages" },
        { "", "/api/v1/public/catalogue" },
        { "", "/api/v1/public/benchmarks" },
        { "yp.supervisor", "/api/v1/inspection-plans" },
        { "yp.supervisor", "/api/v1/inspections" },
        { "yp.market.officer", "/api/v1/inspections?view=Mine" },
        { "", "/api/v1/public/inspections/results" },
        { "", $"/api/v1/public/inspections/bodies/{DemoData.Ids.YuanpingMarket}/subjects" },
    };

    private readonly CountedApp _fixture;
    private readonly ZhifaApp _app;
    private readonly ITestOutputHelper _output;
    private readonly WebApplicationFactory<Program> _counted;
    private readonly CommandCounter _commands;

    protected ListQueryCountTests(CountedApp fixture, ITestOutputHelper output)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        _fixture = fixture;
        _app = fixture.App;
        _counted = fixture.Counted;
        _commands = fixture.Commands;
        _output = output;
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task ALargerPage_RunsNoMoreCommands_ThanASmallerOne(string user, string list)
    {
        await EnoughRowsAsync();
        using var client = Client(user);
        var baseline = await BaselineAsync(client, user);
        await CountAsync(client, Url(list, 2)); // warm: caches the app may fill on a first request are not the list's cost
        var (small, smallRows) = await CountAsync(client, Url(list, 2));
        var (large, largeRows) = await CountAsync(client, Url(list, 50));
        _output.WriteLine($"{_app.Provider} {user} {list}: {small} commands for {smallRows} rows, {large} for {largeRows} rows; an authenticated request alone {baseline}");
        Assert.True(largeRows >= 8, $"{list} has only {largeRows} rows for {user}: too few to show growth");
        Assert.Equal(2, smallRows);
        Assert.True(large <= small, $"{list}: {large} commands for a page of {largeRows} rows, {small} for a page of {smallRows}");
        Assert.True(large - baseline <= Budget, $"{list}: {large - baseline} commands besides authentication (budget {Budget})");
    }

    [Fact]
    public void EveryPagedListOfTheApi_IsCounted()
    {
        var listed = Lists.Select(row => Path((string)row[1])).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var found = PagedLists(_app.Services).ToList();
        Assert.NotEmpty(found);
        // The discovery finds the lists that are known to be paged (so it is not finding nothing).
        Assert.Contains("/api/v1/cases", found);
        Assert.Contains("/api/v1/messages", found);
        Assert.Contains("/api/v1/organizations", found);
        var missing = found.Where(f => !listed.Contains(f)).ToList();
        Assert.True(missing.Count == 0, "Paged lists without a query-count entry: " + string.Join(", ", missing));
    }

    /// <summary>The GET endpoints under /api/v1 that take a page (a <c>page</c> or <c>pageSize</c> parameter) or answer a <see cref="Page{T}"/>.</summary>
    private static IEnumerable<string> PagedLists(IServiceProvider services) =>
        services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true)
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Where(e => e.Metadata.GetMetadata<MethodInfo>()?.GetParameters().Any(p => p.Name is "page" or "pageSize") == true
                || e.Metadata.GetOrderedMetadata<IProducesResponseTypeMetadata>().Any(p => p.Type is { IsGenericType: true } t && t.GetGenericTypeDefinition() == typeof(Page<>)))
            .Select(e => e.RoutePattern.RawText!.TrimEnd('/'))
            .Distinct(StringComparer.OrdinalIgnoreCase);

    /// <summary>A list's address as its route reads: without the query, an id in the path as the route's <c>{id:guid}</c>.</summary>
    private static string Path(string url) =>
        System.Text.RegularExpressions.Regex.Replace(url.Split('?')[0].TrimEnd('/'), "/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?=/|$)", "/{id:guid}");

    private static string Url(string list, int size) => list + (list.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "pageSize=" + size;

    private HttpClient Client(string user)
    {
        var client = _counted.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (user.Length > 0)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _app.IssueToken(user));
        return client;
    }

    /// <summary>What an authenticated request costs before its own work (none for the public site).</summary>
    private async Task<int> BaselineAsync(HttpClient client, string user)
    {
        if (user.Length == 0)
            return 0;
        await client.GetAsync("/api/v1/auth/me");
        _commands.Reset();
        var response = await client.GetAsync("/api/v1/auth/me");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return _commands.Count;
    }

    private async Task<(int Commands, int Rows)> CountAsync(HttpClient client, string url)
    {
        _commands.Reset();
        var response = await client.GetAsync(url);
        var commands = _commands.Count;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {body}");
        using var json = JsonDocument.Parse(body);
        return (commands, json.RootElement.GetProperty("items").GetArrayLength());
    }

    private Task EnoughRowsAsync() => _fixture.EnoughRowsAsync();

    public void Dispose() => GC.SuppressFinalize(this);
}

/// <summary>An app with the demo data and the same app on its database with every SQL command counted; rows added once so that every list fills a page of 50.</summary>
public abstract class CountedApp : IDisposable
{
    private readonly Lazy<Task> _seeded;

    protected CountedApp(string provider)
    {
        App = new ZhifaApp(provider);
        Counted = App.WithWebHostBuilder(b => b.ConfigureServices(s => s.ConfigureDbContext<ZhifaDbContext>(o => o.AddInterceptors(Commands))));
        _seeded = new Lazy<Task>(() => ListRows.AddAsync(App));
    }

    public ZhifaApp App { get; }
    public WebApplicationFactory<Program> Counted { get; }
    public CommandCounter Commands { get; } = new();

    public Task EnoughRowsAsync() => _seeded.Value;

    public void Dispose()
    {
        Counted.Dispose();
        App.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class CountedSqliteApp() : CountedApp(TestDatabases.Sqlite);

public sealed class CountedPostgresApp() : CountedApp(TestDatabases.Postgres);

/// <summary>Rows the demo data has too few of for a page of 50 to show growth with the page.</summary>
internal static class ListRows
{
    /// <summary>
    /// Every demo case gets a clock due today and one past its day (the due-soon and overdue views have only a few),
    /// 张伟 (yp.market.officer) a dozen messages about them (the demo sends none), and the market bureau a dozen plans
    /// and a dozen published inspections by 张伟 and 王芳 with an item each (the demo has one plan and one published result).
    /// </summary>
    public static async Task AddAsync(ZhifaApp app)
    {
        await using var scope = app.Scope(out var db);
        var today = app.Clock.Today();
        var cases = await db.Cases.Select(c => new { c.Id, c.BodyId, c.CaseNumber, c.Title, c.PartyName }).ToListAsync();
        foreach (var c in cases)
        {
            db.CaseDeadlines.Add(new CaseDeadline(Guid.NewGuid(), c.Id, c.BodyId, DeadlineKind.Statement, "XZCF-STMT", today.AddDays(-3), today, null, false, false));
            db.CaseDeadlines.Add(new CaseDeadline(Guid.NewGuid(), c.Id, c.BodyId, DeadlineKind.Statement, "XZCF-STMT", today.AddDays(-8), today.AddDays(-1), null, false, false));
        }
        var officer = await db.Users.Where(u => u.UserName == "yp.market.officer").Select(u => u.Id).SingleAsync();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        foreach (var (c, i) in cases.Take(12).Select((c, i) => (c, i)))
        {
            db.UserMessages.Add(new UserMessage(Guid.NewGuid(), officer, "message.case_deadline_soon",
                [c.CaseNumber ?? c.Title, c.PartyName, "enum.DeadlineKind.Statement", "XZCF-STMT", today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)],
                $"/cases/{c.Id}", $"list-query-count:{c.Id}", now.AddMinutes(-i)));
        }
        var market = Zhifa.Core.Demo.DemoData.Ids.YuanpingMarket;
        var item = Zhifa.Core.Common.DeterministicGuid.From("catalogue:140981JC01001");
        foreach (var n in Enumerable.Range(1, 12))
        {
            db.InspectionPlans.Add(new Zhifa.Core.Inspections.InspectionPlan(Guid.NewGuid(), market, today.Year, $"计数计划{n:00}", new DateOnly(today.Year, 1, 1),
                new DateOnly(today.Year, 12, 31), true, new Dictionary<string, decimal> { ["A"] = 100 }, [item], now));
            var task = new Zhifa.Core.Inspections.InspectionTask(Guid.NewGuid(), market, "原平市市场监督管理局", null, null, Guid.NewGuid(), $"计数企业{n:00}", null, false,
                today.AddDays(-n), now, "张伟")
            {
                State = Zhifa.Core.Inspections.InspectionState.Published, VisitedOn = today.AddDays(-n), PublishDueOn = today.AddDays(20), PublishedAt = now.AddMinutes(-n),
            };
            task.Officers.Add(new Zhifa.Core.Inspections.InspectionOfficer(task.Id, Zhifa.Core.Common.DeterministicGuid.From("personnel:officer:张伟"), "张伟", null));
            task.Officers.Add(new Zhifa.Core.Inspections.InspectionOfficer(task.Id, Zhifa.Core.Common.DeterministicGuid.From("personnel:officer:王芳"), "王芳", null));
            task.Items.Add(new Zhifa.Core.Inspections.InspectionItem(Guid.NewGuid(), task.Id, item, "140981JC01001", "检查事项", "依据"));
            db.InspectionTasks.Add(task);
        }
        await db.SaveChangesAsync();
    }
}

[Collection(Serial.Name)]
public sealed class ListQueryCountTests_Sqlite(CountedSqliteApp fixture, ITestOutputHelper output) : ListQueryCountTests(fixture, output), IClassFixture<CountedSqliteApp>;

[Collection(Serial.Name)]
public sealed class ListQueryCountTests_Postgres(CountedPostgresApp fixture, ITestOutputHelper output) : ListQueryCountTests(fixture, output), IClassFixture<CountedPostgresApp>;
