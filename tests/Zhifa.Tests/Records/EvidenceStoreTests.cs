using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
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

    private static byte[] UniquePng() => EvidenceUploads.UniquePng();

    private static MultipartFormDataContent Upload(byte[] content, string fileName, params (string Name, string Value)[] fields) =>
        EvidenceUploads.Upload(content, fileName, fields);

    private Task<int> RowsAsync() => EvidenceUploads.RowsAsync(app);

    private DirectoryBlobStore Store => EvidenceUploads.Store(app);

    private int TempFiles => EvidenceUploads.TempFiles(app);

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
        using var lost = new CancellationTokenSource();
        var file = new StreamContent(new BreakingStream(UniquePng().Concat(new byte[300_000]).ToArray(), breakAfter: 150_000, lost));
        form.Add(file, "file", "cut.png");
        await Assert.ThrowsAnyAsync<Exception>(() => _officer.PostAsync($"/api/v1/cases/{ExpiredFoodCase}/evidence", form, lost.Token));
        // The server may still be unwinding the broken request: give it a moment before looking.
        for (var i = 0; i < 50 && TempFiles > 0; i++)
            await Task.Delay(100);
        Assert.Equal((rows, blobs, 0), (await RowsAsync(), Store.All().Count(), TempFiles));
    }

    [Fact]
    public async Task AResumableUpload_CutOffHalfway_GoesOnFromTheServersOffset_AndIsEvidenceOnlyWhenComplete()
    {
        var rows = await RowsAsync();
        var photo = UniquePng().Concat(Enumerable.Range(0, 200_000).Select(i => (byte)i)).ToArray();
        var opened = await _officer.PostJsonAsync("/api/v1/uploads", new { length = photo.Length, fileName = "IMG_3001.png" });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var session = await opened.ReadAsync<UploadSession>();

        // The first piece breaks after 70,000 bytes: what arrived is kept, and HEAD says where to go on.
        using var lost = new CancellationTokenSource();
        using (var piece = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/uploads/{session.Id}") { Content = new StreamContent(new BreakingStream(photo[..120_000], 70_000, lost)) })
        {
            piece.Headers.Add("Upload-Offset", "0");
            await Assert.ThrowsAnyAsync<Exception>(() => _officer.SendAsync(piece, lost.Token));
        }
        long offset = 0;
        for (var i = 0; i < 50 && offset < 70_000; i++)
        {
            using var head = await _officer.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/api/v1/uploads/{session.Id}"));
            offset = long.Parse(head.Headers.GetValues("Upload-Offset").Single(), System.Globalization.CultureInfo.InvariantCulture);
            if (offset < 70_000)
                await Task.Delay(100);
        }
        Assert.Equal(70_000, offset);

        // Attaching it now is refused, and keeps it.
        var early = await Problem.ReadAsync(await _officer.PostJsonAsync($"/api/v1/cases/{ExpiredFoodCase}/evidence/from-upload", new { uploadId = session.Id }),
            HttpStatusCode.Conflict);
        Assert.Equal("records.upload_incomplete", early.Code);
        // A piece at the wrong offset is refused with the right one.
        using (var wrong = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/uploads/{session.Id}") { Content = new ByteArrayContent(photo[10..20]) })
        {
            wrong.Headers.Add("Upload-Offset", "10");
            var refused = await _officer.SendAsync(wrong);
            Assert.Equal((HttpStatusCode.Conflict, "70000"), (refused.StatusCode, refused.Headers.GetValues("Upload-Offset").Single()));
        }
        // Another officer cannot see or feed it.
        Assert.Equal(HttpStatusCode.NotFound, (await app.ApiAs("yp.transport.officer").GetAsync($"/api/v1/uploads/{session.Id}")).StatusCode);

        using (var rest = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/uploads/{session.Id}") { Content = new ByteArrayContent(photo[70_000..]) })
        {
            rest.Headers.Add("Upload-Offset", "70000");
            var done = await _officer.SendAsync(rest);
            Assert.Equal((HttpStatusCode.NoContent, photo.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                (done.StatusCode, done.Headers.GetValues("Upload-Offset").Single()));
        }
        Assert.Equal(rows, await RowsAsync());
        var attached = await _officer.PostJsonAsync($"/api/v1/cases/{ExpiredFoodCase}/evidence/from-upload",
            new { uploadId = session.Id, kind = "Photo", title = "续传的现场照片", step = "RegisterEvidence" });
        Assert.True(attached.StatusCode == HttpStatusCode.Created, await attached.Content.ReadAsStringAsync());
        var view = await attached.ReadAsync<EvidenceView>();
        Assert.Equal((Convert.ToHexStringLower(SHA256.HashData(photo)), (long)photo.Length, "IMG_3001.png"), (view.Sha256, view.Length, view.FileName));
        Assert.Equal(rows + 1, await RowsAsync());
        // Used up: the session is gone.
        Assert.Equal(HttpStatusCode.NotFound, (await _officer.GetAsync($"/api/v1/uploads/{session.Id}")).StatusCode);
    }

    /// <summary>A request body that sends some bytes, then breaks like a phone losing its connection.</summary>
    /// <remarks>The connection's loss reaches the server as the request's abort (<paramref name="lost"/> is cancelled), as a dropped socket would.</remarks>
    private sealed class BreakingStream(byte[] content, int breakAfter, CancellationTokenSource lost) : Stream
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
            {
                lost.CancelAfter(TimeSpan.FromMilliseconds(200));
                throw new IOException("connection lost");
            }
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
