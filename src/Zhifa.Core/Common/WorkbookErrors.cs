namespace Zhifa.Core.Common;

/// <summary>
/// 400: the uploaded file cannot be imported as it is — not a workbook, a malformed one, or past one of the import
/// limits (<see cref="Limit"/> names its setting). Nothing was read into the database. <see cref="Error.Code"/> says which.
/// </summary>
public sealed record ImportFileRefused(string ReasonCode, string? Limit, params object[] Arguments) : Error(ReasonCode, Arguments)
{
    /// <summary>The form field the file came in.</summary>
    public const string Field = "file";

    public override string Describe() => $"Import file refused: {ReasonCode}{(Limit is null ? "" : $" (limit {Limit})")}.";
}

/// <summary>Why an uploaded workbook is refused before any row is looked at: each code is stable, API-visible and the resource key of its message.</summary>
public static class WorkbookErrors
{
    private static string Setting(string name) => ImportLimits.Section + ":" + name;

    private static double Mib(long bytes) => Math.Round(bytes / (1024.0 * 1024.0), 1);

    // The file as a whole.
    public static ImportFileRefused UploadTooLarge(long maxBytes) => new("import.upload_too_large", Setting(nameof(ImportLimits.MaxUploadBytes)), Mib(maxBytes));
    public static ImportFileRefused NotAZip() => new("import.not_a_zip", null);
    public static ImportFileRefused TooManyParts(int max) => new("import.too_many_parts", null, max);
    public static ImportFileRefused NoWorkbook() => new("import.no_workbook", null);
    public static ImportFileRefused NoSheet() => new("import.no_sheet", null);
    public static ImportFileRefused SheetMissing(string sheet) => new("import.sheet_missing", null, sheet);

    // A part of the workbook.
    public static ImportFileRefused DtdProhibited(string part) => new("import.dtd_prohibited", null, part);
    public static ImportFileRefused XmlMalformed(string part, int line, int position) => new("import.xml_malformed", null, part, line, position);
    public static ImportFileRefused PartCorrupt(string part) => new("import.part_corrupt", null, part);
    public static ImportFileRefused PartTooLarge(string part, long maxBytes) => new("import.part_too_large", Setting(nameof(ImportLimits.MaxPartBytes)), part, Mib(maxBytes));
    public static ImportFileRefused CompressionRatio(string part, int maxRatio) => new("import.compression_ratio", Setting(nameof(ImportLimits.MaxCompressionRatio)), part, maxRatio);
    public static ImportFileRefused MarkupTooLong(string part, int maxBytes) => new("import.markup_too_long", Setting(nameof(ImportLimits.MaxCellLength)), part, maxBytes);
    public static ImportFileRefused SharedStringMissing(string cell) => new("import.shared_string_missing", null, cell);

    // The sheet's contents.
    public static ImportFileRefused TooManyRows(int max) => new("import.too_many_rows", Setting(nameof(ImportLimits.MaxRows)), max);
    public static ImportFileRefused TooManyColumns(int max) => new("import.too_many_columns", Setting(nameof(ImportLimits.MaxColumns)), max);
    public static ImportFileRefused CellTooLong(string where, int maxLength) => new("import.cell_too_long", Setting(nameof(ImportLimits.MaxCellLength)), where, maxLength);
    public static ImportFileRefused TooManySharedStrings(int max) => new("import.shared_strings_too_many", Setting(nameof(ImportLimits.MaxSharedStrings)), max);
    public static ImportFileRefused SharedStringsTooLong(long maxLength) => new("import.shared_strings_too_long", Setting(nameof(ImportLimits.MaxSharedStringsLength)), maxLength);
}
