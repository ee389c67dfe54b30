using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Core.Data;
using Zhifa.Core.Records;
using Zhifa.Tests.Infrastructure;

namespace Zhifa.Tests.Records;

/// <summary>What the evidence tests upload and how they look behind the API: the rows, the store, its temporary files.</summary>
internal static class EvidenceUploads
{
    /// <summary>A PNG no other test sends (its size and colour from the run's serial).</summary>
    public static byte[] UniquePng() => RecordsDemo.Png(16 + TestData.Next() % 200, 9, (byte)TestData.Next(), 20, 30);

    /// <summary>A multipart upload: the fields first, the file last, sent as bytes with no type of its own.</summary>
    public static MultipartFormDataContent Upload(byte[] content, string fileName, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
            form.Add(new StringContent(value), name);
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return form;
    }

    public static async Task<int> RowsAsync(ZhifaApp app)
    {
        await using var scope = app.Scope(out var db);
        return await db.EvidenceFiles.Unscoped("the test counts every row").CountAsync();
    }

    public static DirectoryBlobStore Store(ZhifaApp app) => (DirectoryBlobStore)app.Services.GetRequiredService<IBlobStore>();

    public static int TempFiles(ZhifaApp app) => Directory.GetFiles(Path.Combine(Store(app).Root, "tmp")).Length;
}
