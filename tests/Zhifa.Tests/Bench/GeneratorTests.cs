using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Zhifa.Bench;
using Zhifa.Core.Cases;
using Zhifa.Core.Data;
using Zhifa.Core.Organizations;
using Zhifa.Tests.Infrastructure;

namespace Zhifa.Tests.Bench;

/// <summary>The province generator (issue 12) at a tiny scale, on both engines: the app then serves what it wrote.</summary>
public sealed class GeneratorTests
{
    [Theory]
    [InlineData(TestDatabases.Postgres)]
    [InlineData(TestDatabases.Sqlite)]
    public async Task Generated_cases_are_listed_for_the_supervisor_and_a_generated_case_answers_with_its_deadlines(string provider)
    {
        using var app = new ZhifaApp(provider);
        _ = app.Server; // migrated and seeded with the demo data, as the generator's own preparation does
        HashSet<Guid> demo;
        List<string> indexesBefore;
        await using (var scope = app.Scope(out var db))
        {
            demo = [.. await db.Cases.Select(c => c.Id).ToListAsync()];
            indexesBefore = await SchemaAsync(db);
        }
        var keys = Zhifa.Core.Audit.AuditKeyRing.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection([new("Zhifa:Audit:SigningKey", ZhifaApp.AuditKeyPem)]).Build());

        var report = await new Generator(app.ConnectionString, new GeneratorOptions(500, Seed: 7, Counties: 3, Townships: 2, OfficersPerBody: 2, AuditKeys: keys))
            .RunAsync(TextWriter.Null);
        Assert.Equal(500, report.RowsByTable["Cases"]);
        Assert.Equal(500, report.RowsByTable["AuditEntries"]);
        Assert.True(report.RowsByTable["CaseDeadlines"] >= 500, "every case has at least its opening deadline");
        Assert.True(report.CasesByState.Count >= 5, "cases in many states");
        // The province: ten more cities (each with its justice bureau), three counties with two townships, a justice bureau
        // and eight sector bodies each, two officers with a certificate in each sector body.
        Assert.Equal(10 + 3 + 3 * 2 + 10 + 3 * 9, report.RowsByTable["Organizations"]);
        Assert.Equal(3 * 8 * 2, report.RowsByTable["Officers"]);
        Assert.Equal(3 * 8 * 2, report.RowsByTable["Certificates"]);

        var supervisor = app.ApiAs("yp.supervisor");
        using var list = JsonDocument.Parse(await supervisor.GetStringAsync("/api/v1/cases?pageSize=50"));
        Assert.True(list.RootElement.GetProperty("total").GetInt32() > demo.Count + 50);
        var generated = list.RootElement.GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("id").GetGuid()).First(id => !demo.Contains(id));

        var response = await supervisor.GetAsync($"/api/v1/cases/{generated}");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        using var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.NotEmpty(detail.RootElement.GetProperty("deadlines").EnumerateArray());

        // 原平市's supervisor sees 原平市's cases and none of the generated counties'.
        await using (var scope = app.Scope(out var db))
        {
            var yuanping = await db.Organizations.Unscoped("the test's own check").Where(o => o.Name == "原平市").Select(o => o.Path).SingleAsync();
            var bodiesThere = await db.Organizations.Unscoped("the test's own check").Where(o => o.RegionPath.StartsWith(yuanping)).Select(o => o.Id).ToListAsync();
            var inYuanping = await db.Cases.Unscoped("the test's own check").CountAsync(c => bodiesThere.Contains(c.BodyId));
            var elsewhere = await db.Cases.Unscoped("the test's own check").CountAsync(c => !bodiesThere.Contains(c.BodyId));
            Assert.True(elsewhere > 100, $"cases in the generated counties: {elsewhere}");
            Assert.Equal(inYuanping, list.RootElement.GetProperty("total").GetInt32());
        }

        // The numbering continues after the generated numbers: no number is issued twice per body.
        await using (var scope = app.Scope(out var db))
        {
            var numbers = await db.Cases.Where(c => c.CaseNumber != null).Select(c => new { c.BodyId, c.CaseNumber }).ToListAsync();
            Assert.Equal(numbers.Count, numbers.Distinct().Count());
            Assert.NotEmpty(await db.Set<Zhifa.Core.Cases.CaseNumberSequence>().Where(s => s.Last > 1).ToListAsync());
            // The indexes and foreign keys dropped for the load on PostgreSQL are all back, as they were.
            Assert.Equal(indexesBefore, await SchemaAsync(db));
        }

        // The generated audit entries continue the demo's chain and carry the app's seal: the app's own check walks them all.
        using var verification = JsonDocument.Parse(await app.ApiAs("admin").GetStringAsync("/api/v1/audit/verify"));
        Assert.True(verification.RootElement.GetProperty("intact").GetBoolean(), verification.RootElement.ToString());
        Assert.True(verification.RootElement.GetProperty("checked").GetInt64() >= 500 + 1);
    }

    /// <summary>The definitions of the database's indexes and foreign keys.</summary>
    private static Task<List<string>> SchemaAsync(Zhifa.Core.Data.ZhifaDbContext db) => db.Database.IsNpgsql()
        ? db.Database.SqlQueryRaw<string>("""
            SELECT indexdef AS "Value" FROM pg_indexes WHERE schemaname = current_schema()
            UNION ALL SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE contype = 'f'
            ORDER BY 1
            """).ToListAsync()
        : db.Database.SqlQueryRaw<string>("SELECT sql AS \"Value\" FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY 1").ToListAsync();
}
