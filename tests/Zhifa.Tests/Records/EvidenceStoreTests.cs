using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Core.Cases.UseCases;
using Zhifa.Core.Common;
using Zhifa.Core.Records;
using Zhifa.Core.Records.UseCases;
using Zhifa.Tests.Infrastructure;

namespace Zhifa.Tests.Records;

/// <summary>
/// Issue 13's bad input: what is refused or cut off leaves nothing — no record, no file, no temporary file. Each app has a
/// store of its own, so that no other test's upload is counted.
/// </summary>
public abstract class EvidenceStoreTests(ZhifaApp app)
{
    private readonly HttpClient _officer = app.ApiAs("yp.market.officer");

    private static readonly Guid ExpiredFoodCase = DeterministicGuid.From("case:涉嫌使用超过保质期的食品原料");

    private static byte[] UniquePng() => RecordsDemo.Png(16 + TestData.Next() % 200, 9, (byte)TestData.Next(), 20, 30);

    private static MultipartFormDataContent Upload(byte[] content, string fileName, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
            form.Add(new StringContent(value), name);
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return form;
    }

    private async Task<int> RowsAsync()
    {
        await using var scope = app.Scope(out var db);
        return await db.EvidenceFiles.Unscoped("the test counts every row").CountAsync();
    }

    private DirectoryBlobStore Store => (DirectoryBlobStore)app.Services.GetRequiredService<IBlobStore>();

    private int TempFiles => Directory.GetFiles(Path.Combine(Store.Root, "tmp")).Length;

    [Fact]
    public async Task ARenamedExecutable_AWrongField_AndAnUnreadableDate_AreRefusedAtOnce_AndNothingIsStored()
    {
        var rows = await RowsAsync();
        var blobs = Store.All().Count();
        var exe = "MZ\u0090\0\u0003\0\0\0\u0004\0\0\0\u00ff\u00ff\0\0 This program cannot be run in DOS mode."u8.ToArray().Concat(new byte[4096]).ToArray();
        var response = await _officer.PostAsync($"/api/v1/cases/{ExpiredFoodCase}/evidence", Upload(exe, "现场照片.jpg",
            ("kind", "Photo"), ("latitude", "100"), ("longitude", "112.7"), ("takenAt", "昨天下午")));
        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("无法识别的文件类型", Assert.Single(problem.For("file")));
        Assert.Single(problem.For("latitude"));
        Assert.Single(problem.For("takenAt"));
        Assert.Equal((rows, blobs, 0), (await RowsAsync(), Store.All().Count(), TempFiles));

        // A PDF sent as a photo: the content is a document.
        var pdf = "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n"u8.ToArray();
        var wrongKind = await Problem.ReadAsync(await _officer.PostAsync($"/api/v1/cases/{ExpiredFoodCase}/evidence", Upload(pdf, "photo.jpg", ("kind", "Photo"))),
            HttpStatusCode.BadRequest);
        Assert.Contains("文档", Assert.Single(wrongKind.For("file")));
        // No file at all.
        var none = await Problem.ReadAsync(await _officer.PostAsync($"/api/v1/cases/{ExpiredFoodCase}/evidence",
            new MultipartFormDataContent { { new StringContent("Photo"), "kind" } }), HttpStatusCode.BadRequest);
        Assert.Single(none.For("file"));
        Assert.Equal(rows, await RowsAsync());
    }

    [Fact]
    public async Task AFileOverItsKindsLimit_IsRefused_AndLeavesNothing()
    {
        var rows = await RowsAsync();
        await using var scope = app.Scope(out var db);
        var services = scope.ServiceProvider;
        var access = await services.GetRequiredService<Zhifa.Core.Identity.AccessLoader>().LoadAsync(DeterministicGuid.From("user:yp.market.officer"));
        db.Actor.SignedIn(access!);
        var desk = new EvidenceDesk(db, services.GetRequiredService<CaseQueries>(), services.GetRequiredService<Zhifa.Core.Audit.AuditQueries>(), Store,
            new EvidenceLimits { PhotoMegabytes = 1 }, app.Clock);
        var big = UniquePng().Concat(new byte[1024 * 1024 + 10]).ToArray();
        var result = await desk.AddAsync(ExpiredFoodCase, new EvidenceUpload(EvidenceKind.Photo), new MemoryStream(big));
        var error = Assert.IsType<ValidationError>(result.Error);
        Assert.Equal("records.file_too_large", Assert.Single(error.Fields["file"]).Code);
        Assert.Equal((rows, false, 0), (await RowsAsync(), Store.All().Contains(Convert.ToHexStringLower(SHA256.HashData(big))), TempFiles));
    }

    [Fact]
    public async Task AnUploadCutOffHalfway_LeavesNoRecordAndNoFile()
    {
        var rows = await RowsAsync();
        var blobs = Store.All().Count();
        var form = new MultipartFormDataContent { { new StringContent("Photo"), "kind" } };
        var file = new StreamContent(new BreakingStream(UniquePng().Concat(new byte[300_000]).ToArray(), breakAfter: 150_000));
        form.Add(file, "file", "cut.png");
        await Assert.ThrowsAnyAsync<Exception>(() => _officer.PostAsync($"/api/v1/cases/{ExpiredFoodCase}/evidence", form));
        // The server may still be unwinding the broken request: give it a moment before looking.
        for (var i = 0; i < 50 && TempFiles > 0; i++)
            await Task.Delay(100);
        Assert.Equal((rows, blobs, 0), (await RowsAsync(), Store.All().Count(), TempFiles));
    }

    /// <summary>A request body that sends some bytes, then breaks like a phone losing its connection.</summary>
    private sealed class BreakingStream(byte[] content, int breakAfter) : Stream
    {
        private int _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => content.Length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position >= breakAfter)
                throw new IOException("connection lost");
            var n = Math.Min(Math.Min(count, 8192), breakAfter - _position);
            Array.Copy(content, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

/// <summary>An app on a copy of the seeded database with a blob store of its own.</summary>
public sealed class PrivateStoreApp(string provider) : IDisposable
{
    public ZhifaApp App { get; } = new(provider, new Dictionary<string, string?>
    {
        ["Zhifa:Blobs:Path"] = Path.Combine(Path.GetTempPath(), "zhifa-blobs-" + Guid.NewGuid().ToString("N")),
    });

    public void Dispose() => App.Dispose();
}

public sealed class PrivateStoreSqliteApp() : IDisposable
{
    private readonly PrivateStoreApp _app = new(TestDatabases.Sqlite);
    public ZhifaApp App => _app.App;
    public void Dispose() => _app.Dispose();
}

public sealed class PrivateStorePostgresApp() : IDisposable
{
    private readonly PrivateStoreApp _app = new(TestDatabases.Postgres);
    public ZhifaApp App => _app.App;
    public void Dispose() => _app.Dispose();
}

public sealed class EvidenceStoreTests_Sqlite(PrivateStoreSqliteApp fixture) : EvidenceStoreTests(fixture.App), IClassFixture<PrivateStoreSqliteApp>;

public sealed class EvidenceStoreTests_Postgres(PrivateStorePostgresApp fixture) : EvidenceStoreTests(fixture.App), IClassFixture<PrivateStorePostgresApp>;
