using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Zhifa.Core.Records;
using Zhifa.Core.Records.UseCases;

namespace Zhifa.Web.Records;

/// <summary>An item of the case file with the pages it takes and its first and last page in its volume (every page numbered, CASEFLOW.md).</summary>
public sealed record PagedItem(CaseFileItem Item, DocumentData? Document, int Pages, int FirstPage, int LastPage)
{
    public string PageRange => FirstPage == LastPage ? FirstPage.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{FirstPage}-{LastPage}";
}

/// <summary>
/// The pages of a case file. Documents are laid out on the grid of GB/T 9704 that <see cref="DocumentDocx"/> prints them on
/// (A4, 22 lines of 28 characters of 三号 type; a half-width character is half a character; the title's 二号 type takes 20
/// characters a line); a photo is one page, an audio or video file one page (its medium's sheet), a PDF its own pages
/// (its page objects counted), another document one page. Each volume is numbered from 1.
/// </summary>
public static partial class CaseFilePaging
{
    public const int LinesPerPage = 22;
    public const int CharactersPerLine = 28;
    public const int TitleCharactersPerLine = 20;

    public static int PagesOf(IReadOnlyList<DocumentLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var total = 0;
        foreach (var line in lines)
        {
            var width = line.Text.Sum(ch => ch < 0x2E80 && ch != '—' ? 0.5 : 1.0) + (line.Style == DocumentLineStyle.Paragraph ? 2 : 0);
            var perLine = line.Style == DocumentLineStyle.Title ? TitleCharactersPerLine : CharactersPerLine;
            total += Math.Max(1, (int)Math.Ceiling(width / perLine));
        }
        return Math.Max(1, (total + LinesPerPage - 1) / LinesPerPage);
    }

    public static async Task<IReadOnlyList<PagedItem>> PageAsync(CaseFileContents file, IReadOnlyList<DocumentData> documents, IBlobStore store, IStringLocalizer l,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(documents);
        var byEvent = documents.ToDictionary(d => d.Index);
        var next = new Dictionary<CaseFileVolume, int>();
        var paged = new List<PagedItem>();
        foreach (var item in file.Items)
        {
            var document = item.Event is { } e ? byEvent.GetValueOrDefault(e) : null;
            var pages = document is not null ? PagesOf(DocumentText.Lines(document, l))
                : item.MediaType == "application/pdf" && item.Sha256 is { } sha ? await PdfPagesAsync(store, sha, ct)
                : 1;
            var first = next.GetValueOrDefault(item.Volume, 1);
            next[item.Volume] = first + pages;
            paged.Add(new PagedItem(item, document, pages, first, first + pages - 1));
        }
        return paged;
    }

    /// <summary>The page objects of a stored PDF (<c>/Type /Page</c>, not <c>/Pages</c>), read in pieces; at least one.</summary>
    public static async Task<int> PdfPagesAsync(IBlobStore store, string sha256, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var stream = store.OpenRead(sha256);
        if (stream is null)
            return 1;
        // A match is counted once its start lies more than 32 characters before the end of what was read, so that the
        // whole of it and the character after it are known; the rest waits for the next piece, or the end.
        var buffer = new byte[81920];
        var pending = "";
        var count = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer, ct)) > 0)
        {
            var text = pending + Encoding.Latin1.GetString(buffer, 0, read);
            var cut = Math.Max(0, text.Length - 32);
            count += PageObject().Matches(text).Count(m => m.Index < cut);
            pending = text[cut..];
        }
        count += PageObject().Matches(pending).Count;
        return Math.Max(1, count);
    }

    [GeneratedRegex(@"/Type\s*/Page(?![a-zA-Z])")]
    private static partial Regex PageObject();
}
