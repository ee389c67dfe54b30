using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Core.Cases;
using Zhifa.Core.Cases.UseCases;
using Zhifa.Core.Common;
using Zhifa.Core.Records;
using Zhifa.Core.Records.UseCases;
using Zhifa.Tests.Infrastructure;

namespace Zhifa.Tests.Records;

/// <summary>Issue 13: the evidence of a case through the API — stored by hash, typed by content, never half-stored, verifiable.</summary>
public abstract class EvidenceApiTests(ZhifaApp app)
{
    private readonly HttpClient _officer = app.ApiAs("yp.market.officer");
    private readonly HttpClient _head = app.ApiAs("yp.market.head");

    /// <summary>The expired-food case of the demo (原平市崞阳酒店): investigating, with its photo.</summary>
    private static readonly Guid ExpiredFoodCase = DeterministicGuid.From("case:涉嫌使用超过保质期的食品原料");

    /// <summary>The seizure of the demo (原平市惠民超市), taken with its video.</summary>
    private static readonly Guid SeizureCase = DeterministicGuid.From("case:涉嫌销售假冒注册商标的白酒");

    private static byte[] UniquePng() => EvidenceUploads.UniquePng();

    private static MultipartFormDataContent Upload(byte[] content, string fileName, params (string Name, string Value)[] fields) =>
        EvidenceUploads.Upload(content, fileName, fields);

    private Task<int> RowsAsync() => EvidenceUploads.RowsAsync(app);

    private DirectoryBlobStore Store => EvidenceUploads.Store(app);

    [Fact]
    public async Task APhotoTakenOnSite_IsKeptByItsHash_WithWhoWhenWhere_AndComesBackByteForByte()
    {
        var png = UniquePng();
        var response = await _officer.PostAsync($"/api/v1/cases/{ExpiredFoodCase}/evidence", Upload(png, "IMG_0001.jpg",
            ("kind", "Photo"), ("title", "冷库温度计读数"), ("step", "RegisterEvidence"), ("takenAt", "2026-11-30T01:02:03Z"), ("latitude", "38.7203"), ("longitude", "112.7114")));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var view = await response.ReadAsync<EvidenceView>();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(png)), view.Sha256);
        // The name said .jpg; the content is a PNG, and the content decides.
        Assert.Equal((EvidenceKind.Photo, "image/png", (long)png.Length, "冷库温度计读数", "IMG_0001.jpg"), (view.Kind, view.MediaType, view.Length, view.Title, view.FileName));
        Assert.Equal((CaseAction.RegisterEvidence, "yp.market.officer", 38.7203m, 112.7114m), (view.Step!.Value, view.UploadedByName, view.Latitude!.Value, view.Longitude!.Value));
        Assert.Equal(new DateTime(2026, 11, 30, 1, 2, 3, DateTimeKind.Utc), view.TakenAt);

        var listed = await _head.GetFromJsonAsync<List<EvidenceView>>($"/api/v1/cases/{ExpiredFoodCase}/evidence", ZhifaApp.Json);
        Assert.Contains(listed!, e => e.Id == view.Id);
        var content = await _head.GetAsync($"/api/v1/cases/{ExpiredFoodCase}/evidence/{view.Id}/content");
        Assert.Equal(HttpStatusCode.OK, content.StatusCode);
        Assert.Equal(png, await content.Content.ReadAsByteArrayAsync());
        Assert.Equal($"\"{view.Sha256}\"", content.Headers.ETag!.Tag);

        // The same photo again (a phone retrying): the first record, not a second.
        var again = await _officer.PostAsync($"/api/v1/cases/{ExpiredFoodCase}/evidence", Upload(png, "IMG_0001.jpg", ("kind", "Photo")));
        Assert.Equal(view.Id, (await again.ReadAsync<EvidenceView>()).Id);
    }

    [Fact]
    public async Task AFileChangedOnDisk_IsCaughtByTheCasesVerification_AndByTheStoreCheck()
    {
        var png = UniquePng();
        var view = await (await _officer.PostAsync($"/api/v1/cases/{ExpiredFoodCase}/evidence", Upload(png, "v.png", ("kind", "Photo")))).ReadAsync<EvidenceView>();
        var intact = await _head.GetFromJsonAsync<CaseVerification>($"/api/v1/cases/{ExpiredFoodCase}/evidence/verify", ZhifaApp.Json);
        var mine = Assert.Single(intact!.Checks, c => c.Id == view.Id);
        Assert.True(mine.Intact);
        Assert.Equal((view.Sha256, view.Sha256), (mine.Stored, mine.Audited));

        var path = Path.Combine(Store.Root, view.Sha256[..2], view.Sha256[2..4], view.Sha256);
        File.SetAttributes(path, FileAttributes.Normal);
        var changed = png.ToArray();
        changed[^20] ^= 0xFF;
        await File.WriteAllBytesAsync(path, changed);
        try
        {
            var after = await _head.GetFromJsonAsync<CaseVerification>($"/api/v1/cases/{ExpiredFoodCase}/evidence/verify", ZhifaApp.Json);
            var check = Assert.Single(after!.Checks, c => c.Id == view.Id);
            Assert.False(after.AllIntact);
            Assert.Equal((false, "records.check.file_changed", Convert.ToHexStringLower(SHA256.HashData(changed))), (check.Intact, check.Problem, check.Stored));

            await using var scope = app.Scope(out var db);
            var report = await EvidenceStoreCheck.RunAsync(db, Store);
            Assert.Contains(report.Problems, p => p.Contains(view.Id.ToString(), StringComparison.Ordinal) && p.Contains(view.Sha256, StringComparison.Ordinal));
        }
        finally
        {
            await File.WriteAllBytesAsync(path, png);
        }
    }

    [Fact]
    public async Task Withdrawing_NeedsAReasonAndTheVersion_KeepsTheFileAndTheReason_AndHappensOnce()
    {
        var view = await (await _officer.PostAsync($"/api/v1/cases/{ExpiredFoodCase}/evidence", Upload(UniquePng(), "w.png", ("kind", "Photo")))).ReadAsync<EvidenceView>();
        var url = $"/api/v1/cases/{ExpiredFoodCase}/evidence/{view.Id}/withdraw";
        var missing = await Problem.ReadAsync(await _head.PostJsonAsync(url, new { }), HttpStatusCode.BadRequest);
        Assert.Equal(["reason", "version"], missing.Errors!.Keys.Order());
        await Problem.ReadAsync(await _head.PostJsonAsync(url, new { version = view.Version + 1, reason = "拍摄对象错误" }), HttpStatusCode.Conflict);
        var withdrawn = await (await _head.PostJsonAsync(url, new { version = view.Version, reason = "拍摄对象错误" })).ReadAsync<EvidenceView>();
        Assert.Equal((true, "拍摄对象错误", "yp.market.head"), (withdrawn.Withdrawn, withdrawn.WithdrawalReason, withdrawn.WithdrawnByName));
        await Problem.ReadAsync(await _head.PostJsonAsync(url, new { version = withdrawn.Version, reason = "再次" }), HttpStatusCode.Conflict);
        // Still listed, still downloadable.
        var listed = await _officer.GetFromJsonAsync<List<EvidenceView>>($"/api/v1/cases/{ExpiredFoodCase}/evidence", ZhifaApp.Json);
        Assert.True(Assert.Single(listed!, e => e.Id == view.Id).Withdrawn);
        Assert.Equal(HttpStatusCode.OK, (await _officer.GetAsync($"/api/v1/cases/{ExpiredFoodCase}/evidence/{view.Id}/content")).StatusCode);
    }

    [Fact]
    public async Task ACaseOfAnotherBody_IsNotFound_ForReadingAndForAttaching()
    {
        var transport = app.ApiAs("yp.transport.officer");
        Assert.Equal(HttpStatusCode.NotFound, (await transport.GetAsync($"/api/v1/cases/{ExpiredFoodCase}/evidence")).StatusCode);
        var rows = await RowsAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await transport.PostAsync($"/api/v1/cases/{ExpiredFoodCase}/evidence", Upload(UniquePng(), "x.png"))).StatusCode);
        Assert.Equal(rows, await RowsAsync());
    }

    [Fact]
    public async Task TheDemoCases_CarryTheirEvidence_TheSeizureItsVideo()
    {
        var seizure = await _head.GetFromJsonAsync<List<EvidenceView>>($"/api/v1/cases/{SeizureCase}/evidence", ZhifaApp.Json);
        var video = Assert.Single(seizure!, e => e.Kind == EvidenceKind.Video);
        Assert.Equal((CaseAction.TakeMeasure, "video/mp4"), (video.Step!.Value, video.MediaType));
        var food = await _head.GetFromJsonAsync<List<EvidenceView>>($"/api/v1/cases/{ExpiredFoodCase}/evidence", ZhifaApp.Json);
        Assert.Contains(food!, e => e is { Kind: EvidenceKind.Photo, Step: CaseAction.RegisterEvidence, Title: "后厨冷库过期冻肉（全景）" });
        var verified = await _head.GetFromJsonAsync<CaseVerification>($"/api/v1/cases/{SeizureCase}/evidence/verify", ZhifaApp.Json);
        Assert.True(verified!.AllIntact);
        Assert.Equal(1, verified.Files);
    }
}

public sealed class EvidenceApiTests_Sqlite(SqliteApp fixture) : EvidenceApiTests(fixture.App), IClassFixture<SqliteApp>;

public sealed class EvidenceApiTests_Postgres(PostgresApp fixture) : EvidenceApiTests(fixture.App), IClassFixture<PostgresApp>;
