using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Zhifa.Tests.Infrastructure;
using Zhifa.Web.Common;
using Zhifa.Web.Resources;

namespace Zhifa.Tests.Web;

/// <summary>A request that loses a race to a unique index answers 409, not 500.</summary>
public class ConcurrentChangeTests : IClassFixture<SqliteApp>
{
    private readonly ZhifaApp _app;

    public ConcurrentChangeTests(SqliteApp fixture) => _app = fixture.App;

    public static TheoryData<string> LostRaces => ["sqlite-unique", "sqlite-primary-key", "postgres-unique", "concurrency"];

    private static Exception Race(string kind) => kind switch
    {
        "sqlite-unique" => new DbUpdateException("save", new Microsoft.Data.Sqlite.SqliteException("UNIQUE constraint failed", 19, 2067)),
        "sqlite-primary-key" => new DbUpdateException("save", new Microsoft.Data.Sqlite.SqliteException("UNIQUE constraint failed", 19, 1555)),
        "postgres-unique" => new DbUpdateException("save", new Npgsql.PostgresException("duplicate key", "ERROR", "ERROR", "23505")),
        _ => new DbUpdateConcurrencyException("save"),
    };

    [Theory]
    [MemberData(nameof(LostRaces))]
    public async Task ALostRace_OnTheApi_Answers409WithAClearMessage(string kind)
    {
        var (handled, context) = await HandleAsync(Race(kind), "/api/v1/users");
        Assert.True(handled);
        Assert.Equal(StatusCodes.Status409Conflict, context.Response.StatusCode);
        context.Response.Body.Position = 0;
        var problem = await JsonDocument.ParseAsync(context.Response.Body);
        Assert.Equal("error.concurrent_change", problem.RootElement.GetProperty("code").GetString());
        Assert.Contains("刷新后重试", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherDatabaseErrors_AndPages_AreLeftToTheDefaultHandling()
    {
        var other = new DbUpdateException("save", new Microsoft.Data.Sqlite.SqliteException("FOREIGN KEY constraint failed", 19, 787));
        Assert.False((await HandleAsync(other, "/api/v1/users")).Handled);
        Assert.False((await HandleAsync(Race("sqlite-unique"), "/admin/users/new")).Handled);
    }

    private async Task<(bool Handled, HttpContext Context)> HandleAsync(Exception exception, string path)
    {
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("zh-CN");
        await using var scope = _app.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Path = path;
        context.Response.Body = new MemoryStream();
        var handler = new ConcurrentChangeHandler();
        return (await handler.TryHandleAsync(context, exception, CancellationToken.None), context);
    }
}
