using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using Zhifa.Core.Audit;
using Zhifa.Core.Common;
using Zhifa.Core.Demo;
using Zhifa.Core.Identity;
using Zhifa.Core.Parties;
using Zhifa.Tests.Infrastructure;
using Zhifa.Web.Common;

namespace Zhifa.Tests.Parties;

/// <summary>
/// The bulk import of parties from CSV, through the real application on SQLite and PostgreSQL: every row lands, written by
/// bulk copy, and the file is one audited record (a batch), not one entry per party; a file with wrong cells — malformed CSV
/// among them — imports nothing and names each wrong row and column; the same rows as Excel and as CSV give the same
/// errors (one row check); 20,000 rows go in with a fixed number of SQL commands; a party registered by someone else
/// between the check and the copy rolls everything back with a conflict.
/// </summary>
public abstract class PartyCsvImportTests(ZhifaApp app, ITestOutputHelper output)
{
    private readonly HttpClient _officer = app.ApiAs("yp.market.officer");

    private static string[] Enterprise(string? code = null, string region = "140981") =>
        ["企业", TestData.Name("批量企业"), code ?? TestData.CreditCode(), "", "批量法人", "原平市批量路1号", "C", "B", "13912345678", region];

    private static string[] Person(string? idNumber = null, string region = "原平市") =>
        ["自然人", TestData.Name("批量人"), "", idNumber ?? TestData.IdNumber(), "", "原平市批量小区", "", "", "13800001111", region];

    private static byte[] CsvOf(IEnumerable<string[]> rows) => Csv.Write(PartyImport.Columns.Template, [.. rows]);

    private static byte[] XlsxOf(IEnumerable<string[]> rows) => Xlsx.Write("parties", PartyImport.Columns.Template, [.. rows]);

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] file, string name = "parties.csv")
    {
        var content = new MultipartFormDataContent();
        var bytes = new ByteArrayContent(file);
        bytes.Headers.ContentType = new MediaTypeHeaderValue(name.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv" : Xlsx.ContentType);
        content.Add(bytes, "file", name);
        return client.PostAsync("/api/v1/parties/import", content);
    }

    private async Task<(int Parties, int Batches, int PartyAudits, int BatchAudits)> CountsAsync()
    {
        await using var scope = app.Scope(out var db);
        var audits = db.AuditEntries.Unscoped("the test counts the whole trail");
        return (await db.Parties.CountAsync(), await db.PartyImportBatches.CountAsync(),
            await audits.CountAsync(e => e.EntityType == nameof(Party)), await audits.CountAsync(e => e.EntityType == nameof(PartyImportBatch)));
    }

    /// <summary>The wrong cells of a refused import: (row, column, code), in the answer's order.</summary>
    private static async Task<List<(int Row, string Column, string Code)>> WrongCellsAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("import.rejected", json.RootElement.GetProperty("code").GetString());
        return [.. json.RootElement.GetProperty("rows").EnumerateArray()
            .Select(r => (r.GetProperty("row").GetInt32(), r.GetProperty("column").GetString()!, r.GetProperty("code").GetString()!))];
    }

    [Fact]
    public async Task AFewHundredRows_AllLand_AsOneAuditedBatch_NotAnAuditEntryPerParty()
    {
        var before = await CountsAsync();
        var rows = Enumerable.Range(0, 300).Select(i => i % 3 == 2 ? Person() : Enterprise(region: i % 2 == 0 ? "140981" : "崞阳镇")).ToList();
        // English titles work too, and a cell our export neutralised reads back without its quote.
        rows[0][5] = "-1号楼";
        var file = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(CsvOf(rows)).Replace("类型,名称,统一社会信用代码", "Kind,Name,CreditCode", StringComparison.Ordinal));

        var response = await UploadAsync(_officer, file);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(300, json.RootElement.GetProperty("imported").GetInt32());
        var batchId = json.RootElement.GetProperty("batchId").GetGuid();

        var after = await CountsAsync();
        Assert.Equal((before.Parties + 300, before.Batches + 1, before.PartyAudits, before.BatchAudits + 1), after);
        await using (var scope = app.Scope(out var db))
        {
            var officer = await db.Users.SingleAsync(u => u.UserName == "yp.market.officer");
            var batch = await db.PartyImportBatches.SingleAsync(b => b.Id == batchId);
            Assert.Equal(("parties.csv", Convert.ToHexStringLower(SHA256.HashData(file)), 300, "yp.market.officer", officer.Id, (Guid?)officer.OrganizationId),
                (batch.FileName, batch.Sha256, batch.Rows, batch.ImportedBy, batch.UserId, batch.OrganizationId));
            var entry = await db.AuditEntries.Unscoped("the test reads the batch's entry").SingleAsync(e => e.EntityType == nameof(PartyImportBatch) && e.EntityId == batchId.ToString());
            Assert.Equal(("Added", (Guid?)officer.OrganizationId, (Guid?)officer.Id), (entry.Action, entry.OrganizationId, entry.UserId));
            Assert.Contains("\"Rows\":300", entry.After, StringComparison.Ordinal);
        }

        // The copied rows read back as the registry's own: by id, with the code, the region, the masked and the encrypted ID number.
        var first = (await _officer.GetFromJsonAsync<List<PartySummary>>($"/api/v1/parties/search?q={rows[0][2]}", ZhifaApp.Json))!.Single();
        var enterprise = (await _officer.GetFromJsonAsync<PartyView>($"/api/v1/parties/{first.Id}", ZhifaApp.Json))!;
        Assert.Equal((rows[0][1], PartyKind.Enterprise, IndustrySection.C, CreditGrade.B, "-1号楼", DemoData.Ids.Yuanping),
            (enterprise.Name, enterprise.Kind, enterprise.Industry, enterprise.CreditGrade, enterprise.Address, enterprise.RegionId));
        var idNumber = rows[2][3];
        var person = (await _officer.GetFromJsonAsync<List<PartySummary>>($"/api/v1/parties/search?q={idNumber}", ZhifaApp.Json))!.Single();
        var revealed = await app.ApiAs("yp.market.head").GetFromJsonAsync<Dictionary<string, string>>($"/api/v1/parties/{person.Id}/id-number", ZhifaApp.Json);
        Assert.Equal(idNumber, revealed!["idNumber"]);

        var verification = await app.ApiAs("yp.supervisor").GetFromJsonAsync<AuditVerification>("/api/v1/audit/verify", ZhifaApp.Json);
        Assert.True(verification!.Intact, verification.Problem);
    }

    [Fact]
    public async Task WrongCells_AndMalformedCsv_ImportNothing_AndEachWrongRowAndColumnIsNamed()
    {
        var registered = Enterprise();
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(_officer, CsvOf([registered]))).StatusCode);
        var registeredPerson = Person();
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(_officer, CsvOf([registeredPerson]))).StatusCode);
        var before = await CountsAsync();

        var good = Enterprise();
        var code = TestData.CreditCode();
        var badCode = Enterprise(code[..17] + (code[17] == '0' ? "1" : "0"));
        var unknownRegion = Enterprise(region: "定襄县外");
        var again = Enterprise(good[2]);
        var taken = Enterprise(registered[2]);
        var takenPerson = Person(registeredPerson[3]);
        var text = Encoding.UTF8.GetString(CsvOf([good, badCode, unknownRegion, again, taken, takenPerson, Enterprise()]))
            // Row 9: more cells than the header; row 10: a quote never closed, which swallows the rest of the file.
            .Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n')
            + "\n企业,多一格,,,,,,,,140981,,多余\n企业,\"没有结束的引号,,,,,,,,140981\n企业,看不见的行,,,,,,,,140981\n";

        var cells = await WrongCellsAsync(await UploadAsync(_officer, Encoding.UTF8.GetBytes(text)));
        Assert.Equal(
        [
            (3, "统一社会信用代码", "party.credit_code_check"),
            (4, "所在地区", "party.import_region_unknown"),
            (5, "统一社会信用代码", "party.import_repeated"),
            (6, "统一社会信用代码", "party.credit_code_registered"),
            (7, "身份证号", "party.id_number_registered"),
            (9, "", "import.csv_too_many_cells"),
            (10, "名称", "import.csv_unclosed_quote"),
        ], cells);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task TheSameRows_AsExcelAndAsCsv_GiveTheSameErrors()
    {
        var registered = Enterprise();
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(_officer, CsvOf([registered]))).StatusCode);
        var before = await CountsAsync();
        var person = Person();
        string[][] rows =
        [
            Enterprise(),
            ["公司", TestData.Name("错误行"), "91350100M000100Y44", "", "", "", "Z", "F", "call me", "定襄县外"],
            Enterprise(registered[2]),
            person,
            Person(person[3]),
            ["自然人", "", "", "123", "", "", "", "", "", "原平市"],
            ["企业", new string('长', 101), "", "", "", "", "", "", "", "140981"],
        ];

        var fromCsv = await WrongCellsAsync(await UploadAsync(_officer, CsvOf(rows)));
        var fromExcel = await WrongCellsAsync(await UploadAsync(_officer, XlsxOf(rows), "parties.xlsx"));
        output.WriteLine(string.Join("\n", fromCsv));
        Assert.Equal(fromExcel, fromCsv);
        Assert.Equal(10, fromCsv.Count);
        Assert.Contains((3, "类型", "party.import_kind_unknown"), fromCsv);
        Assert.Contains((6, "身份证号", "party.import_repeated"), fromCsv);
        Assert.Contains((8, "统一社会信用代码", "party.credit_code_required"), fromCsv);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task TwentyThousandRows_ImportThroughTheApi_WithAFixedNumberOfSqlCommands()
    {
        var commands = new CommandCounter();
        using var counted = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.ConfigureDbContext<Zhifa.Core.Data.ZhifaDbContext>(o => o.AddInterceptors(commands))));
        using var client = counted.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", app.IssueToken("yp.admin"));
        string[] regions = ["140981", "140981001", "140981002", "140981100", "140981101", "140981102", "140981105"];
        var before = await CountsAsync();

        async Task<int> ImportAsync(int rows, int seed)
        {
            using var file = new MemoryStream();
            PartyCsv.Write(file, rows, seed, regions);
            commands.Reset();
            var watch = Stopwatch.StartNew();
            var response = await UploadAsync(client, file.ToArray());
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, body);
            Assert.Equal(rows, JsonDocument.Parse(body).RootElement.GetProperty("imported").GetInt32());
            output.WriteLine($"{app.Provider}: {rows:N0} parties from CSV in {watch.Elapsed.TotalSeconds:F2} s, {commands.Count} SQL commands through EF "
                + "(the rows themselves go by COPY or one prepared INSERT, outside EF)");
            foreach (var (kind, n) in commands.ByKind().OrderByDescending(k => k.Value))
                output.WriteLine($"    {n,5}  {kind}");
            return commands.Count;
        }

        var small = await ImportAsync(500, 7_000);
        var large = await ImportAsync(20_000, 0);
        // The caller's access, the regions and the caller's reach, the registry by chunks of 20,000 codes, the batch and
        // its audit entry: the same handful whatever the number of rows.
        Assert.True(large <= small + 2, $"20,000 rows took {large} commands, 500 rows {small}");
        Assert.True(large <= 30, $"20,000 rows took {large} commands");
        var after = await CountsAsync();
        Assert.Equal((before.Parties + 20_500, before.Batches + 2, before.PartyAudits), (after.Parties, after.Batches, after.PartyAudits));
    }

    [Fact]
    public async Task APartyRegisteredBetweenTheCheckAndTheCopy_RollsEverythingBack_WithAConflict()
    {
        var rows = new[] { Enterprise(), Enterprise(), Person() };
        var file = CsvOf(rows);
        var before = await CountsAsync();
        var opened = 0;
        await using var scope = app.Scope(out _);
        var import = scope.ServiceProvider.GetRequiredService<PartyImport>();
        var names = new PartyImportNames(
            new Dictionary<string, PartyKind> { ["企业"] = PartyKind.Enterprise, ["自然人"] = PartyKind.NaturalPerson },
            new Dictionary<string, IndustrySection> { ["C"] = IndustrySection.C });

        var result = await import.CsvAsync(() =>
        {
            // The second reading: meanwhile someone registers the file's second enterprise.
            if (++opened == 2)
            {
                var raced = Task.Run(() => _officer.PostJsonAsync("/api/v1/parties", new PartyRequest(PartyKind.Enterprise, "抢先登记的企业",
                    DemoData.Ids.Yuanping, rows[1][2]))).GetAwaiter().GetResult();
                Assert.Equal(HttpStatusCode.Created, raced.StatusCode);
            }
            return new MemoryStream(file);
        }, "race.csv", names);

        Assert.False(result.IsSuccess);
        Assert.Equal("party.import_registered_meanwhile", result.Error.Code);
        Assert.Equal(2, opened);
        var after = await CountsAsync();
        Assert.Equal((before.Parties + 1, before.Batches, before.BatchAudits), (after.Parties, after.Batches, after.BatchAudits));
    }
}

public sealed class PartyCsvImportTests_Sqlite(SqliteApp fixture, ITestOutputHelper output) : PartyCsvImportTests(fixture.App, output), IClassFixture<SqliteApp>;

public sealed class PartyCsvImportTests_Postgres(PostgresApp fixture, ITestOutputHelper output) : PartyCsvImportTests(fixture.App, output), IClassFixture<PostgresApp>;
