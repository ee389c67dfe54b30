using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using Zhifa.Core.Records;
using Zhifa.Core.Records.UseCases;

namespace Zhifa.Web.Records;

/// <summary>
/// The case file as one archive: the table of contents (目录.html), the documents made as DOCX and the evidence as attached,
/// each under its volume in its bound order, and manifest.json with the SHA-256 of every file as written into the archive
/// (an evidence file whose content no longer matches its record is flagged there). Every item has its pages in its volume
/// (<see cref="CaseFilePaging"/>), in the table of contents and in the documents' footers. Built in a temporary file, never in memory.
/// </summary>
public static class CaseFileArchive
{
    public static async Task<Stream> WriteAsync(CaseFileContents file, IReadOnlyList<PagedItem> paged, IBlobStore store, IStringLocalizer l, DateTime now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(paged);
        var temp = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        var manifest = new List<object>();
        var rows = new StringBuilder();
        using (var zip = new ZipArchive(temp, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var page in paged)
            {
                var item = page.Item;
                var volume = item.Volume == CaseFileVolume.Main ? Zh(l, "records.volume.Main") : Zh(l, "records.volume.Secondary");
                string title, path, sha;
                long length;
                var changed = false;
                if (item.Document is { } kind)
                {
                    title = Zh(l, $"enum.DocumentKind.{kind}");
                    var bytes = page.Document is { } data ? DocumentDocx.Write(DocumentText.Lines(data, l), page.FirstPage) : [];
                    path = $"{volume}/{item.Sequence:D2}-{Safe(title)}{(item.Number is { } n ? "-" + Safe(n) : "")}.docx";
                    await using (var entry = zip.CreateEntry(path, CompressionLevel.Optimal).Open())
                        await entry.WriteAsync(bytes, ct);
                    sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
                    length = bytes.Length;
                }
                else
                {
                    title = item.Title;
                    var extension = item.MediaType switch { "image/png" => ".png", "image/jpeg" => ".jpg", "video/mp4" => ".mp4", "application/pdf" => ".pdf", _ => ".bin" };
                    path = $"{volume}/{item.Sequence:D2}-{Safe(title)}{extension}";
                    using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                    length = 0;
                    await using (var source = store.OpenRead(item.Sha256!))
                    await using (var entry = zip.CreateEntry(path, CompressionLevel.NoCompression).Open())
                    {
                        if (source is not null)
                        {
                            var buffer = new byte[81920];
                            int read;
                            while ((read = await source.ReadAsync(buffer, ct)) > 0)
                            {
                                hash.AppendData(buffer, 0, read);
                                await entry.WriteAsync(buffer.AsMemory(0, read), ct);
                                length += read;
                            }
                        }
                    }
                    sha = Convert.ToHexStringLower(hash.GetHashAndReset());
                    changed = sha != item.Sha256;
                }
                manifest.Add(new { volume = item.Volume.ToString(), sequence = item.Sequence, title, number = item.Number, on = item.On, by = item.By, path, sha256 = sha, length,
                    recordedSha256 = item.Sha256, changed, pages = page.Pages, firstPage = page.FirstPage, lastPage = page.LastPage });
                var on = item.On.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                rows.Append("<tr><td>").Append(WebUtility.HtmlEncode(volume)).Append("</td><td>").Append(item.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    .Append("</td><td>").Append(WebUtility.HtmlEncode(title)).Append("</td><td>").Append(WebUtility.HtmlEncode(item.Number ?? "")).Append("</td><td>").Append(page.PageRange).Append("</td><td>").Append(on)
                    .Append("</td><td>").Append(WebUtility.HtmlEncode(item.By)).Append("</td><td><code>").Append(sha).Append("</code></td></tr>\n");
            }
            var heading = WebUtility.HtmlEncode($"{file.BodyName} {file.CaseNumber} {file.Title}");
            var toc = $"""
                <!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>{heading}</title>
                <h1>{WebUtility.HtmlEncode(Zh(l, "records.file_toc"))}</h1><p>{heading}</p>
                <table border="1" cellpadding="4"><tr><th>{Zh(l, "records.file_volume")}</th><th>{Zh(l, "records.file_seq")}</th><th>{Zh(l, "records.file_title")}</th><th>{Zh(l, "records.file_number")}</th><th>{Zh(l, "records.file_pages")}</th><th>{Zh(l, "records.file_date")}</th><th>{Zh(l, "records.file_by")}</th><th>SHA-256</th></tr>
                {rows}</table></html>
                """;
            await using (var entry = zip.CreateEntry("目录.html").Open())
                await entry.WriteAsync(Encoding.UTF8.GetBytes(toc), ct);
            await using (var entry = zip.CreateEntry("manifest.json").Open())
                await JsonSerializer.SerializeAsync(entry, new { caseId = file.CaseId, caseNumber = file.CaseNumber, title = file.Title, body = file.BodyName, locked = file.Locked,
                    generatedAt = now, items = manifest }, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }, ct);
        }
        temp.Position = 0;
        return temp;
    }

    private static string Zh(IStringLocalizer l, string key)
    {
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = DocumentText.Chinese;
        try
        {
            return l[key].Value;
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>A name fit for a path inside the archive: no separators or characters a file system refuses.</summary>
    private static string Safe(string name) =>
        new string([.. name.Select(ch => ch is '/' or '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|' || char.IsControl(ch) ? '_' : ch)]).Trim();
}
