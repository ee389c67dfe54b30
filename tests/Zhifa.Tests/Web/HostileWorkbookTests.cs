using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Xunit.Abstractions;
using Zhifa.Core.Demo;
using Zhifa.Tests.Infrastructure;
using Zhifa.Web.Common;

namespace Zhifa.Tests.Web;

/// <summary>
/// Hostile workbooks through the real import endpoints (officers and catalogue): each answers 400 with its code, nothing
/// is imported, and the app's memory stays bounded while it reads them — measured as the bytes allocated by the whole
/// process during the request (a reader that buffered a 1 GiB part would allocate more than that) and the peak growth
/// of its working set, with nothing else running.
/// </summary>
[Collection(Serial.Name)]
public sealed class HostileWorkbookTests(SqliteApp fixture, ITestOutputHelper output) : IClassFixture<SqliteApp>
{
    private const long MemoryBound = 500L * 1024 * 1024;

    private static readonly ConcurrentDictionary<string, Lazy<byte[]>> Files = new();

    private static readonly Dictionary<string, Func<byte[]>> Builders = new()
    {
        ["bomb"] = Workbooks.Bomb,
        ["inflating"] = Workbooks.Inflating,
        ["huge-cell"] = Workbooks.HugeCell,
        ["huge-shared-string"] = Workbooks.HugeSharedString,
        ["million-rows"] = Workbooks.MillionRows,
        ["not-a-zip"] = Workbooks.NotAZip,
        ["no-workbook"] = Workbooks.ZipWithoutWorkbook,
        ["no-sheets"] = Workbooks.WorkbookWithoutSheets,
        ["sheet-nowhere"] = Workbooks.SheetPointingNowhere,
        ["dtd"] = Workbooks.WithDtd,
        ["broken-xml"] = Workbooks.BrokenXml,
        ["too-large-upload"] = () => RandomNumberGenerator(21 * 1024 * 1024),
    };

    public static TheoryData<string, string, string?> Cases => new()
    {
        { "bomb", "import.part_too_large", "Zhifa:Import:MaxPartBytes" },
        { "inflating", "import.compression_ratio", "Zhifa:Import:MaxCompressionRatio" },
        { "huge-cell", "import.cell_too_long", "Zhifa:Import:MaxCellLength" },
        { "huge-shared-string", "import.cell_too_long", "Zhifa:Import:MaxCellLength" },
        { "million-rows", "import.too_many_rows", "Zhifa:Import:MaxRows" },
        { "not-a-zip", "import.not_a_zip", null },
        { "no-workbook", "import.no_workbook", null },
        { "no-sheets", "import.no_sheet", null },
        { "sheet-nowhere", "import.sheet_missing", null },
        { "dtd", "import.dtd_prohibited", null },
        { "broken-xml", "import.xml_malformed", null },
        { "too-large-upload", "import.upload_too_large", "Zhifa:Import:MaxUploadBytes" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task AHostileWorkbook_IsRefusedWith400_ByEveryImport_InBoundedMemory(string file, string code, string? limit)
    {
        var bytes = Files.GetOrAdd(file, f => new Lazy<byte[]>(() => Builders[f]())).Value;
        output.WriteLine($"{file}: {bytes.Length / 1024.0 / 1024.0:F1} MiB uploaded");
        var before = await CountsAsync();

        foreach (var (user, url) in new[]
        {
            ("admin", "/api/v1/officers/import"),
            ("yp.market.head", $"/api/v1/catalogue/import?ownerId={DemoData.Ids.YuanpingMarket}"),
        })
        {
            var client = fixture.App.ApiAs(user, "en");
            var (response, allocated, peak, elapsed) = await MeasureAsync(() => PostAsync(client, url, bytes));
            var body = await response.Content.ReadAsStringAsync();
            output.WriteLine($"  {url}: {(int)response.StatusCode} in {elapsed.TotalMilliseconds:F0} ms, {allocated / 1024.0 / 1024.0:F1} MiB allocated, working set +{peak / 1024.0 / 1024.0:F1} MiB at peak: {body}");

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            Assert.Equal(code, root.GetProperty("code").GetString());
            Assert.Equal("/problems/import-file-refused", root.GetProperty("type").GetString());
            Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("errors").GetProperty("file")[0].GetString()));
            Assert.Equal(root.GetProperty("detail").GetString(), root.GetProperty("errors").GetProperty("file")[0].GetString());
            if (limit is null)
                Assert.False(root.TryGetProperty("limit", out _));
            else
                Assert.Equal(limit, root.GetProperty("limit").GetString());
            Assert.True(allocated < MemoryBound, $"{allocated:N0} bytes allocated while refusing {file}");
            Assert.True(peak < MemoryBound, $"working set grew by {peak:N0} bytes while refusing {file}");
        }
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task TheRefusal_IsInTheCallersLanguage()
    {
        var zh = await PostAsync(fixture.App.ApiAs("admin"), "/api/v1/officers/import", Workbooks.WorkbookWithoutSheets());
        var problem = await Problem.ReadAsync(zh, HttpStatusCode.BadRequest);
        Assert.Equal("工作簿中没有工作表。", Assert.Single(problem.For("file")));
        Assert.Equal("文件无法导入", problem.Title);
        var en = await PostAsync(fixture.App.ApiAs("admin", "en"), "/api/v1/officers/import", Workbooks.WorkbookWithoutSheets());
        Assert.Equal("The workbook has no sheet.", (await Problem.ReadAsync(en, HttpStatusCode.BadRequest)).Detail);
    }

    private async Task<(int Officers, int Items)> CountsAsync()
    {
        await using var scope = fixture.App.Scope(out var db);
        return (db.Set<Zhifa.Core.Personnel.Officer>().Count(), db.Set<Zhifa.Core.Catalogue.CatalogueItem>().Count());
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, byte[] file)
    {
        using var content = new MultipartFormDataContent();
        var bytes = new ByteArrayContent(file);
        bytes.Headers.ContentType = new MediaTypeHeaderValue(Xlsx.ContentType);
        content.Add(bytes, "file", "import.xlsx");
        return await client.PostAsync(url, content);
    }

    /// <summary>The bytes the process allocates during <paramref name="request"/>, and how far its working set rises above where it started.</summary>
    private static async Task<(HttpResponseMessage Response, long Allocated, long PeakGrowth, TimeSpan Elapsed)> MeasureAsync(Func<Task<HttpResponseMessage>> request)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var start = process.WorkingSet64;
        var peak = start;
        using var done = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            using var self = Process.GetCurrentProcess();
            while (!done.IsCancellationRequested)
            {
                self.Refresh();
                peak = Math.Max(peak, self.WorkingSet64);
                try
                {
                    await Task.Delay(5, done.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
        });
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var response = await request();
        await response.Content.LoadIntoBufferAsync();
        watch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        await done.CancelAsync();
        await sampler;
        return (response, allocated, peak - start, watch.Elapsed);
    }

    private static byte[] RandomNumberGenerator(int length) => System.Security.Cryptography.RandomNumberGenerator.GetBytes(length);
}
