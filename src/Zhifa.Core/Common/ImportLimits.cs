namespace Zhifa.Core.Common;

/// <summary>
/// Configuration section <c>Zhifa:Import</c>: the bounds every spreadsheet import holds, so that no uploaded file can
/// take the server down. The workbook reader stops at the first limit crossed (400, naming the limit); the use cases
/// report at most <see cref="MaxErrors"/> wrong cells with the total, and write in batches of <see cref="BatchSize"/>.
/// </summary>
public sealed class ImportLimits
{
    public const string Section = "Zhifa:Import";

    /// <summary>The uploaded workbook itself, compressed as it arrives.</summary>
    public long MaxUploadBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>Each part of the workbook (workbook, relationships, shared strings, sheet), counted uncompressed as it is read.</summary>
    public long MaxPartBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>Uncompressed bytes read per compressed byte of a part (a zip bomb inflates by thousands); checked past the first MiB.</summary>
    public int MaxCompressionRatio { get; set; } = 100;

    /// <summary>
    /// An uploaded CSV file, in MiB (an import that takes one, such as the party registry's bulk import). CSV is read as a
    /// stream, twice, so a file's length costs time, not memory; the endpoint's request size limit is raised to this.
    /// </summary>
    public int MaxCsvMegabytes { get; set; } = 512;

    public long MaxCsvBytes => MaxCsvMegabytes * 1024L * 1024L;

    /// <summary>Data rows (non-empty rows below the header) of the sheet (a workbook, which is read into memory; CSV has no row limit).</summary>
    public int MaxRows { get; set; } = 100_000;

    /// <summary>Titled columns of the header row.</summary>
    public int MaxColumns { get; set; } = 100;

    /// <summary>Characters of one cell (Excel's own limit is 32,767).</summary>
    public int MaxCellLength { get; set; } = 32_767;

    /// <summary>Entries of the shared-string table, which is held in memory while the sheet is read.</summary>
    public int MaxSharedStrings { get; set; } = 1_000_000;

    /// <summary>Characters of the shared-string table in all.</summary>
    public long MaxSharedStringsLength { get; set; } = 20_000_000;

    /// <summary>Wrong cells listed in a refused import; the answer also gives how many there are in all.</summary>
    public int MaxErrors { get; set; } = 200;

    /// <summary>Records written per save (one transaction for the whole import).</summary>
    public int BatchSize { get; set; } = 1000;
}
