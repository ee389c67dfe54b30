using System.Text;
using Zhifa.Core.Records;
using Zhifa.Web.Records;

namespace Zhifa.Tests.Records;

/// <summary>The case file's pages: documents on GB/T 9704's grid of 22 lines of 28 characters; a PDF by its page objects.</summary>
public sealed class CaseFilePagingTests
{
    private static DocumentLine P(string text) => new(DocumentLineStyle.Paragraph, text);

    [Fact]
    public void ADocument_TakesAPageFor22LinesOf28Characters()
    {
        // A paragraph of 26 characters plus its 2-character indent fills one line; of 27, two.
        Assert.Equal(1, CaseFilePaging.PagesOf([.. Enumerable.Repeat(P(new string('字', 26)), 22)]));
        Assert.Equal(2, CaseFilePaging.PagesOf([.. Enumerable.Repeat(P(new string('字', 26)), 23)]));
        Assert.Equal(2, CaseFilePaging.PagesOf([.. Enumerable.Repeat(P(new string('字', 27)), 11), P("字")]));
        // Half-width characters are half as wide: 52 digits and the indent make one line.
        Assert.Equal(1, CaseFilePaging.PagesOf([.. Enumerable.Repeat(P(new string('1', 52)), 22)]));
        // The title's larger type: 21 characters take two lines.
        Assert.Equal(2, CaseFilePaging.PagesOf([new DocumentLine(DocumentLineStyle.Title, new string('题', 21)), .. Enumerable.Repeat(P("字"), 21)]));
        Assert.Equal(1, CaseFilePaging.PagesOf([]));
    }

    [Fact]
    public async Task APdf_CountsItsPageObjects_NotThePageTree_AcrossTheReadsPieces()
    {
        var root = Path.Combine(Path.GetTempPath(), "zhifa-paging-" + Guid.NewGuid().ToString("N"));
        try
        {
            var store = new DirectoryBlobStore(root);
            // Three pages, the third's marker straddling the 81,920-byte read boundary, and one /Pages node that is not a page.
            var text = new StringBuilder("%PDF-1.4\n1 0 obj << /Type /Pages /Count 3 >> endobj\n2 0 obj << /Type /Page >> endobj\n3 0 obj <</Type/Page/Parent 1 0 R>> endobj\n");
            text.Append(' ', 81920 - text.Length - 14).Append("4 0 obj << /Type /Page >> endobj\n%%EOF");
            var blob = await store.PutAsync(new MemoryStream(Encoding.Latin1.GetBytes(text.ToString())), 1 << 20, default);
            Assert.Equal(3, await CaseFilePaging.PdfPagesAsync(store, blob.Sha256, default));
        }
        finally
        {
            if (Directory.Exists(root))
            {
                foreach (var f in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
                    File.SetAttributes(f, FileAttributes.Normal);
                Directory.Delete(root, true);
            }
        }
    }
}
