using Microsoft.Extensions.Localization;
using Zhifa.Core.Common;
using Zhifa.Core.Parties;

namespace Zhifa.Web.Parties;

/// <summary>What an import of parties answers: the parties registered, and for a CSV file its audited batch.</summary>
public sealed record PartyImportOutcome(int Imported, Guid? BatchId = null);

/// <summary>
/// The party import's upload, as the API and the page receive it: an Excel workbook (.xlsx, a zip: it starts with <c>PK</c>;
/// an old binary .xls is answered as not a workbook) or else a CSV file, told apart by the content, not by the name.
/// The server has buffered the upload (to disk past a few kilobytes), so the CSV file can be read twice.
/// </summary>
internal static class PartyUpload
{
    public static async Task<Result<PartyImportOutcome>> ImportAsync(IFormFile file, IServiceProvider services, IStringLocalizer l, CancellationToken ct)
    {
        var import = services.GetRequiredService<PartyImport>();
        var limits = services.GetRequiredService<ImportLimits>();
        var names = PartySheets.ImportNames(l);
        if (await IsWorkbookAsync(file, ct))
        {
            await using var stream = file.OpenReadStream();
            var rows = services.GetRequiredService<WorkbookReader>().Read(stream);
            if (!rows.IsSuccess)
                return rows.Error;
            var saved = await import.PartiesAsync(rows.Value, names, ct);
            return saved.IsSuccess ? new PartyImportOutcome(saved.Value) : saved.Error;
        }
        if (file.Length > limits.MaxCsvBytes)
            return CsvErrors.UploadTooLarge(limits.MaxCsvMegabytes);
        var copied = await import.CsvAsync(file.OpenReadStream, file.FileName, names, ct);
        return copied.IsSuccess ? new PartyImportOutcome(copied.Value.Imported, copied.Value.BatchId) : copied.Error;
    }

    /// <summary>A zip (PK) or an OLE compound file (an .xls): the workbook reader answers both, the second as not a workbook.</summary>
    private static async Task<bool> IsWorkbookAsync(IFormFile file, CancellationToken ct)
    {
        var head = new byte[4];
        await using var stream = file.OpenReadStream();
        var n = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        return (n >= 2 && head[0] == (byte)'P' && head[1] == (byte)'K') || (n == 4 && head is [0xD0, 0xCF, 0x11, 0xE0]);
    }
}
