using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Zhifa.Core.Demo;
using Zhifa.Core.Organizations;
using Zhifa.Core.Personnel;
using Zhifa.Core.Personnel.UseCases;
using Zhifa.Tests.Infrastructure;

namespace Zhifa.Tests.Web;

/// <summary>Issue 8, “nothing is lost”: concurrency tokens, idempotency keys, uniqueness in the database, on both databases.</summary>
public abstract class NothingLostTests(ZhifaApp app)
{
    private static readonly Guid Market = DemoData.Ids.YuanpingMarket;

    private async Task<(Guid Id, Guid UnitId)> OfficerWithUnitAsync()
    {
        var api = app.ApiAs("admin");
        var unit = await TestData.CreateUnitAsync(api, Market);
        var response = await api.PostJsonAsync("/api/v1/officers",
            new RegisterOfficerRequest(TestData.Name("并发员"), TestData.IdNumber(), Market, unit.Id, "执法队员", false, [Sector.MarketRegulation]));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return ((await response.ReadAsync<OfficerDetail>()).Officer.Id, unit.Id);
    }

    [Fact]
    public async Task TwentyConcurrentPuts_WithOneOriginalVersion_OneWins_NineteenAnswer409()
    {
        var (id, unitId) = await OfficerWithUnitAsync();
        var api = app.ApiAs("admin");
        var read = await api.GetAsync($"/api/v1/officers/{id}");
        var etag = read.Headers.ETag!.Tag;
        var version = (await read.ReadAsync<OfficerDetail>()).Version;
        Assert.Equal($"\"{version}\"", etag);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/officers/{id}")
            {
                Content = JsonContent.Create(new UpdateOfficerRequest($"改名{i}", Market, unitId, "执法队员", false, [Sector.MarketRegulation]), options: ZhifaApp.Json),
            };
            request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
            return await app.ApiAs("admin").SendAsync(request);
        }));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(19, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var problem = await responses.First(r => r.StatusCode == HttpStatusCode.Conflict).ReadAsync<JsonElement>();
        Assert.Equal("error.stale_version", problem.GetProperty("code").GetString());
        var after = await (await api.GetAsync($"/api/v1/officers/{id}")).ReadAsync<OfficerDetail>();
        Assert.Equal(version + 1, after.Version);
        var winner = await responses.Single(r => r.StatusCode == HttpStatusCode.OK).ReadAsync<OfficerDetail>();
        Assert.Equal(winner.Officer.FullName, after.Officer.FullName);
    }

    [Fact]
    public async Task AStaleVersionInTheBody_Answers409_AndChangesNothing()
    {
        var (id, _) = await OfficerWithUnitAsync();
        var api = app.ApiAs("admin");
        var detail = await (await api.GetAsync($"/api/v1/officers/{id}")).ReadAsync<JsonObject>();
        var officer = detail["officer"]!.AsObject();
        officer["post"] = "第一次";
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"/api/v1/officers/{id}", officer)).StatusCode);
        officer["post"] = "第二次（基于旧版本）";
        var stale = await api.PutAsJsonAsync($"/api/v1/officers/{id}", officer);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("第一次", (await (await api.GetAsync($"/api/v1/officers/{id}")).ReadAsync<OfficerDetail>()).Officer.Post);
    }

    [Fact]
    public async Task GetThenPut_OfAnOfficer_KeepsTheUnit()
    {
        var (id, unitId) = await OfficerWithUnitAsync();
        var api = app.ApiAs("admin");
        var detail = await (await api.GetAsync($"/api/v1/officers/{id}")).ReadAsync<JsonObject>();
        var officer = detail["officer"]!.AsObject();
        Assert.Equal(unitId, officer["unitId"]!.GetValue<Guid>());
        officer["post"] = "法制员";
        var put = await api.PutAsJsonAsync($"/api/v1/officers/{id}", officer);
        Assert.True(put.StatusCode == HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        var after = await (await api.GetAsync($"/api/v1/officers/{id}")).ReadAsync<OfficerDetail>();
        Assert.Equal(unitId, after.Officer.UnitId);
        Assert.Equal("法制员", after.Officer.Post);
    }

    [Fact]
    public async Task TwentyConcurrentCreates_WithOneIdempotencyKey_MakeOneRecord_AndTwentyIdenticalAnswers()
    {
        var name = TestData.Name("幂等股");
        var key = Guid.NewGuid().ToString();
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/organizations/units")
            {
                Content = JsonContent.Create(new CreateUnitRequest(name, Market), options: ZhifaApp.Json),
            };
            request.Headers.Add("Idempotency-Key", key);
            var response = await app.ApiAs("admin").SendAsync(request);
            return (response.StatusCode, Location: response.Headers.Location?.ToString(), Body: await response.Content.ReadAsStringAsync());
        }));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Single(responses.Select(r => r.Body).Distinct());
        Assert.Single(responses.Select(r => r.Location).Distinct());
        await using (app.Scope(out var db))
            Assert.Equal(1, await db.Units.CountAsync(u => u.Name == name));

        using var other = new HttpRequestMessage(HttpMethod.Post, "/api/v1/organizations/units")
        {
            Content = JsonContent.Create(new CreateUnitRequest(name + "另", Market), options: ZhifaApp.Json),
        };
        other.Headers.Add("Idempotency-Key", key);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await app.ApiAs("admin").SendAsync(other)).StatusCode);
    }

    [Fact]
    public async Task TwentyConcurrentCreates_OfOneUnitName_WithoutAKey_MakeOneRow_TheRestAnswer409()
    {
        var name = TestData.Name("重名股");
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            app.ApiAs("admin").PostJsonAsync("/api/v1/organizations/units", new CreateUnitRequest(name, Market))));
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(19, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        await using (app.Scope(out var db))
            Assert.Equal(1, await db.Units.CountAsync(u => u.Name == name));
    }

    [Fact]
    public async Task AStalePageFormPost_KeepsWhatWasTyped_AndSaysTheRecordChanged()
    {
        var (id, unitId) = await OfficerWithUnitAsync();
        var page = $"/personnel/officers/{id}";
        var client = await Forms.SignInWithCookieAsync(app, "admin");
        var opened = (await app.ApiAs("admin").GetAsync($"/api/v1/officers/{id}")).Headers.ETag!.Tag.Trim('"');
        // Someone else changes the officer after the form was opened.
        var other = await app.ApiAs("admin").PutJsonAsync($"/api/v1/officers/{id}",
            new UpdateOfficerRequest("他人改的名", Market, unitId, "执法队员", false, [Sector.MarketRegulation]));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);

        var response = await Forms.SubmitAsync(client, page, "edit", new Dictionary<string, string>
        {
            ["Edit.FullName"] = "我输入的名字",
            ["Edit.Post"] = "我输入的职务",
            ["Edit.BodyId"] = Market.ToString(),
            ["Edit.UnitId"] = unitId.ToString(),
            ["Edit.Fields"] = nameof(Sector.MarketRegulation),
            ["Edit.Version"] = opened,
        });
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("此记录已被他人修改", html, StringComparison.Ordinal);
        Assert.Contains("value=\"我输入的名字\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"我输入的职务\"", html, StringComparison.Ordinal);
        var stored = await (await app.ApiAs("admin").GetAsync($"/api/v1/officers/{id}")).ReadAsync<OfficerDetail>();
        Assert.Equal("他人改的名", stored.Officer.FullName);
    }
}

public sealed class NothingLostTests_Sqlite(SqliteApp fixture) : NothingLostTests(fixture.App), IClassFixture<SqliteApp>;

public sealed class NothingLostTests_Postgres(PostgresApp fixture) : NothingLostTests(fixture.App), IClassFixture<PostgresApp>;

/// <summary>Several app nodes on one PostgreSQL database: real processes, started at the same moment.</summary>
public sealed class SeveralNodesTests
{
    [Fact]
    public async Task TwoNodes_OnAnEmptyDatabase_BothPrepareIt_AndTheDailyJobRecordsEachExpiryOnce()
    {
        using var database = TestDatabase.NewPostgres();
        var seeds = await Task.WhenAll(
            AppProcess.RunAsync("seed-demo", TestDatabases.Postgres, database.ConnectionString),
            AppProcess.RunAsync("seed-demo", TestDatabases.Postgres, database.ConnectionString));
        Assert.All(seeds, s => Assert.True(s.Exit == 0, s.Output));
        Assert.Single(seeds, s => s.Output.Contains("Demo data loaded", StringComparison.Ordinal));

        // Every demo certificate falls due; two nodes run the expiry job at the same moment.
        await using (var conn = new NpgsqlConnection(database.ConnectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("UPDATE \"Certificates\" SET \"ValidUntil\" = CURRENT_DATE - 3 WHERE \"Status\" NOT IN ('Revoked', 'Cancelled', 'Expired')", conn);
            Assert.True(await cmd.ExecuteNonQueryAsync() > 0);
        }
        var runs = await Task.WhenAll(
            AppProcess.RunAsync("expire-certificates", TestDatabases.Postgres, database.ConnectionString),
            AppProcess.RunAsync("expire-certificates", TestDatabases.Postgres, database.ConnectionString));
        Assert.All(runs, r => Assert.True(r.Exit == 0, r.Output));

        await using (var conn = new NpgsqlConnection(database.ConnectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand(
                "SELECT count(*), count(DISTINCT \"CertificateId\") FROM \"CertificateEvents\" WHERE \"Kind\" = 'Expired'", conn);
            await using var reader = await cmd.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            var (events, certificates) = (reader.GetInt64(0), reader.GetInt64(1));
            Assert.True(events > 0);
            Assert.Equal(certificates, events);
        }
    }
}
