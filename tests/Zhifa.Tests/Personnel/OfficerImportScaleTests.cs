using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using Zhifa.Core.Audit;
using Zhifa.Core.Common;
using Zhifa.Core.Demo;
using Zhifa.Core.Data;
using Zhifa.Core.Personnel;
using Zhifa.Core.Personnel.UseCases;
using Zhifa.Tests.Infrastructure;
using Zhifa.Web.Common;

namespace Zhifa.Tests.Personnel;

/// <summary>
/// Officer imports at scale through the HTTP endpoint, on both engines: 10,000 officers in one file are imported in
/// seconds (the time is printed), with a number of SQL commands that depends on the number of batches, not of rows;
/// one bad row among them imports nothing; the audit trail records every officer and its chain still verifies; a
/// row reports each of its wrong cells, and a file with thousands of wrong cells lists the first 200 with the total.
/// </summary>
public abstract class OfficerImportScaleTests : IDisposable
{
    private const int BatchSize = 1000;
    private static int _serial;

    private readonly ZhifaApp _app;
    private readonly ITestOutputHelper _output;
    private readonly WebApplicationFactory<Program> _counted;
    private readonly CommandCounter _commands = new();
    private readonly HttpClient _admin;

    protected OfficerImportScaleTests(ZhifaApp app, ITestOutputHelper output)
    {
        _app = app;
        _output = output;
        // The same app on the same database, with every SQL command it sends counted.
        _counted = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.ConfigureDbContext<ZhifaDbContext>(o => o.AddInterceptors(_commands))));
        _admin = _counted.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        _admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", app.IssueToken("admin"));
    }

    [Fact]
    public async Task TenThousandOfficers_ImportInOneRequest_WithCommandsPerBatchNotPerRow_AndTheAuditTrailRecordsThemAll()
    {
        var (officersBefore, auditBefore) = await CountsAsync();

        var small = await ImportAsync(Officers(2_000));
        var large = await ImportAsync(Officers(10_000));

        Assert.Equal(12_000, (await CountsAsync()).Officers - officersBefore);
        // Everything but the inserts: a few look-ups (the bodies, units and ID numbers by chunks of 1,000 keys), then per
        // batch the audit chain's head (and its lock on PostgreSQL). A query per row would be thousands.
        Assert.True(small.Others <= 20 + (4 * 2), $"2,000 officers took {small.Others} commands besides inserts");
        Assert.True(large.Others <= 20 + (4 * 10), $"10,000 officers took {large.Others} commands besides inserts");
        if (_app.Provider == TestDatabases.Postgres)
        {
            // PostgreSQL gets the inserts of a batch in a few commands too: every command is counted.
            Assert.True(small.Commands <= 20 + (12 * 2), $"2,000 officers took {small.Commands} commands");
            Assert.True(large.Commands <= 20 + (12 * 10), $"10,000 officers took {large.Commands} commands");
        }
        else
        {
            // EF Core writes to SQLite (in process, no round trips) one INSERT per record: the officer, its first
            // employment record and their two audit entries — and nothing else per row.
            Assert.Equal(4 * 10_000, large.Commands - large.Others);
        }

        // Every officer and its first employment record are in the audit trail, and the chain still verifies.
        var (_, auditAfter) = await CountsAsync();
        Assert.Equal(2 * 12_000, auditAfter - auditBefore);
        var verification = await _admin.GetFromJsonAsync<AuditVerification>("/api/v1/audit/verify", ZhifaApp.Json);
        Assert.True(verification!.Intact, verification.Problem);
    }

    [Fact]
    public async Task AttendanceOfTwoThousandOfficers_IsImportedWithCommandsPerBatch_AndAuditedUnderTheirBody()
    {
        var officers = Officers(2_000);
        await ImportAsync(officers);
        var session = await PersonnelFlow.SessionTodayAsync(_app, DemoData.Ids.YuanpingMarket, TrainingCategory.PublicLegal, 8);
        var file = Xlsx.Write("attendance", PersonnelImport.AttendanceColumns.Template, [.. officers.Select(o => (IReadOnlyList<string?>)[o[1], "4"])]);
        var audited = await AttendanceAuditedAsync();

        _commands.Reset();
        var watch = Stopwatch.StartNew();
        var response = await PostAsync(file, $"/api/v1/training/sessions/{session}/attendance/import");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var others = _commands.Count - _commands.Inserts;
        _output.WriteLine($"{_app.Provider}: attendance of 2,000 officers imported in {watch.Elapsed.TotalSeconds:F2} s, {_commands.Count} SQL commands ({others} besides inserts)");
        Assert.True(others <= 20 + (4 * 2), $"{others} commands besides inserts");
        // The audit trail found each record's owner (the officer's body) in the context, not by a query per row.
        Assert.Equal(audited + 2_000, await AttendanceAuditedAsync());
    }

    private async Task<int> AttendanceAuditedAsync()
    {
        await using var scope = _app.Scope(out var db);
        return await db.AuditEntries.CountAsync(e => e.EntityType == nameof(TrainingAttendance) && e.OrganizationId == DemoData.Ids.YuanpingMarket);
    }

    [Fact]
    public async Task OneBadRowAmongTenThousand_ImportsNothing()
    {
        var before = await CountsAsync();
        var rows = Officers(10_000);
        rows[7_777][2] = "不存在的局";
        var response = await PostAsync(rows);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("import.rejected", json.RootElement.GetProperty("code").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("total").GetInt32());
        var error = Assert.Single(json.RootElement.GetProperty("rows").EnumerateArray());
        Assert.Equal((7_779, "执法主体", "import.body_unknown"),
            (error.GetProperty("row").GetInt32(), error.GetProperty("column").GetString(), error.GetProperty("code").GetString()));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task ARowReportsEachOfItsWrongCells_AndALongReportIsCutAtTheLimit_WithTheTotal()
    {
        var before = await CountsAsync();
        var rows = Officers(3);
        rows[1][2] = "不存在的局";
        rows[1][5] = "也许";
        rows[1][7] = "昨天";
        var three = await PostAsync(rows);
        var body = await three.Content.ReadAsStringAsync();
        Assert.True(three.StatusCode == HttpStatusCode.BadRequest, body);
        using (var json = JsonDocument.Parse(body))
        {
            Assert.Equal(3, json.RootElement.GetProperty("total").GetInt32());
            Assert.Equal(["执法主体", "法律职业资格", "入职日期"],
                json.RootElement.GetProperty("rows").EnumerateArray().Select(r => (r.GetProperty("row").GetInt32(), r.GetProperty("column").GetString()))
                    .Select(r => r.Item1 == 3 ? r.Item2 : "another row: " + r.Item1));
        }

        // 1,500 rows with four wrong cells each, the fields cell twice wrong (unknown, so none): 7,500 errors, the first 200 listed.
        var many = Officers(1_500);
        foreach (var row in many)
        {
            row[1] = row[1][..17] + (row[1][17] == '0' ? "1" : "0");
            row[5] = "也许";
            row[6] = "飞行";
            row[7] = "昨天";
        }
        var capped = await PostAsync(many);
        body = await capped.Content.ReadAsStringAsync();
        Assert.True(capped.StatusCode == HttpStatusCode.BadRequest, body);
        using (var json = JsonDocument.Parse(body))
        {
            Assert.Equal(6_000 + 1_500, json.RootElement.GetProperty("total").GetInt32());
            var listed = json.RootElement.GetProperty("rows").EnumerateArray().ToList();
            Assert.Equal(new ImportLimits().MaxErrors, listed.Count);
            Assert.Equal(2, listed[0].GetProperty("row").GetInt32());
            Assert.Equal(41, listed[^1].GetProperty("row").GetInt32());
            Assert.Contains("7500", json.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        Assert.Equal(before, await CountsAsync());
    }

    private async Task<(int Commands, int Others)> ImportAsync(List<string[]> rows)
    {
        var file = Workbook(rows);
        _commands.Reset();
        var watch = Stopwatch.StartNew();
        var response = await PostAsync(file);
        watch.Stop();
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal(rows.Count, JsonDocument.Parse(body).RootElement.GetProperty("imported").GetInt32());
        var (commands, others) = (_commands.Count, _commands.Count - _commands.Inserts);
        _output.WriteLine($"{_app.Provider}: {rows.Count:N0} officers imported over HTTP in {watch.Elapsed.TotalSeconds:F2} s "
            + $"({rows.Count / watch.Elapsed.TotalSeconds:N0} rows/s), {commands} SQL commands ({others} besides inserts), batches of {BatchSize}");
        foreach (var (kind, n) in _commands.ByKind().OrderByDescending(k => k.Value))
            _output.WriteLine($"    {n,5}  {kind}");
        return (commands, others);
    }

    private static byte[] Workbook(List<string[]> rows) => Xlsx.Write("officers", PersonnelImport.OfficerColumns.Template, rows);

    private Task<HttpResponseMessage> PostAsync(List<string[]> rows) => PostAsync(Workbook(rows));

    private async Task<HttpResponseMessage> PostAsync(byte[] file, string url = "/api/v1/officers/import")
    {
        using var content = new MultipartFormDataContent();
        var bytes = new ByteArrayContent(file);
        bytes.Headers.ContentType = new MediaTypeHeaderValue(Xlsx.ContentType);
        content.Add(bytes, "file", "officers.xlsx");
        return await _admin.PostAsync(url, content);
    }

    /// <summary>Rows of valid officers of 原平市市场监督管理局 with ID numbers no other test uses (region 110101).</summary>
    private static List<string[]> Officers(int count)
    {
        var first = Interlocked.Add(ref _serial, count) - count;
        return [.. Enumerable.Range(first, count).Select(i =>
        {
            var birth = new DateOnly(1950, 1, 1).AddDays(i / 1000).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
            var id = Zhifa.Core.Personnel.IdNumber.WithCheck("110101" + birth + (i % 1000).ToString("D3", System.Globalization.CultureInfo.InvariantCulture));
            return new[] { $"批量导入{i}", id, "原平市市场监督管理局", "", "科员", "否", "市场监管", "2025-03-01" };
        })];
    }

    private async Task<(int Officers, int AuditEntries)> CountsAsync()
    {
        await using var scope = _app.Scope(out var db);
        return (await db.Officers.CountAsync(), await db.AuditEntries.CountAsync());
    }

    public void Dispose()
    {
        _admin.Dispose();
        _counted.Dispose();
        GC.SuppressFinalize(this);
    }
}

[Collection(Serial.Name)]
public sealed class OfficerImportScaleTests_Sqlite(SqliteApp fixture, ITestOutputHelper output) : OfficerImportScaleTests(fixture.App, output), IClassFixture<SqliteApp>;

[Collection(Serial.Name)]
public sealed class OfficerImportScaleTests_Postgres(PostgresApp fixture, ITestOutputHelper output) : OfficerImportScaleTests(fixture.App, output), IClassFixture<PostgresApp>;
